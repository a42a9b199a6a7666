"""Load a dump written by ``backup_archive`` into an empty archive, all or nothing.

It refuses a database that already holds films (restoring on top of other records would
mix two archives); ``--force`` overrides that for a merge by natural keys.

The load is the archive's ``loaddata``: every record is checked (records of other apps
refused without ``--allow-other-apps``, each record validated as the admin validates it),
one transaction, a one-line message naming the record on any error, one ``FixtureLoad``
row. A ``.jsonl`` backup is read once, a line at a time, and loaded through
``archive.restore.Restore``, which resolves natural keys from what it loaded and inserts
new records in batches; each record is checked as it comes, before it is loaded. The first
refused record stops the writing, the rest of the file is only checked, so that every
refused record is listed, and the refusal rolls the load's transaction back: nothing is
written. A ``.json`` dump (as older backups are) is loaded as ``loaddata`` loads any
fixture, checked first.
"""

import os
import warnings
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError

from archive import backup_files, fixture_checks
from archive.management.commands import loaddata
from archive.models import Film
from archive.restore import RecordError, Restore, numbered_records


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
    """The archive's ``loaddata``, loading ``.jsonl`` files through a ``Restore``, in one
    pass that checks each record before it loads it."""

    def checked_while_loading(self, fixture_label):
        return self.restored(self.find_fixtures(fixture_label))

    def restored(self, fixtures):
        """Whether ``fixtures`` (of one label) are loaded here: JSON Lines files."""
        names = [self.parse_name(os.path.basename(path)) for path, _, _ in fixtures]
        return all(format == "jsonl" for _, format, _ in names)

    def load_label(self, fixture_label):
        fixtures = self.find_fixtures(fixture_label)
        if not self.restored(fixtures):
            return super().load_label(fixture_label)
        self.start_label(fixture_label)
        restore = Restore(self.using, ignorenonexistent=self.ignore)
        for path, _, name in fixtures:
            self.fixture_count += 1
            _, _, compression = self.parse_name(os.path.basename(path))
            open_method, mode = self.compression_formats[compression]
            with open_method(path, mode) as stream:
                found, saved = self.load_file(restore, numbered_records(stream), path)
            self.loaded_object_count += saved
            self.fixture_object_count += found
            if not found:
                warnings.warn(
                    f"No fixture data found for '{name}'. (File format may be invalid.)",
                    RuntimeWarning,
                    stacklevel=2,
                )
        self.objs_with_deferred_fields.extend(restore.deferred)

    def load_file(self, restore, records, path):
        """Check and load ``records`` (``(number, record)`` pairs of one file); returns
        ``(records found, records loaded)``. A refusal or an error stops the loading; the
        rest of the file is then only checked, and every refused record is listed (a
        refusal comes before an error: the file is not to be trusted)."""
        self.reading = None
        refused, error, saved = [], None, 0
        checked = 0  # the last record that went through every check
        try:
            for number, record, obj, new in restore.deserialize(
                self.admitted(records, refused, path, restore)
            ):
                if not self.skipped(type(obj.object)):
                    problem = fixture_checks.instance_problem(obj.object, record)
                    checked = number
                    if problem:
                        refused.append(loaddata.refusal(number, path, problem))
                        break
                    # Checked: its image files go to storage now (a restore that stops
                    # later leaves them unused, under names made from their content).
                    backup_files.restore_files(record)
                saved += self.load_object(restore, obj, new, number)
            if not refused:
                restore.flush()
        except Exception as exception:
            error = exception
        if refused or error:
            if error is not None and self.reading and self.reading[0] > checked:
                refused.extend(self.refusals([self.reading], path))
            refused.extend(self.refusals(records, path))
            loaddata.refuse(refused)
            self.raise_named(error, path)
        return (self.reading[0] if self.reading else 0), saved

    def admitted(self, records, refused, path, restore):
        """``records`` as they come, until one is not JSON (raised) or is a record of
        another app, refused (listed in ``refused``)."""
        for number, record in records:
            self.reading = (number, record)
            # As loaddata counts: an error names the record after the last saved one.
            self.record_number, self.saving = number - 1, False
            if isinstance(record, ValueError):
                raise DeserializationError(f"Not a JSON record: {record}") from record
            model = restore.model(record)
            if model is not None and not self.skipped(model):
                problem = fixture_checks.app_problem(
                    record, model, allow_other_apps=self.allow_other_apps
                )
                if problem:
                    refused.append(loaddata.refusal(number, path, problem))
                    return
            yield number, record

    def refusals(self, records, path):
        """The refusals of ``records`` (only checked: the load has stopped)."""
        try:
            for number, record in records:
                self.reading = (number, record)
                problem = fixture_checks.record_problem(
                    record, allow_other_apps=self.allow_other_apps, skip=self.skipped
                )
                if problem:
                    yield loaddata.refusal(number, path, problem)
        except (OSError, EOFError):  # a damaged file: its error, or the refusals before it
            return

    def load_object(self, restore, obj, new, number):
        """Load one record (now, or in the restore's next batch); whether it is loaded."""
        if not new:
            return bool(self.save_obj(obj))
        model = type(obj.object)
        if self.skipped(model):
            return False
        self.models.add(model)
        self.record_number = number
        restore.add(obj, number)
        return True

    def raise_named(self, error, path):
        """Raise ``error`` with the file in its message, the record numbered as
        ``loaddata`` numbers it."""
        if isinstance(error, RecordError):
            self.record_number, self.saving = error.number, True
        if not isinstance(error, CommandError):
            error.args = (f"Problem installing fixture '{path}': {error}",)
        raise error
