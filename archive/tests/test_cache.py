"""The page cache and the count cache: keys from the selection, one version for every
process, and pages that are right with the caches off."""

import re

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains

from archive import cache
from archive.models import Film
from archive.tests.factories import KANNADA
from archive.tests.pages import count_queries

from . import factories as f


@pytest.fixture(autouse=True)
def archive(seed, db, settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.COUNT_CACHE_SECONDS = 600


def selection(text, leave_out=()):
    return cache.selection_key(QueryDict(text), leave_out)


def test_a_selection_key_does_not_depend_on_the_order_of_the_parameters():
    assert selection("country=TR&country=KR&q=x") == selection("q=x&country=KR&country=TR")


def test_a_value_that_spells_other_parameters_is_a_different_selection():
    escaped = selection("q=miracle%26year_min%3D2013")
    real = selection("q=miracle&year_min=2013")
    assert escaped != real
    assert escaped == "q=miracle%26year_min%3D2013"


def test_the_left_out_parameters_do_not_change_the_key():
    assert selection("q=x&page=3&sort=title&format=csv", ("page", "sort", "format")) == "q=x"


def test_an_escaped_selection_never_answers_for_the_real_one(client):
    """Regression: the count key once joined ``name=value`` without escaping, so a search
    for "miracle&year_min=2013" and the real selection shared a count; requested first, the
    escaped one made the real one say "0 films" (then kept by the page cache)."""
    url = reverse("archive:film-list")
    for _ in range(4):
        response = client.get(url, {"q": "miracle&year_min=2013"}, secure=True)
        assert response.status_code == 200
    response = client.get(url, {"q": "miracle", "year_min": "2013"}, secure=True)
    expected = Film.objects.filter(year__gte=2013).search("miracle").count()
    assert expected > 0
    body = f.body(response)
    assert f"{expected} film" in body
    assert body.count('data-label="Title"') == expected


def test_a_page_is_kept_until_an_edit(client):
    url = reverse("archive:film-list")
    assert client.get(url, secure=True)["X-Page-Cache"] == "miss"
    assert client.get(url, secure=True)["X-Page-Cache"] == "hit"
    f.film("A new film", 2024)
    response = client.get(url, secure=True)
    assert response["X-Page-Cache"] == "miss"
    assert "A new film" in f.body(response)


def test_a_save_in_another_process_is_seen_by_the_next_request(client):
    """Another server process shares only the database: its save changes the rows and the
    version there, not this process's cache. The next request here must show it."""
    url = reverse("archive:film-detail", kwargs={"slug": f.ORIGINAL})
    assert client.get(url, secure=True)["X-Page-Cache"] == "miss"
    assert client.get(url, secure=True)["X-Page-Cache"] == "hit"
    # What the other process's save leaves in the database (no signal runs in this one).
    Film.objects.filter(slug=f.ORIGINAL).update(runtime=321)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {cache.VERSION_TABLE} SET version = version + 1 WHERE id = 1")
    response = client.get(url, secure=True)
    assert response["X-Page-Cache"] == "miss"
    assert "321" in f.body(response)


def test_signed_in_visitors_and_the_admin_are_never_served_from_the_page_cache(client):
    url = reverse("archive:home")
    client.get(url, secure=True)
    client.cookies["sessionid"] = "anything"
    assert "X-Page-Cache" not in client.get(url, secure=True)


def test_counts_are_kept_per_selection_until_an_edit(client):
    # A signed-in visitor's pages are built every time; the counts are kept all the same.
    client.cookies["sessionid"] = "no page cache for this visitor"
    korean = reverse("archive:film-list") + "?country=KR"
    with CaptureQueriesContext(connection) as first:
        client.get(korean, secure=True)
    with CaptureQueriesContext(connection) as kept:
        client.get(korean, secure=True)
    assert len(kept) == len(first) - 6  # the total and the five facets
    f.film("A new film", 2024)
    with CaptureQueriesContext(connection) as after_edit:
        client.get(korean, secure=True)
    assert len(after_edit) == len(first)


def test_with_the_caches_off_every_request_counts_afresh(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.COUNT_CACHE_SECONDS = 0
    url = reverse("archive:film-list") + "?country=KR"
    with CaptureQueriesContext(connection) as first:
        client.get(url, secure=True)
    with CaptureQueriesContext(connection) as second:
        assert "X-Page-Cache" not in client.get(url, secure=True)
    assert len(first) == len(second)


def test_a_lists_counts_are_kept_until_an_edit_even_with_the_page_cache_off(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    url = reverse("archive:film-list") + "?country=TR&sort=title"
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    with CaptureQueriesContext(connection) as again:
        response = client.get(url)
    # The total and the five facets are not counted again: only the rows and the lookups.
    assert len(again) == len(first) - 6, [q["sql"][:80] for q in again]
    assert "1 film from Türkiye" in f.body(response)
    # The same selection in another order, sorted otherwise: the same counts are used.
    with CaptureQueriesContext(connection) as resorted:
        client.get(reverse("archive:film-list") + "?sort=-year&country=TR&page=1")
    assert len(resorted) == len(again)

    f.film("Yedinci Koğuştaki Mucize: Kısa", 2021, countries=["TR"])
    response = client.get(url)
    assert "2 films from Türkiye" in f.body(response)
    facet = re.search(r"<h3>Decade</h3>.*?</section>", f.body(response), re.S).group(0)
    assert re.search(r"2020s</a> <span class=\"count\">1</span>", facet)


def test_the_home_pages_figures_are_kept_until_an_edit(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    url = reverse("archive:home")
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    with CaptureQueriesContext(connection) as again:
        response = client.get(url)
    # Only the archive's version is read again: the counts, the most remade and the
    # recently changed records are kept.
    assert len(first) > 1
    assert [query["sql"] for query in again] == [first[0]["sql"]]
    films = Film.objects.count()
    assert f"<strong>{films}</strong> films" in f.body(response)
    f.film("Another film", 2020)
    edited = f.body(client.get(url))
    assert f"<strong>{films + 1}</strong> films" in edited
    assert "Another film" in edited.split('id="recent-films-h"')[1]
    # Each language has its own: the Korean page reads its lists again, and its films'
    # titles in Korean.
    with translation.override("ko"):
        korean = reverse("archive:home")
    with CaptureQueriesContext(connection) as in_korean:
        body = f.body(client.get(korean))
    assert len(in_korean) == len(first) + 1
    assert "7번방의 선물" in body


def test_a_cache_that_is_down_makes_pages_slower_never_broken(client, monkeypatch):
    """Redis on a port where nothing listens: every page still answers, built afresh."""
    from django.core.cache.backends.redis import RedisCache

    monkeypatch.setattr(cache, "cache", RedisCache("redis://127.0.0.1:9/0", {}))
    for url in (reverse("archive:home"), reverse("archive:film-list") + "?country=KR"):
        response = client.get(url, secure=True)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response


def test_an_editors_change_shows_on_the_next_request(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    url = reverse("archive:film-list")
    first = client.get(url, secure=True)
    assert client.get(url, secure=True).get("X-Page-Cache") == "hit"
    assertContains(first, "Pushpaka Vimana")
    film = Film.objects.get(slug=KANNADA)
    film.title = "Pushpaka Vimana (renamed)"
    film.save()
    assertContains(client.get(url, secure=True), "Pushpaka Vimana (renamed)")


def test_counts_are_counted_each_time_when_the_count_cache_is_off(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.COUNT_CACHE_SECONDS = 0
    url = reverse("archive:film-list") + "?country=TR"
    first = count_queries(client, url)
    with CaptureQueriesContext(connection) as again:
        client.get(url)
    assert len(again) == first


@pytest.mark.parametrize(
    "path", ["/", "/films/", "/films/?genre=comedy-drama", "/awards/", "/search/?q=miracle"]
)
def test_a_cached_page_never_answers_with_another_languages_records(client, path):
    """Each language's page is kept apart: the Korean one names the film 7번방의 선물 and its
    genre 코미디 드라마, the English and Turkish ones keep the archive's words, however the
    requests come (the count cache, which keeps the genre facet's labels, too)."""
    cache.cache.clear()
    seen = {}
    for language in ("en", "ko", "tr", "ko", "en", "tr"):
        prefix = "" if language == "en" else f"/{language}"
        response = client.get(prefix + path, secure=True)
        state = response.get("X-Page-Cache")
        assert state == ("hit" if language in seen else "miss"), (language, state)
        korean = ">7번방의 선물</a>" in f.body(response)
        assert korean == (language == "ko"), language
        if "genre" in path:
            assert ("코미디 드라마" in f.body(response)) == (language == "ko"), language
        seen[language] = True
