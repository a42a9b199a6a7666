"""Backups of the archive: written in a fixed number of queries, read back by ``loaddata``.

:func:`write_backup` writes what ``dumpdata archive --natural-foreign --natural-primary``
writes, without the audit models (``audit_model_labels()``): the same models in the same
order, each ordered by its primary key, the same records in the same layout (``indent=1``),
so the file is a standard Django JSON fixture. Two things differ:

- times keep their microseconds (Django's ``DjangoJSONEncoder`` cuts them to the
  millisecond, so a restored record's ``created_at`` and ``updated_at`` would move);
- ``dumpdata`` reads each row's foreign keys and many-to-many relations with one query
  each (a natural key names the related record, so it has to be read). Here every model
  is read with ``select_related`` for the foreign keys, in chunks of :data:`CHUNK_SIZE`
  rows, and the many-to-many targets of each chunk with two queries a relation: a model
  costs one query and two more per relation and chunk, whatever the number of rows, and
  memory holds one chunk at a time.
"""

import datetime
import itertools
import json
from collections import defaultdict
from json.encoder import encode_basestring

from django.apps import apps
from django.core import serializers
from django.core.exceptions import ObjectDoesNotExist
from django.core.serializers.base import (
    DEFER_FIELD,
    DeserializationError,
    DeserializedObject,
    M2MDeserializationError,
)
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer
from django.core.serializers.python import Deserializer as PythonDeserializer
from django.db import DatabaseError, connections, router, transaction
from django.db.models import Model
from django.db.models.fields import AutoFieldMixin
from django.db.models.signals import pre_save
from django.utils.functional import cached_property
from django.utils.timezone import is_aware

from .cache import bump_version
from .models.history import is_audit_model

#: Rows a backup reads at a time (with their many-to-many targets), and records a restore
#: inserts at a time.
CHUNK_SIZE = 2000


class ExactJSONEncoder(DjangoJSONEncoder):
    """``DjangoJSONEncoder`` that writes times to the microsecond ("…T07:08:09.123456Z");
    ``loaddata`` reads them back with ``parse_datetime``, as it reads the shorter form."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time) and not is_aware(o):
            return o.isoformat()
        return super().default(o)


class Serializer(JSONSerializer):
    """Django's JSON serializer, with the same output, faster:

    - a record's many-to-many targets are the natural keys that :func:`backup_records` read
      for its whole chunk (``backup_m2m_keys``), rather than a query each;
    - with ``indent``, a record is written as ``json.dump`` lays it out, but as one string
      built here instead of ``json``'s pure-Python indenting encoder (a third of the time).
    """

    def start_serialization(self):
        super().start_serialization()
        self.encoder = self.json_kwargs["cls"]()
        indent = self.options.get("indent")
        self.indent = " " * indent if isinstance(indent, int) else indent

    def end_object(self, obj):
        if not self.indent:
            return super().end_object(obj)
        if not self.first:
            self.stream.write(",")
        self.stream.write("\n" + self.encode(self.get_dump_object(obj), "\n"))
        self._current = None

    def encode(self, value, newline):
        """``value`` in JSON as ``json.dumps(value, indent=..., ensure_ascii=False)`` writes
        it at the depth where lines start with ``newline``."""
        if isinstance(value, str):
            return encode_basestring(value)
        if value is None:
            return "null"
        if value is True:
            return "true"
        if value is False:
            return "false"
        if isinstance(value, int):
            return int.__repr__(value)
        if isinstance(value, float):
            return json.dumps(value)
        if isinstance(value, dict) and all(isinstance(key, str) for key in value):
            if not value:
                return "{}"
            inner = newline + self.indent
            items = (
                f"{encode_basestring(key)}: {self.encode(v, inner)}" for key, v in value.items()
            )
            return "{" + inner + ("," + inner).join(items) + newline + "}"
        if isinstance(value, (list, tuple)):
            if not value:
                return "[]"
            inner = newline + self.indent
            return (
                "["
                + inner
                + ("," + inner).join(self.encode(v, inner) for v in value)
                + newline
                + "]"
            )
        if isinstance(value, dict):  # keys that are not strings: json's own rules
            text = json.dumps(
                value,
                indent=self.indent,
                separators=(",", ": "),
                ensure_ascii=False,
                cls=type(self.encoder),
            )
            return text.replace("\n", newline)
        return self.encode(self.encoder.default(value), newline)

    def handle_m2m_field(self, obj, field):
        keys = getattr(obj, "backup_m2m_keys", {}).get(field.name)
        if keys is None or not self.use_natural_foreign_keys:
            return super().handle_m2m_field(obj, field)
        self._current[field.name] = keys


def backup_models(using="default"):
    """The archive's record models in the order ``dumpdata`` writes them (a model after the
    models its natural keys name), without the edit history and the fixture-load log."""
    models = serializers.sort_dependencies(
        [(apps.get_app_config("archive"), None)], allow_cycles=True
    )
    return [
        model
        for model in models
        if not is_audit_model(model)
        and not model._meta.proxy
        and router.allow_migrate_model(using, model)
    ]


def natural_key_relations(model, key_only=False, seen=()):
    """The ``select_related`` paths that writing ``model``'s rows reads: its foreign keys
    (or with ``key_only``, those its natural key depends on), and the foreign keys those
    records' own natural keys need, and so on."""
    dependencies = getattr(getattr(model, "natural_key", None), "dependencies", ())
    dependencies = {label.lower() for label in dependencies}
    paths = []
    for field in model._meta.concrete_fields:
        if not field.is_relation or not field.serialize:
            continue
        target = field.related_model
        if key_only and target._meta.label_lower not in dependencies:
            continue
        if not hasattr(target, "natural_key") or target in seen:
            continue
        paths.append(field.name)
        nested = natural_key_relations(target, key_only=True, seen={*seen, model})
        paths.extend(f"{field.name}__{path}" for path in nested)
    return paths


