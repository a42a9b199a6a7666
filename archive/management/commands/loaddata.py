"""``loaddata``, with errors a person can act on.

Django's own command, with four changes:

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
  version shows only what the change did (see ``archive.models.history``).
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.core.management.commands import loaddata
from django.utils import timezone

from archive.models.history import FixtureLoad, os_user


class Command(loaddata.Command):
    help = (
        "Install the named fixtures in the database, all or nothing; a broken fixture "
        "stops with a one-line message naming the file and the record."
    )

    def handle(self, *fixture_labels, **options):
        try:
            return super().handle(*fixture_labels, **options)
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
        result = super().loaddata(fixture_labels)
        if self.fixture_count:
            FixtureLoad.objects.using(self.using).create(
                files="\n".join(self.files),
                fixture_count=self.fixture_count,
                object_count=self.loaded_object_count,
                loaded_at=timezone.now(),
                loaded_by=os_user(),
            )
        return result

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
        return saved


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
