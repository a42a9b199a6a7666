"""Image files inside a backup: one file holds the records and the pictures.

A backup (``archive.backup``) writes each ``Image`` record with one more key beside
``model`` and ``fields``: ``files``, every file the record keeps in storage (the cleaned
file and its resized copies), each with its name, its SHA-256 and its bytes in base64.
Django's deserializer reads only ``model``, ``pk`` and ``fields``, so the file stays a
fixture that ``loaddata`` reads; ``restore_archive`` and the archive's ``loaddata`` check
each file's checksum with the record's other checks (``archive.fixture_checks``) and write
the files to the default storage, so a round trip gives back the same bytes.

A record without ``files`` (a hand-written fixture) is accepted when its files are in the
storage already.
"""

import base64
import binascii
import hashlib

from django.core.files.storage import default_storage

from .images import save_file
from .media import NAME
from .models import Image

KEY = "files"


def dump_files(image, storage=None):
    """The ``files`` entry of ``image``'s backup record."""
    storage = storage or default_storage
    entries = []
    for name in image.stored_names():
        with storage.open(name, "rb") as handle:
            content = handle.read()
        entries.append(
            {
                "name": name,
                "sha256": hashlib.sha256(content).hexdigest(),
                "base64": base64.b64encode(content).decode("ascii"),
            }
        )
    return entries


def decoded(record):
    """``[(name, bytes)]`` of a record's files; ``ValueError`` with the reason when one is
    malformed or its bytes do not match its checksum."""
    entries = record.get(KEY)
    if not isinstance(entries, list):
        raise ValueError(f"{KEY} must be a list")
    files = []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise ValueError("a file without a name")
        name = entry["name"]
        if not NAME.fullmatch(name):
            raise ValueError(f"{name!r} is not the name of an image file")
        try:
            content = base64.b64decode(entry.get("base64", ""), validate=True)
        except (binascii.Error, TypeError, ValueError) as error:
            raise ValueError(f"{name}: not base64") from error
        if hashlib.sha256(content).hexdigest() != entry.get("sha256"):
            raise ValueError(f"{name}: the bytes do not match their checksum")
        files.append((name, content))
    return files


def files_problem(instance, record):
    """Why an ``Image`` record's files may not be loaded, or None."""
    if not isinstance(instance, Image):
        return None
    names = [name for name in instance.stored_names() if name]
    if KEY in record:
        try:
            carried = dict(decoded(record))
        except ValueError as error:
            return f"files: {error}"
    else:
        carried = {}
    if instance.file.name in carried:
        checksum = hashlib.sha256(carried[instance.file.name]).hexdigest()
        if instance.checksum and checksum != instance.checksum:
            return f"files: {instance.file.name} does not match the record's checksum"
    missing = [n for n in names if n not in carried and not default_storage.exists(n)]
    if missing:
        return f"files: {', '.join(missing)} neither in the backup nor in storage"
    return None


def restore_files(record):
    """Write a checked record's files to the default storage (a name that holds them
    already is left alone: names are made from the content)."""
    if isinstance(record, dict) and KEY in record:
        for name, content in decoded(record):
            save_file(name, content)