def backup_queryset(model, using="default"):
    """Every row of ``model`` as ``dumpdata`` orders them, with the related records that
    their natural keys and their foreign keys' natural keys read."""
    queryset = model._default_manager.using(using).order_by(model._meta.pk.name)
    related = natural_key_relations(model)
    return queryset.select_related(*related) if related else queryset


def natural_m2m_fields(model):
    """The many-to-many relations that a natural-key dump writes as its targets' keys."""
    return [
        field
        for field in model._meta.local_many_to_many
        if field.serialize
        and field.remote_field.through._meta.auto_created
        and hasattr(field.related_model, "natural_key")
    ]


def m2m_natural_keys(instances, field, using="default"):
    """``{pk: [natural key of each target]}`` for the relation ``field`` of ``instances``, the
    targets in the order the relation's manager gives them (its model's ordering), as
    ``dumpdata`` writes them. Two queries: the links, then the targets.

    It does what ``prefetch_related`` would, without the related manager and queryset that
    it builds for every row (which took half of a backup's time)."""
    through = field.remote_field.through
    own = through._meta.get_field(field.m2m_field_name()).attname
    other = through._meta.get_field(field.m2m_reverse_field_name()).attname
    links = through._base_manager.using(using).filter(
        **{f"{own}__in": [instance.pk for instance in instances]}
    )
    linked = defaultdict(list)
    for pk, target_pk in links.values_list(own, other):
        linked[pk].append(target_pk)
    target = field.related_model
    targets = target._default_manager.using(using).filter(pk__in=links.values(other))
    nested = natural_key_relations(target, key_only=True)
    if nested:
        targets = targets.select_related(*nested)
    order, keys = {}, {}
    for place, record in enumerate(targets):
        order[record.pk], keys[record.pk] = place, record.natural_key()
    return {
        pk: [keys[target_pk] for target_pk in sorted(target_pks, key=order.__getitem__)]
        for pk, target_pks in linked.items()
    }


def backup_records(using="default"):
    """Every record a backup carries, model by model, :data:`CHUNK_SIZE` rows at a time;
    each row carries the natural keys of its many-to-many targets (``backup_m2m_keys``)."""
    for model in backup_models(using):
        relations = natural_m2m_fields(model)
        rows = backup_queryset(model, using).iterator(chunk_size=CHUNK_SIZE)
        while chunk := list(itertools.islice(rows, CHUNK_SIZE)):
            if relations:
                keys = {field.name: m2m_natural_keys(chunk, field, using) for field in relations}
                for instance in chunk:
                    instance.backup_m2m_keys = {
                        name: found.get(instance.pk, []) for name, found in keys.items()
                    }
            yield from chunk


def write_backup(stream, using="default"):
    """Write the archive to ``stream`` (text) as a natural-key JSON fixture.

    Call it inside a transaction for a consistent snapshot. The same records give the same
    text, byte for byte."""
    Serializer().serialize(
        backup_records(using),
        stream=stream,
        indent=1,
        use_natural_foreign_keys=True,
        use_natural_primary_keys=True,
        cls=ExactJSONEncoder,
    )


