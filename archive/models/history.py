"""Edit history: every version of every record editors change, and each fixture load.

Each record model carries ``history = ArchiveHistory(...)`` (django-simple-history): every
save or delete writes a version (who, when, how, every field and, for ``m2m_fields``, the
record's sources, countries and genres) to a ``Historical<Model>`` table of this app. The
admin lists the versions of a record with what each changed, old → new, and reverts to
any of them (``archive.admin.history``). Three rules on top of simple-history's:

- Raw saves record nothing: ``loaddata`` (and so ``restore_archive`` and
  ``load_initial_data``) writes ONE :class:`FixtureLoad` row per successful run instead
  of a version per row (``archive/management/commands/loaddata.py``). ``bulk_create``
  (``generate_archive``) records nothing either. Such records start without history.
- The first recorded change of a record that has no history yet first records the record
  as it was (user empty, reason :data:`BASELINE_REASON`, dated by its ``updated_at`` where
  it has one); likewise, when a fixture load came after the record's latest version and the
  record differs from that version, the change first records it as the load left it
  (:data:`LOADED_REASON`, dated by the load). So each version shows only what its own
  change did, and an edit conflict can be explained (``archive.admin.history``). It costs
  one query (the latest version and any later fixture load) the first time a record object
  is changed; a record just created needs none.
- A change made outside a request (a management command, ``manage.py shell``, a script)
  has no user; its reason names the operating-system user who ran it.

A version costs an insert, and for ``m2m_fields`` one read of each relation's ids (none
for a record just created) and an insert of its rows. The admin saves a record and its
relations and rows in several steps; it asks for one
version after the last step (:func:`defer_history`, :func:`record_deferred_history`), so
an editor's save is one version, its sources and countries included.

Historical tables and fixture loads are an audit trail tied to this database's ids and
users: backups and dump comparisons leave them out (:func:`audit_model_labels`).
"""

import functools
import getpass
import os

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Subquery
from django.db.models.signals import pre_save
from django.utils import timezone
from django.utils.functional import cached_property
from simple_history import manager
from simple_history.models import HistoricalChanges, HistoricalRecords
from simple_history.signals import (
    post_create_historical_m2m_records,
    pre_create_historical_m2m_records,
)
from simple_history.utils import get_m2m_reverse_field_name

#: The reason on the version that records a record as it was before its first change.
BASELINE_REASON = "As it was before its first recorded change"
#: The reason on the version that records a record as a fixture load left it.
LOADED_REASON = "As a fixture load left it"
#: Versions that record a state found, not a change made.
FOUND_REASONS = (BASELINE_REASON, LOADED_REASON)


