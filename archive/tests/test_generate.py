"""generate_archive: a deterministic synthetic archive, in realistic proportions, that keeps
every constraint, lives beside the seed fixture and is found by search."""

import io
import random
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count
from django.test import TestCase
from django.urls import reverse

from archive.models import (
    Adaptation,
    Award,
    BoxOfficeFigure,
    Ceremony,
    Film,
    FilmTitle,
    Genre,
    Person,
    Role,
    Source,
)
from archive.synthetic.records import CEREMONIES, GENRES, SLUG_PREFIX
from archive.tests.factories import FIXTURE
from archive.text import fold

FILMS = 300
SCRIPTS = {
    "Hangul": r"[\uac00-\ud7a3]",
    "Cyrillic": r"[\u0400-\u04ff]",
    "Greek": r"[\u0370-\u03ff]",
    "Devanagari": r"[\u0900-\u097f]",
    "Kana": r"[\u3040-\u30ff]",
    "Han": r"[\u4e00-\u9fff]",
    "Turkish letters": r"[ğşıİ]",
    "Latin with accents": r"[éèàçñíóú]",
}


def generate(*args, films=FILMS, seed=1):
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "generate_archive",
        "--films",
        str(films),
        "--seed",
        str(seed),
        *args,
        stdout=out,
        stderr=err,
    )
    return out.getvalue(), err.getvalue()


def snapshot():
    """Every generated record by its natural fields, in insertion order (primary keys and
    timestamps left out: they may differ between two databases)."""
    generated = Film.objects.filter(slug__startswith=SLUG_PREFIX)
    return {
        "films": list(
            generated.order_by("pk").values_list(
                "slug",
                "title",
                "year",
                "release_date",
                "status",
                "runtime",
                "original_language__code",
                "summary",
                "based_on",
                "title_folded",
            )
        ),
        "countries": sorted(generated.values_list("slug", "countries__code")),
        "genres": sorted(generated.values_list("slug", "genres__slug")),
        "sources": sorted(generated.values_list("slug", "sources__key")),
        "people": list(
            Person.objects.filter(slug__startswith=SLUG_PREFIX)
            .order_by("pk")
            .values_list("slug", "name", "name_original", "other_names", "names_folded")
        ),
        "titles": list(
            FilmTitle.objects.filter(film__in=generated)
            .order_by("pk")
            .values_list("film__slug", "kind", "text", "language__code", "note", "folded")
        ),
        "roles": list(
            Role.objects.filter(film__in=generated)
            .order_by("pk")
            .values_list(
                "film__slug", "person__slug", "kind", "character", "note", "billing"
            )
        ),
        "adaptations": list(
            Adaptation.objects.order_by("pk").values_list(
                "source__slug", "adaptation__slug", "kind", "note"
            )
        ),
        "awards": list(
            Award.objects.order_by("pk").values_list(
                "ceremony__slug", "edition", "year", "category", "result", "film__slug",
                "person__slug",
            )
        ),
        "figures": list(
            BoxOfficeFigure.objects.order_by("pk").values_list(
                "film__slug", "kind", "key", "value", "currency", "qualifier", "reported_on",
                "days_since_release", "note",
            )
        ),
    }  # fmt: skip


def generated_then_undone(*args, films, seed=1):
    """``snapshot()`` of an archive generated in a transaction that is then rolled back, so
    that the next one starts from the same database."""
    with transaction.atomic():
        generate(*args, films=films, seed=seed)
        made = snapshot()
        transaction.set_rollback(True)
    assert not Film.objects.filter(slug__startswith=SLUG_PREFIX).exists()
    return made


# --- Determinism --------------------------------------------------------------------------


@pytest.mark.slow
def test_the_same_seed_makes_the_same_archive_whatever_the_batch_size_or_process(db):
    # Fewer films than the other tests: enough for several batches of each size.
    first = generated_then_undone("--batch-size", "1000", films=120)
    second = generated_then_undone("--batch-size", "35", "--no-parallel", films=120)
    assert len(first["films"]) == 120
    assert first == second


