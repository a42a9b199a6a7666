"""The award list's rows (archive/views/awards.py).

Requests go through ``factories.get``, which empties the public page cache first: every
response here is built by the view, never replayed from the cache.
"""

import pytest
from django.urls import reverse

from archive.tests import factories as f

# Every list, page and export is tested with the caches on and with them off; every test sees
# the seed fixture, and its own changes are rolled back after it.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("archive", "every_cache_mode")]


def test_award_list_rows_show_ceremony_category_nominee_film_and_result(client):
    rows = f.table_rows(f.get(client, reverse("archive:award-list")), "records")
    assert [
        "50th Grand Bell Awards (2013)",
        "Best Actor – Shared with Song Kang-ho",
        "Ryu Seung-ryong",
        "Miracle in Cell No. 7",
        "★ Won",
    ] in rows
    assert [
        "50th Grand Bell Awards (2013)",
        "Planning Award – Given to the film; no person named",
        "the film",
        "Miracle in Cell No. 7",
        "★ Won",
    ] in rows
    assert [
        "34th Blue Dragon Film Awards (2013)",
        "Best Actor",
        "Ryu Seung-ryong",
        "Miracle in Cell No. 7",
        "○ Nominated",
    ] in rows
