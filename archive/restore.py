"""Restoring a backup: Django's deserializer, fed records whose natural keys are resolved.

``loaddata`` looks every record up by its natural key (to overwrite it) and every natural
key a record names, a query each, then saves each record with its own INSERT: 11 minutes
for 10,000 films. A restore into an empty archive needs none of those lookups. A
:class:`Restore` rewrites each record it reads before Django's public ``python``
deserializer sees it:

- a foreign key or a many-to-many target named by natural key becomes the primary key
  the restore gave that record (a map kept for the models that records name: films,
  people, sources, countries, ...; about 190 bytes a record), or one looked up once;
- a record of a table that was empty when its first record came is new (a backup holds
  each record once): it gets the next primary key of its table, so Django does not look
  it up, and it is inserted with the next :data:`CHUNK_SIZE` records of its model by
  ``bulk_create``, its many-to-many rows likewise. ``loaddata`` resets the sequences
  after the load. Each record is sent ``pre_save`` (``raw``, as ``loaddata`` sends it: it
  derives the search columns) but not ``post_save`` (the edit history records nothing for
  a load); the archive's version goes up once a batch. ``bulk_create`` stamps
  ``auto_now`` fields with the present time: the backup's times are put back with
  ``bulk_update``. A record that a backup repeats fails on the table's unique constraint.

Records of tables that held rows (countries and languages, which migrations create; any
table, with ``restore_archive --force``) go through ``loaddata`` as usual.
"""

from collections import defaultdict

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
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
#: Rows whose times one UPDATE puts back (its CASE has a branch a row).
TIMES_BATCH = 250


class RecordError(Exception):
    """A batch insert failed at record ``number`` of the file."""

    def __init__(self, message, number):
        super().__init__(message)
        self.number = number


class Restore:
    def __init__(self, using, ignorenonexistent=False):
        self.using = using
        self.ignorenonexistent = ignorenonexistent
        self.pks = defaultdict(dict)  # model: {natural key: primary key}
        self.next_pk = {}  # model: its next primary key, or None when its table held rows
        self.pending = []  # (record number, DeserializedObject): new records of one model
        self.deferred = []  # DeserializedObjects with fields to set at the end of the load

    @cached_property
    def named(self):
        """The models whose records other records name by natural key."""
        return {
            field.related_model
            for model in backup_models(self.using)
            for field in (*model._meta.fields, *model._meta.many_to_many)
            if field.is_relation and hasattr(field.related_model, "natural_key")
        }

    def read(self, record):
        """``(DeserializedObject, new)`` for ``record`` (a dict read from a backup), or
        ``(None, False)`` for a record left out."""
        try:
            model = apps.get_model(record["model"])
        except (KeyError, LookupError, TypeError, ValueError):
            model = None  # the deserializer says what is wrong with it
        if self.pending and type(self.pending[0][1].object) is not model:
            self.flush()  # what comes next may name them, or be looked up with a query
        new = model is not None and "pk" not in record and self.is_new(model)
        if model is not None and isinstance(record.get("fields"), dict):
            fields = {
                name: self.resolved(model, name, value, record)
                for name, value in record["fields"].items()
            }
            record = {**record, "fields": fields}
        if new:
            record = {**record, "pk": self.next_pk[model]}
            self.next_pk[model] += 1
        options = {"using": self.using, "ignorenonexistent": self.ignorenonexistent}
        deserialized = next(
            iter(PythonDeserializer([record], handle_forward_references=True, **options)), None
        )
        if deserialized is None:  # a model that --ignorenonexistent leaves out
            return None, False
        if new and model in self.named:
            self.pks[model][deserialized.object.natural_key()] = deserialized.object.pk
        return deserialized, new

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

    def resolved(self, model, name, value, record):
        """A field's value with the natural keys it names replaced by primary keys, where
        the restore knows them or finds them; as it was otherwise (Django deals with it)."""
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            return value
        if not field.is_relation or not isinstance(value, list):
            return value
        target = field.related_model
        if not hasattr(target._default_manager, "get_by_natural_key"):
            return value
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
                error, model._meta.label_lower, record.get("pk"), value
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
    """INSERT new records of one model with every value as it is."""
    model = type(instances[0])
    stamped = [
        field
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    times = [[getattr(instance, field.attname) for field in stamped] for instance in instances]
    manager = model._base_manager.using(using)
    manager.bulk_create(instances, batch_size=CHUNK_SIZE)
    if not stamped:
        return
    changed = []
    for instance, values in zip(instances, times, strict=True):
        for field, value in zip(stamped, values, strict=True):
            if getattr(instance, field.attname) != value:
                setattr(instance, field.attname, value)
                changed.append(instance)
    if changed:
        names = [field.name for field in stamped]
        manager.bulk_update(list(dict.fromkeys(changed)), names, batch_size=TIMES_BATCH)
