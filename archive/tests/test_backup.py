"""Backups and broken fixtures: all or nothing, with a message a person can act on."""

import datetime
import gzip
import json
from collections import defaultdict
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.models import Film, FixtureLoad, Person, Role
from archive.models.history import audit_model_labels, is_audit_model
from archive.restore import times_as_given
from archive.tests import factories
from archive.tests.factories import FIXTURE, ORIGINAL
from archive.tests.image_files import add_image

pytestmark = pytest.mark.django_db


def archive_dump(tmp_path, name):
    path = tmp_path / name
    call_command("backup_archive", output=str(path), stdout=StringIO())
    return path


def read_dump(path):
    """A backup's records: one JSON object a line."""
    return [json.loads(line) for line in read_text(path).splitlines()]


def read_text(path):
    """A dump's text, decompressed."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as stream:
        return stream.read()


def empty_database():
    # PostgreSQL refuses to empty a table whose deferred foreign-key checks are pending
    # (rows this test's transaction wrote): run them first.
    connection.check_constraints()
    call_command("flush", interactive=False, verbosity=0)


def record_models():
    """Every model whose rows a backup carries (not the edit history or the load log)."""
    return [
        model for model in apps.get_app_config("archive").get_models() if not is_audit_model(model)
    ]


def archive_records():
    """Every row of every record model by its natural key: the value of each field (a
    foreign key as its target's natural key) and each many-to-many relation as the sorted
    natural keys of its targets. Only database ids are left out: a restore may change
    them, and nothing else."""
    records, natural_keys = {}, {}
    for model in record_models():
        fields = [field for field in model._meta.concrete_fields if not field.primary_key]
        relations = [field.name for field in fields if field.is_relation]
        rows, keys = {}, {}
        for record in model._base_manager.select_related(*relations).order_by("pk"):
            key = record.natural_key()
            assert key not in rows, f"{model._meta.label}: two rows with the natural key {key}"
            values = {}
            for field in fields:
                if field.is_relation:
                    target = getattr(record, field.name)
                    values[field.name] = None if target is None else target.natural_key()
                else:
                    values[field.name] = field.value_from_object(record)
            rows[key], keys[record.pk] = values, key
        records[model], natural_keys[model] = rows, keys
    for model in record_models():
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            own = through._meta.get_field(field.m2m_field_name()).attname
            other = through._meta.get_field(field.m2m_reverse_field_name()).attname
            linked = defaultdict(list)
            for pk, target_pk in through.objects.values_list(own, other):
                linked[pk].append(natural_keys[field.related_model][target_pk])
            for pk, key in natural_keys[model].items():
                records[model][key][field.name] = sorted(linked[pk])
    return {model._meta.label: rows for model, rows in records.items()}


def differences(before, after):
    """What differs between two ``archive_records()``, one line a record."""
    found = []
    for label in sorted(before.keys() | after.keys()):
        old, new = before.get(label, {}), after.get(label, {})
        for key in sorted(old.keys() - new.keys(), key=repr):
            found.append(f"{label} {key}: lost")
        for key in sorted(new.keys() - old.keys(), key=repr):
            found.append(f"{label} {key}: not in the original")
        for key in sorted(old.keys() & new.keys(), key=repr):
            changed = {
                name: (value, new[key].get(name))
                for name, value in old[key].items()
                if value != new[key].get(name)
            }
            if changed:
                found.append(f"{label} {key}: {changed}")
    return found


def first_difference(old, new):
    """The first line where two dumps differ, with its place."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    for number, (line, other) in enumerate(zip(old_lines, new_lines, strict=False), 1):
        if line != other:
            return f"line {number}: {line!r} became {other!r}"
    return f"{len(old_lines)} lines became {len(new_lines)}"


@pytest.fixture
def seeded():
    """The seed, per test: these tests restore into an emptied archive."""
    factories.load_archive_once_per_process()


def test_backup_writes_a_timestamped_natural_key_dump(seeded, settings, tmp_path):
    settings.BASE_DIR = tmp_path
    call_command("backup_archive", stdout=StringIO())
    (backup,) = (tmp_path / "backups").glob("archive-*.jsonl.gz")
    assert backup.name[len("archive-") :].startswith(tuple("0123456789"))
    records = read_dump(backup)
    films = [r for r in records if r["model"] == "archive.film"]
    assert len(films) == 6
    assert all("pk" not in r for r in records if r["model"] in {"archive.film", "archive.role"})
    role = next(r for r in records if r["model"] == "archive.role")
    assert isinstance(role["fields"]["person"], list)  # a natural key, not an id


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_reads_in_one_transaction_without_the_write_lock(tmp_path):
    """On SQLite the project's transactions BEGIN IMMEDIATE (the write lock): a backup that
    held it would make every editor's save wait, then fail, for the whole backup. It reads
    in a deferred transaction instead (checked by hand on a file database: another
    connection saves during it); on PostgreSQL in one REPEATABLE READ, READ ONLY snapshot."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call_command("loaddata", FIXTURE, verbosity=0)
    with CaptureQueriesContext(connection) as queries:
        call_command("backup_archive", "--output", str(tmp_path / "b.jsonl"), stdout=StringIO())
    statements = [q["sql"] for q in queries.captured_queries]
    if connection.vendor == "sqlite":
        assert statements[0] == "BEGIN DEFERRED" and statements[-1] == "COMMIT", statements[:3]
        assert not any("IMMEDIATE" in sql for sql in statements)
    else:
        assert statements[0] == "BEGIN"
        assert "REPEATABLE READ, READ ONLY" in statements[1]
    assert len(read_dump(tmp_path / "b.jsonl")) > 100


def test_restore_round_trip_is_exact_for_the_fixture(seeded, tmp_path):
    before = archive_dump(tmp_path, "before.jsonl.gz")
    empty_database()
    assert not Film.objects.exists()

    call_command("restore_archive", str(before), stdout=StringIO())

    after = archive_dump(tmp_path, "after.jsonl.gz")
    assert read_text(after) == read_text(before)
    assert Role.objects.count() == 31
    (load,) = FixtureLoad.objects.all()  # one row for the whole restore
    assert (load.files, load.fixture_count, load.object_count) == (str(before), 1, 631)
    assert Film.objects.search("miracle").count() == 4  # the search index has the new rows


@pytest.mark.long
@pytest.mark.slow
def test_restore_round_trip_is_exact_for_a_generated_archive_of_500_films(tmp_path, media):
    call_command(
        "generate_archive", "--films", "500", "--seed", "7", stdout=StringIO(), stderr=StringIO()
    )
    # So that every record model has rows: the seed, and a picture (the seed has none).
    call_command("loaddata", FIXTURE, verbosity=0)
    add_image(film=Film.objects.get(slug=ORIGINAL))
    original = archive_records()
    assert len(original["archive.Film"]) == 500 + 6
    assert all(original.values()), [label for label, rows in original.items() if not rows]
    before = archive_dump(tmp_path, "before.jsonl.gz")

    empty_database()
    assert not any(model._base_manager.exists() for model in record_models())
    call_command("restore_archive", str(before), stdout=StringIO())

    found = differences(original, archive_records())
    assert not found, f"{len(found)} records differ after the restore, first: {found[:5]}"
    first, second = read_text(before), read_text(archive_dump(tmp_path, "after.jsonl.gz"))
    if first != second:  # not a plain assert: a diff of 19,000 records would take minutes
        pytest.fail(f"The backup of the restore differs at {first_difference(first, second)}")


def test_restore_keeps_timestamps_to_the_microsecond(seeded, tmp_path):
    stamp = datetime.datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=datetime.timezone.utc)
    Film.objects.update(created_at=stamp, updated_at=stamp)
    before = archive_dump(tmp_path, "before.jsonl")
    empty_database()
    call_command("restore_archive", str(before), stdout=StringIO())
    assert set(Film.objects.values_list("created_at", "updated_at")) == {(stamp, stamp)}


def test_bulk_create_keeps_the_given_times_only_within_times_as_given():
    # The restore relies on bulk_create reading auto_now and auto_now_add at each insert.
    stamp = datetime.datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=datetime.timezone.utc)
    created, updated = Film._meta.get_field("created_at"), Film._meta.get_field("updated_at")

    def inserted(slug):
        Film.objects.bulk_create(
            [Film(title=slug, slug=slug, year=2001, created_at=stamp, updated_at=stamp)]
        )
        return Film.objects.values_list("created_at", "updated_at").get(slug=slug)

    with times_as_given(Film):
        assert inserted("kept-2001") == (stamp, stamp)
    assert created.auto_now_add and updated.auto_now
    with pytest.raises(RuntimeError), times_as_given(Film):
        raise RuntimeError  # the options come back whatever happens in the block
    assert created.auto_now_add and updated.auto_now
    assert stamp not in inserted("stamped-2001")  # outside it, the present time


def test_a_refused_record_is_named_even_after_a_record_that_cannot_load(seeded, tmp_path):
    records = read_dump(archive_dump(tmp_path, "good.jsonl"))
    role = next(n for n, r in enumerate(records) if r["model"] == "archive.role")
    records[role]["fields"]["person"] = ["nobody"]  # would stop the load
    records.append({"model": "auth.user", "fields": {"username": "intruder"}})
    path = tmp_path / "tampered.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    empty_database()

    with pytest.raises(CommandError) as error:
        call_command("restore_archive", str(path), stdout=StringIO())

    message = str(error.value)
    assert message.startswith(f"Refused record {len(records)} of"), message
    assert "auth.user “intruder”" in message and "nobody" not in message
    assert not any(model._base_manager.exists() for model in record_models())


def test_a_backup_is_what_dumpdata_writes_in_jsonl_with_times_to_the_microsecond(seeded, tmp_path):
    stamp = datetime.datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=datetime.timezone.utc)
    Film.objects.filter(slug=ORIGINAL).update(created_at=stamp, updated_at=stamp)
    dumped = StringIO()
    call_command(
        "dumpdata",
        "archive",
        format="jsonl",
        natural_foreign=True,
        natural_primary=True,
        exclude=audit_model_labels(),
        stdout=dumped,
    )
    backup = read_text(archive_dump(tmp_path, "backup.jsonl"))
    assert '"created_at": "2024-05-06T07:08:09.123456Z"' in backup
    assert backup == dumped.getvalue()  # the same text, byte for byte


def test_the_jsonl_format_is_the_archives_and_reads_as_djangos(seeded):
    from django.core import serializers
    from django.core.serializers.jsonl import Deserializer as DjangosDeserializer

    from archive.serializers import jsonl

    assert serializers.get_serializer("jsonl") is jsonl.Serializer
    assert serializers.get_deserializer("jsonl") is DjangosDeserializer
    stamp = datetime.datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=datetime.timezone.utc)
    Film.objects.filter(slug=ORIGINAL).update(created_at=stamp)
    text = serializers.serialize("jsonl", Film.objects.filter(slug=ORIGINAL))
    (read,) = serializers.deserialize("jsonl", text)
    assert read.object.created_at == stamp


def test_a_backup_refuses_a_file_name_that_hides_its_format(seeded, tmp_path):
    with pytest.raises(CommandError, match="must end in .jsonl"):
        archive_dump(tmp_path, "backup.gz")
    assert not list(tmp_path.iterdir())


def test_a_backup_named_json_is_a_django_json_fixture_that_restores_exactly(seeded, tmp_path):
    stamp = datetime.datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=datetime.timezone.utc)
    Film.objects.filter(slug=ORIGINAL).update(created_at=stamp)
    lines = archive_dump(tmp_path, "before.jsonl")
    array = archive_dump(tmp_path, "before.json.gz")
    with gzip.open(array, "rt", encoding="utf-8") as stream:
        records = json.load(stream)  # one JSON array, as loaddata reads fixtures
    assert records == read_dump(lines)
    empty_database()

    call_command("restore_archive", str(array), stdout=StringIO())

    assert read_text(archive_dump(tmp_path, "after.jsonl")) == read_text(lines)


def test_the_same_archive_gives_the_same_backup_file(seeded, tmp_path):
    first, second = archive_dump(tmp_path, "1.jsonl.gz"), archive_dump(tmp_path, "2.jsonl.gz")
    assert first.read_bytes() == second.read_bytes()  # the gzip header has no name or time


def captured(function, *args, **kwargs):
    """The SQL of the queries that ``function(*args, **kwargs)`` runs."""
    with CaptureQueriesContext(connection) as queries:
        function(*args, **kwargs)
    return [query["sql"] for query in queries]


def generate(films):
    call_command(
        "generate_archive",
        "--films",
        str(films),
        "--seed",
        "3",
        stdout=StringIO(),
        stderr=StringIO(),
    )


def test_a_backup_reads_the_archive_in_a_fixed_number_of_queries(seeded, tmp_path):
    few = captured(archive_dump, tmp_path, "few.jsonl")
    generate(40)
    more = captured(archive_dump, tmp_path, "more.jsonl")
    assert len(read_dump(tmp_path / "more.jsonl")) > len(read_dump(tmp_path / "few.jsonl")) + 500
    assert len(more) == len(few)


def test_a_restore_into_an_empty_database_looks_nothing_up_record_by_record(seeded, tmp_path):
    def restore(name):
        backup = archive_dump(tmp_path, name)
        empty_database()
        queries = captured(call_command, "restore_archive", str(backup), stdout=StringIO())
        return len(read_dump(backup)), queries

    few_records, few = restore("few.jsonl.gz")
    generate(40)
    more_records, more = restore("more.jsonl.gz")

    added = more_records - few_records
    assert added > 500

    def selects(queries):
        return [sql for sql in queries if sql.lstrip().upper().startswith("SELECT")]

    assert len(selects(more)) == len(selects(few))  # no lookup by natural key
    assert len(more) - len(few) < added / 10  # many records an INSERT


def test_restore_with_force_merges_by_natural_key(seeded, tmp_path):
    original = archive_records()
    backup = archive_dump(tmp_path, "backup.jsonl.gz")
    Film.objects.filter(slug=ORIGINAL).update(runtime=1)
    Role.objects.filter(film__slug=ORIGINAL, billing=1).delete()

    call_command("restore_archive", str(backup), force=True, stdout=StringIO())

    assert differences(original, archive_records()) == []
    assert FixtureLoad.objects.count() == 2  # the seed fixture's load, and the restore


def test_restore_refuses_an_archive_that_is_not_empty(seeded, tmp_path):
    dump = archive_dump(tmp_path, "dump.jsonl")
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
    snapshot = read_dump(archive_dump(tmp_path, "before.jsonl"))

    with pytest.raises(CommandError) as error:
        call_command("loaddata", str(path), verbosity=0)

    message = str(error.value)
    assert "\n" not in message
    assert str(path) in message  # names the file
    assert "record" in message  # and the record
    assert expected in message
    assert (Film.objects.count(), Person.objects.count(), Role.objects.count()) == before
    assert read_dump(archive_dump(tmp_path, "after.jsonl")) == snapshot


def broken_backups(tmp_path):
    """Backups of the seed fixture, each broken at one record: the file, the number of the
    record the message must name, and what else it must say."""
    text = read_text(archive_dump(tmp_path, "good.jsonl"))
    records = [json.loads(line) for line in text.splitlines()]
    film = next(n for n, r in enumerate(records) if r["model"] == "archive.film")
    role = next(n for n, r in enumerate(records) if r["model"] == "archive.role")

    def gzipped(case, text):
        path = tmp_path / f"{case.replace(' ', '-')}.jsonl.gz"
        with gzip.open(path, "wt", encoding="utf-8") as stream:
            stream.write(text)
        return path

    def broken(case, change):
        damaged = json.loads(json.dumps(records))
        change(damaged)
        return gzipped(case, "".join(json.dumps(record) + "\n" for record in damaged))

    return {
        "year out of range": (
            broken(
                "year",
                lambda records: records[film]["fields"].update(year=3000, release_date=None),
            ),
            film + 1,
            "film_year_in_range",
        ),
        "person who does not exist": (
            broken("person", lambda records: records[role]["fields"].update(person=["nobody"])),
            role + 1,
            "['nobody']",
        ),
        "repeated film": (
            broken("repeated", lambda records: records.insert(film + 1, records[film])),
            film + 2,
            "unique constraint",
        ),
        "cut short": (
            gzipped("cut", text[: text.index('"archive.role"')]),
            role + 1,
            "Expecting value: line",
        ),
    }


@pytest.mark.parametrize(
    "case", ["year out of range", "person who does not exist", "repeated film", "cut short"]
)
def test_a_broken_backup_stops_the_restore_with_one_line_and_loads_nothing(seeded, tmp_path, case):
    path, number, expected = broken_backups(tmp_path)[case]
    empty_database()

    with pytest.raises(CommandError) as error:
        call_command("restore_archive", str(path), stdout=StringIO())

    message = str(error.value)
    assert "\n" not in message
    assert str(path) in message
    assert f"record {number} of" in message
    assert expected.lower() in message.lower()
    assert "nothing was loaded" in message
    assert not any(model._base_manager.exists() for model in record_models())
    assert not FixtureLoad.objects.exists()


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