@functools.cache
def os_user():
    """The operating-system user running this process, or "unknown"."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no LOGNAME/USER (some containers)
        return os.environ.get("USER") or "unknown"


def history_enabled():
    return getattr(settings, "SIMPLE_HISTORY_ENABLED", True)


class HistoryDescriptor(manager.HistoryDescriptor):
    """simple-history's ``Model.history``, building its manager class once rather than on
    every access (which every save makes)."""

    @cached_property
    def manager_with_queryset(self):
        return self.manager_class.from_queryset(self.queryset_class)

    def __get__(self, instance, owner):
        return self.manager_with_queryset(self.model, instance)


class ArchiveHistory(HistoricalRecords):
    """simple-history's ``HistoricalRecords`` with the three rules of this module, and a
    reason of any length (the admin writes what a save changed there, inline rows too)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("history_change_reason_field", models.TextField(null=True))
        super().__init__(**kwargs)

    def create_history_model(self, model, inherited):
        history_model = super().create_history_model(model, inherited)
        # Importable from where it is defined (``archive.models.film.HistoricalFilm``), as
        # ``manage.py shell`` and pickling expect; simple-history names the app package.
        history_model.__module__ = self.module
        return history_model

    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        if sender is self.cls:
            sender._history_recorder = self
            pre_save.connect(self.pre_save, sender=sender, weak=False)
            history_model = getattr(sender, self.manager_name).model
            descriptor = HistoryDescriptor(
                history_model, manager=self.history_manager, queryset=self.historical_queryset
            )
            setattr(sender, self.manager_name, descriptor)

    def create_historical_record_m2ms(self, history_instance, instance):
        """simple-history's, reading the relations' ids only (it builds every related
        object, and the record's instance once per relation): a save records faster."""
        if getattr(instance, "_history_just_created", False):
            return
        for field in history_instance._history_m2m_fields:
            m2m_history_model = self.m2m_models[field]
            through = field.remote_field.through
            names = [f.attname for f in through._meta.fields]
            rows = through._default_manager.filter(**{field.m2m_field_name(): instance.pk})
            insert_rows = [
                m2m_history_model(history=history_instance, **dict(zip(names, row, strict=True)))
                for row in rows.values_list(*names)
            ]
            pre_create_historical_m2m_records.send(
                sender=m2m_history_model,
                rows=insert_rows,
                history_instance=history_instance,
                instance=instance,
                field=field,
            )
            created_rows = m2m_history_model.objects.bulk_create(insert_rows) if insert_rows else []
            post_create_historical_m2m_records.send(
                sender=m2m_history_model,
                created_rows=created_rows,
                history_instance=history_instance,
                instance=instance,
                field=field,
            )

    # A version per change --------------------------------------------------------------

    def pre_save(self, instance, raw=False, **kwargs):
        if not raw and not instance._state.adding:
            self.record_baseline(instance)

    def post_save(self, instance, created, using=None, **kwargs):
        if created:
            instance._history_baseline_checked = True  # a new record: no "before"
        if getattr(instance, "_history_deferred", False):
            return
        instance._history_just_created = created  # so no relations to read yet
        try:
            super().post_save(instance, created, using=using, **kwargs)
        finally:
            del instance._history_just_created

    def m2m_changed(self, instance, action, attr, pk_set, reverse, **kwargs):
        if reverse:
            # Changed from the other side (``source.films.add(film)``): the films changed.
            self._reverse_m2m_changed(action, pk_set)
            return
        if hasattr(instance, "skip_history_when_saving"):
            return
        if action in ("pre_add", "pre_remove", "pre_clear"):
            self.record_baseline(instance)
        if getattr(instance, "_history_deferred", False):
            return
        super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)

    def _reverse_m2m_changed(self, action, pk_set):
        if not history_enabled() or not pk_set:
            return  # a reverse clear() names no record: it is not recorded
        if action in ("pre_add", "pre_remove"):
            for record in self.cls._default_manager.filter(pk__in=pk_set):
                self.record_baseline(record)
        elif action in ("post_add", "post_remove"):
            for record in self.cls._default_manager.filter(pk__in=pk_set):
                self.create_historical_record(record, "~")

    def record_baseline(self, instance):
        """Record ``instance`` as the database holds it, before a change, if it has no
        version yet or a fixture load may have changed it since its latest version.

        Checked once per instance: after its first save or relation change in this
        process, this object's own changes are what its history holds.
        """
        if (
            not history_enabled()
            or hasattr(instance, "skip_history_when_saving")
            or getattr(instance, "_history_baseline_checked", False)
        ):
            return
        instance._history_baseline_checked = True
        model = type(instance)
        history = getattr(model, self.manager_name)
        loads = FixtureLoad.objects.filter(loaded_at__gt=OuterRef("history_date"))
        latest = (
            history.filter(**{model._meta.pk.attname: instance.pk})
            .annotate(load=Subquery(loads.order_by("-loaded_at").values("loaded_at")[:1]))
            .first()
        )
        if latest is None:
            reason, date = BASELINE_REASON, None
        elif latest.load is None:
            return
        else:
            reason, date = LOADED_REASON, latest.load
        before = model._base_manager.filter(pk=instance.pk).first()
        if before is None or (latest is not None and self.unchanged(latest, before)):
            return
        before._history_user = None
        before._history_date = date or getattr(before, "updated_at", None) or timezone.now()
        before._change_reason = reason
        self.create_historical_record(before, "~" if latest else "+")

    def unchanged(self, record, instance):
        """Whether ``instance`` (as stored) has the fields and relations of ``record``."""
        compared = [
            field
            for field in self.fields_included(type(instance))
            if field.editable or field.name == "version"  # not the derived and timestamps
        ]
        for field in compared:
            if getattr(record, field.attname) != getattr(instance, field.attname):
                return False
        for field in record._history_m2m_fields:
            target = f"{get_m2m_reverse_field_name(field)}_id"
            then = getattr(record, field.name).values_list(target, flat=True)
            now = getattr(instance, field.name).values_list("pk", flat=True)
            if set(then) != set(now):
                return False
        return True

    def get_change_reason_for_object(self, instance, history_type, using):
        reason = super().get_change_reason_for_object(instance, history_type, using)
        if reason or getattr(self.context, "request", None) is not None:
            return reason
        return f"Outside the admin (a command or script), OS user {os_user()}"


def defer_history(instance):
    """Record no version on the saves of ``instance`` until :func:`record_deferred_history`."""
    instance._history_deferred = True


def record_deferred_history(instance, history_type, reason=None):
    """Record the one version of the saves deferred by :func:`defer_history`."""
    if not getattr(instance, "_history_deferred", False):
        return
    del instance._history_deferred
    recorder = getattr(type(instance), "_history_recorder", None)
    if recorder is None or not history_enabled():
        return
    instance._change_reason = reason
    try:
        recorder.create_historical_record(instance, history_type)
    finally:
        del instance._change_reason


# Fixture loads ----------------------------------------------------------------------------


class FixtureLoad(models.Model):
    """One successful ``loaddata`` run: which files, how many records, when, by whom.

    A fixture load changes records without recording a version of each (it saves them
    raw); this row says that it happened. Written by ``archive``'s ``loaddata`` in the
    load's own transaction, so a load that fails leaves no row. Read-only in the admin.
    """

    files = models.TextField(help_text="The fixture files loaded, one per line.")
    fixture_count = models.PositiveIntegerField("files loaded")
    object_count = models.PositiveIntegerField(
        "records loaded", help_text="Records saved (added or overwritten) by the load."
    )
    loaded_at = models.DateTimeField(default=timezone.now, db_index=True)
    loaded_by = models.CharField(
        max_length=150, help_text="The operating-system user who ran the command."
    )

    class Meta:
        ordering = ["-loaded_at", "-pk"]

    def __str__(self):
        files = ", ".join(os.path.basename(path) for path in self.file_list) or "no file"
        return f"{files} ({self.object_count} records)"

    @property
    def file_list(self):
        return [line for line in self.files.splitlines() if line]


# Telling the audit trail apart from the archive's records ---------------------------------


def is_audit_model(model):
    """True for the historical models and :class:`FixtureLoad`: not archive records."""
    return issubclass(model, HistoricalChanges) or model is FixtureLoad


def audit_model_labels():
    """``app_label.ModelName`` of every audit model, for ``dumpdata --exclude``."""
    from django.apps import apps

    return sorted(
        model._meta.label
        for model in apps.get_app_config("archive").get_models()
        if is_audit_model(model)
    )
