"""How much films and people matter, and what tells namesakes apart (archive/standing.py),
kept in step by the signals and rebuilt whole after a bulk load."""

import importlib

import pytest
from django.apps import apps

from archive import standing
from archive.models import Film, Person
from archive.tests import factories as f

pytestmark = pytest.mark.django_db


def columns():
    films = dict(Film.objects.values_list("slug", "importance"))
    people = {
        row[0]: row[1:]
        for row in Person.objects.values_list(
            "slug",
            "importance",
            "first_year",
            "last_year",
            "known_for_title",
            "known_for_year",
            "known_for_film__slug",
        )
    }
    return films, people


def test_the_seed_films_and_people_are_ranked_by_credits_adaptations_and_awards(archive):
    films, people = columns()
    original = Film.objects.get(slug=f.ORIGINAL)
    assert (original.roles.count(), original.adaptations.count(), original.awards.count()) == (
        16,
        5,
        7,
    )
    assert films[f.ORIGINAL] == 16 + 5 * 10 + 7 * 5
    assert max(films, key=films.get) == f.ORIGINAL
    # 1 credit and 3 awards; the remakes matter less than the original.
    assert people["ryu-seung-ryong"] == (
        1 + 3 * 5,
        2013,
        2013,
        "Miracle in Cell No. 7",
        2013,
        f.ORIGINAL,
    )


def test_the_signals_keep_what_a_whole_rebuild_gives(archive):
    director = Person.objects.get(slug="lee-hwan-kyung")
    remake = f.film("Gift of Room 7", 2030)
    f.role(remake, director, kind="director")
    f.award(remake, person=director)
    f.adaptation(remake, f.film("Gift Again", 2031))
    kept = columns()
    Film.objects.update(importance=0)
    Person.objects.update(importance=0, first_year=None, known_for_title="", known_for_film=None)
    standing.refresh_all()
    assert columns() == kept
    director.refresh_from_db()
    assert (director.first_year, director.last_year) == (2013, 2030)
    # The original, with its five remakes, still matters more than the new film.
    assert str(director) == "Lee Hwan-kyung (2013–2030; Miracle in Cell No. 7, 2013)"


def test_a_film_renamed_renames_its_peoples_best_known_film(archive):
    film = Film.objects.get(slug=f.ORIGINAL)
    film.title = "Miracle in Cell Number 7"
    film.save()
    assert Person.objects.get(slug="ryu-seung-ryong").known_for_title == "Miracle in Cell Number 7"


def test_a_best_known_film_deleted_gives_way_to_the_next(archive):
    ryu = Person.objects.get(slug="ryu-seung-ryong")
    other = f.film("Another Ryu Film", 2016)
    f.role(other, ryu)
    Film.objects.get(slug=f.ORIGINAL).delete()
    ryu.refresh_from_db()
    assert (ryu.known_for_film, ryu.known_for_title, ryu.known_for_year) == (
        other,
        "Another Ryu Film",
        2016,
    )


def test_the_migration_fills_every_persons_best_known_film(archive):
    """Migration 0019's filling, run on today's models, gives what the refresh keeps."""
    migration = importlib.import_module("archive.migrations.0019_known_for_film")
    kept = columns()
    Person.objects.update(known_for_film=None)
    migration.fill_known_for_film(apps, None)
    assert columns() == kept
    assert Person.objects.filter(known_for_film__isnull=False).exists()


def test_someone_without_credits_is_just_their_name():
    assert str(f.person("Nobody Yet")) == "Nobody Yet"


@pytest.mark.parametrize("by_id", [True, False], ids=["touched records", "whole archive"])
def test_loaddata_brings_the_columns_up_to_date_once_after_the_last_record(db, monkeypatch, by_id):
    if not by_id:  # a load touching more than this refreshes the whole archive
        monkeypatch.setattr(standing, "BY_ID_LIMIT", 0)
    calls = []
    for name in ("refresh", "refresh_all"):
        real = getattr(standing, name)
        monkeypatch.setattr(
            standing,
            name,
            lambda *a, real=real, name=name, **k: calls.append(name) or real(*a, **k),
        )
    f.load_archive()
    assert calls == ["refresh" if by_id else "refresh_all"]
    loaded = columns()
    standing.refresh_all()
    assert columns() == loaded
    assert loaded[0][f.ORIGINAL] == 16 + 5 * 10 + 7 * 5


def test_a_batch_refreshes_once_at_its_end_and_not_after_an_error(archive, monkeypatch):
    calls = []
    real = standing.refresh
    monkeypatch.setattr(standing, "refresh", lambda **k: calls.append(k) or real(**k))
    original = Film.objects.get(slug=f.ORIGINAL)
    with standing.batched():
        with standing.batched():  # inner blocks add to the outer one
            f.role(original, f.person("Batch One"))
        f.role(original, f.person("Batch Two"))
        assert calls == []
        assert Film.objects.get(slug=f.ORIGINAL).importance == original.importance
    assert len(calls) == 1
    assert Film.objects.get(slug=f.ORIGINAL).importance == original.importance + 2
    with pytest.raises(RuntimeError), standing.batched():
        f.role(original, f.person("Batch Three"))
        raise RuntimeError("the block fails")
    assert len(calls) == 1
