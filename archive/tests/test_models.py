"""The models: named constraints in the database, worded errors for editors, natural keys,
text and URLs, the derived search columns and searching in any script."""

import copy
import datetime
import json
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core import serializers
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import UniqueConstraint
from django.urls import reverse
from django.utils import translation

from archive.models import (
    Adaptation,
    Award,
    BoxOfficeFigure,
    Ceremony,
    Company,
    CompanyCredit,
    Country,
    ExternalLink,
    Film,
    FilmFact,
    FilmNote,
    FilmTitle,
    Genre,
    GenreName,
    Image,
    Language,
    Person,
    Role,
    Source,
)
from archive.models.base import choice_label
from archive.models.history import is_audit_model
from archive.models.person import distinction, partial_date_display, validate_partial_date
from archive.text import fold

from . import factories

#: The archive's records: not the edit history nor the fixture-load log.
ARCHIVE_MODELS = [
    model for model in apps.get_app_config("archive").get_models() if not is_audit_model(model)
]

#: Every named constraint of the archive, by name: (model, constraint).
CONSTRAINTS = {
    constraint.name: (model, constraint)
    for model in ARCHIVE_MODELS
    for constraint in model._meta.constraints
}


@pytest.fixture(scope="module")
def world_for_module(django_db_setup, django_db_blocker):
    with factories.data_for_module(django_db_blocker, build_world) as world:
        yield world


@pytest.fixture
def world(world_for_module, db):
    """A small archive: the 2013 film, its Turkish remake and one record of every kind;
    written once for the module, its records copied for each test (as Django's
    ``setUpTestData`` copies them), so that a test's changes to one stay its own."""
    return copy.deepcopy(world_for_module)


def build_world():
    korean = Language.objects.get(code="ko")
    turkish = Language.objects.get(code="tr")
    korea = Country.objects.get(code="KR")
    source = Source.objects.create(key="seed-article", title="The seed article")
    genre = Genre.objects.create(name="Comedy-drama", slug="comedy-drama")
    genre_name = GenreName.objects.create(genre=genre, language=korean, name="코미디 드라마")
    film = Film.objects.create(
        title="Miracle in Cell No. 7",
        year=2013,
        release_date=datetime.date(2013, 1, 23),
        runtime=127,
        original_language=korean,
    )
    film.countries.add(korea)
    film.genres.add(genre)
    film.sources.add(source)
    remake = Film.objects.create(title="7. Koğuştaki Mucize", year=2019, original_language=turkish)
    ryu = Person.objects.create(name="Ryu Seung-ryong", name_original="류승룡")
    aras = Person.objects.create(name="Aras Bulut İynemli")
    director = Person.objects.create(name="Lee Hwan-kyung")
    role = Role.objects.create(
        film=film, person=ryu, kind=Role.Kind.ACTOR, character="Lee Yong-gu", billing=1
    )
    directing = Role.objects.create(film=film, person=director, kind=Role.Kind.DIRECTOR)
    Role.objects.create(film=remake, person=aras, kind=Role.Kind.ACTOR, note="lead", billing=1)
    title = FilmTitle.objects.create(
        film=film, text="7번방의 선물", kind=FilmTitle.Kind.ORIGINAL, language=korean
    )
    FilmTitle.objects.create(
        film=film, text="7beonbang-ui Seonmul", kind=FilmTitle.Kind.ROMANIZED, language=korean
    )
    FilmTitle.objects.create(film=remake, text="7. Koğuştaki Mucize", kind=FilmTitle.Kind.ORIGINAL)
    figure = BoxOfficeFigure.objects.create(
        film=film,
        kind=BoxOfficeFigure.Kind.ADMISSIONS,
        key="day-46",
        value=Decimal("12000000"),
        qualifier=BoxOfficeFigure.Qualifier.MORE_THAN,
        days_since_release=46,
    )
    budget = BoxOfficeFigure.objects.create(
        film=film,
        kind=BoxOfficeFigure.Kind.BUDGET,
        key="production",
        value=Decimal("3500000000"),
        currency="KRW",
    )
    link = ExternalLink.objects.create(
        film=film, site=ExternalLink.Site.IMDB, label="Miracle in Cell No. 7 at IMDb"
    )
    note = FilmNote.objects.create(film=film, topic="Final admissions", text="About 12.8 million.")
    fact = FilmFact.objects.create(film=remake, field=FilmFact.Field.RELEASED, value="2020")
    company = Company.objects.create(name="Fineworks", slug="fineworks", country=korea)
    credit = CompanyCredit.objects.create(
        film=film, company=company, kind=CompanyCredit.Kind.PRODUCTION
    )
    ceremony = Ceremony.objects.create(
        name="Grand Bell Awards", slug="grand-bell-awards", country=korea
    )
    award_person = Award.objects.create(
        ceremony=ceremony,
        edition=50,
        year=2013,
        category="Best Actor",
        result=Award.Result.WON,
        film=film,
        person=ryu,
        note="Shared with Song Kang-ho",
    )
    award_film = Award.objects.create(
        ceremony=ceremony,
        edition=50,
        year=2013,
        category="Planning Award",
        result=Award.Result.WON,
        film=film,
    )
    adaptation = Adaptation.objects.create(
        source=film, adaptation=remake, kind=Adaptation.Kind.OFFICIAL_REMAKE
    )
    # A record only: no file is read here.
    image = Image.objects.create(
        film=film, kind=Image.Kind.POSTER, alt="Poster", file=IMAGE_FILE, is_main=True
    )
    return SimpleNamespace(**locals())


