"""Django's JSON Lines format, with times to the microsecond.

Registered as ``jsonl`` in ``SERIALIZATION_MODULES``: ``dumpdata --format jsonl``,
``loaddata`` of a ``.jsonl`` file and the archive's backups all use it. A file holds one
record a line, so writing and reading it hold one record at a time, whatever the size.

It differs from Django's own in two ways, both through the serializer's public hooks:

- ``DjangoJSONEncoder`` cuts times to the millisecond; here a date-time or a time is
  written in full ("2024-05-06T07:08:09.123456Z"), so that a restored record's
  ``created_at`` and ``updated_at`` do not move. Django reads either form back.
- a record may carry the natural keys of its many-to-many targets, read for many records
  at once (``archive.backup``), in ``serialized_m2m``; without it a relation is read as
  Django reads it, a query a record.

With ``with_files`` set on the serializer (backups set it), an image's record carries its
files too (``archive.backup_files``).

Reading is Django's own: the format on disk is the same. :class:`JSONSerializer` writes
the same records as Django's ``json`` format (one JSON array), for a backup named
``.json``; it is not registered: ``dumpdata --format json`` stays Django's own.
"""

import datetime
import json

from django.core.serializers.json import Serializer as DjangoJSONSerializer
from django.core.serializers.jsonl import Deserializer
from django.core.serializers.jsonl import Serializer as JSONLSerializer
from django.utils.timezone import is_aware

__all__ = ["Deserializer", "Serializer"]


def exact_time(value):
    """A date-time or time in ISO 8601 with every digit, UTC written "Z" as Django does."""
    text = value.isoformat()
    if text.endswith("+00:00"):
        text = text.removesuffix("+00:00") + "Z"
    return text


class ExactTimes:
    """Times to the microsecond, many-to-many targets read in bulk (see above)."""

    def handle_m2m_field(self, obj, field):
        if self.read_in_bulk(obj, field) is None:
            super().handle_m2m_field(obj, field)

    def get_dump_object(self, obj):
        data = super().get_dump_object(obj)
        fields = data["fields"]
        for name, value in fields.items():
            if isinstance(value, datetime.datetime) or (
                isinstance(value, datetime.time) and not is_aware(value)
            ):
                fields[name] = exact_time(value)
        for field in obj._meta.concrete_model._meta.local_many_to_many:
            keys = self.read_in_bulk(obj, field)
            if keys is not None:
                fields[field.name] = keys
        if getattr(self, "with_files", False) and hasattr(obj, "stored_names"):
            from archive.backup_files import KEY, dump_files  # reads the storage

            data[KEY] = dump_files(obj)
        return data

    def read_in_bulk(self, obj, field):
        """The natural keys of ``field``'s targets that the backup read with those of other
        records (written in the same place Django would write them), or None."""
        if not self.use_natural_foreign_keys or not field.serialize:
            return None
        if self.selected_fields is not None and field.attname not in self.selected_fields:
            return None
        return getattr(obj, "serialized_m2m", {}).get(field.name)


class Serializer(ExactTimes, JSONLSerializer):
    def end_object(self, obj):
        # One write a record: json.dump would write it in dozens of pieces.
        self.stream.write(json.dumps(self.get_dump_object(obj), **self.json_kwargs) + "\n")


class JSONSerializer(ExactTimes, DjangoJSONSerializer):
    """Django's ``json`` format with the same records (see above)."""
