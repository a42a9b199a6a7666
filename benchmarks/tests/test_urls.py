"""The benchmark's URL configuration (``benchmarks/urls.py``): its reference pages beside the
archive's own, every one of which must answer as it does on the site."""

import pytest
from django.contrib.auth.models import User

from archive.tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.urls("benchmarks.urls")]


def test_the_reference_pages_answer_beside_the_archive(client):
    factories.film("Miracle in Cell No. 7", 2013)
    rows = factories.get(client, "/bench/rows/")
    assert rows.status_code == 200 and "Miracle in Cell No. 7" in rows.content.decode()
    assert factories.get(client, "/bench/ceiling/").status_code == 200
    # The archive's pages in every language, as in the site's own URL configuration.
    for url in ("/", "/films/", "/ko/films/", "/tr/search/?q=miracle"):
        assert factories.get(client, url).status_code == 200, url


def test_the_admin_reference_is_the_film_form_without_its_parts(client):
    film = factories.film("Miracle in Cell No. 7", 2013)
    client.force_login(User.objects.create_superuser("bench", password="not-used-1"))
    plain = factories.get(client, f"/bench/admin/archive/film/{film.pk}/change/")
    full = factories.get(client, f"/admin/archive/film/{film.pk}/change/")
    assert plain.status_code == full.status_code == 200
    assert 'id="roles-group"' not in plain.content.decode()
    assert 'id="roles-group"' in full.content.decode()