@pytest.mark.slow
def test_another_seed_makes_another_archive(db):
    first = generated_then_undone(films=40, seed=1)
    assert generated_then_undone(films=40, seed=2)["films"] != first["films"]


class GeneratedArchiveTests(TestCase):
    """One archive of FILMS films, generated once for all these tests."""

    @classmethod
    def setUpTestData(cls):
        generate()

    # --- Proportions ----------------------------------------------------------------------

    def test_the_archive_has_realistic_proportions(self):
        films = Film.objects.filter(slug__startswith=SLUG_PREFIX)
        assert films.count() == FILMS
        people = Person.objects.filter(slug__startswith=SLUG_PREFIX).count()
        # Careers last years and each culture has its own people, so the fewer the films the
        # fewer they share: about two people a film at 100,000 films, four or five at 300.
        assert 2 * FILMS <= people <= 6 * FILMS
        credits = Role.objects.filter(film__in=films).count()
        assert 8 * FILMS <= credits <= 12 * FILMS
        assert not films.filter(titles__isnull=True).exists()
        assert films.filter(status=Film.Status.RELEASED).count() > 0.85 * FILMS
        unreleased = films.exclude(status=Film.Status.RELEASED)
        assert unreleased.exists()
        assert not unreleased.filter(year__isnull=False).exists()
        assert not films.filter(status=Film.Status.RELEASED, year__isnull=True).exists()
        assert not films.filter(year__lt=1920).exists() and not films.filter(year__gt=2026).exists()
        assert Adaptation.objects.exists()
        assert Award.objects.filter(person__isnull=False).exists()
        assert Award.objects.filter(person__isnull=True).exists()
        assert Award.objects.filter(result=Award.Result.WON).exists()
        assert BoxOfficeFigure.objects.filter(kind="admissions", key="day-7").exists()
        assert Film.sources.through.objects.exists()

    def test_people_are_shared_between_films_and_some_are_busy(self):
        films = sorted(
            Person.objects.filter(slug__startswith=SLUG_PREFIX)
            .annotate(films=Count("roles__film", distinct=True))
            .values_list("films", flat=True)
        )
        assert films[0] >= 1  # nobody without a film
        assert films[-1] >= 10  # somebody busy
        assert films[len(films) // 2] <= 3  # most people have few films

    def test_every_film_has_one_director_and_a_cast_billed_from_one(self):
        films = Film.objects.filter(slug__startswith=SLUG_PREFIX).prefetch_related("roles")
        for film in films:
            kinds = [role.kind for role in film.roles.all()]
            assert kinds.count(Role.Kind.DIRECTOR) == 1, film.slug
            cast = sorted(role.billing for role in film.roles.all() if role.kind == Role.Kind.ACTOR)
            assert cast == list(range(1, len(cast) + 1)), film.slug
            for role in film.roles.all():
                assert bool(role.character) == (role.kind == Role.Kind.ACTOR), film.slug
            if film.status == Film.Status.RELEASED:
                assert 1 <= kinds.count(Role.Kind.WRITER) <= 3, film.slug
                assert kinds.count(Role.Kind.PRODUCER) <= 2, film.slug

    def test_titles_come_in_several_scripts(self):
        texts = "\n".join(FilmTitle.objects.values_list("text", flat=True))
        for script, pattern in SCRIPTS.items():
            assert re.search(pattern, texts), script
        kinds = set(FilmTitle.objects.values_list("kind", flat=True))
        assert {"original", "romanized", "release", "literal"} <= kinds
        counts = {len(film.titles.all()) for film in Film.objects.prefetch_related("titles")}
        assert min(counts) >= 1 and max(counts) <= 4
        names = "\n".join(Person.objects.values_list("name_original", flat=True))
        assert re.search(SCRIPTS["Hangul"], names) and re.search(SCRIPTS["Cyrillic"], names)

    def test_korean_japanese_and_chinese_people_have_a_name_in_their_own_script(self):
        people = Person.objects.filter(slug__startswith=SLUG_PREFIX)
        for language, script in (("ko", "Hangul"), ("ja", "Han"), ("zh", "Han")):
            cast = people.filter(roles__film__original_language__code=language).distinct()
            assert cast.exists(), language
            for person in cast:
                assert re.fullmatch(r"[A-Za-z' -]+", person.name), person.name
                assert re.search(SCRIPTS[script], person.name_original), person.name_original
                assert " " not in person.name_original, person.name_original
        names = "\n".join(people.values_list("name_original", flat=True))
        assert re.search(SCRIPTS["Kana"], names)  # さくら, ひかり, みどり
        japanese = people.filter(name_original__regex=SCRIPTS["Kana"]).first()
        assert japanese in Person.objects.search(japanese.name_original)

    def test_countries_languages_and_genres_are_real_records(self):
        films = Film.objects.filter(slug__startswith=SLUG_PREFIX)
        assert not films.filter(original_language__isnull=True).exists()
        assert not films.filter(countries__isnull=True).exists()
        languages = set(films.values_list("original_language__code", flat=True))
        assert {"en", "ko", "hi", "ja", "zh"} <= languages
        assert {"US", "KR", "IN", "JP", "CN"} <= set(
            films.values_list("countries__code", flat=True)
        )
        assert Genre.objects.count() == len(GENRES)
        assert Genre.objects.filter(slug="science-fiction", name="Science fiction").exists()
        assert Ceremony.objects.count() == len(CEREMONIES)

    def test_records_pass_full_clean(self):
        sample = random.Random(0)
        for model in (Film, FilmTitle, Person, Role, Adaptation, Award, BoxOfficeFigure):
            pks = list(model.objects.values_list("pk", flat=True))
            for pk in sample.sample(pks, min(len(pks), 40)):
                model.objects.get(pk=pk).full_clean()

    def test_slugs_are_marked_and_unique(self):
        film_slugs = list(Film.objects.values_list("slug", flat=True))
        person_slugs = list(Person.objects.values_list("slug", flat=True))
        assert all(slug.startswith(SLUG_PREFIX) for slug in film_slugs + person_slugs)
        assert len(set(film_slugs)) == len(film_slugs)
        assert len(set(person_slugs)) == len(person_slugs)
        assert all(re.fullmatch(r"[a-z0-9-]+", slug) for slug in film_slugs + person_slugs)

    def test_remakes_come_after_their_source(self):
        for adaptation in Adaptation.objects.select_related("source", "adaptation"):
            assert adaptation.source_id != adaptation.adaptation_id
            if adaptation.adaptation.year:
                assert adaptation.source.year < adaptation.adaptation.year

    def test_box_office_admissions_grow_day_by_day(self):
        film = BoxOfficeFigure.objects.filter(key="day-30").first().film
        admissions = dict(film.figures.filter(kind="admissions").values_list("key", "value"))
        days = [admissions[f"day-{day}"] for day in (1, 3, 7, 14, 30)]
        assert days == sorted(days) and days[-1] <= admissions["final"]
        gross = film.figures.get(kind="gross")
        assert len(gross.currency) == 3

    # --- Search ---------------------------------------------------------------------------

    def test_generated_titles_are_found_by_folded_search(self):
        turkish = FilmTitle.objects.filter(language__code="tr", kind="original").first()
        query = fold(turkish.text).upper()[2:]  # no accents, capitals, a substring
        assert turkish.film in Film.objects.search(query)
        hangul = FilmTitle.objects.filter(language__code="ko", kind="original").first()
        assert hangul.film in Film.objects.search(hangul.text.split()[-1])
        korean = Person.objects.filter(name_original__regex=SCRIPTS["Hangul"]).first()
        assert korean in Person.objects.search(korean.name_original)
        assert korean in Person.objects.search(korean.name.upper())

    def test_people_are_ranked_told_apart_and_found_in_their_own_script(self):
        from archive import ranking

        people = Person.objects.filter(slug__startswith=SLUG_PREFIX)
        busy = people.order_by("-importance", "pk").first()
        assert busy.importance >= busy.roles.count() >= 10
        assert busy.first_year < busy.last_year and str(busy) != busy.name
        for language in ("ko", "ja", "zh"):
            person = people.filter(roles__film__original_language__code=language).first()
            hits = ranking.people(fold(person.name_original))
            assert person.get_absolute_url() in [hit.url for hit in hits], language


# --- Beside the seed fixture ---------------------------------------------------------------


@pytest.mark.slow
def test_generated_data_lives_beside_the_seed_fixture(db):
    call_command("loaddata", FIXTURE, verbosity=0)
    fixture_films = set(Film.objects.values_list("slug", flat=True))
    fixture_roles = Role.objects.count()
    drama = Genre.objects.get(slug="drama")
    generate(films=120)
    assert fixture_films <= set(Film.objects.values_list("slug", flat=True))
    assert Film.objects.exclude(slug__startswith=SLUG_PREFIX).count() == len(fixture_films)
    assert Genre.objects.filter(slug="drama").get() == drama
    assert Ceremony.objects.filter(slug="baeksang-arts-awards").count() == 1
    assert Ceremony.objects.count() == len(CEREMONIES)
    # Loading the fixture again (natural keys) leaves the generated records alone.
    call_command("loaddata", FIXTURE, verbosity=0)
    assert Film.objects.filter(slug__startswith=SLUG_PREFIX).count() == 120
    assert Role.objects.exclude(film__slug__startswith=SLUG_PREFIX).count() == fixture_roles


# --- The command ---------------------------------------------------------------------------


def test_the_command_reports_progress_and_counts(db):
    out, err = generate(films=30, seed=3)
    assert "30/30 films" in err and "100%" in err
    assert re.search(r"Generated 30 films, [\d,]+ people, [\d,]+ credits", out)
    assert "(seed 3)" in out


def test_the_command_makes_the_cached_pages_and_counts_stale(db, client, settings):
    from archive.cache import current_version

    settings.PAGE_CACHE_SECONDS = 300
    url = reverse("archive:home")
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    before = current_version()
    generate(films=10)
    assert current_version() > before
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert f"<strong>{Film.objects.count()}</strong> films" in response.content.decode()


def test_the_search_indexes_are_back_and_in_step_after_a_run(db):
    from django.db import connection

    from archive import search

    generate(films=15)
    assert search.missing(connection) == []
    film = Film.objects.filter(slug__startswith=SLUG_PREFIX).order_by("pk").first()
    assert Film.objects.search(film.title_folded[:12]).filter(pk=film.pk).exists()
    film.title = "Qwertzuiop Nights"
    film.save()
    assert list(Film.objects.search("qwertzuiop")) == [film]  # the triggers run again


def test_the_command_refuses_to_add_a_second_archive(db):
    generate(films=20)
    counts = (Film.objects.count(), Person.objects.count(), Role.objects.count())
    with pytest.raises(CommandError, match="already holds generated data"):
        generate(films=10)
    assert (Film.objects.count(), Person.objects.count(), Role.objects.count()) == counts


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--films", "0"], "--films must be at least 1"),
        (["--films", "5", "--batch-size", "0"], "--batch-size must be at least 1"),
    ],
)
def test_the_command_rejects_bad_sizes(db, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("generate_archive", *args, stdout=io.StringIO(), stderr=io.StringIO())
    assert not Film.objects.exists()


def test_sources_say_they_are_synthetic(db):
    generate(films=20)
    for source in Source.objects.filter(key__startswith=SLUG_PREFIX):
        assert "not a real source" in source.note
