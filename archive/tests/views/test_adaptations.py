"""The adaptation list's rows (archive/views/adaptations.py).

Requests go through ``factories.get``, which empties the public page cache first: every
response here is built by the view, never replayed from the cache.
"""

import pytest
from django.urls import reverse

from archive.tests import factories as f

# Every list, page and export is tested with the caches on and with them off; every test sees
# the seed fixture, and its own changes are rolled back after it.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("archive", "every_cache_mode")]


def test_adaptation_list_rows_show_country_language_director_kind_and_source(client):
    rows = f.table_rows(f.get(client, reverse("archive:adaptation-list")), "records")
    assert [
        "7. Koğuştaki Mucize",
        "2019",
        "Türkiye, Turkish",
        "Mehmet Ada Öztekin",
        "Official remake",
        "Miracle in Cell No. 7 (2013)",
    ] in rows
    assert [
        "Untitled film",
        "Announced",
        "India, Hindi",
        "Umesh Shukla (announced)",
        "Official remake",
        "Miracle in Cell No. 7 (2013)",
    ] in rows
