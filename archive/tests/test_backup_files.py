"""archive/backup_files.py: the image files inside a backup, restored byte for byte."""

import gzip
import hashlib
import json
from io import StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from archive.models import Film, Image
from archive.tests import factories as f
from archive.tests.image_files import add_image, image_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def pictured(media):
    film = f.film("Pictured Film", 2001)
    add_image(film=film, alt="Poster", is_main=True, credit="Studio", licence="CC BY 4.0")
    add_image(film=film, kind="still", alt="Still", content=image_bytes("PNG", (700, 400)))
    add_image(person=f.person("Pictured Person"), alt="Portrait")


def stored_files():
    """{name: SHA-256} of every file the image records keep."""
    found = {}
    for image in Image.objects.all():
        for name in image.stored_names():
            with default_storage.open(name) as handle:
                found[name] = hashlib.sha256(handle.read()).hexdigest()
    return found


def backup(tmp_path, name):
    path = tmp_path / name
    call_command("backup_archive", output=str(path), stdout=StringIO())
    return path


def read_text(path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as stream:
        return stream.read()


def start_afresh(settings, tmp_path, name):
    """An empty database and an empty media folder: another machine."""
    connection.check_constraints()
    call_command("flush", interactive=False, verbosity=0)
    settings.MEDIA_ROOT = tmp_path / name
    assert not Film.objects.exists()


@pytest.mark.usefixtures("pictured")
@pytest.mark.parametrize(
    "name", ["backup.jsonl.gz", pytest.param("backup.json", marks=pytest.mark.slow)]
)
def test_a_backup_carries_the_image_files_and_restores_them_exactly(settings, tmp_path, name):
    files = stored_files()
    assert len(files) == 3 + 2 + 2 + 6  # 3 files; 2 copies each small one, 6 of the still
    before = backup(tmp_path, name)
    start_afresh(settings, tmp_path, "elsewhere")

    call_command("restore_archive", str(before), stdout=StringIO())

    assert stored_files() == files  # every file, byte for byte
    assert read_text(backup(tmp_path, "after-" + name)) == read_text(before)
    poster = Image.objects.get(is_main=True)
    assert (poster.film.slug, poster.credit, poster.licence) == (
        "pictured-film-2001",
        "Studio",
        "CC BY 4.0",
    )


@pytest.mark.usefixtures("pictured")
def test_a_backup_whose_file_was_altered_is_refused_and_nothing_is_loaded(settings, tmp_path):
    path = backup(tmp_path, "backup.jsonl")
    lines = read_text(path).splitlines()
    number, record = next(
        (n, json.loads(line)) for n, line in enumerate(lines) if '"files"' in line
    )
    record["files"][0]["base64"] = record["files"][1]["base64"]
    lines[number] = json.dumps(record)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    start_afresh(settings, tmp_path, "elsewhere")

    with pytest.raises(CommandError) as refused:
        call_command("restore_archive", str(path), stdout=StringIO())
    assert "the bytes do not match their checksum" in str(refused.value)
    assert not Image.objects.exists() and not Film.objects.exists()


def test_an_image_record_whose_files_are_nowhere_is_refused(media, settings, tmp_path):
    image = add_image(film=f.film(), alt="Poster")
    path = backup(tmp_path, "backup.jsonl")
    text = read_text(path)
    (line,) = [line for line in text.splitlines() if '"files"' in line]
    record = json.loads(line)
    del record["files"]
    path.write_text(text.replace(line, json.dumps(record)), encoding="utf-8")
    start_afresh(settings, tmp_path, "elsewhere")
    with pytest.raises(CommandError, match="neither in the backup nor in storage"):
        call_command("restore_archive", str(path), stdout=StringIO())
    assert image.file.name in str(path.read_text())