IMAGE_FILE = "images/ab/0123456789abcdef.jpg"


def portrait(w, name, **fields):
    return Image.objects.create(
        person=w.ryu, kind=Image.Kind.PORTRAIT, alt="Portrait", file=name, **fields
    )


# --- Named constraints -------------------------------------------------------------------

#: For every named constraint, a write that breaks it (and nothing else).
VIOLATIONS = {
    "film_year_in_range": lambda w: Film.objects.create(title="Too early", year=1869),
    "film_runtime_positive": lambda w: Film.objects.create(title="Short", year=2013, runtime=0),
    "film_slug_not_empty": lambda w: Film.objects.filter(pk=w.film.pk).update(slug=""),
    "film_title_unique": lambda w: FilmTitle.objects.create(
        film=w.film, text="7번방의 선물", kind=FilmTitle.Kind.ORIGINAL
    ),
    "film_title_not_empty": lambda w: FilmTitle.objects.create(film=w.film, text=""),
    "figure_value_not_negative": lambda w: BoxOfficeFigure.objects.create(
        film=w.film, kind=BoxOfficeFigure.Kind.ADMISSIONS, key="loss", value=Decimal("-1")
    ),
    "figure_unique_key": lambda w: BoxOfficeFigure.objects.create(
        film=w.film, kind=BoxOfficeFigure.Kind.ADMISSIONS, key="day-46", value=Decimal("1")
    ),
    "link_unique_label": lambda w: ExternalLink.objects.create(
        film=w.film, site=ExternalLink.Site.IMDB, label="Miracle in Cell No. 7 at IMDb"
    ),
    "film_fact_unique_value": lambda w: FilmFact.objects.create(
        film=w.remake, field=FilmFact.Field.RELEASED, value="2020"
    ),
    "film_fact_field_not_empty": lambda w: FilmFact.objects.create(film=w.film, field=""),
    "film_note_unique_topic": lambda w: FilmNote.objects.create(
        film=w.film, topic="Final admissions", text="Another text on the same topic."
    ),
    "company_credit_unique": lambda w: CompanyCredit.objects.create(
        film=w.film, company=w.company, kind=CompanyCredit.Kind.PRODUCTION
    ),
    "person_name_not_empty": lambda w: Person.objects.create(name="", slug="nameless"),
    "person_slug_not_empty": lambda w: Person.objects.filter(pk=w.ryu.pk).update(slug=""),
    "person_slug_lowercase": lambda w: Person.objects.filter(pk=w.ryu.pk).update(slug="Ryu"),
    "person_death_not_before_birth": lambda w: Person.objects.filter(pk=w.ryu.pk).update(
        birth_date="1970", death_date="1969-12"
    ),
    "film_slug_lowercase": lambda w: Film.objects.filter(pk=w.film.pk).update(slug="Miracle"),
    "genre_slug_lowercase": lambda w: Genre.objects.create(name="Noir", slug="Noir"),
    "genre_name_unique": lambda w: GenreName.objects.create(
        genre=w.genre, language=w.korean, name="희극 드라마"
    ),
    "genre_name_not_empty": lambda w: GenreName.objects.create(
        genre=w.genre, language=w.turkish, name=""
    ),
    "ceremony_slug_lowercase": lambda w: Ceremony.objects.create(name="Gala", slug="Gala"),
    "company_slug_lowercase": lambda w: Company.objects.create(name="Studio", slug="Studio"),
    "role_unique_credit": lambda w: Role.objects.create(
        film=w.film, person=w.ryu, kind=Role.Kind.ACTOR, character="Lee Yong-gu"
    ),
    "role_billing_from_one": lambda w: Role.objects.create(
        film=w.film, person=w.ryu, kind=Role.Kind.PRODUCER, billing=0
    ),
    "role_character_only_for_actors": lambda w: Role.objects.create(
        film=w.film, person=w.ryu, kind=Role.Kind.DIRECTOR, character="Lee Yong-gu"
    ),
    "adaptation_not_of_itself": lambda w: Adaptation.objects.create(
        source=w.film, adaptation=w.film
    ),
    "adaptation_unique_pair": lambda w: Adaptation.objects.create(
        source=w.film, adaptation=w.remake, kind=Adaptation.Kind.INSPIRED_BY
    ),
    "award_year_in_range": lambda w: Award.objects.create(
        ceremony=w.ceremony, year=2101, category="Best Film", result="won", film=w.film
    ),
    "award_edition_from_one": lambda w: Award.objects.create(
        ceremony=w.ceremony, edition=0, year=2013, category="Best Film", result="won", film=w.film
    ),
    "award_unique_person": lambda w: Award.objects.create(
        ceremony=w.ceremony,
        year=2013,
        category="Best Actor",
        result=Award.Result.NOMINATED,
        film=w.film,
        person=w.ryu,
    ),
    "award_unique_film": lambda w: Award.objects.create(
        ceremony=w.ceremony,
        year=2013,
        category="Planning Award",
        result=Award.Result.NOMINATED,
        film=w.film,
    ),
    "image_one_owner_and_kind": lambda w: Image.objects.filter(pk=w.image.pk).update(
        kind=Image.Kind.PORTRAIT
    ),
    "image_one_main_per_film": lambda w: Image.objects.create(
        film=w.film, kind=Image.Kind.STILL, alt="Still", file="images/cd/1.jpg", is_main=True
    ),
    "image_one_main_per_person": lambda w: (
        portrait(w, "images/ef/1.jpg", is_main=True),
        portrait(w, "images/ef/2.jpg", is_main=True),
    ),
    "image_alt_not_empty": lambda w: Image.objects.filter(pk=w.image.pk).update(alt=""),
}


