"""Restoring a backup: Django's deserializer, fed records whose natural keys are resolved.

``loaddata`` looks every record up by its natural key (to overwrite it) and every natural
key a record names, a query each, then saves each record with its own INSERT: 11 minutes
for 10,000 films. A restore into an empty archive needs none of those lookups. A
:class:`Restore` reads a backup a line at a time (``json.loads``) and rewrites each record
before Django's public ``python`` deserializer, one for the whole file, builds it:

- a foreign key or a many-to-many target named by natural key becomes the primary key
  the restore gave that record (a map kept for the models that records name: films,
  people, sources, countries, ...; about 190 bytes a record), or one looked up once;
- a record of a table that was empty when its first record came is new (a backup holds
  each record once): it gets the next primary key of its table, so Django does not look
  it up, and it is inserted with the next :data:`CHUNK_SIZE` records of its model by
  ``bulk_create``, its many-to-many rows likewise. ``loaddata`` resets the sequences
  after the load. Each record is sent ``pre_save`` (``raw``, as ``loaddata`` sends it: it
  derives the search columns) but not ``post_save`` (the edit history records nothing for
  a load); the archive's version goes up once a batch. The backup's ``created_at`` and
  ``updated_at`` go in as they are (:func:`times_as_given`). A record that a backup
  repeats fails on the table's unique constraint.

Records of tables that held rows (countries and languages, which migrations create; any
table, with ``restore_archive --force``) go through ``loaddata`` as usual.
"""

import json
from collections import defaultdict
from contextlib import contextmanager

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.core.serializers.base import DeserializationError
from django.core.serializers.python import Deserializer as PythonDeserializer
from django.db import DatabaseError, transaction
from django.db.models.fields import AutoFieldMixin
from django.db.models.signals import pre_save
from django.utils.functional import cached_property

from .backup import backup_models
from .cache import bump_version

#: Records inserted at a time.
CHUNK_SIZE = 2000


class RecordError(Exception):
    """A batch insert failed at record ``number`` of the file."""

    def __init__(self, message, number):
        super().__init__(message)
        self.number = number


def numbered_records(stream):
    """``(number, record)`` for each line of a JSON Lines file opened in binary mode,
    counted from 1 without the blank lines; for a line that is not JSON, the ``ValueError``
    in place of the record (the file can still be read on)."""
    number = 0
    for line in stream:
        if not line.strip():
            continue
        number += 1
        try:
            record = json.loads(line)
        except ValueError as error:
            record = error
        yield number, record


