"""``loaddata``, with errors a person can act on.

Django's own command, with three changes:

- any failure (malformed JSON, a record that names a missing person or film, a value a
  constraint rejects) stops the load with ONE line that names the file and the record,
  and no traceback (``--traceback`` still shows it);
- a fixture that carries the same record twice (for example one credit listed twice) is
  refused rather than silently merged;
- as before, the whole load is one transaction: on any error the database is left
  exactly as it was.
"""

from django.core.management.base import CommandError
from django.core.management.commands import loaddata


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
        return super().loaddata(fixture_labels)

    def load_label(self, fixture_label):
        self.current_label = fixture_label
        self.record_number = 0
        return super().load_label(fixture_label)

    def save_obj(self, obj):
        self.record_number += 1
        self.saving = True
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


def _one_line(error):
    """The error's message on one line, with the cause that an empty message hides."""
    text = " ".join(str(error).split())
    cause = error.__cause__ or error.__context__
    while cause is not None and str(cause).strip() and str(cause).strip() not in text:
        if text.endswith(":"):
            text = f"{text} {' '.join(str(cause).split())}"
        else:
            text = f"{text}: {' '.join(str(cause).split())}"
        cause = cause.__cause__
    return text
