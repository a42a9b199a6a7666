"""Fixtures and backups load only the archive's records, and only records that pass the
admin's validation; a refused record is named and nothing is written."""

import gzip
import json
from io import StringIO

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError

from archive.models import (
    ExternalLink,
    Film,
    FixtureLoad,
    Genre,
    Person,
    Role,
    SearchEntry,
    Source,
)
from archive.models.history import is_audit_model
from archive.tests.factories import FIXTURE

pytestmark = pytest.mark.django_db

SUPERUSER = {
    "model": "auth.user",
    "fields": {
        "username": "intruder",
        "password": "pbkdf2_sha256$1$x$y",
        "is_superuser": True,
        "is_staff": True,
        "is_active": True,
    },
}


def seed_records():
    with open(settings.FIXTURE_DIRS[0] / f"{FIXTURE}.json", encoding="utf-8") as stream:
        return json.load(stream)


def counts():
    models = (Film, Person, Role, Genre, Source, ExternalLink, User, FixtureLoad)
    return {model.__name__: model._base_manager.count() for model in models}


def written(tmp_path, name, records):
    path = tmp_path / name
    if name.endswith(".jsonl.gz"):
        with gzip.open(path, "wt", encoding="utf-8") as stream:
            stream.writelines(json.dumps(record) + "\n" for record in records)
    else:
        path.write_text(json.dumps(records), encoding="utf-8")
    return path


def test_the_seed_fixture_loads_twice_without_duplicates():
    call_command("loaddata", FIXTURE, verbosity=0)
    first = counts()
    call_command("loaddata", FIXTURE, verbosity=0)
    second = counts()
    assert first["Film"] == 6 and first["Role"] == 31
    assert {k: v for k, v in second.items() if k != "FixtureLoad"} == {
        k: v for k, v in first.items() if k != "FixtureLoad"
    }
    assert second["FixtureLoad"] == first["FixtureLoad"] + 1


def test_loaddata_refuses_a_superuser_in_a_fixture_and_changes_nothing(tmp_path):
    path = written(tmp_path, "tampered.json", [*seed_records(), SUPERUSER])
    before = counts()
    with pytest.raises(CommandError) as error:
        call_command("loaddata", str(path), verbosity=0)
    message = str(error.value)
    assert "auth.user “intruder”" in message
    assert f"record {len(seed_records()) + 1} of" in message
    assert "--allow-other-apps" in message and "nothing was loaded" in message
    assert counts() == before
    assert not User.objects.exists()


def test_loaddata_loads_other_apps_only_when_told(tmp_path):
    path = written(tmp_path, "user.json", [SUPERUSER])
    call_command("loaddata", str(path), allow_other_apps=True, verbosity=0)
    assert User.objects.get(username="intruder").is_superuser


def test_restore_refuses_a_backup_with_a_superuser_and_changes_nothing(tmp_path):
    call_command("loaddata", FIXTURE, verbosity=0)
    backup = tmp_path / "good.jsonl.gz"
    call_command("backup_archive", output=str(backup), stdout=StringIO())
    with gzip.open(backup, "rt", encoding="utf-8") as stream:
        records = [json.loads(line) for line in stream]
    call_command("flush", interactive=False, verbosity=0)
    tampered = written(tmp_path, "tampered.jsonl.gz", [*records, SUPERUSER])
    before = counts()

    with pytest.raises(CommandError) as error:
        call_command("restore_archive", str(tampered), stdout=StringIO())

    message = str(error.value)
    assert "\n" not in message
    assert f"record {len(records) + 1} of" in message and "auth.user" in message
    assert counts() == before
    assert not Film.objects.exists() and not User.objects.exists()


def hostile_records():
    records = seed_records()
    link = next(r for r in records if r["model"] == "archive.externallink")
    source = next(r for r in records if r["model"] == "archive.source")
    genre = next(r for r in records if r["model"] == "archive.genre")
    link["fields"]["url"] = "javascript:alert(document.cookie)"
    source["fields"]["url"] = "javascript:alert(1)"
    genre["fields"]["name"] = "x" * 10_000
    numbers = {
        kind: records.index(record) + 1
        for kind, record in (("link", link), ("source", source), ("genre", genre))
    }
    return records, numbers


@pytest.mark.parametrize("name", ["hostile.json", "hostile.jsonl.gz"])
def test_a_javascript_url_and_an_overlong_genre_are_refused_before_anything_is_written(
    tmp_path, name
):
    records, numbers = hostile_records()
    path = written(tmp_path, name, records)
    before = counts()
    command = "loaddata" if name.endswith(".json") else "restore_archive"

    with pytest.raises(CommandError) as error:
        call_command(command, str(path), verbosity=0)

    lines = str(error.value).splitlines()
    assert len(lines) == 4, lines  # one a refused record, and what it means
    refused = {line.split(" of ")[0] for line in lines[:3]}
    assert refused == {f"Refused record {number}" for number in numbers.values()}
    assert sum("Enter a valid URL" in line for line in lines) == 2
    assert any("at most 100 characters (it has 10000)" in line for line in lines)
    assert lines[-1] == "Nothing was loaded: 3 records refused."
    assert counts() == before


def test_a_fixture_in_a_format_that_cannot_be_checked_first_is_refused(tmp_path):
    path = tmp_path / "genres.xml"
    path.write_text('<?xml version="1.0"?><django-objects version="1.0"></django-objects>')
    with pytest.raises(CommandError, match="only JSON and JSON Lines"):
        call_command("loaddata", str(path), verbosity=0)


# The fixture-load log ------------------------------------------------------------------------


def history_rows():
    """How many versions the history tables hold, all models together."""
    return sum(
        model.objects.count()
        for model in apps.get_app_config("archive").get_models()
        if is_audit_model(model) and model not in (FixtureLoad, SearchEntry)
    )


def test_loaddata_records_one_fixture_load_and_no_version_per_record(db):
    call_command("loaddata", FIXTURE, verbosity=0)

    (load,) = FixtureLoad.objects.all()
    assert load.file_list == [f"fixtures/{FIXTURE}.json"]
    assert (load.fixture_count, load.object_count) == (1, 197)
    assert load.loaded_by
    assert history_rows() == 0

    call_command("loaddata", FIXTURE, verbosity=0)
    assert FixtureLoad.objects.count() == 2
    assert history_rows() == 0


def test_a_failed_load_records_no_fixture_load(db, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('[{"model": "archive.genre", "fields": {"name": "Drama", "slug": ')
    with pytest.raises(CommandError):
        call_command("loaddata", str(path), verbosity=0)
    assert not FixtureLoad.objects.exists()
