"""The home page (archive/views/home.py): the archive's counts and the records to start from.

Requests go through ``factories.get``, which empties the public page cache first: every
response here is built by the view, never replayed from the cache.
"""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from archive.models import Film
from archive.tests import factories as f
from archive.tests.factories import (
    ALL_FILMS,
    ORIGINAL,
    TURKISH,
)
from archive.tests.pages import (
    film_url,
    person_url,
)

# Every list, page and export is tested with the caches on and with them off; every test sees
# the seed fixture, and its own changes are rolled back after it.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("archive", "every_cache_mode")]


def test_home_page_counts_every_kind_of_record_and_links_to_each_list(client):
    response = f.get(client, reverse("archive:home"))
    assert response.status_code == 200
    for number, label, url_name in [
        (6, "films", "archive:film-list"),
        (30, "people", "archive:person-list"),
        (31, "credits", "archive:person-list"),
        (5, "adaptations", "archive:adaptation-list"),
        (7, "awards and nominations", "archive:award-list"),
    ]:
        assertContains(
            response,
            f'<li><a href="{reverse(url_name)}"><strong>{number}</strong> {label}</a></li>',
            html=True,
        )


def test_home_page_links_the_most_remade_film_and_recent_records(client):
    response = f.get(client, reverse("archive:home"))
    adaptations_of = reverse("archive:adaptation-list") + f"?source={ORIGINAL}"
    assertContains(response, f'<a href="{adaptations_of}">5 adaptations</a>', html=True)
    assertContains(response, f'href="{reverse("archive:film-list")}?adapted=yes"')
    for slug in ALL_FILMS:
        assertContains(response, f'href="{film_url(slug)}"')
    assertContains(response, f'href="{person_url("ryu-seung-ryong")}"')


def test_home_page_shows_an_edited_film_first_on_the_next_request(client):
    f.get(client, reverse("archive:home"))
    film = Film.objects.get(slug=TURKISH)
    film.title = "A title changed in the admin"
    film.save()
    recent = f.body(f.get(client, reverse("archive:home"))).split('id="recent-films-h"')[1]
    assert recent.index("A title changed in the admin") < recent.index("</li>")