def test_every_named_constraint_has_a_violation_test():
    assert set(VIOLATIONS) == set(CONSTRAINTS)


@pytest.mark.parametrize("name", sorted(VIOLATIONS))
def test_database_rejects_a_row_that_breaks_the_named_constraint(world, name):
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        VIOLATIONS[name](world)
    message = str(caught.value)
    model, constraint = CONSTRAINTS[name]
    if isinstance(constraint, UniqueConstraint) and connection.vendor == "sqlite":
        # SQLite names the columns of a unique index, not the index.
        for field_name in constraint.fields:
            column = model._meta.get_field(field_name).column
            assert f"{model._meta.db_table}.{column}" in message
    else:
        assert name in message


def test_the_database_keeps_the_row_that_was_there_before_a_rejected_write(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        VIOLATIONS["role_unique_credit"](world)
    assert Role.objects.filter(film=world.film, person=world.ryu).count() == 1


# --- Worded errors for editors -----------------------------------------------------------

FORM_ERRORS = {
    "film year": (
        lambda w: Film(title="Too early", slug="too-early", year=1869),
        "The year must be between 1870 and 2100.",
    ),
    "film runtime": (
        lambda w: Film(title="Short", slug="short-2013", year=2013, runtime=0),
        "The runtime must be more than 0 minutes.",
    ),
    "release date in another year": (
        lambda w: Film(
            title="Late", slug="late-2012", year=2012, release_date=datetime.date(2013, 1, 23)
        ),
        "The release date is in 2013; the year must match.",
    ),
    "released film without a year": (
        lambda w: Film(title="Someday", slug="someday", status=Film.Status.RELEASED),
        "A released film needs its year.",
    ),
    "crew with a character": (
        lambda w: Role(film=w.film, person=w.ryu, kind=Role.Kind.DIRECTOR, character="Yong-gu"),
        "Only an actor's credit has a character.",
    ),
    "credit twice": (
        lambda w: Role(film=w.film, person=w.ryu, kind=Role.Kind.ACTOR, character="Lee Yong-gu"),
        "This person already has this credit (and character) on this film.",
    ),
    "billing from one": (
        lambda w: Role(film=w.film, person=w.ryu, kind=Role.Kind.PRODUCER, billing=0),
        "Billing order starts at 1.",
    ),
    "adapted from itself": (
        lambda w: Adaptation(source=w.film, adaptation=w.film),
        "A film cannot be adapted from itself.",
    ),
    "adaptation twice": (
        lambda w: Adaptation(source=w.film, adaptation=w.remake),
        "This adaptation is already recorded.",
    ),
    "negative figure": (
        lambda w: BoxOfficeFigure(film=w.film, kind="admissions", key="x", value=Decimal("-5")),
        "A figure cannot be negative.",
    ),
    "figure key twice": (
        lambda w: BoxOfficeFigure(film=w.film, kind="admissions", key="day-46", value=1),
        "The film already has a figure of this kind with this key.",
    ),
    "money without currency": (
        lambda w: BoxOfficeFigure(film=w.film, kind="gross", key="final", value=1),
        "A sum of money needs its currency.",
    ),
    "title twice": (
        lambda w: FilmTitle(film=w.film, text="7번방의 선물", kind=FilmTitle.Kind.ORIGINAL),
        "This film already has this title of this kind.",
    ),
    "company credit twice": (
        lambda w: CompanyCredit(film=w.film, company=w.company, kind="production"),
        "This company already has this credit on this film.",
    ),
    "award year": (
        lambda w: Award(
            ceremony=w.ceremony, year=1869, category="Best Film", result="won", film=w.film
        ),
        "The year must be between 1870 and 2100.",
    ),
    "award edition": (
        lambda w: Award(
            ceremony=w.ceremony,
            edition=0,
            year=2013,
            category="Best Film",
            result="won",
            film=w.film,
        ),
        "The edition starts at 1.",
    ),
    "person's award twice": (
        lambda w: Award(
            ceremony=w.ceremony,
            year=2013,
            category="Best Actor",
            result="won",
            film=w.film,
            person=w.ryu,
        ),
        "This person already has this award for this film.",
    ),
    "film's award twice": (
        lambda w: Award(
            ceremony=w.ceremony, year=2013, category="Planning Award", result="won", film=w.film
        ),
        "This film already has this award.",
    ),
}


@pytest.mark.parametrize("case", sorted(FORM_ERRORS))
def test_full_clean_words_the_error_for_an_editor(world, case):
    build, expected = FORM_ERRORS[case]
    with pytest.raises(ValidationError) as caught:
        build(world).full_clean()
    assert expected in caught.value.messages


def test_two_people_can_play_one_character_at_different_ages(world):
    for name, note, billing in (("Kal So-won", "child", 2), ("Park Shin-hye", "adult", 3)):
        role = Role(
            film=world.film,
            person=Person.objects.create(name=name),
            kind=Role.Kind.ACTOR,
            character="Ye-sung",
            note=note,
            billing=billing,
        )
        role.full_clean()
        role.save()
    ye_sung = world.film.roles.filter(kind=Role.Kind.ACTOR, character="Ye-sung")
    assert [(r.person.name, r.note) for r in ye_sung] == [
        ("Kal So-won", "child"),
        ("Park Shin-hye", "adult"),
    ]


# --- Natural keys ------------------------------------------------------------------------

NATURAL_KEY_RECORDS = [
    "film",
    "remake",
    "ryu",
    "role",
    "directing",
    "title",
    "figure",
    "link",
    "note",
    "fact",
    "credit",
    "company",
    "genre",
    "genre_name",
    "source",
    "ceremony",
    "award_person",
    "award_film",
    "adaptation",
    "korea",
    "korean",
    "image",
]


def test_every_archive_model_has_a_natural_key():
    for model in ARCHIVE_MODELS:
        assert hasattr(model, "natural_key"), model
        assert hasattr(model._default_manager, "get_by_natural_key"), model


def test_natural_key_tests_cover_every_archive_model(world):
    covered = {type(getattr(world, name)) for name in NATURAL_KEY_RECORDS}
    assert covered == set(ARCHIVE_MODELS)


@pytest.mark.parametrize("name", NATURAL_KEY_RECORDS)
def test_natural_key_finds_the_record_again(world, name):
    record = getattr(world, name)
    key = record.natural_key()
    assert type(record)._default_manager.get_by_natural_key(*key) == record


def test_award_natural_key_has_no_person_when_the_film_won_it(world):
    assert world.award_film.natural_key() == (
        "grand-bell-awards",
        2013,
        "Planning Award",
        "miracle-in-cell-no-7-2013",
        None,
    )
    assert world.award_person.natural_key()[-1] == "ryu-seung-ryong"


def test_award_natural_keys_tell_the_person_and_the_film_apart(world):
    Award.objects.create(
        ceremony=world.ceremony,
        year=2013,
        category="Best Actor",
        result=Award.Result.WON,
        film=world.film,
    )
    assert Award.objects.get_by_natural_key(*world.award_person.natural_key()).person == world.ryu
    film_only = Award.objects.get_by_natural_key(
        "grand-bell-awards", 2013, "Best Actor", "miracle-in-cell-no-7-2013", None
    )
    assert film_only.person is None


# --- Text and addresses ------------------------------------------------------------------

STRINGS = {
    "film": "Miracle in Cell No. 7 (2013)",
    "remake": "7. Koğuştaki Mucize (2019)",
    "ryu": "Ryu Seung-ryong",
    "role": "Ryu Seung-ryong – Actor as Lee Yong-gu",
    "directing": "Lee Hwan-kyung – Director",
    "title": "7번방의 선물",
    "figure": "Admissions: more than 12,000,000",
    "budget": "Production budget: KRW 3,500,000,000",
    "link": "Miracle in Cell No. 7 at IMDb",
    "note": "Final admissions",
    "credit": "Fineworks (Production company)",
    "company": "Fineworks",
    "genre": "Comedy-drama",
    "source": "The seed article",
    "ceremony": "Grand Bell Awards",
    "award_person": "Grand Bell Awards 2013: Best Actor – Ryu Seung-ryong (Won)",
    "award_film": "Grand Bell Awards 2013: Planning Award – Miracle in Cell No. 7 (2013) (Won)",
    "adaptation": "7. Koğuştaki Mucize (2019) (official remake of Miracle in Cell No. 7 (2013))",
    "korea": "South Korea",
    "korean": "Korean",
}


@pytest.mark.parametrize("name", sorted(STRINGS))
def test_str_is_what_a_reader_expects(world, name):
    assert str(getattr(world, name)) == STRINGS[name]


def test_a_records_name_gives_its_kind_in_the_active_language(world):
    with translation.override("ko"):
        assert str(world.directing) == "Lee Hwan-kyung – 감독"
        assert str(world.figure).startswith("관객 수: ")
    with translation.override("tr"):
        assert str(world.role).startswith("Ryu Seung-ryong – Oyuncu ")


def test_a_choice_label_is_the_value_itself_when_it_is_no_choice():
    assert choice_label(Role.Kind, Role.Kind.DIRECTOR) == "Director"
    assert type(choice_label(Role.Kind, "director")) is str
    assert choice_label(Role.Kind, "stunt double") == "stunt double"
    assert choice_label(FilmFact.Field, "runtime") == FilmFact(field="runtime").get_field_display()


def test_a_film_without_a_title_shows_as_untitled(db):
    announced = Film.objects.create(
        title="", slug="untitled-hindi-remake", status=Film.Status.ANNOUNCED
    )
    assert str(announced) == "Untitled film"
    announced.year = 2027
    assert str(announced) == "Untitled film (2027)"
    assert announced.display_title == "Untitled film"


def test_films_of_one_title_read_apart_by_their_year(world):
    remake = Film.objects.create(title=world.film.title, slug="miracle-in-cell-no-7-2019")
    assert str(remake) == "Miracle in Cell No. 7"  # no year yet
    remake.year = 2019
    assert str(remake) == "Miracle in Cell No. 7 (2019)" != str(world.film)


def test_film_and_person_urls_follow_the_design(world):
    assert (
        world.film.get_absolute_url()
        == reverse("archive:film-detail", kwargs={"slug": "miracle-in-cell-no-7-2013"})
        == "/films/miracle-in-cell-no-7-2013/"
    )
    assert (
        world.ryu.get_absolute_url()
        == reverse("archive:person-detail", kwargs={"slug": "ryu-seung-ryong"})
        == "/people/ryu-seung-ryong/"
    )


@pytest.mark.parametrize(
    "name", ["role", "title", "figure", "link", "note", "credit", "award_person", "award_film"]
)
def test_a_film_part_links_to_its_film(world, name):
    assert getattr(world, name).get_absolute_url() == world.film.get_absolute_url()


def test_an_adaptation_links_to_the_film_made_from_the_source(world):
    assert world.adaptation.get_absolute_url() == world.remake.get_absolute_url()


def test_ceremony_and_genre_link_to_their_filtered_lists(world):
    assert world.ceremony.get_absolute_url() == (
        reverse("archive:award-list") + "?ceremony=grand-bell-awards"
    )
    assert world.genre.get_absolute_url() == reverse("archive:film-list") + "?genre=comedy-drama"


@pytest.mark.parametrize(
    "language, shown", [("en", "Comedy-drama"), ("ko", "코미디 드라마"), ("tr", "Comedy-drama")]
)
def test_a_genre_read_with_its_names_is_named_in_the_active_language(
    world, django_assert_num_queries, language, shown
):
    """Its name in the language where the archive has one (no Turkish name here), its own
    otherwise and in English; read in the same query as the genre."""
    with translation.override(language), django_assert_num_queries(1):
        (genre,) = Genre.objects.named()
        assert str(genre) == shown
    assert str(Genre.objects.get(pk=world.genre.pk)) == "Comedy-drama"  # read plainly
    assert str(world.genre_name) == "코미디 드라마"


# --- Slugs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "year", "slug"),
    [
        # Years the module's world does not hold: its films keep their slugs.
        ("Miracle in Cell No. 7", 2014, "miracle-in-cell-no-7-2014"),
        ("7. Koğuştaki Mucize", 2020, "7-kogustaki-mucize-2020"),
        ("Pushpaka Vimana", 2017, "pushpaka-vimana-2017"),
        ("Untitled remake", None, "untitled-remake"),
    ],
)
def test_film_slug_is_the_title_and_year_without_accents(db, title, year, slug):
    assert Film.objects.create(title=title, year=year).slug == slug


