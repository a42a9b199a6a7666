"""The seed fixture: it loads into an empty archive, loads twice without duplicates, survives
a dump and reload, and carries the facts with their proper letters and their sources."""

import datetime
import io
import json

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.serializers import sort_dependencies
from django.test import TestCase

from archive.models import (
    Adaptation,
    Award,
    BoxOfficeFigure,
    Ceremony,
    Company,
    CompanyCredit,
    ExternalLink,
    Film,
    FilmNote,
    FilmTitle,
    Genre,
    GenreName,
    Person,
    Role,
    Source,
)
from archive.models.history import audit_model_labels, is_audit_model
from archive.tests.factories import FIXTURE, HINDI, ORIGINAL

EXPECTED_COUNTS = {
    Film: 6,
    Person: 30,
    Role: 31,
    Adaptation: 5,
    Award: 7,
    FilmTitle: 14,
    BoxOfficeFigure: 9,
    Source: 14,
    Ceremony: 3,
    Company: 6,
    CompanyCredit: 6,
    ExternalLink: 8,
    FilmNote: 8,
    Genre: 2,
    GenreName: 4,
}


@pytest.fixture
def loaded(db):
    call_command("loaddata", FIXTURE, verbosity=0)


def dump_archive():
    """The archive app's records as ``dumpdata --natural-foreign --natural-primary`` gives them,
    without the edit history and the fixture-load log (as backup_archive writes them)."""
    out = io.StringIO()
    call_command(
        "dumpdata",
        "archive",
        "--natural-foreign",
        "--natural-primary",
        exclude=audit_model_labels(),
        stdout=out,
    )
    return out.getvalue()


def empty_archive():
    """Delete every archive record, the migration-made countries and languages too, then the
    edit history (which records those deletions) and the fixture-load log."""
    models = sort_dependencies([(apps.get_app_config("archive"), None)])
    for model in reversed(models):
        if not is_audit_model(model):
            model._base_manager.all().delete()
    for model in models:
        if is_audit_model(model):
            model._base_manager.all().delete()


def test_an_empty_database_holds_no_archive_records(db):
    assert not Film.objects.exists()
    assert not Person.objects.exists()


def test_fixture_loads_with_the_expected_counts(loaded):
    counts = {model: model.objects.count() for model in EXPECTED_COUNTS}
    assert counts == EXPECTED_COUNTS


def test_loading_the_fixture_twice_changes_nothing(loaded):
    before = dump_archive()
    call_command("loaddata", FIXTURE, verbosity=0)
    assert json.loads(dump_archive()) == json.loads(before)
    assert {model: model.objects.count() for model in EXPECTED_COUNTS} == EXPECTED_COUNTS


@pytest.mark.slow
def test_a_natural_key_dump_reloads_into_an_empty_archive_unchanged(loaded, tmp_path):
    dump = dump_archive()
    path = tmp_path / "archive.json"
    path.write_text(dump, encoding="utf-8")

    empty_archive()
    assert all(not model.objects.exists() for model in apps.get_app_config("archive").get_models())

    call_command("loaddata", str(path), verbosity=0)
    assert json.loads(dump_archive()) == json.loads(dump)


def test_the_dump_carries_no_database_ids(loaded):
    assert all("pk" not in record for record in json.loads(dump_archive()))


# --- Key facts ---------------------------------------------------------------------------


