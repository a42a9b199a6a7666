"""The sentence above a list, from one table of phrases."""

import pytest
from django.http import QueryDict

from archive.filters import AdaptationFilter, AwardFilter, FilmFilter, PersonFilter
from archive.models import Award, Film, Person
from archive.phrases import PHRASES, RELEASED, describe, names, year_range


def described(filterset_class, model, list_name, query):
    filterset = filterset_class(QueryDict(query), queryset=model.objects.all())
    assert filterset.is_valid(), filterset.errors
    return describe(list_name, filterset.form)


def test_names_are_joined_with_or():
    assert names([]) == ""
    assert names(["Türkiye"]) == "Türkiye"
    assert names(["India", "Indonesia", "Türkiye"]) == "India, Indonesia or Türkiye"


@pytest.mark.parametrize(
    "low, high, text",
    [
        (2000, 2010, "released 2000–2010"),
        (2013, 2013, "released in 2013"),
        (2013, None, "released in 2013 or later"),
        (None, 2013, "released in 2013 or earlier"),
        (None, None, ""),
    ],
)
def test_year_ranges(low, high, text):
    assert year_range(low, high, RELEASED) == text


@pytest.mark.django_db
def test_film_phrases_name_records_and_choices_in_words():
    phrases = described(
        FilmFilter,
        Film,
        "films",
        "q=cell&status=released&status=announced&year_min=2010&adapted=no",
    )
    assert phrases == [
        "matching “cell”",
        "with status released or announced",
        "released in 2010 or later",
        "without adaptations",
    ]


@pytest.mark.django_db
def test_other_lists_have_their_own_words():
    assert described(PersonFilter, Person, "people", "q=ryu&role=director") == [
        "named “ryu”",
        "credited as director",
    ]
    assert described(AwardFilter, Award, "awards", "year=2013&result=nominated") == [
        "in 2013",
        "nominated only",
    ]


def test_every_filter_of_every_list_has_a_phrase():
    """A new filter needs its phrase: the sentence above the list names every filter."""
    lists = {
        "films": FilmFilter,
        "people": PersonFilter,
        "adaptations": AdaptationFilter,
        "awards": AwardFilter,
    }
    for list_name, filterset_class in lists.items():
        described_params = {
            part
            for key in PHRASES[list_name]
            for part in (key if isinstance(key, tuple) else (key,))
        }
        assert set(filterset_class.base_filters) - {"sort"} == described_params, list_name