def test_film_year_comes_from_the_release_date(db):
    film = Film.objects.create(title="Miracle", release_date=datetime.date(2013, 1, 23))
    assert (film.year, film.slug) == (2013, "miracle-2013")


def test_a_given_slug_is_kept(db):
    film = Film.objects.create(title="Miracle in Cell No. 7", year=2019, slug="mic7-ph")
    film.title = "Another title"
    film.save()
    film.refresh_from_db()
    assert film.slug == "mic7-ph"


def test_person_slug_drops_accents(db):
    assert Person.objects.create(name="Nisa Sofiya Aksongur").slug == "nisa-sofiya-aksongur"
    assert Person.objects.create(name="Mehmet Ada Öztekin").slug == "mehmet-ada-oztekin"
    assert Person.objects.create(name="Deniz Baysal İnce").slug == "deniz-baysal-ince"


# --- Derived search columns --------------------------------------------------------------


def test_folded_search_columns_are_derived_on_save(world):
    world.remake.refresh_from_db()
    world.title.refresh_from_db()
    world.role.refresh_from_db()
    world.ryu.refresh_from_db()
    assert world.remake.title_folded == "7. kogustaki mucize"
    assert world.title.folded == "7번방의 선물"
    assert world.role.character_folded == "lee yong-gu"
    assert world.ryu.names_folded.splitlines() == ["ryu seung-ryong", "류승룡"]


