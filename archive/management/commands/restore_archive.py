"""Load a dump written by ``backup_archive`` into an empty archive, all or nothing.

It refuses a database that already holds films (restoring on top of other records would
mix two archives); ``--force`` overrides that for a merge by natural keys.

The load is the archive's ``loaddata`` (one transaction, a one-line message naming the
record on any error, one ``FixtureLoad`` row), reading the file as it goes rather than
whole, and finding natural keys in ``archive.backup.Restore`` rather than with a query
each. Into an empty table, no record is looked up and records are inserted a batch at a
time: 10,000 films (179,000 records) restore in about 25 s on SQLite rather than 11
minutes. Memory holds a chunk of the file and the primary key of each film, person and
other record that records name (about 60 MB at 100,000 films).
"""

import gzip
import os
import warnings
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import router

from archive.backup import Deserializer, Restore, json_array_items
from archive.management.commands import loaddata
from archive.models import Film


class Command(BaseCommand):
    help = "Restore a backup_archive dump (.json or .json.gz) into an empty archive."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The dump to load.")
        parser.add_argument(
            "--force", action="store_true", help="Load even if the archive is not empty."
        )

    def handle(self, *args, file, force, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No backup file at {path}.")
        if Film.objects.exists() and not force:
            raise CommandError(
                "The archive is not empty: restore into a freshly migrated database "
                "(or pass --force to merge by natural keys)."
            )
        call_command(RestoreLoad(), str(path.resolve()), verbosity=0)
        self.stdout.write(
            self.style.SUCCESS(f"Restored {path}: {Film.objects.count():,} films in the archive.")
        )


class RestoreLoad(loaddata.Command):
    """The archive's ``loaddata``, reading ``.json`` and ``.json.gz`` files record by record
    (:func:`~archive.backup.json_array_items`) with the restore's deserializer, and inserting
    new records in batches (``archive.backup.Restore``); any other file as ``loaddata``
    does."""

    def loaddata(self, fixture_labels):
        self.restore = Restore(self.using)
        return super().loaddata(fixture_labels)

    def load_label(self, fixture_label):
        fixtures = self.find_fixtures(fixture_label)
        formats = [self.parse_name(os.path.basename(path))[1:] for path, _, _ in fixtures]
        if any(format not in {("json", None), ("json", "gz")} for format in formats):
            return super().load_label(fixture_label)
        self.start_label(fixture_label)
        for (path, _, name), (_, compression) in zip(fixtures, formats, strict=True):
            opener = gzip.open if compression == "gz" else open
            self.fixture_count += 1
            found = saved = 0
            try:
                with opener(path, "rt", encoding="utf-8") as stream:
                    records = json_array_items(stream)
                    for obj in Deserializer(
                        records, restore=self.restore, ignorenonexistent=self.ignore
                    ):
                        found += 1
                        saved += bool(self.save_obj(obj))
                self.restore.flush()
            except Exception as error:
                if hasattr(error, "record"):  # a batch insert failed: name its record
                    self.record_number, self.saving = error.record, True
                if not isinstance(error, CommandError):
                    error.args = (f"Problem installing fixture '{path}': {error}",)
                raise
            self.loaded_object_count += saved
            self.fixture_object_count += found
            if not found:
                warnings.warn(
                    f"No fixture data found for '{name}'. (File format may be invalid.)",
                    RuntimeWarning,
                    stacklevel=2,
                )

    def save_obj(self, obj):
        if not getattr(obj, "new", False):
            return super().save_obj(obj)
        # A new record: counted and checked as loaddata does, and kept for a batch insert.
        self.record_number += 1
        model = type(obj.object)
        if (
            model._meta.app_config in self.excluded_apps
            or model in self.excluded_models
            or not router.allow_migrate_model(self.using, model)
        ):
            return False
        self.models.add(model)
        self.saving = True
        self.restore.add(obj, self.record_number)
        self.saving = False
        if obj.deferred_fields:
            self.objs_with_deferred_fields.append(obj)
        return True
