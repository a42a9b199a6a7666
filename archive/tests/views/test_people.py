"""The person list's rows and the person page (archive/views/people.py).

Requests go through ``factories.get``, which empties the public page cache first: every
response here is built by the view, never replayed from the cache.
"""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains

from archive.models import Person
from archive.tests import factories as f
from archive.tests.factories import (
    TURKISH,
)
from archive.tests.pages import (
    film_url,
    person_url,
    section,
    without_marks,
)

# Every list, page and export is tested with the caches on and with them off; every test sees
# the seed fixture, and its own changes are rolled back after it.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("archive", "every_cache_mode")]


def test_person_list_rows_show_credit_counts_linking_to_their_films(client):
    response = f.get(client, reverse("archive:person-list") + "?q=lee hwan")
    assert f.table_rows(response, "records")[1] == [
        "Lee Hwan-kyung",
        "이환경",
        "2013",
        "Miracle in Cell No. 7 (2013)",
        "2",
    ]
    assertContains(response, 'href="/films/?person=lee-hwan-kyung"')


def test_person_page_lists_the_filmography_with_characters_and_the_awards(client):
    response = without_marks(f.get(client, person_url("ryu-seung-ryong")))
    assert response.status_code == 200
    assertContains(response, "<h1>Ryu Seung-ryong</h1>", html=True)
    assert f.table_rows(response, "records")[1:] == [
        ["2013", "Miracle in Cell No. 7", "Actor as Lee Yong-gu"]
    ]
    awards = [
        f._text(li) for li in re.findall(r"<li>(.*?)</li>", section(response, "awards-h"), re.S)
    ]
    assert awards == [
        "★ Won: 49th Baeksang Arts Awards (2013), Grand Prize (Film), for Miracle in Cell No. 7",
        "○ Nominated: 34th Blue Dragon Film Awards (2013), Best Actor, for Miracle in Cell No. 7",
        "★ Won: 50th Grand Bell Awards (2013), Best Actor, for Miracle in Cell No. 7 "
        "(Shared with Song Kang-ho)",
    ]
    assertContains(response, 'href="/awards/?person=ryu-seung-ryong"')
    assertContains(response, 'href="/films/?person=ryu-seung-ryong"')
    assertContains(response, "Last changed")


def test_person_page_shows_a_note_on_a_shared_character(client):
    response = without_marks(f.get(client, person_url("kal-so-won")))
    assert f.table_rows(response, "records")[1:] == [
        ["2013", "Miracle in Cell No. 7", "Actor as Ye-sung (child)"]
    ]


def test_person_page_groups_several_credits_on_one_film(client):
    response = without_marks(f.get(client, person_url("lee-hwan-kyung")))
    assert f.table_rows(response, "records")[1:] == [
        ["2013", "Miracle in Cell No. 7", "Director; Writer"]
    ]


def test_person_page_of_someone_on_an_announced_film(client):
    response = without_marks(f.get(client, person_url("umesh-shukla")))
    assert f.table_rows(response, "records")[1:] == [
        ["Announced", "Untitled film", "Director (announced)"]
    ]
    assertContains(response, "No award or nomination recorded.")


def test_person_page_carries_json_ld_canonical_link_and_open_graph(client):
    response = without_marks(f.get(client, person_url("aras-bulut-iynemli")))
    data = f.jsonld(response)
    assert data["@type"] == "Person"
    assert data["name"] == "Aras Bulut İynemli"
    assert data["performerIn"] == [
        {"@type": "Movie", "name": "7. Koğuştaki Mucize", "url": f.BASE + film_url(TURKISH)}
    ]
    assertContains(
        response,
        f'<link rel="canonical" href="{f.BASE}{person_url("aras-bulut-iynemli")}">',
        html=True,
    )
    assertContains(response, '<meta property="og:type" content="profile">', html=True)
    assertContains(response, '<meta property="og:title" content="Aras Bulut İynemli">', html=True)


def test_person_page_shows_life_dates_place_and_biography(client):
    Person.objects.filter(slug="ryu-seung-ryong").update(
        birth_date="1970-11-29",
        death_date="2050",
        place_of_birth="Suwon, South Korea",
        biography="First paragraph.\n\nSecond paragraph.",
    )
    response = without_marks(f.get(client, person_url("ryu-seung-ryong")))
    assertContains(
        response,
        '<dt>Born</dt><dd><time datetime="1970-11-29">29 November 1970</time>, '
        "Suwon, South Korea</dd>",
        html=True,
    )
    assertContains(response, '<dd><time datetime="2050">2050</time></dd>', html=True)
    assertContains(response, "<p>Second paragraph.</p>", html=True)


def person_row(body, slug):
    """The person list's table row that links to the person ``slug``."""
    (row,) = [row for row in body.split("<tr>") if f"/people/{slug}/" in row]
    return row.split("</tr>")[0]


def test_person_list_names_the_best_known_film_in_the_visitors_language(client):
    english = reverse("archive:person-list")
    with translation.override("ko"):
        korean = reverse("archive:person-list")
    query = {"q": "Ryu Seung-ryong"}
    # English first: a visit under /ko/ is remembered for the unprefixed addresses.
    row = person_row(f.body(f.get(client, english, data=query)), "ryu-seung-ryong")
    assert ">Miracle in Cell No. 7 (2013)</td>" in row
    row = person_row(f.body(f.get(client, korean, data=query)), "ryu-seung-ryong")
    assert '7번방의 선물 <span class="also">Miracle in Cell No. 7</span> (2013)' in row