def test_folded_search_columns_follow_an_edit(world):
    world.ryu.other_names = "Ryoo Seung-ryong"
    world.ryu.save()
    world.ryu.refresh_from_db()
    assert "ryoo seung-ryong" in world.ryu.names_folded.splitlines()


def test_folded_search_columns_are_derived_for_a_fixture_that_lacks_them(db):
    records = [
        {
            "model": "archive.person",
            "fields": {"name": "Mehmet Ada Öztekin", "slug": "mehmet-ada-oztekin"},
        },
        {
            "model": "archive.film",
            "fields": {"title": "7. Koğuştaki Mucize", "slug": "7-kogustaki-mucize-2020"},
        },
        {
            "model": "archive.filmtitle",
            "fields": {"film": ["7-kogustaki-mucize-2020"], "text": "7. KOĞUŞTAKİ MUCİZE"},
        },
        {
            "model": "archive.role",
            "fields": {
                "film": ["7-kogustaki-mucize-2020"],
                "person": ["mehmet-ada-oztekin"],
                "kind": "actor",
                "character": "Memo",
            },
        },
    ]
    for record in serializers.deserialize("json", json.dumps(records)):
        record.save()  # a raw save, as loaddata does: Model.save() does not run
    person = Person.objects.get(slug="mehmet-ada-oztekin")
    film = Film.objects.get(slug="7-kogustaki-mucize-2020")
    assert person.names_folded == "mehmet ada oztekin"
    assert film.title_folded == "7. kogustaki mucize"
    assert film.titles.get().folded == "7. kogustaki mucize"
    assert film.roles.get().character_folded == "memo"
    assert person.created_at is not None and film.updated_at is not None


