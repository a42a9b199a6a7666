"""The search index's entries (archive/entries.py): every searchable text of a film or a
person, one line a row, under a key in the order search ranks equal matches; kept in step by
the signals and rebuilt whole after a bulk load."""

import pytest

from archive import entries, ranking
from archive.models import FilmTitle, Person, SearchEntry
from archive.tests import factories as f

pytestmark = pytest.mark.django_db

FILM, PERSON = SearchEntry.Kind.FILM, SearchEntry.Kind.PERSON


def texts(kind, record):
    """A record's entries as ``(source, text, other)``, in key order."""
    rows = SearchEntry.objects.filter(kind=kind, record=record).order_by("key")
    return list(rows.values_list("source", "text", "other"))


def every_entry():
    return sorted(SearchEntry.objects.values_list("key", "kind", "record", "folded", "source"))


def test_the_key_ranks_importance_then_year_then_the_record_and_its_line():
    key = entries.entry_key
    assert key(FILM, 10, 2000, 5, 0) < key(FILM, 9, 2020, 1, 0)  # more important first
    assert key(FILM, 10, 2020, 5, 0) < key(FILM, 10, 2000, 1, 0)  # then newer
    assert key(FILM, 10, 1870, 5, 0) < key(FILM, 10, None, 1, 0)  # no year last
    assert key(FILM, 10, 2000, 1, 3) < key(FILM, 10, 2000, 2, 0)  # then the record
    assert key(FILM, 10, 2000, 1, 0) < key(FILM, 10, 2000, 1, 1)  # then its line
    assert key(FILM, 100_000, 2000, 1, 0) == key(FILM, 65_535, 2000, 1, 0)  # importance capped
    low, high = entries.kind_range(PERSON)
    assert entries.kind_range(FILM)[1] == low
    assert low <= key(PERSON, 0, None, (1 << 27) - 1, entries.MAX_LINES - 1) < high < 1 << 63
    with pytest.raises(ValueError, match="beyond the search index"):
        key(FILM, 0, 2000, 1 << 27, 0)


def test_a_films_texts_are_its_title_its_other_titles_and_its_characters_once_each():
    film = f.film("The Lantern", 2001)
    f.title(film, "The Lantern", kind=FilmTitle.Kind.RELEASE)  # folds like the title: left out
    f.title(film, "등불", kind=FilmTitle.Kind.ORIGINAL)
    f.role(film, f.person("Kim Ha-na"), character="Ye-sung", character_original="예승")
    assert texts(FILM, film.pk) == [
        ("title", "The Lantern", ""),
        ("original", "등불", ""),
        ("character", "Ye-sung", "예승"),
        ("character", "예승", "Ye-sung"),
    ]


def test_a_persons_texts_are_their_names_in_every_script():
    person = f.person("Ryu Jin", name_original="류진", other_names="Jin Ryu\n\nRyu Jin")
    assert texts(PERSON, person.pk) == [
        ("name", "Ryu Jin", ""),
        ("name_original", "류진", ""),
        ("other_name", "Jin Ryu", ""),
    ]


def test_the_entries_follow_every_edit():
    film = f.film("Paper Moon River", 2001)
    title = f.title(film, "Papiermond", kind=FilmTitle.Kind.ALTERNATIVE)
    actor = f.person("Oh Dal-su")
    role = f.role(film, actor, character="Ferryman")
    assert [hit.label for hit in ranking.films("papiermond")] == ["Paper Moon River"]

    film.title = "Stone Moon River"
    film.save()
    assert ranking.films("paper moon") == []
    assert [hit.label for hit in ranking.films("stone moon")] == ["Stone Moon River"]

    title.delete()
    role.character = "Boatman"
    role.save()
    assert ranking.films("papiermond") == ranking.films("ferryman") == []
    assert [hit.reason for hit in ranking.films("boatman")] == ["character: Boatman"]

    actor.name = "Oh Dal-soo"
    actor.save()
    assert [hit.label for hit in ranking.people("dal-soo")] == ["Oh Dal-soo"]
    role.delete()
    actor.delete()
    film.delete()
    assert not SearchEntry.objects.filter(kind=PERSON, record=actor.pk).exists()
    assert not SearchEntry.objects.filter(kind=FILM, record=film.pk).exists()


def test_a_new_credit_moves_the_film_and_its_people_up(archive):
    lesser = f.film("Harbour Lights", 2001, slug="harbour-lights-1")
    greater = f.film("Harbour Lights", 2001, slug="harbour-lights-2")
    assert [hit.url for hit in ranking.films("harbour lights")][0].endswith(f"{lesser.slug}/")
    f.role(greater, Person.objects.get(slug="ryu-seung-ryong"), kind="writer")
    assert [hit.url for hit in ranking.films("harbour lights")][0].endswith(f"{greater.slug}/")


def test_the_signals_keep_what_a_whole_rebuild_gives(archive):
    film = f.film("Gift of Room 7", 2030)
    f.title(film, "7번방의 선물 2", kind=FilmTitle.Kind.ORIGINAL)
    f.role(film, Person.objects.get(slug="ryu-seung-ryong"), character="Yong-gu")
    kept = every_entry()
    assert ("예승" in {row[3] for row in kept}) and ("yong-gu" in {row[3] for row in kept})
    entries.refresh_all()
    assert every_entry() == kept
