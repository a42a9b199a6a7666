"""What the record pages share: lower-case addresses and ``?format=``."""

import pytest
from django.urls import reverse

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seed(django_db_setup, django_db_blocker):
    with f.archive_for_module(django_db_blocker):
        yield


@pytest.fixture(autouse=True)
def archive(seed, db):
    pass


@pytest.mark.parametrize(
    "view, slug",
    [
        ("archive:film-detail", "Miracle-In-Cell-No-7-2013"),
        ("archive:person-detail", "Ryu-Seung-Ryong"),
    ],
)
def test_a_slug_with_capitals_redirects_to_its_lower_case_address(client, view, slug):
    response = client.get(reverse(view, kwargs={"slug": slug}) + "?format=json", secure=True)
    assert response.status_code == 301
    assert response["Location"] == reverse(view, kwargs={"slug": slug.lower()}) + "?format=json"
    assert client.get(response["Location"], secure=True).status_code == 200


def test_an_unknown_format_is_a_message_on_the_page(client):
    response = client.get(
        reverse("archive:film-detail", kwargs={"slug": f.ORIGINAL}), {"format": "xml"}, secure=True
    )
    assert response.status_code == 200
    assert "Unknown format “xml”: use html or json." in f.body(response)
