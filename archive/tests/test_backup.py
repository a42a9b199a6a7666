"""Backups and broken fixtures: all or nothing, with a message a person can act on."""

import gzip
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from archive.models import Film, Person, Role

pytestmark = pytest.mark.django_db

FIXTURE = "miracle_in_cell_no_7"


def archive_dump(tmp_path, name):
    path = tmp_path / name
    call_command("backup_archive", output=str(path), stdout=StringIO())
    return path


def read_dump(path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as stream:
        return json.load(stream)


def empty_database():
    call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def seeded():
    call_command("loaddata", FIXTURE, verbosity=0)


def test_backup_writes_a_timestamped_natural_key_dump(seeded, settings, tmp_path):
    settings.BASE_DIR = tmp_path
    call_command("backup_archive", stdout=StringIO())
    (backup,) = (tmp_path / "backups").glob("archive-*.json.gz")
    assert backup.name[len("archive-") :].startswith(tuple("0123456789"))
    records = read_dump(backup)
    films = [r for r in records if r["model"] == "archive.film"]
    assert len(films) == 6
    assert all("pk" not in r for r in records if r["model"] in {"archive.film", "archive.role"})
    role = next(r for r in records if r["model"] == "archive.role")
    assert isinstance(role["fields"]["person"], list)  # a natural key, not an id


def test_restore_round_trip_is_exact_for_the_fixture(seeded, tmp_path):
    before = archive_dump(tmp_path, "before.json.gz")
    empty_database()
    assert not Film.objects.exists()

    call_command("restore_archive", str(before), stdout=StringIO())

    after = archive_dump(tmp_path, "after.json.gz")
    assert read_dump(after) == read_dump(before)
    assert Role.objects.count() == 31


def test_restore_refuses_an_archive_that_is_not_empty(seeded, tmp_path):
    dump = archive_dump(tmp_path, "dump.json")
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore_archive", str(dump))


def test_restore_names_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="No backup file"):
        call_command("restore_archive", str(tmp_path / "nope.json"))


def write(tmp_path, name, records):
    path = tmp_path / name
    path.write_text(records if isinstance(records, str) else json.dumps(records))
    return path


def fixture_records():
    from django.conf import settings

    with open(settings.FIXTURE_DIRS[0] / f"{FIXTURE}.json", encoding="utf-8") as stream:
        return json.load(stream)


def broken_fixtures(tmp_path):
    records = fixture_records()
    film = json.loads(json.dumps(next(r for r in records if r["model"] == "archive.film")))
    film["fields"].update(slug="year-out-of-range", year=3000, release_date=None)
    role = json.loads(json.dumps(next(r for r in records if r["model"] == "archive.role")))
    stranger = json.loads(json.dumps(role))
    stranger["fields"]["person"] = ["nobody-at-all"]
    return {
        "year out of range": (write(tmp_path, "year.json", [film]), "film_year_in_range"),
        "person who does not exist": (write(tmp_path, "person.json", [stranger]), "has no person"),
        "duplicate credit": (write(tmp_path, "duplicate.json", [role, role]), "repeats"),
        "malformed JSON": (
            write(tmp_path, "malformed.json", '[{"model": "archive.genre" "fields": {}}]'),
            "Expecting ','",
        ),
    }


@pytest.mark.parametrize(
    "case",
    ["year out of range", "person who does not exist", "duplicate credit", "malformed JSON"],
)
def test_a_broken_fixture_stops_with_one_line_and_changes_nothing(seeded, tmp_path, case):
    path, expected = broken_fixtures(tmp_path)[case]
    before = (Film.objects.count(), Person.objects.count(), Role.objects.count())
    snapshot = read_dump(archive_dump(tmp_path, "before.json"))

    with pytest.raises(CommandError) as error:
        call_command("loaddata", str(path), verbosity=0)

    message = str(error.value)
    assert "\n" not in message
    assert str(path) in message  # names the file
    assert "record" in message  # and the record
    assert expected in message
    assert (Film.objects.count(), Person.objects.count(), Role.objects.count()) == before
    assert read_dump(archive_dump(tmp_path, "after.json")) == snapshot


def test_a_broken_fixture_prints_no_traceback_from_the_command_line(tmp_path):
    import subprocess
    import sys

    from django.conf import settings

    path = write(tmp_path, "malformed.json", "[{")
    result = subprocess.run(
        [sys.executable, "manage.py", "loaddata", str(path)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_DEBUG": "1",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        },
        timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "malformed.json" in lines[0]
