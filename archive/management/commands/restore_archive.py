"""Load a dump written by ``backup_archive`` into an empty archive, all or nothing.

It refuses a database that already holds films (restoring on top of other records would
mix two archives); ``--force`` overrides that for a merge by natural keys.

The load is the archive's ``loaddata``: every record is checked before anything is written
(records of other apps refused without ``--allow-other-apps``, each record validated as
the admin validates it), then one transaction, a one-line message naming the record on any
error, one ``FixtureLoad`` row. A ``.jsonl`` backup is read a line at a time, twice (the
checks, then the load), and loaded through ``archive.restore.Restore``, which resolves
natural keys from what it loaded and inserts new records in batches; a ``.json`` dump
(as older backups are) is loaded as ``loaddata`` loads any fixture.
"""

import json
import os
import warnings
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError

from archive.management.commands import loaddata
from archive.models import Film
from archive.restore import RecordError, Restore


class Command(BaseCommand):
    help = (
        "Restore a backup_archive dump (.jsonl.gz, .jsonl, .json.gz or .json) into an empty "
        "archive."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The dump to load.")
        parser.add_argument(
            "--force", action="store_true", help="Load even if the archive is not empty."
        )
        parser.add_argument(
            "--allow-other-apps",
            action="store_true",
            help="Also load records of other apps than the archive's. Beware: the file can "
            "then create or change user accounts (a superuser) and anything else in the "
            "database. Only for files you trust.",
        )

    def handle(self, *args, file, force, allow_other_apps, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No backup file at {path}.")
        if Film.objects.exists() and not force:
            raise CommandError(
                "The archive is not empty: restore into a freshly migrated database "
                "(or pass --force to merge by natural keys)."
            )
        call_command(
            RestoreLoad(), str(path.resolve()), verbosity=0, allow_other_apps=allow_other_apps
        )
        self.stdout.write(
            self.style.SUCCESS(f"Restored {path}: {Film.objects.count():,} films in the archive.")
        )


class RestoreLoad(loaddata.Command):
    """The archive's ``loaddata``, loading ``.jsonl`` files through a ``Restore``."""

    def load_label(self, fixture_label):
        fixtures = self.find_fixtures(fixture_label)
        names = [self.parse_name(os.path.basename(path)) for path, _, _ in fixtures]
        if any(format != "jsonl" for _, format, _ in names):
            return super().load_label(fixture_label)
        self.start_label(fixture_label)
        restore = Restore(self.using, ignorenonexistent=self.ignore)
        for (path, _, name), (_, _, compression) in zip(fixtures, names, strict=True):
            self.fixture_count += 1
            found = saved = 0
            open_method, mode = self.compression_formats[compression]
            try:
                with open_method(path, mode) as stream:
                    for line in stream:
                        if not line.strip():
                            continue
                        found += 1
                        # As loaddata counts: save_obj moves to this record's number.
                        self.record_number, self.saving = found - 1, False
                        saved += self.load_record(restore, line)
                restore.flush()
            except RecordError as error:
                self.record_number, self.saving = error.number, True
                error.args = (f"Problem installing fixture '{path}': {error}",)
                raise
            except Exception as error:
                if not isinstance(error, CommandError):
                    error.args = (f"Problem installing fixture '{path}': {error}",)
                raise
            self.objs_with_deferred_fields.extend(restore.deferred)
            self.loaded_object_count += saved
            self.fixture_object_count += found
            if not found:
                warnings.warn(
                    f"No fixture data found for '{name}'. (File format may be invalid.)",
                    RuntimeWarning,
                    stacklevel=2,
                )

    def load_record(self, restore, line):
        """Read one line and load its record (now, or in the restore's next batch);
        whether it is loaded."""
        try:
            record = json.loads(line)
        except ValueError as error:
            raise DeserializationError(f"Not a JSON record: {error}") from error
        obj, new = restore.read(record)
        if obj is None:
            return False
        if not new:
            return bool(super().save_obj(obj))
        model = type(obj.object)
        if self.skipped(model):
            return False
        self.models.add(model)
        self.record_number += 1
        restore.add(obj, self.record_number)
        return True
