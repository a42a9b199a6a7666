"""sitemap.xml lists every public page; robots.txt keeps robots out of the admin."""

import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from django.urls import reverse

from archive.models import Film, Person
from archive.tests import factories as f
from archive.tests.factories import FIXTURE

pytestmark = [pytest.mark.django_db, pytest.mark.urls("archive.tests.urls_sitemap")]

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def archive_data():
    call_command("loaddata", FIXTURE, verbosity=0)


def sitemap_urls(client):
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", NS).text: url.find("s:lastmod", NS) for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_every_film_and_person(client, archive_data):
    urls = sitemap_urls(client)

    films = list(Film.objects.all())
    people = list(Person.objects.all())
    assert len(films) == 6
    assert len(people) == 30
    for record in films + people:
        assert f"http://testserver{record.get_absolute_url()}" in urls
    assert "http://testserver/films/miracle-in-cell-no-7-2013/" in urls
    assert "http://testserver/people/ryu-seung-ryong/" in urls


def test_sitemap_gives_lastmod_from_updated_at(client, archive_data):
    urls = sitemap_urls(client)

    lastmod = urls["http://testserver/films/miracle-in-cell-no-7-2013/"]
    assert lastmod is not None
    assert lastmod.text.startswith("2026-11-22")


def test_sitemap_lists_the_list_pages(client, archive_data):
    urls = sitemap_urls(client)

    for name in (
        "archive:home",
        "archive:film-list",
        "archive:person-list",
        "archive:adaptation-list",
        "archive:award-list",
    ):
        assert f"http://testserver{reverse(name)}" in urls
    assert len(urls) == 5 + 6 + 30


def test_sitemap_of_an_empty_archive(client):
    assert len(sitemap_urls(client)) == 5


def test_sitemap_takes_a_count_and_a_page_per_model(
    client, archive_data, django_assert_num_queries
):
    # One SELECT for films and one for people (listed once per language, counted in
    # Python): not one query per row; and the page cache's version read (archive/cache.py).
    with django_assert_num_queries(3):
        client.get(reverse("sitemap"))


def test_robots_txt(client):
    response = client.get(reverse("robots"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_robots_txt_uses_the_request_host(client, settings):
    settings.ALLOWED_HOSTS = ["films.example.org"]

    response = client.get(reverse("robots"), HTTP_HOST="films.example.org", secure=True)

    assert "Sitemap: https://films.example.org/sitemap.xml" in response.content.decode()


def test_robots_txt_only_answers_reads(client):
    assert client.head(reverse("robots")).status_code == 200
    assert client.post(reverse("robots")).status_code == 405


@pytest.mark.urls("config.urls")
@pytest.mark.parametrize("name", ["sitemap", "robots"])
def test_the_sitemap_and_robots_txt_answer_reads_only(client, name):
    url = reverse(name)
    assert client.get(url).status_code == 200
    assert client.head(url).status_code == 200
    for method in ("OPTIONS", "TRACE", "POST", "PUT", "DELETE"):
        response = client.generic(method, url)
        assert response.status_code == 405, method
        assert response["Allow"] == "GET, HEAD"


# Through the site's own URLs, with the caches on and off.


@pytest.mark.urls("config.urls")
@pytest.mark.usefixtures("archive_data", "every_cache_mode")
def test_sitemap_lists_every_film_and_person_and_the_lists(client):
    response = f.get(client, reverse("sitemap"))
    assert response.status_code == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = {loc.text for loc in ET.fromstring(response.content).findall("s:url/s:loc", ns)}
    for film in Film.objects.all():
        assert f.BASE + film.get_absolute_url() in urls
    for person in Person.objects.all():
        assert f.BASE + person.get_absolute_url() in urls
    for name in ("archive:home", "archive:film-list", "archive:person-list"):
        assert f.BASE + reverse(name) in urls
    # Every page in each of the three languages.
    assert len(urls) == 3 * (6 + 30 + 5)


@pytest.mark.urls("config.urls")
@pytest.mark.usefixtures("archive_data")
def test_sitemap_gives_each_page_its_other_languages_as_alternates(client):
    response = f.get(client, reverse("sitemap"))
    ns = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "x": "http://www.w3.org/1999/xhtml",
    }
    film = Film.objects.get(slug="miracle-in-cell-no-7-2013")
    entries = {
        url.find("s:loc", ns).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
        }
        for url in ET.fromstring(response.content).findall("s:url", ns)
    }
    english = f.BASE + film.get_absolute_url()
    expected = {
        "en": english,
        "ko": f.BASE + "/ko" + film.get_absolute_url(),
        "tr": f.BASE + "/tr" + film.get_absolute_url(),
        "x-default": english,
    }
    assert entries[english] == expected
    assert entries[expected["ko"]] == expected


@pytest.mark.urls("config.urls")
@pytest.mark.usefixtures("archive_data")
def test_every_page_of_the_sitemap_names_itself_in_every_language(client):
    """Each entry, whatever its language, lists the same page in English, Korean and
    Turkish (and English as x-default), and each of those is an entry of its own."""
    response = f.get(client, reverse("sitemap"))
    ns = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "x": "http://www.w3.org/1999/xhtml",
    }
    entries = {
        url.find("s:loc", ns).text: {
            link.get("hreflang"): link.get("href")
            for link in url.findall("x:link", ns)
            if link.get("rel") == "alternate"
        }
        for url in ET.fromstring(response.content).findall("s:url", ns)
    }
    assert len(entries) == 3 * (6 + 30 + 5)
    for loc, alternates in entries.items():
        english = alternates["en"]
        path = english.removeprefix(f.BASE)
        assert alternates == {
            "en": english,
            "ko": f"{f.BASE}/ko{path}",
            "tr": f"{f.BASE}/tr{path}",
            "x-default": english,
        }, loc
        assert loc in (alternates["en"], alternates["ko"], alternates["tr"])
        for language in ("en", "ko", "tr"):
            assert entries[alternates[language]] == alternates


@pytest.mark.urls("config.urls")
@pytest.mark.usefixtures("archive_data", "every_cache_mode")
def test_robots_txt_keeps_robots_out_of_the_admin_and_names_the_sitemap(client):
    response = f.get(client, "/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "User-agent: *" in text
    assert "Disallow: /admin/" in text
    assert f"Sitemap: {f.BASE}/sitemap.xml" in text
