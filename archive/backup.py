"""Backups of the archive: Django's ``jsonl`` serializer, fed in a fixed number of queries.

:func:`write_backup` writes what ``dumpdata archive --format jsonl --natural-foreign
--natural-primary`` writes, without the audit models (``audit_model_labels()``): the same
models in the same order, each ordered by its primary key, one record a line, with the
archive's ``jsonl`` serializer (``archive.serializers.jsonl``: times to the microsecond).
What differs is how the records are read. ``dumpdata`` reads each row's foreign keys and
many-to-many relations with one query each (a natural key names the related record, so it
has to be read). Here every model is read with ``select_related`` for the foreign keys, in
chunks of :data:`CHUNK_SIZE` rows, and the many-to-many targets of each chunk with two
queries a relation: a model costs one query and two more per relation and chunk, whatever
the number of rows, and memory holds one chunk at a time.
"""

import itertools
from collections import defaultdict

from django.apps import apps
from django.core import serializers
from django.db import router

from .models.history import is_audit_model
from .serializers.jsonl import JSONSerializer

#: Rows a backup reads at a time, with their many-to-many targets.
CHUNK_SIZE = 2000


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
    each row carries the natural keys of its many-to-many targets (``serialized_m2m``, which
    ``archive.serializers.jsonl`` writes)."""
    for model in backup_models(using):
        relations = natural_m2m_fields(model)
        rows = backup_queryset(model, using).iterator(chunk_size=CHUNK_SIZE)
        while chunk := list(itertools.islice(rows, CHUNK_SIZE)):
            if relations:
                keys = {field.name: m2m_natural_keys(chunk, field, using) for field in relations}
                for instance in chunk:
                    instance.serialized_m2m = {
                        name: found.get(instance.pk, []) for name, found in keys.items()
                    }
            yield from chunk


def write_backup(stream, using="default", format="jsonl"):
    """Write the archive to ``stream`` (text) with natural keys, in the ``jsonl`` format
    (one record a line) or ``json`` (Django's JSON fixture format, one array).

    Call it inside a transaction for a consistent snapshot. The same records give the same
    text, byte for byte."""
    serializer = JSONSerializer() if format == "json" else serializers.get_serializer(format)()
    serializer.with_files = True  # the image files go into the same file (backup_files)
    serializer.serialize(
        backup_records(using),
        stream=stream,
        use_natural_foreign_keys=True,
        use_natural_primary_keys=True,
    )