# Restoring ---------------------------------------------------------------------------------


def json_array_items(stream, chunk_size=1 << 16):
    """The items of the JSON array in ``stream`` (text), one at a time: memory holds one item
    and a chunk of text, not the whole document as ``json.load`` would. A malformed document
    raises ``DeserializationError`` with ``json``'s message and the line and column."""
    decoder = json.JSONDecoder()
    text, pos, ended = "", 0, False
    lines_before, column_before = 0, 0  # where text[0] is in the whole document

    def read_more():
        nonlocal text, pos, ended, lines_before, column_before
        newline = text.rfind("\n", 0, pos)
        lines_before += text.count("\n", 0, pos)
        column_before = pos - newline - 1 if newline >= 0 else column_before + pos
        chunk = stream.read(chunk_size)
        text, pos, ended = text[pos:] + chunk, 0, not chunk

    def fail(message, at):
        newline = text.rfind("\n", 0, at)
        line = lines_before + text.count("\n", 0, at) + 1
        column = at - newline if newline >= 0 else column_before + at + 1
        raise DeserializationError(f"{message}: line {line} column {column}")

    def next_character():
        """The next character that is not white space ("" at the end), moved up to."""
        nonlocal pos
        while True:
            while pos < len(text) and text[pos] in " \t\n\r":
                pos += 1
            if pos < len(text) or ended:
                return text[pos : pos + 1]
            read_more()

    if next_character() != "[":
        fail("Expecting '[' (a fixture is a JSON array)", pos)
    pos += 1
    if next_character() == "]":
        pos += 1
    else:
        while True:
            while True:
                try:
                    item, end = decoder.raw_decode(text, pos)
                except json.JSONDecodeError as error:
                    problem = error
                else:
                    problem = None
                if problem:  # handled out of the except: json's place in a chunk means nothing
                    # Cut off by the end of the chunk (an error at the end of the text, or a
                    # string that goes on), or wrong whatever follows?
                    cut = problem.pos >= len(text) - 6 or problem.msg.startswith("Unterminated")
                    if ended or not cut:
                        fail(problem.msg, problem.pos)
                    read_more()
                    continue
                # A number may go on in the next chunk ("1.5e" and then "+3").
                if end + 2 < len(text) or ended:
                    break
                read_more()
            pos = end
            yield item
            character = next_character()
            if character == "]":
                pos += 1
                break
            if character != ",":
                fail("Expecting ',' delimiter", pos)
            pos += 1
            next_character()
    if next_character():
        fail("Extra data", pos)


