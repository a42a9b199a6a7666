"""The test factories' seed copy (factories.load_archive_once_per_process): copying the rows
that ``loaddata`` wrote gives the very database that ``loaddata`` gives."""

import pytest
from django.db import transaction

from archive.models import Film, Person
from archive.tests import factories as f

pytestmark = pytest.mark.django_db


def loaded_then_copied():
    with transaction.atomic():
        f.load_archive()
        loaded = f.seed_rows()
        transaction.set_rollback(True)
    assert not Film.objects.exists()
    f.copy_seed_rows(loaded)
    return loaded, f.seed_rows()


def test_the_copy_has_every_row_of_the_load(client):
    loaded, copied = loaded_then_copied()
    tables = {model._meta.db_table for model, _, _ in loaded}
    assert {"archive_film", "archive_role", "archive_film_countries"} <= tables
    assert copied == loaded
    assert Film.objects.count() == 6


def test_the_copy_is_searchable_and_takes_new_records(client):
    loaded_then_copied()
    response = client.get("/search/", {"q": "류승룡"}, secure=True)
    assert "Ryu Seung-ryong" in f.body(response)
    assert f.person("Someone New").pk > max(
        Person.objects.exclude(name="Someone New").values_list("pk", flat=True)
    )
