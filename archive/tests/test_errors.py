"""Error pages: with debug off a missing page, a refused request, a forbidden page and a
server error each answer with the site's own page (the header's navigation and search box,
not Django's bare text), and carry X-Frame-Options; the 500 page renders with the database
down. And ``/favicon.ico``, which browsers ask for whatever the pages link, is answered.

This module is also the URLconf of the tests that need a view raising an error: the site's
URLs (with their error handlers) plus ``forbidden/`` and ``broken/``.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import DEFAULT_DB_ALIAS, OperationalError, connection, connections
from django.test import Client
from django.urls import path, reverse

from config.urls import handler400, handler403, handler404, handler500  # noqa: F401
from config.urls import urlpatterns as site_urlpatterns


def forbidden(request):
    raise PermissionDenied("for this test")


def broken(request):
    raise RuntimeError("for this test")


urlpatterns = [
    path("forbidden/", forbidden),
    path("broken/", broken),
    *site_urlpatterns,
]

MISSING = "/films/no-such-film-1900/"


def assert_site_page(response, status, heading):
    """The site's layout: its navigation and search box, the page's heading, not indexed,
    and not to be framed."""
    assert response.status_code == status
    assert response["Content-Type"] == "text/html; charset=utf-8"
    text = response.content.decode()
    assert '<nav aria-label="Main">' in text
    assert f'href="{reverse("archive:person-list")}"' in text
    assert '<form class="site-search" role="search"' in text
    assert 'name="q"' in text
    assert f"<h1>{heading}</h1>" in text
    assert '<meta name="robots" content="noindex">' in text
    assert 'rel="canonical"' not in text
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_debug_is_off_in_these_tests(settings):
    """Django shows its own technical pages with debug on; everything here is about the
    pages a public site shows."""
    assert settings.DEBUG is False


@pytest.mark.django_db
def test_a_missing_page_shows_the_sites_404_page(client):
    response = client.get(MISSING)
    assert_site_page(response, 404, "Page not found")
    assert "There is no page at this address" in response.content.decode()


@pytest.mark.django_db
def test_a_missing_page_is_not_kept_by_the_page_cache(client):
    client.get(MISSING)
    response = client.get(MISSING)
    assert response.status_code == 404
    assert "X-Page-Cache" not in response


@pytest.mark.django_db
def test_a_refused_host_gets_the_sites_400_page():
    # Refused by a middleware that runs before XFrameOptionsMiddleware: the header comes
    # from the error view itself.
    client = Client(raise_request_exception=False)
    response = client.get(reverse("archive:home"), HTTP_HOST="evil.example")
    assert_site_page(response, 400, "Bad request")


@pytest.mark.django_db
def test_an_address_with_too_many_parameters_for_django_gets_the_sites_400_page(settings):
    """Django refuses a query string of more than DATA_UPLOAD_MAX_NUMBER_FIELDS parameters
    when a view reads it; the site's 400 page says so."""
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
    settings.MIDDLEWARE = [
        name
        for name in settings.MIDDLEWARE
        if name != "archive.middleware.QueryParameterLimitMiddleware"
    ]
    query = "&".join(f"p{n}=1" for n in range(2000))
    response = Client().get(f"{reverse('archive:film-list')}?{query}")
    assert_site_page(response, 400, "Bad request")


@pytest.mark.django_db
def test_an_address_with_2000_parameters_gets_the_sites_400_page(client):
    query = "&".join(f"p{n}=1" for n in range(2000))
    response = client.get(f"{reverse('archive:home')}?{query}")
    assert_site_page(response, 400, "Bad request")


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_a_forbidden_page_shows_the_sites_403_page(client):
    response = client.get("/forbidden/")
    assert_site_page(response, 403, "Not allowed")


@pytest.fixture
def database_down(monkeypatch, django_db_blocker):
    """Every attempt to connect to the database fails, as when the server is down. The open
    connection is put aside rather than closed (an in-memory SQLite test database would be
    lost with it) and put back afterwards."""

    def refuse(*args, **kwargs):
        raise OperationalError("connection refused (the database is down for this test)")

    with django_db_blocker.unblock():
        wrapper = connections[DEFAULT_DB_ALIAS]
        open_connection = wrapper.connection
        wrapper.connection = None
        monkeypatch.setattr(wrapper, "get_new_connection", refuse)
        try:
            yield
        finally:
            monkeypatch.undo()
            wrapper.connection = open_connection


def test_the_database_is_really_down(database_down):
    with pytest.raises(OperationalError):
        connection.ensure_connection()


def test_a_server_error_with_the_database_down_shows_the_sites_500_page(database_down):
    # The home page reads the database (the page cache's version first): it fails.
    response = Client(raise_request_exception=False).get(reverse("archive:home"))
    assert_site_page(response, 500, "Server error")
    assert response["Content-Security-Policy"]


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_a_server_error_shows_the_sites_500_page(client):
    response = Client(raise_request_exception=False).get("/broken/")
    assert_site_page(response, 500, "Server error")
    assert f'href="{reverse("archive:home")}"' in response.content.decode()


# The icon --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_page_links_the_icon(client):
    text = client.get(reverse("archive:home")).content.decode()
    assert '<link rel="icon" href="/static/archive/favicon.svg" type="image/svg+xml">' in text


@pytest.mark.django_db
def test_favicon_ico_leads_to_the_icon(settings):
    settings.WHITENOISE_USE_FINDERS = True
    client = Client()
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/archive/favicon.svg"
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    assert icon["Content-Type"] == "image/svg+xml"
    assert b"<svg" in b"".join(icon.streaming_content)
    assert client.head("/favicon.ico").status_code == 302
    assert client.post("/favicon.ico").status_code == 405