# --- Search ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    ["kogustaki", "KOĞUŞTAKI", "Koğuştaki", "7. koğuştaki mucize", "  kogustaki   MUCIZE "],
)
def test_film_search_finds_the_turkish_title_whatever_the_case_and_accents(world, query):
    assert list(Film.objects.search(query)) == [world.remake]


@pytest.mark.parametrize(
    "query", ["7번방의 선물", "7번방", "7beonbang-ui seonmul", "7BEONBANG-UI SEONMUL"]
)
def test_film_search_finds_the_korean_titles_in_any_script(world, query):
    assert list(Film.objects.search(query)) == [world.film]


def test_film_search_finds_a_film_by_a_characters_name(world):
    assert list(Film.objects.search("yong-gu")) == [world.film]


def test_film_search_lists_a_film_once_when_several_titles_match(world):
    FilmTitle.objects.create(film=world.film, text="Miracle in Cell No. 7", kind="release")
    assert list(Film.objects.search("miracle")) == [world.film]


def test_film_search_finds_nothing_for_an_unknown_title(world):
    assert not Film.objects.search("parasite").exists()


def test_film_search_with_an_empty_query_keeps_every_film(world):
    assert Film.objects.search("  ").count() == Film.objects.count() == 2


@pytest.mark.parametrize("query", ["iynemli", "İYNEMLİ", "Aras Bulut"])
def test_person_search_ignores_case_and_accents(world, query):
    assert list(Person.objects.search(query)) == [world.aras]


