"""Facets: counting functions of a queryset, and links that add or remove a value."""

import pytest
from django.http import QueryDict
from django.utils import translation

from archive import facets
from archive.models import Adaptation, Award, Film, Person

from . import factories as f

# Every test sees the seed fixture (loaded once for the module); its own changes are rolled
# back after it.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("archive")]


def test_country_counts_are_most_frequent_first():
    count = facets.film_m2m_counts("countries", "code", "name")
    rows = count(Film.objects.all())
    assert rows[0] == ("IN", "India", 2)
    assert sum(n for _, _, n in rows) >= Film.objects.count() - 1


def test_counts_are_of_the_queryset_given():
    count = facets.film_m2m_counts("countries", "code", "name")
    assert count(Film.objects.filter(slug=f.TURKISH)) == [("TR", "Türkiye", 1)]


def test_a_value_link_adds_it_and_a_chosen_value_link_removes_it():
    facet = facets.Facet("Country", ("country",), None)
    params = QueryDict("country=KR&q=cell&page=2")
    added, removed = facets.facet_links(
        facet, [("TR", "Türkiye", 1), ("kr", "South Korea", 3)], params
    )
    assert (added.selected, added.url) == (False, "?country=KR&country=TR&q=cell")
    assert (removed.selected, removed.url) == (True, "?q=cell")


def test_a_range_facet_links_set_both_ends():
    decade = next(facet for facet in facets.FILM_FACETS if facet.title == "Decade")
    [value] = facets.facet_links(decade, [(2010, "2010s", 3)], QueryDict(""))
    assert value.url == "?year_min=2010&year_max=2019"
    [chosen] = facets.facet_links(
        decade, [(2010, "2010s", 3)], QueryDict("year_min=2010&year_max=2019")
    )
    assert chosen.selected and chosen.url == "?"


@pytest.mark.parametrize(
    ("name", "model"),
    [
        ("FILM_FACETS", Film),
        ("PERSON_FACETS", Person),
        ("ADAPTATION_FACETS", Adaptation),
        ("AWARD_FACETS", Award),
    ],
)
def test_counted_rows_are_plain_values_in_the_active_language(name, model):
    """The count cache keeps the rows per language; a lazy translation in them would be
    rebuilt, class and all, each time they are read back."""
    with translation.override("ko"):
        rows = [row for facet in getattr(facets, name) for row in facet.count(model.objects.all())]
    assert rows
    assert {type(label) for _, label, _ in rows} == {str}
    assert "수상" in {label for _, label, _ in rows} or model is not Award


@pytest.mark.parametrize(
    "language, labels",
    [
        ("en", [("comedy-drama", "Comedy-drama", 1), ("drama", "Drama", 1)]),
        ("ko", [("drama", "드라마", 1), ("comedy-drama", "코미디 드라마", 1)]),
        ("tr", [("drama", "Dram", 1), ("comedy-drama", "Komedi-dram", 1)]),
    ],
)
def test_genres_are_counted_under_their_names_in_the_language_and_linked_by_slug(language, labels):
    with translation.override(language):
        assert facets.film_genre_counts(Film.objects.all()) == labels


def test_a_genre_without_a_name_in_the_language_keeps_its_own():
    f.film("Noir film", genres=["noir"])
    with translation.override("ko"):
        rows = facets.film_genre_counts(Film.objects.filter(title="Noir film"))
    assert rows == [("noir", "Noir", 1)]
