"""What the record pages share: lower-case addresses and ``?format=``."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from archive.tests import factories as f
from archive.tests.pages import film_url, person_url

# Every test sees the seed fixture (loaded once for the module); its own changes are rolled
# back after it.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("archive")]


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


@pytest.mark.usefixtures("every_cache_mode")
@pytest.mark.parametrize(
    "url",
    ["/films/no-such-film-2013/", "/people/no-such-person/"],
)
def test_an_unknown_slug_is_not_found(client, url):
    assert f.get(client, url).status_code == 404


@pytest.mark.usefixtures("every_cache_mode")
def test_markup_in_a_title_is_escaped_on_every_page(client):
    title = '</script><script>alert("x")</script><b>bold</b>'
    film = f.film(title, 2001, countries=["KR"])
    f.title(film, "<i>tag</i> & co", language="en")
    actor = f.person('<img src=x onerror="alert(1)">')
    f.role(film, actor, character="</title><script>alert(2)</script>")
    for url in (
        film_url(film.slug),
        person_url(actor.slug),
        reverse("archive:film-list"),
        reverse("archive:person-list"),
        reverse("archive:home"),
    ):
        text = f.body(f.get(client, url))
        assert "<script>alert(" not in text, url
        assert "<b>bold</b>" not in text, url
        assert "<img src=x" not in text, url
    response = f.get(client, film_url(film.slug))
    data = f.jsonld(response)
    assert data["name"] == title  # the JSON-LD carries the text, escaped for the script
    assertContains(response, "&lt;i&gt;tag&lt;/i&gt; &amp; co")
