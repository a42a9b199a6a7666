"""The sourcing report, ``/about/sources/`` (archive/views/sources.py)."""

import re

import pytest
from django.urls import reverse

from archive.citations import FILM_FIELDS, FILM_ROWS
from archive.models import Film, FilmFact, Person
from archive.tests import factories as f
from archive.tests.pages import film_url, person_url, section

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("archive", "every_cache_mode")]

URL = reverse("archive:sources-report")


def kinds(response):
    """{kind of fact: (shown, sourced, unsourced)} from the report's table."""
    rows = re.findall(
        r'<tr><th scope="row">(.*?)</th><td class="number">(\d+)</td>'
        r'<td class="number">(\d+)</td><td class="number">(\d+)</td>',
        section(response, "kinds-h"),
    )
    return {label: tuple(int(n) for n in numbers) for label, *numbers in rows}


def counted_by_hand():
    """The same numbers, counted in Python over the records."""
    result = {}
    films = list(Film.objects.prefetch_related("countries", "genres", "facts__sources"))
    shown = {
        "title": lambda film: bool(film.title),
        "status": lambda film: True,
        "released": lambda film: bool(film.year or film.release_date),
        "runtime": lambda film: film.runtime is not None,
        "countries": lambda film: bool(film.countries.all()),
        "original_language": lambda film: film.original_language_id is not None,
        "genres": lambda film: bool(film.genres.all()),
        "summary": lambda film: bool(film.summary),
        "based_on": lambda film: bool(film.based_on),
    }
    for name, _ in FILM_FIELDS:
        with_value = [film for film in films if shown[name](film)]
        sourced = [
            film
            for film in with_value
            if any(
                fact.field == name and not fact.value and fact.sources.all()
                for fact in film.facts.all()
            )
        ]
        label = f"Films: {FilmFact.Field(name).label.lower()}"
        result[label] = (len(with_value), len(sourced), len(with_value) - len(sourced))
    for _kind, label, model, _link in FILM_ROWS:
        rows = list(model.objects.prefetch_related("sources"))
        sourced = sum(1 for row in rows if row.sources.all())
        result[label] = (len(rows), sourced, len(rows) - sourced)
    people = list(Person.objects.prefetch_related("sources"))
    sourced = sum(1 for person in people if person.sources.all())
    result["People: names"] = (len(people), sourced, len(people) - sourced)
    return result


def test_the_reports_numbers_match_the_data(client):
    film = f.film("Unsourced one", 2005, runtime=80, countries=["KR"])
    f.title(film, "Unsourced one")
    f.role(film, f.person("Unsourced Actor"))
    FilmFact.objects.create(film=film, field="countries").sources.set([f.source()])
    response = f.get(client, URL)
    assert response.status_code == 200
    assert kinds(response) == counted_by_hand()
    assert kinds(response)["Films: runtime"] == (2, 1, 1)
    # Title, status, released, runtime; the title row and the credit.
    films = section(response, "films-h")
    assert (
        f'<li><a href="{film_url(film.slug)}">Unsourced one (2005)</a>: 6 unsourced facts</li>'
        in films
    )
    people = section(response, "people-h")
    assert (
        f'<a href="{person_url("unsourced-actor")}">Unsourced Actor</a>: 2 unsourced facts'
        in people
    )
    total = sum(shown for shown, _, _ in counted_by_hand().values())
    assert f"Of the {total} facts the pages show" in f.body(response)


def test_the_seed_is_fully_sourced(client):
    response = f.get(client, URL)
    assert all(unsourced == 0 for _, _, unsourced in kinds(response).values())
    assert "Every fact of every film names its source." in section(response, "films-h")


def test_the_report_costs_the_same_queries_at_any_size(client, django_assert_num_queries):
    f.get(client, URL)  # warms what a first request loads once (the archive's version)
    with django_assert_num_queries(12, exact=False) as small:
        f.get(client, URL)
    for n in range(5):
        film = f.film(f"Grown {n}", 2000 + n, countries=["TR"], runtime=90)
        f.role(film, f.person())
    with django_assert_num_queries(len(small.captured_queries)):
        f.get(client, URL)


def test_the_footer_links_the_report_from_every_page(client):
    response = f.get(client, reverse("archive:home"))
    assert f'<a href="{URL}">how much of the archive is sourced</a>' in f.body(response)
