"""``loaddata``, with errors a person can act on.

Django's own command, with these changes:

- before anything is written, every record of every file is checked
  (``archive.fixture_checks``): a record of another app than the archive's (a user
  account, say) is refused unless ``--allow-other-apps`` is given, and each record must
  pass ``Model.full_clean()`` as an editor's form would (lengths, choices, slugs, URL
  schemes). Refused records are listed one a line, and nothing is loaded. Only JSON and
  JSON Lines files are read, the formats whose records can be checked first
  (``restore_archive`` checks each record of a backup as it loads it, in the load's
  transaction, which a refusal rolls back);
- any failure (malformed JSON, a record that names a missing person or film, a value a
  constraint rejects) stops the load with ONE line that names the file and the record,
  and no traceback (``--traceback`` still shows it);
- a fixture that carries the same record twice (for example one credit listed twice) is
  refused rather than silently merged;
- as before, the whole load is one transaction: on any error the database is left
  exactly as it was;
- a load is recorded ONCE, not row by row: the records are saved raw, which records no
  version in their edit history (nor of their sources, countries and genres), and a
  successful load that found a fixture adds one ``archive.FixtureLoad`` row (the files,
  how many records, when, and the operating-system user), in the load's transaction.
  Editors see these rows, read-only, under "Fixture loads" in the admin. The next change
  of a record that the load changed first records it as the load left it, so that change's
  version shows only what the change did (see ``archive.models.history``);
- the standing columns (``archive.standing``) of the films and people that the loaded
  records touch are brought up to date once, after the last record, not after each one.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.core.management.base import CommandError
from django.core.management.commands import loaddata
from django.db import connections, router
from django.utils import timezone

from archive import backup_files, fixture_checks, standing
from archive.models import Film, Person
from archive.models.history import FixtureLoad, os_user

#: Refused records listed before "and N more".
SHOWN_REFUSALS = 20


class FixtureRefused(CommandError):
    """Records that may not be loaded, one a line: shown as they are, not on one line."""


class Command(loaddata.Command):
    help = (
        "Install the named fixtures in the database, all or nothing; a broken fixture "
        "stops with a one-line message naming the file and the record."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--allow-other-apps",
            action="store_true",
            help="Also load records of other apps than the archive's. Beware: a fixture can "
            "then create or change user accounts and their permissions (a superuser), "
            "sessions and anything else in the database. Only for files you trust.",
        )

    def handle(self, *fixture_labels, **options):
        self.allow_other_apps = options.get("allow_other_apps", False)
        try:
            return super().handle(*fixture_labels, **options)
        except FixtureRefused:
            raise
        except CommandError as error:
            raise CommandError(_one_line(error)) from error
        except Exception as error:
            if options.get("traceback"):
                raise
            # A record that fails to deserialize never reaches save_obj: it is the next one.
            number = self.record_number if self.saving else self.record_number + 1
            raise CommandError(
                f"{_one_line(error)} (record {number} of {self.current_label!r}; "
                "nothing was loaded)"
            ) from error

    def loaddata(self, fixture_labels):
        self.seen = set()
        self.record_number = 0
        self.current_label = ""
        self.saving = False
        self.files = []
        self.skipped_models = {}  # model: whether the load leaves its records out
        self.check_fixtures(fixture_labels)
        with standing.batched():
            result = super().loaddata(fixture_labels)
        # The refresh's updates come after Django's own constraint check of the load: check
        # them too, so that no deferred check is left pending (PostgreSQL refuses to empty
        # a table with one pending, as ``flush`` does).
        connections[self.using].check_constraints(
            table_names=[Film._meta.db_table, Person._meta.db_table]
        )
        if self.fixture_count:
            FixtureLoad.objects.using(self.using).create(
                files="\n".join(self.files),
                fixture_count=self.fixture_count,
                object_count=self.loaded_object_count,
                loaded_at=timezone.now(),
                loaded_by=os_user(),
            )
        return result

    def check_fixtures(self, fixture_labels):
        """Read every record of every file and refuse the load, before anything is written,
        if any record fails ``archive.fixture_checks``."""
        self.serialization_formats = serializers.get_public_serializer_formats()
        refused, with_files = [], []
        for label in fixture_labels:
            fixtures = [
                (path, *self.parse_name(os.path.basename(path))[1:])
                for path, _, _ in self.find_fixtures(label)
            ]
            for path, format, compression in fixtures:
                if format not in fixture_checks.CHECKED_FORMATS or compression == "stdin":
                    raise CommandError(
                        f"Cannot load {path!r}: only JSON and JSON Lines files are loaded "
                        "(.json, .jsonl, compressed or not), whose records are checked "
                        "before anything is written."
                    )
            if self.checked_while_loading(label):
                continue
            for path, format, compression in fixtures:
                carried = []
                refused.extend(
                    refusal(number, path, problem)
                    for number, problem in fixture_checks.problems(
                        noting_files(self.fixture_records(path, format, compression), carried),
                        allow_other_apps=self.allow_other_apps,
                        skip=self.skipped,
                    )
                )
                if carried:
                    with_files.append((path, format, compression))
        refuse(refused)
        # Every record passed: the image files that records carry go to storage.
        for fixture in with_files:
            for record in self.fixture_records(*fixture):
                backup_files.restore_files(record)

    def checked_while_loading(self, fixture_label):
        """Whether the files of ``fixture_label`` are checked as they load, in the load's
        transaction, rather than first (a subclass that does so says it)."""
        return False

    def fixture_records(self, path, format, compression):
        """The raw records of one fixture file, read as it goes."""
        open_method, mode = self.compression_formats[compression]
        with open_method(path, mode) as stream:
            yield from fixture_checks.read_records(stream, format)

    def skipped(self, model):
        """Whether the load leaves ``model``'s records out (``--exclude``, routers)."""
        if model not in self.skipped_models:
            self.skipped_models[model] = (
                model._meta.app_config in self.excluded_apps
                or model in self.excluded_models
                or not router.allow_migrate_model(self.using, model)
            )
        return self.skipped_models[model]

    def load_label(self, fixture_label):
        self.start_label(fixture_label)
        return super().load_label(fixture_label)

    def start_label(self, fixture_label):
        """Note the fixture being loaded, for the error message and the FixtureLoad row (a
        subclass that reads the files itself calls this first, as ``load_label`` does)."""
        self.current_label = fixture_label
        self.record_number = 0
        self.files.extend(_shown(path) for path, _, _ in self.find_fixtures(fixture_label))

    def save_obj(self, obj):
        self.record_number += 1
        self.saving = True
        # No version per row: simple-history skips raw saves, but not the relations
        # (sources, countries, genres) that loaddata sets after each row.
        obj.object.skip_history_when_saving = True
        saved = super().save_obj(obj)
        self.saving = False
        if saved:
            key = (obj.object._meta.label, obj.object.pk)
            if key in self.seen:
                raise CommandError(
                    f"Problem installing fixture {self.current_label!r}: record "
                    f"{self.record_number} ({obj.object._meta.label} “{obj.object}”) repeats "
                    "an earlier record of the same fixture; nothing was loaded"
                )
            self.seen.add(key)
            standing.changed(obj.object)  # raw saves: the signal leaves it to the load
        return saved