class Restore:
    """What one restore knows, so that it looks nothing up twice and inserts in bulk.

    - The primary key of every record it saved, or looked up, by model and natural key, for
      the models that a backup's records name by natural key (films, people, sources,
      countries, ...): a foreign key or a many-to-many target is found here, not with a
      query. It costs about 190 bytes a record: 8 MB at 10,000 films, some 60 MB at
      100,000 (100,000 films and 210,000 people); nothing for credits, titles and the like.
    - Which tables were empty when their first record came. A record of such a table is
      new (a backup holds each record once), so it is not looked up by its natural key (a
      query, and one more for each foreign key in a key such as a credit's), and it is
      inserted with the next :data:`CHUNK_SIZE` records of its model in a few statements
      (:meth:`add`, :meth:`flush`), as ``generate_archive`` inserts: each record is sent
      ``pre_save``, as a raw save sends it (it derives the search columns), but not
      ``post_save`` or ``m2m_changed`` (the edit history records nothing for a load); the
      archive's version goes up once for each batch instead of once a row. A record that
      a backup repeats fails on the table's unique constraint.
    """

    def __init__(self, using):
        self.using = using
        self.pks = defaultdict(dict)  # model: {natural key: primary key}
        self.empty_tables = {}  # model: whether its table was empty at its first record
        self.pending = []  # (record number, RestoredObject): new records of one model
        self.links = defaultdict(list)  # through model: many-to-many rows to insert
        self.link_count = 0

    @cached_property
    def named(self):
        """The models whose records a backup's records name by natural key (a record of any
        other model is found with a query, the first time)."""
        return {
            field.related_model
            for model in backup_models(self.using)
            for field in (*model._meta.fields, *model._meta.many_to_many)
            if field.is_relation and hasattr(field.related_model, "natural_key")
        }

    def is_new(self, record):
        """Whether ``record`` (a dict read from a backup) is new, by the rule above. The new
        records of another model that wait to be inserted are inserted first, so that this
        one finds them."""
        try:
            model = apps.get_model(record["model"])
        except (KeyError, LookupError, TypeError, ValueError):
            return False  # the deserializer says what is wrong with it
        if self.pending and type(self.pending[0][1].object) is not model:
            self.flush()
        if "pk" in record:
            return False
        if model not in self.empty_tables:
            meta = model._meta
            self.empty_tables[model] = (
                hasattr(model, "natural_key")
                and hasattr(meta.default_manager, "get_by_natural_key")
                and isinstance(meta.pk, AutoFieldMixin)
                and not meta.parents
                and not meta.order_with_respect_to
                and not model._base_manager.using(self.using).exists()
            )
        return self.empty_tables[model]

    def pk(self, model, key):
        """The primary key of ``model``'s record with the natural key ``key``; raises
        ``model.DoesNotExist``."""
        known = self.pks[model]
        try:
            return known[key]
        except KeyError:
            pass
        pk = model._default_manager.db_manager(self.using).get_by_natural_key(*key).pk
        known[key] = pk
        return pk

    def remember(self, instance):
        if type(instance) in self.named:
            self.pks[type(instance)][instance.natural_key()] = instance.pk

    def add(self, restored, number):
        """Keep the new record ``restored`` (record ``number`` of the file) for the next
        insert, and send it ``pre_save``."""
        instance = restored.object
        if self.pending and type(self.pending[0][1].object) is not type(instance):
            self.flush()
        pre_save.send(
            sender=type(instance), instance=instance, raw=True, using=self.using, update_fields=None
        )
        self.pending.append((number, restored))
        if len(self.pending) >= CHUNK_SIZE:
            self.flush()

    def link(self, instance, m2m_data):
        """Keep the many-to-many rows of a new record, to insert them with :meth:`flush`."""
        for name, target_pks in m2m_data.items():
            field = instance._meta.get_field(name)
            through = field.remote_field.through
            own = through._meta.get_field(field.m2m_field_name()).attname
            other = through._meta.get_field(field.m2m_reverse_field_name()).attname
            for target_pk in dict.fromkeys(target_pks):
                self.links[through].append(through(**{own: instance.pk, other: target_pk}))
                self.link_count += 1
        if self.link_count >= CHUNK_SIZE:
            self.flush_links()

    def flush(self):
        """Insert the records and many-to-many rows kept so far. An error names the record
        that caused it (``error.record``, its number in the file)."""
        pending, self.pending = self.pending, []
        if pending:
            try:
                with transaction.atomic(using=self.using):
                    insert_rows([restored.object for _, restored in pending], self.using)
            except (DatabaseError, ValueError):  # psycopg: ValueError for a NUL character
                failed = True
            else:
                failed = False
            if failed:
                self.insert_one_by_one(pending)
            for _, restored in pending:
                restored.inserted()
            bump_version()  # what each row's post_save would have done
        self.flush_links()

    def insert_one_by_one(self, pending):
        """Insert ``pending`` a record at a time, after their batch failed: the error names
        the record at fault (or they all go in, if the batch failed as a whole)."""
        for _, restored in pending:
            restored.object.pk = None
        for number, restored in pending:
            try:
                with transaction.atomic(using=self.using):
                    insert_rows([restored.object], self.using)
            except (DatabaseError, ValueError) as error:
                label = restored.object._meta.label
                error.args = (f"Could not load {label}(pk=None): {error}",)
                error.record = number
                raise

    def flush_links(self):
        for through, rows in self.links.items():
            through._base_manager.using(self.using).bulk_create(rows)
        self.links.clear()
        self.link_count = 0


def insert_rows(instances, using):
    """INSERT new records of one model with their values as they are (raw, as ``loaddata``
    saves: no ``auto_now``), as many a statement as the database takes, and give each its
    primary key. ``bulk_create`` would set ``updated_at`` to now."""
    model = type(instances[0])
    meta = model._meta
    fields = [field for field in meta.local_concrete_fields if not field.generated]
    fields = [field for field in fields if field is not meta.auto_field]
    returning = meta.db_returning_fields
    connection = connections[using]
    size = 1
    if connection.features.can_return_rows_from_bulk_insert:
        size = max(connection.ops.bulk_batch_size(fields, instances), 1)
    manager = model._base_manager.using(using)
    for start in range(0, len(instances), size):
        chunk = instances[start : start + size]
        # QuerySet._insert is what Model.save and bulk_create insert with; only it takes raw.
        rows = manager._insert(chunk, fields=fields, returning_fields=returning, raw=True)
        for instance, row in zip(chunk, rows, strict=True):
            for field, value in zip(returning, row, strict=True):
                setattr(instance, field.attname, value)
            instance._state.adding = False
            instance._state.db = using