def test_person_search_finds_the_name_in_its_own_script(world):
    assert list(Person.objects.search("류승룡")) == [world.ryu]


# --- fold() ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        pytest.param("7. Koğuştaki Mucize", "7. kogustaki mucize", id="turkish"),
        pytest.param("7. KOĞUŞTAKİ MUCİZE", "7. kogustaki mucize", id="turkish-capitals"),
        pytest.param("Aras Bulut İynemli", "aras bulut iynemli", id="dotted-capital-i"),
        pytest.param("Mehmet Ada Öztekin", "mehmet ada oztekin", id="umlaut"),
        pytest.param("7pŏnbang ŭi Sŏnmul", "7ponbang ui sonmul", id="mccune-reischauer"),
        pytest.param("Øresund Łódź", "oresund lodz", id="undecomposable-letters"),
        pytest.param("Straße", "strasse", id="sharp-s"),
        pytest.param("ＡＢＣ １２３", "abc 123", id="full-width"),
        pytest.param("  many \t spaces\n here ", "many spaces here", id="white-space"),
        pytest.param("7번방의 선물", "7번방의 선물", id="hangul"),
        pytest.param("7番房의 膳物", "7番房의 膳物", id="hanja"),
        pytest.param("ಪುಷ್ಪಕ ವಿಮಾನ", "ಪುಷ್ಪಕ ವಿಮಾನ", id="kannada-virama-kept"),
        pytest.param("मिरेकल इन सेल नंबर ७", "मिरेकल इन सेल नंबर ७", id="devanagari"),
        pytest.param("", "", id="empty"),
        pytest.param(None, "", id="none"),
    ],
)
def test_fold_ignores_case_accents_and_spacing(text, folded):
    assert fold(text) == folded


def test_fold_keeps_hangul_composed():
    assert fold("선물") == "선물"
    assert len(fold("선물")) == 2


# --- Sort indexes ------------------------------------------------------------------------------


FILM_SORTS = {
    "-year": "film_newest",
    "title": "film_by_title",
    "-title": "film_by_title_desc",
}


@pytest.mark.parametrize(("sort", "index"), FILM_SORTS.items())
def test_each_film_sort_is_read_from_its_index_not_sorted(db, sort, index):
    from archive.filters import FilmFilter

    Film.objects.create(title="Undated", year=None)
    Film.objects.create(title="Dated", year=2001)
    ordering = FilmFilter.base_filters["sort"].options[sort][1]
    query = Film.objects.all().order_by(*ordering)[:25]
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = " ".join(row[-1] for row in cursor.fetchall())
            assert f"USING INDEX {index}" in plan or f"USING COVERING INDEX {index}" in plan
            assert "TEMP B-TREE" not in plan, plan
        else:
            # A table of two rows is read whole; forbid that to see whether the index serves.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("SET LOCAL enable_incremental_sort = off")
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = " ".join(row[0] for row in cursor.fetchall())
            assert f"Index Scan using {index}" in plan, plan
            assert " Sort " not in plan and "Sort Key" not in plan, plan
    titles = [film.title for film in query]
    if sort == "-year":  # newest first, the undated film last, on both databases
        assert titles.index("Dated") < titles.index("Undated")


def test_sort_indexes_say_nulls_last_where_the_database_needs_it(db):
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sql FROM sqlite_master WHERE name = 'film_newest'")
            assert '("year" DESC, "title", "id")' in cursor.fetchone()[0]
        else:
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'film_newest'")
            assert "(year DESC NULLS LAST, title, id)" in cursor.fetchone()[0]


def test_record_urls_match_reverse_under_any_script_prefix(db):
    from django.urls import NoReverseMatch, reverse, set_script_prefix

    from archive.models.base import slug_url

    film = Film.objects.create(title="Prefix", year=2001)
    assert film.get_absolute_url() == reverse("archive:film-detail", kwargs={"slug": film.slug})
    set_script_prefix("/archive/")
    try:
        assert film.get_absolute_url() == f"/archive/films/{film.slug}/"
        assert slug_url("archive:person-detail", "kim") == "/archive/people/kim/"
    finally:
        set_script_prefix("/")
    assert film.get_absolute_url() == f"/films/{film.slug}/"
    with pytest.raises(NoReverseMatch):
        slug_url("archive:film-detail", "no spaces/or slashes")