@contextmanager
def times_as_given(model):
    """Within the block, ``model``'s ``auto_now`` and ``auto_now_add`` fields keep the values
    that an instance carries when it is saved or bulk-created.

    ``bulk_create`` stamps those fields with the present time (each field's ``pre_save``),
    and Django has no public way to insert many rows with their own times (``save(raw=
    True)`` inserts one row a statement). ``auto_now`` and ``auto_now_add`` are the fields'
    public options, read at each ``pre_save``: switched off for one insert, the backup's
    times go in, and no UPDATE has to put them back. A field belongs to the whole process,
    so its options are put back whatever happens (``finally``), right after the insert; a
    restore runs in its own command, with no other thread saving meanwhile."""
    stamped = [
        (field, field.auto_now, field.auto_now_add)
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    for field, _, _ in stamped:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in stamped:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


class Restore:
    def __init__(self, using, ignorenonexistent=False):
        self.using = using
        self.ignorenonexistent = ignorenonexistent
        self.pks = defaultdict(dict)  # model: {natural key: primary key}
        self.next_pk = {}  # model: its next primary key, or None when its table held rows
        self.pending = []  # (record number, DeserializedObject): new records of one model
        self.deferred = []  # DeserializedObjects with fields to set at the end of the load
        self.models = {}  # label: model, or None
        self.relations = {}  # model: {field name: relation whose target has natural keys}
        self.current = None  # (number, record, new): the record read last

    @cached_property
    def named(self):
        """The models whose records other records name by natural key."""
        return {
            field.related_model
            for model in backup_models(self.using)
            for field in (*model._meta.fields, *model._meta.many_to_many)
            if field.is_relation and hasattr(field.related_model, "natural_key")
        }

    def deserialize(self, records):
        """``(number, record, DeserializedObject, new)`` for each of ``records`` (``(number,
        dict)`` pairs read from a backup) that the load does not leave out.

        One deserializer reads the whole file, a record at a time (its caches last the whole
        load): a record reaches it with its natural keys resolved, and its object comes out
        before the next record is read, so that the next finds its primary key."""
        options = {"using": self.using, "ignorenonexistent": self.ignorenonexistent}
        deserializer = PythonDeserializer(
            self.resolving(records), handle_forward_references=True, **options
        )
        for deserialized in deserializer:
            number, record, new = self.current
            instance = deserialized.object
            if new and type(instance) in self.named:
                self.pks[type(instance)][instance.natural_key()] = instance.pk
            yield number, record, deserialized, new

    def resolving(self, records):
        """``records`` as the deserializer reads them (see :meth:`resolve`)."""
        for number, record in records:
            self.current = (number, record, False)
            resolved, new = self.resolve(record)
            self.current = (number, record, new)
            yield resolved

    def resolve(self, record):
        """``(record, new)``: ``record`` with the natural keys it names replaced by primary
        keys, and with a primary key when it is new."""
        model = self.model(record)
        if self.pending and type(self.pending[0][1].object) is not model:
            self.flush()  # what comes next may name them, or be looked up with a query
        if model is None:
            return record, False  # the deserializer says what is wrong with it
        new = "pk" not in record and self.is_new(model)
        relations = self.relation_fields(model)
        fields = record.get("fields")
        if relations and isinstance(fields, dict):
            fields = {
                name: self.resolved(relations[name], value, record) if name in relations else value
                for name, value in fields.items()
            }
            record = {**record, "fields": fields}
        if new:
            record = {**record, "pk": self.next_pk[model]}
            self.next_pk[model] += 1
        return record, new

    def model(self, record):
        """The model that ``record`` names, or None (the deserializer says what is wrong)."""
        label = record.get("model") if isinstance(record, dict) else None
        if not isinstance(label, str):
            return None
        if label not in self.models:
            try:
                self.models[label] = apps.get_model(label)
            except (LookupError, ValueError):
                self.models[label] = None
        return self.models[label]

    def relation_fields(self, model):
        """``model``'s foreign keys and many-to-many relations to models with natural keys."""
        if model not in self.relations:
            self.relations[model] = {
                field.name: field
                for field in (*model._meta.fields, *model._meta.many_to_many)
                if field.is_relation
                and hasattr(field.related_model._default_manager, "get_by_natural_key")
            }
        return self.relations[model]

    def is_new(self, model):
        if model not in self.next_pk:
            meta = model._meta
            plain = (
                hasattr(model, "natural_key")
                and hasattr(meta.default_manager, "get_by_natural_key")
                and isinstance(meta.pk, AutoFieldMixin)
                and not meta.parents
            )
            manager = model._base_manager.using(self.using)
            self.next_pk[model] = 1 if plain and not manager.exists() else None
        return self.next_pk[model] is not None

    def resolved(self, field, value, record):
        """A relation's value with the natural keys it names replaced by primary keys,
        where the restore knows them or finds them; as it was otherwise (Django deals with
        it)."""
        if not isinstance(value, list):
            return value
        target = field.related_model
        if field.many_to_many:
            if not all(isinstance(key, list) for key in value):
                return value
            try:
                return [self.pk(target, key) for key in value]
            except ObjectDoesNotExist:
                return value
        if field.remote_field.field_name != target._meta.pk.name:
            return value
        try:
            return self.pk(target, value)
        except ObjectDoesNotExist as error:
            if field.null:
                return value  # maybe a record further on: Django sets it at the end
            raise DeserializationError.WithData(
                error, record.get("model"), record.get("pk"), value
            ) from error

    def pk(self, model, key):
        """The primary key of ``model``'s record with the natural key ``key``."""
        key = tuple(key)
        known = self.pks[model]
        if key not in known:
            manager = model._default_manager.db_manager(self.using)
            known[key] = manager.get_by_natural_key(*key).pk
        return known[key]

    def add(self, deserialized, number):
        """Keep a new record for the next batch insert."""
        instance = deserialized.object
        pre_save.send(
            sender=type(instance), instance=instance, raw=True, using=self.using, update_fields=None
        )
        self.pending.append((number, deserialized))
        if deserialized.deferred_fields:
            self.deferred.append(deserialized)
        if len(self.pending) >= CHUNK_SIZE:
            self.flush()

    def flush(self):
        """Insert the kept records, their times as the backup gives them, and their
        many-to-many rows."""
        pending, self.pending = self.pending, []
        if not pending:
            return
        try:
            with transaction.atomic(using=self.using):
                insert([restored.object for _, restored in pending], self.using)
        except (DatabaseError, ValueError):  # psycopg: ValueError for a NUL character
            self.insert_one_by_one(pending)
        links = defaultdict(list)
        for _, restored in pending:
            for name, target_pks in (restored.m2m_data or {}).items():
                field = restored.object._meta.get_field(name)
                through = field.remote_field.through
                own = through._meta.get_field(field.m2m_field_name()).attname
                other = through._meta.get_field(field.m2m_reverse_field_name()).attname
                links[through].extend(
                    through(**{own: restored.object.pk, other: target_pk})
                    for target_pk in dict.fromkeys(target_pks)
                )
            restored.m2m_data = None
        for through, rows in links.items():
            through._base_manager.using(self.using).bulk_create(rows, batch_size=CHUNK_SIZE)
        bump_version()  # what each row's post_save would have done

    def insert_one_by_one(self, pending):
        """Insert ``pending`` a record at a time, after their batch failed: the error names
        the record at fault."""
        for number, restored in pending:
            try:
                with transaction.atomic(using=self.using):
                    insert([restored.object], self.using)
            except (DatabaseError, ValueError) as error:
                label = restored.object._meta.label
                raise RecordError(f"Could not load {label}: {error}", number) from error


def insert(instances, using):
    """INSERT new records of one model with every value as it is, their times too."""
    model = type(instances[0])
    with times_as_given(model):
        model._base_manager.using(using).bulk_create(instances, batch_size=CHUNK_SIZE)
