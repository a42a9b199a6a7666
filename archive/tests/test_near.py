"""Near misses (archive/near.py): trigram similarity as pg_trgm measures it, and the closest
names the database offers (both databases run the search view's tests of them)."""

import pytest

from archive import near
from archive.text import fold


def test_trigrams_are_pg_trgms_padded_word_pieces():
    assert near.trigrams("ye-sung") == {"  y", " ye", "ye ", "  s", " su", "sun", "ung", "ng "}
    assert near.trigrams("...") == set()


@pytest.mark.parametrize(
    "typo, meant",
    [
        ("ye-seung", "ye-sung"),  # a letter too many
        ("yesung", "ye-sung"),  # a missing hyphen
        ("ryu seung-ryang", "ryu seung-ryong"),  # a wrong letter
        ("ryu ryong-seung", "ryu seung-ryong"),  # swapped syllables
        ("seung-ryong ryu", "ryu seung-ryong"),  # swapped names
    ],
)
def test_a_typo_stays_close(typo, meant):
    assert near.similarity(typo, meant) >= near.THRESHOLD


def test_a_close_name_inside_a_longer_text_counts_but_one_shared_word_does_not():
    assert near.similarity("mirakle in cell", "miracle in cell no. 7") >= near.THRESHOLD
    assert near.similarity("ye-seung", "ryu seung-ryong") < near.THRESHOLD
    assert near.similarity("ye-sung", "lee yong-gu\nold man da-do") < near.THRESHOLD


def test_each_line_is_a_text_of_its_own():
    assert near.similarity("예승", "ye-sung\n예승") == 1.0


@pytest.mark.django_db
def test_nothing_is_offered_for_under_three_characters():
    assert near.closest("people", fold("ry")) == []