def test_slug_urls_give_what_slug_url_gives_under_any_script_prefix():
    from django.urls import NoReverseMatch, set_script_prefix

    from archive.models.base import slug_url, slug_urls

    set_script_prefix("/archive/")
    try:
        person_url = slug_urls("archive:person-detail")
        assert person_url("kim") == slug_url("archive:person-detail", "kim")
        assert person_url("kim") == "/archive/people/kim/"
    finally:
        set_script_prefix("/")
    assert slug_urls("archive:film-detail")("x-2001") == "/films/x-2001/"
    with pytest.raises(NoReverseMatch):
        slug_urls("archive:film-detail")("no spaces/or slashes")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model, fields",
    [
        (Film, {"title": "Upper", "year": 2020}),
        (Person, {"name": "Upper"}),
        (Genre, {"name": "Upper"}),
        (Ceremony, {"name": "Upper"}),
        (Company, {"name": "Upper"}),
    ],
)
def test_a_slug_is_lower_case_by_rule(model, fields):
    """Slugs that differ only in case would answer for each other in links and filters: the
    form refuses capitals with a message, and the database refuses them too."""
    record = model(slug="Upper-Slug", **fields)
    with pytest.raises(ValidationError) as caught:
        record.full_clean()
    assert "lower-case" in " ".join(caught.value.message_dict["slug"])
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.bulk_create([record])
    model(slug="upper-slug", **fields).full_clean()


@pytest.mark.parametrize(
    ("value", "shown"),
    [("1970", "1970"), ("1970-03", "March 1970"), ("1970-03-09", "9 March 1970")],
)
def test_a_person_date_may_be_partial(value, shown):
    validate_partial_date(value)
    assert partial_date_display(value) == shown


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("en", ["1970", "March 1970", "9 March 1970", "b. 1998"]),
        ("ko", ["1970", "1970년 3월", "1970년 3월 9일", "1998년생"]),
        ("tr", ["1970", "Mart 1970", "09 Mart 1970", "d. 1998"]),
    ],
)
def test_a_person_date_is_written_in_the_active_language(language, shown):
    with translation.override(language):
        written = [partial_date_display(value) for value in ("1970", "1970-03", "1970-03-09")]
        assert [*written, distinction(None, None, "", None, "1998-03")] == shown


def test_a_person_date_that_slipped_past_the_checks_is_shown_as_written():
    # A raw load writes what it is given; the page must still be drawn.
    assert partial_date_display("1970-02-30") == "1970-02-30"


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("en", ["more than 12,000,000", "about KRW 3,500,000,000", "1,234.5"]),
        ("ko", ["12,000,000 초과", "약 KRW 3,500,000,000", "1,234.5"]),
        ("tr", ["12.000.000 üzeri", "yaklaşık KRW 3.500.000.000", "1.234,5"]),
    ],
)
def test_a_figure_is_written_in_the_active_language(language, shown):
    figures = [
        BoxOfficeFigure(value=Decimal("12000000"), qualifier="more_than"),
        BoxOfficeFigure(value=Decimal("3500000000"), currency="KRW", qualifier="about"),
        BoxOfficeFigure(value=Decimal("1234.50")),
    ]
    with translation.override(language):
        assert [figure.value_display for figure in figures] == shown


@pytest.mark.parametrize("value", ["70", "1970-13", "1970-02-30", "March 1970", "1970-3"])
def test_a_person_date_that_is_not_one_is_refused(value):
    with pytest.raises(ValidationError):
        validate_partial_date(value)


def test_a_person_cannot_die_in_a_year_before_their_birth(db):
    person = Person(name="Someone", slug="someone", birth_date="1970-05", death_date="1969")
    with pytest.raises(ValidationError, match="death date is before"):
        person.full_clean()
    person.death_date = "1970"  # the same year: allowed, the month is not known
    person.full_clean()


@pytest.mark.parametrize(
    ("years", "known_for", "birth_date", "shown"),
    [
        ((2003, 2019), ("The Sun", 2011), "1970-03-09", "2003–2019; The Sun, 2011"),
        ((2013, 2013), ("", None), "1970", "2013"),
        ((None, None), ("", None), "1998-03", "b. 1998"),
        ((None, None), ("Announced Film", None), "1998", "b. 1998; Announced Film"),
        ((None, None), ("", None), "", ""),
    ],
)
def test_a_person_is_told_from_namesakes_by_years_active_else_birth_year(
    years, known_for, birth_date, shown
):
    assert distinction(*years, *known_for, birth_date) == shown
    person = Person(name="Kim", first_year=years[0], last_year=years[1], birth_date=birth_date)
    person.known_for_title, person.known_for_year = known_for
    assert str(person) == (f"Kim ({shown})" if shown else "Kim")