def noting_files(records, carried):
    """``records``, noting in ``carried`` whether any carries image files."""
    for record in records:
        if isinstance(record, dict) and backup_files.KEY in record and not carried:
            carried.append(True)
        yield record


def refusal(number, path, problem):
    """The line that names a refused record."""
    return f"Refused record {number} of {str(path)!r} ({problem})"


def refuse(refused):
    """Stop the load if any record was refused (``refused``: their lines), listing them."""
    if len(refused) == 1:
        raise FixtureRefused(f"{refused[0]}; nothing was loaded.")
    if refused:
        shown = refused[:SHOWN_REFUSALS]
        if len(refused) > len(shown):
            shown.append(f"... and {len(refused) - len(shown)} more refused records")
        shown.append(f"Nothing was loaded: {len(refused)} records refused.")
        raise FixtureRefused("\n".join(shown))


def _shown(path):
    """A fixture file as the record shows it: relative to the project when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path(settings.BASE_DIR).resolve()))
    except ValueError:
        return str(path)


def _one_line(error):
    """The error's message on one line, with the cause that an empty message hides (and
    not a cause that it says already, as PostgreSQL's errors of several lines)."""
    text = " ".join(str(error).split())
    cause = error.__cause__ or error.__context__
    while cause is not None and (said := " ".join(str(cause).split())) and said not in text:
        text = f"{text} {said}" if text.endswith(":") else f"{text}: {said}"
        cause = cause.__cause__
    return text
