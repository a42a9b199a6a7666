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

Everything rests on simple-history's documented hooks: ``skip_history_when_saving``,
``_history_user``, ``_history_date`` and ``_change_reason`` on the instance saved, and
``get_change_reason_for_object``. The admin saves a record and its relations and rows in
several steps; it skips history on them and records one version after the last step
(:func:`defer_history`, :func:`record_deferred_history`), so an editor's save is one
version, its sources and countries included.

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
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from simple_history.models import HistoricalChanges, HistoricalRecords
from simple_history.utils import get_m2m_reverse_field_name

#: The reason on the version that records a record as it was before its first change. The
#: reasons are stored in English (the conflict check looks them up) and translated when an
#: editor reads them (``templates/admin/archive/object_history_list.html``).
BASELINE_REASON = gettext_noop("As it was before its first recorded change")
#: The reason on the version that records a record as a fixture load left it.
LOADED_REASON = gettext_noop("As a fixture load left it")
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


#: Each model's recorder (its ``history`` attribute), for the versions the admin records
#: itself (:func:`record_deferred_history`) and the relations a version holds.
RECORDERS = {}


def history_m2m_fields(model):
    """The many-to-many fields whose rows each version of ``model`` records."""
    recorder = RECORDERS.get(model)
    if recorder is None:
        return []
    return [model._meta.get_field(name) for name in recorder.m2m_fields]


class ArchiveHistory(HistoricalRecords):
    """simple-history's ``HistoricalRecords`` with the three rules of this module, and a
    reason of any length (the admin writes what a save changed there, inline rows too)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("history_change_reason_field", models.TextField(null=True))
        super().__init__(**kwargs)

    def contribute_to_class(self, cls, name):
        # Django's hook for an object set on a model class, which simple-history builds
        # on: the one place that knows both the model and its recorder.
        super().contribute_to_class(cls, name)
        RECORDERS[cls] = self
        pre_save.connect(self.pre_save, sender=cls, weak=False)

    # A version per change --------------------------------------------------------------

    def pre_save(self, instance, raw=False, **kwargs):
        if raw:
            return
        if instance._state.adding:
            instance._history_baseline_checked = True  # a new record: no "before"
        else:
            self.record_baseline(instance)

    def m2m_changed(self, instance, action, attr, pk_set, reverse, **kwargs):
        # simple-history records a relation changed from the other side
        # (``country.films.add(film)``) as a version of ``country`` with the film's
        # recorder; here the films that changed are recorded (tested by
        # ``test_a_change_made_from_the_other_side_of_a_relation_is_recorded_on_the_film``).
        if reverse:
            self.reverse_m2m_changed(action, pk_set)
            return
        if action in ("pre_add", "pre_remove", "pre_clear"):
            self.record_baseline(instance)
        super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)

    def reverse_m2m_changed(self, action, pk_set):
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
        # simple-history's documented attributes: who, when and why of the next version.
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
        for field in history_m2m_fields(type(instance)):
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
    """Record no version on the saves of ``instance`` (nor of its relations) until
    :func:`record_deferred_history`: through simple-history's ``skip_history_when_saving``,
    after recording the record as it was, which a later save could no longer see."""
    recorder = RECORDERS.get(type(instance))
    if recorder is not None and not instance._state.adding:
        recorder.record_baseline(instance)
    instance.skip_history_when_saving = True


def record_deferred_history(instance, history_type, reason=None):
    """Record the one version of the saves deferred by :func:`defer_history`."""
    if not hasattr(instance, "skip_history_when_saving"):
        return
    del instance.skip_history_when_saving
    recorder = RECORDERS.get(type(instance))
    if recorder is None or not history_enabled():
        return
    instance._change_reason = reason
    try:
        # simple-history records a version only from its own signal handlers; this is
        # the method they call (``test_adding_a_film_in_the_admin_records_one_version...``
        # and ``test_record_deferred_history_writes_one_version_with_its_relations`` fail
        # if it changes).
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

    files = models.TextField(_("files"), help_text=_("The fixture files loaded, one per line."))
    fixture_count = models.PositiveIntegerField(_("files loaded"))
    object_count = models.PositiveIntegerField(
        _("records loaded"), help_text=_("Records saved (added or overwritten) by the load.")
    )
    loaded_at = models.DateTimeField(_("loaded at"), default=timezone.now, db_index=True)
    loaded_by = models.CharField(
        _("loaded by"),
        max_length=150,
        help_text=_("The operating-system user who ran the command."),
    )

    class Meta:
        ordering = ["-loaded_at", "-pk"]
        verbose_name = _("fixture load")
        verbose_name_plural = _("fixture loads")

    def __str__(self):
        files = ", ".join(os.path.basename(path) for path in self.file_list) or "no file"
        return f"{files} ({self.object_count} records)"

    @property
    def file_list(self):
        return [line for line in self.files.splitlines() if line]


# Telling the audit trail apart from the archive's records ---------------------------------


def is_audit_model(model):
    """True for the historical models, :class:`FixtureLoad` and the search index's entries
    (derived from the records, rebuilt from them): not archive records, so not backed up,
    edited or versioned."""
    from .search import SearchEntry

    return issubclass(model, HistoricalChanges) or model in (FixtureLoad, SearchEntry)


def audit_model_labels():
    """``app_label.ModelName`` of every audit model, for ``dumpdata --exclude``."""
    from django.apps import apps

    return sorted(
        model._meta.label
        for model in apps.get_app_config("archive").get_models()
        if is_audit_model(model)
    )
