"""What every record of a fixture or a backup must pass before anything of it is loaded.

``loaddata`` saves records raw: nothing of the admin's validation runs, and SQLite keeps
a 10,000-character genre name or a ``javascript:`` link as it is given. A hostile file
could also carry records of other apps (a superuser account). So every record goes
through these checks and, when one is refused, nothing is loaded and every refused record
is listed. ``loaddata`` reads each file twice: the checks, then, when none is refused, the
load (``archive/management/commands/loaddata.py``). ``restore_archive`` reads a backup
once, checking each record as it loads it in the load's one transaction: the first
refusal stops the writing, the rest of the file is only checked, and the refusal rolls
the transaction back (``archive/management/commands/restore_archive.py``).

- A record of another app than ``archive`` is refused unless the load allows other apps.
- A record passes ``Model.full_clean()``, the validation the admin form runs: lengths,
  choices, slugs, URL schemes, the model's ``clean()``. Left to the database, which checks
  them when the records are written: relations (whether the named record exists), unique
  values (a fixture loaded again overwrites its own records, it is no duplicate) and the
  named constraints (``full_clean`` would check each with a query).
"""

import io
import json
from functools import cache

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError

#: The app whose records a load accepts without ``--allow-other-apps``.
ARCHIVE_APP = "archive"

#: The fields whose value names a record in a refusal, the first one the record has.
NAMING_FIELDS = ("slug", "code", "key", "username", "name", "title", "label", "text", "file")

#: Formats whose records can be read before loading (the archive's fixtures and backups).
CHECKED_FORMATS = ("json", "jsonl")


def read_records(stream, format):
    """The raw records (dicts) of a fixture file opened in binary mode. What cannot be read
    as JSON is left out: the load that follows reports it, naming the record."""
    if not hasattr(stream, "__iter__"):  # a zip member reader
        stream = io.BytesIO(stream.read())
    if format == "jsonl":
        for line in stream:
            if line.strip():
                try:
                    yield json.loads(line)
                except ValueError:
                    yield None
        return
    try:
        records = json.load(stream)
    except ValueError:
        return
    if isinstance(records, list):
        yield from records


def describe(record, model):
    """How a refusal names a record: its model and its slug, code, name, ... or its pk."""
    fields = record.get("fields")
    fields = fields if isinstance(fields, dict) else {}
    name = next((fields[n] for n in NAMING_FIELDS if isinstance(fields.get(n), str)), None)
    label = model._meta.label_lower if model else str(record.get("model"))
    if name is not None:
        shown = name if len(name) <= 60 else name[:57] + "…"
        return f"{label} “{shown}”"
    return f"{label} pk={record['pk']}" if "pk" in record else label


def record_problem(record, *, allow_other_apps=False, skip=lambda model: False):
    """Why ``record`` (a dict read from a fixture) may not be loaded, in one line, or None.

    A record that is not even shaped like one is not judged here: the deserializer refuses
    it with its own message."""
    model = record_model(record)
    if model is None or skip(model):
        return None
    problem = app_problem(record, model, allow_other_apps=allow_other_apps)
    if problem:
        return problem
    instance = model()
    for name, value in record["fields"].items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue  # the deserializer refuses it, or ignores it with --ignorenonexistent
        if field.concrete and not field.is_relation:
            setattr(instance, field.attname, value)
    return instance_problem(instance, record)


def record_model(record):
    """The model of ``record`` (a dict read from a fixture), or None when it names none."""
    if not isinstance(record, dict) or not isinstance(record.get("fields"), dict):
        return None
    try:
        return apps.get_model(record.get("model"))
    except (LookupError, TypeError, ValueError):
        return None


def app_problem(record, model, *, allow_other_apps=False):
    """The refusal of a record of another app than the archive's, or None."""
    if model._meta.app_label != ARCHIVE_APP and not allow_other_apps:
        return (
            f"{describe(record, model)}: not a record of the archive (records of other "
            "apps, user accounts among them, load only with --allow-other-apps)"
        )
    return None


def instance_problem(instance, record):
    """Why ``instance``, built from ``record`` (a dict read from a fixture), fails the
    admin's validation, in one line, or None. Its relations are not checked (see above)."""
    model = type(instance)
    try:
        instance.full_clean(
            exclude=relation_names(model), validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        return f"{describe(record, model)}: {wording(error)}"
    from .backup_files import files_problem  # imports the models: not at settings time

    problem = files_problem(instance, record)
    if problem:
        return f"{describe(record, model)}: {problem}"
    return None


@cache
def relation_names(model):
    return [field.name for field in model._meta.fields if field.is_relation]


def wording(error):
    """A ``ValidationError`` on one line: "field: message; other: message"."""
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    parts = []
    for field, errors in error.message_dict.items():
        text = " ".join(errors)
        parts.append(text if field == "__all__" else f"{field}: {text}")
    return "; ".join(parts)


def problems(records, **options):
    """``(record number, problem)`` for each refused record of ``records``, counted from 1."""
    for number, record in enumerate(records, 1):
        problem = record_problem(record, **options)
        if problem:
            yield number, problem