class SeedFactsTests(TestCase):
    """The facts, read from the fixture loaded once for the whole class."""

    fixtures = [FIXTURE]

    def test_every_genre_is_named_in_every_language_of_the_site(self):
        """CLDR names no genres: the seed carries each genre's name in each language of
        the public pages but the default one (whose name is the genre's own)."""
        wanted = {code for code, _ in settings.LANGUAGES} - {settings.LANGUAGE_CODE}
        for genre in Genre.objects.all():
            assert set(genre.names.values_list("language__code", flat=True)) == wanted, genre
        assert dict(
            GenreName.objects.filter(genre__slug="drama").values_list("language__code", "name")
        ) == {"ko": "드라마", "tr": "Dram"}

    def test_the_original_film_has_its_facts(self):
        film = Film.objects.get(slug=ORIGINAL)
        assert film.title == "Miracle in Cell No. 7"
        assert film.year == 2013
        assert film.release_date == datetime.date(2013, 1, 23)
        assert film.runtime == 127
        assert film.status == Film.Status.RELEASED
        assert film.original_language.code == "ko"
        assert [country.code for country in film.countries.all()] == ["KR"]

    def test_titles_keep_their_own_scripts(self):
        original = Film.objects.get(slug=ORIGINAL)
        texts = set(original.titles.values_list("text", flat=True))
        assert {
            "7번방의 선물",
            "7beonbang-ui Seonmul",
            "7pŏnbang ŭi Sŏnmul",
            "7番房의 膳物",
        } <= texts
        assert (
            original.titles.get(kind=FilmTitle.Kind.ORIGINAL, note="Hangul").text == "7번방의 선물"
        )
        turkish = Film.objects.get(slug="7-kogustaki-mucize-2019")
        assert turkish.title == "7. Koğuştaki Mucize"
        assert turkish.original_language.code == "tr"

    def test_people_keep_their_proper_letters(self):
        assert Person.objects.get(slug="aras-bulut-iynemli").name == "Aras Bulut İynemli"
        assert Person.objects.get(slug="mehmet-ada-oztekin").name == "Mehmet Ada Öztekin"

    def test_two_actresses_play_ye_sung_as_a_child_and_as_an_adult(self):
        ye_sung = Role.objects.filter(film__slug=ORIGINAL, character="Ye-sung").order_by("billing")
        assert [(role.person.name, role.note) for role in ye_sung] == [
            ("Kal So-won", "child"),
            ("Park Shin-hye", "adult"),
        ]

    def test_the_cast_is_billed_one_to_nine(self):
        cast = (
            Film.objects.get(slug=ORIGINAL).roles.filter(kind=Role.Kind.ACTOR).order_by("billing")
        )
        assert [role.billing for role in cast] == list(range(1, 10))
        assert (cast[0].person.name, cast[0].character) == ("Ryu Seung-ryong", "Lee Yong-gu")

    def test_the_hindi_remake_is_announced_without_title_or_year(self):
        hindi = Film.objects.get(slug=HINDI)
        assert (hindi.title, hindi.year, hindi.release_date) == ("", None, None)
        assert hindi.status == Film.Status.ANNOUNCED
        assert str(hindi) == "Untitled film"
        assert hindi.original_language.code == "hi"
        adaptation = Adaptation.objects.get(adaptation=hindi)
        assert adaptation.source.slug == ORIGINAL
        assert adaptation.kind == Adaptation.Kind.OFFICIAL_REMAKE

    def test_the_adaptations_have_their_kinds(self):
        kinds = dict(
            Adaptation.objects.filter(source__slug=ORIGINAL).values_list("adaptation__slug", "kind")
        )
        assert kinds == {
            "pushpaka-vimana-2017": Adaptation.Kind.UNOFFICIAL_REMAKE,
            "7-kogustaki-mucize-2019": Adaptation.Kind.OFFICIAL_REMAKE,
            "miracle-in-cell-no-7-2019": Adaptation.Kind.OFFICIAL_REMAKE,
            "miracle-in-cell-no-7-2022": Adaptation.Kind.OFFICIAL_REMAKE,
            HINDI: Adaptation.Kind.OFFICIAL_REMAKE,
        }

    def test_the_seven_awards_and_nominations(self):
        awards = {
            (a.ceremony.slug, a.edition, a.year, a.category, a.result, a.person and a.person.slug)
            for a in Award.objects.select_related("ceremony", "person")
        }
        assert awards == {
            ("baeksang-arts-awards", 49, 2013, "Grand Prize (Film)", "won", "ryu-seung-ryong"),
            (
                "baeksang-arts-awards",
                49,
                2013,
                "Best New Actress (Film)",
                "nominated",
                "kal-so-won",
            ),
            ("grand-bell-awards", 50, 2013, "Best Actor", "won", "ryu-seung-ryong"),
            ("grand-bell-awards", 50, 2013, "Best Screenplay", "won", "lee-hwan-kyung"),
            ("grand-bell-awards", 50, 2013, "Planning Award", "won", None),
            ("grand-bell-awards", 50, 2013, "Special Jury Prize", "won", "kal-so-won"),
            ("blue-dragon-film-awards", 34, 2013, "Best Actor", "nominated", "ryu-seung-ryong"),
        }
        assert Award.objects.get(category="Best Actor", result="won").note == (
            "Shared with Song Kang-ho"
        )
        assert all(award.film.slug == ORIGINAL for award in Award.objects.select_related("film"))

    def test_every_fact_bearing_record_has_a_source(self):
        sourced = [
            model
            for model in apps.get_app_config("archive").get_models()
            if any(field.name == "sources" for field in model._meta.many_to_many)
        ]
        assert {Film, Person, Role, FilmTitle, Adaptation, Award, BoxOfficeFigure} <= set(sourced)
        for model in sourced:
            unsourced = model.objects.filter(sources__isnull=True)
            assert not unsourced.exists(), f"{model.__name__} without a source: {list(unsourced)}"