class RestoredObject(DeserializedObject):
    """A deserialized record that tells its :class:`Restore` what it saved. A new one (see
    ``Restore.is_new``) is inserted, by :meth:`save` or in a batch (``Restore.add``), and its
    many-to-many rows are kept for a bulk insert."""

    def __init__(self, deserialized, restore, new):
        super().__init__(deserialized.object, deserialized.m2m_data, deserialized.deferred_fields)
        self.restore = restore
        self.new = new

    def save(self, save_m2m=True, using=None, **kwargs):
        if self.new:
            Model.save_base(self.object, using=using, raw=True, **kwargs)
            self.inserted(save_m2m)
        else:
            super().save(save_m2m=save_m2m, using=using, **kwargs)
            self.restore.remember(self.object)

    def inserted(self, save_m2m=True):
        """The new record is in the database (saved again, to set fields that named a record
        further on, it is updated)."""
        self.new = False
        self.restore.remember(self.object)
        if save_m2m and self.m2m_data:
            self.restore.link(self.object, self.m2m_data)
        self.m2m_data = None


class Deserializer(PythonDeserializer):
    """Django's JSON deserializer over records already read (:func:`json_array_items`), which
    finds natural keys through a :class:`Restore`.

    Django's looks a record up by its natural key (to overwrite it) and each natural key
    the record names, a query each. Here a new record (``Restore.is_new``) is not looked up:
    it reaches Django's code with a stand-in primary key, which skips the lookup, and leaves
    it without one, so the database gives it its primary key as to any new row. Foreign
    keys and many-to-many targets come from the restore's map.
    """

    #: The primary key a new record carries through Django's code, which then skips looking
    #: it up; it is taken away before the record is saved.
    STAND_IN_PK = 0

    def __init__(self, records, *, restore, **options):
        super().__init__(records, using=restore.using, handle_forward_references=True, **options)
        self.restore = restore

    def _handle_object(self, obj):
        new = False
        try:
            new = self.restore.is_new(obj)
            if new:
                obj = {**obj, "pk": self.STAND_IN_PK}
            for deserialized in super()._handle_object(obj):
                if new:
                    deserialized.object.pk = None
                yield RestoredObject(deserialized, self.restore, new)
        except GeneratorExit:
            raise
        except DeserializationError as error:
            if new:  # "(archive.role:pk=None)" as Django says it, not the stand-in
                stand_in = f":pk={self.STAND_IN_PK})"
                error.args = tuple(str(arg).replace(stand_in, ":pk=None)") for arg in error.args)
            raise
        except Exception as error:  # as Django's JSON deserializer words it
            if hasattr(error, "record"):
                raise  # an insert of earlier records failed: Restore.flush names the record
            raise DeserializationError(f"Error deserializing object: {error}") from error

    def _handle_fk_field_node(self, field, field_value):
        model = field.remote_field.model
        if not self.by_natural_key(model, field_value) or (
            field.remote_field.field_name != model._meta.pk.name or model._meta.pk.remote_field
        ):
            return super()._handle_fk_field_node(field, field_value)
        try:
            return self.restore.pk(model, tuple(field_value))
        except ObjectDoesNotExist:
            if not field.null:
                raise  # the record cannot be saved without it, not even for a while
            return DEFER_FIELD  # a record further on: set when the load has saved it

    def _handle_m2m_field_node(self, field, field_value):
        model = field.remote_field.model
        if not isinstance(field_value, list) or not all(
            self.by_natural_key(model, value) for value in field_value
        ):
            return super()._handle_m2m_field_node(field, field_value)
        pks = []
        for value in field_value:
            try:
                pks.append(self.restore.pk(model, tuple(value)))
            except ObjectDoesNotExist:
                return DEFER_FIELD
            except Exception as error:
                raise M2MDeserializationError(error, value) from error
        return pks

    @staticmethod
    def by_natural_key(model, value):
        return (
            isinstance(value, list)
            and hasattr(model._default_manager, "get_by_natural_key")
            and all(isinstance(part, (str, int, float, bool, type(None))) for part in value)
        )
