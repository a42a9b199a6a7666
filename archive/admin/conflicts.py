"""No lost edits, on every change form of the admin (optimistic locking).

A change form carries the version of the record it was opened on (a hidden field,
``opened_version``): for films and people their ``version`` counter; for every other record
the id of its latest version in the edit history (0 when it has none yet). On saving,
inside the admin's transaction, the form locks the record's row (``SELECT ... FOR UPDATE``;
on SQLite the write transaction itself is the lock) and compares. When someone saved in
between, the save is refused: the form comes back with the editor's own entries and an
error that names who saved, when, and what they changed, old → new (the rows of the page
too: credits, titles, ...).

The refused form carries the version it was refused at (``confirmed_version``). Saving it
again is "save anyway": only the fields this editor changed since opening the form are
written (compared with the version they opened, from the edit history), so the other
editor's changes to the fields this editor left alone are kept; on a film's or a person's
page the same holds for each row (:class:`MergingRowFormMixin`).

A film's or a person's page edits its rows (credits, titles, figures, awards, adaptations)
too, so a row saved anywhere else, on its own page or on the page of its other record (a
credit from the person's page), counts as a save of its film and person
(:func:`touch_parents`): their version moves on, with a version in their history that says
which row changed, and a form of them opened before is refused.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.manager import SIMPLE_HISTORY_REVERSE_ATTR_NAME
from simple_history.utils import get_m2m_reverse_field_name

from ..models.base import VersionedModel
from ..models.history import FOUND_REASONS, history_m2m_fields
from .history import when, who, worded_changes

#: At most this many changed rows (credits, titles, ...) are listed in a conflict message.
CONFLICT_ROWS = 10

#: The form fields that carry the versions, not the record.
MARKER_FIELDS = ("opened_version", "confirmed_version")


def is_versioned(model):
    return issubclass(model, VersionedModel)


def history_of(model, pk):
    return model.history.filter(**{model._meta.pk.attname: pk})


def stored_version(model, pk, lock=False):
    """The record's version as stored now (see the module's docstring), None if deleted."""
    queryset = model._default_manager.filter(pk=pk)
    if lock:
        queryset = queryset.select_for_update()
    if is_versioned(model):
        return next(iter(queryset.values_list("version", flat=True)), None)
    if not list(queryset.values_list("pk", flat=True)):
        return None
    latest = history_of(model, pk).aggregate(latest=Max("history_id"))["latest"]
    return latest or 0


def version_record(model, pk, version):
    """The version of the edit history that a form opened on ``version`` showed, or None."""
    history = history_of(model, pk)
    if is_versioned(model):
        return history.filter(version=version).first()
    if version:
        return history.filter(history_id=version).first()
    # No history when opened: the first change records the record as it was first.
    first = history.order_by("history_date", "history_id").first()
    return first if first is not None and first.history_change_reason in FOUND_REASONS else None


def record_values(record, form):
    """The values ``form``'s fields had in the historical ``record``, as form initial data."""
    model = form._meta.model
    values = {}
    m2m = {field.name: field for field in history_m2m_fields(model)}
    for name in form.fields:
        if name in m2m:
            target = get_m2m_reverse_field_name(m2m[name])
            values[name] = list(getattr(record, name).values_list(f"{target}_id", flat=True))
            continue
        try:
            field = model._meta.get_field(name)
        except Exception:  # a form field that is not a model field
            continue
        if field.concrete and not field.many_to_many:
            values[name] = getattr(record, field.attname)
    return values


def keep_theirs(form, record):
    """Leave out of ``form.cleaned_data`` each field the editor did not change since
    ``record``: ModelForm writes only the fields its cleaned data holds, so the stored
    values (the other editor's) stay. Returns the names kept as the editor's."""
    base = record_values(record, form)
    mine = []
    for name in list(form.cleaned_data):
        if name in MARKER_FIELDS or name not in base:
            continue
        bound = form[name]
        if bound.field.has_changed(base[name], bound.data):
            mine.append(name)
        else:
            del form.cleaned_data[name]
    return mine


class StaleSaveFormMixin(forms.ModelForm):
    """The change form of every archive record: refuses a save over another editor's."""

    opened_version = forms.IntegerField(
        label=_("Opened version"), widget=forms.HiddenInput, required=False, min_value=0
    )
    confirmed_version = forms.IntegerField(
        label=_("Confirmed version"), widget=forms.HiddenInput, required=False, min_value=0
    )

    #: ``(model, foreign key name, label)`` of the rows edited on the same page, set by
    #: :meth:`StaleSaveAdminMixin.get_form`: their changes are listed in a conflict.
    related_parts = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        if instance.pk is None or instance._state.adding:
            return
        if is_versioned(type(instance)) and not self._is_past_version():
            self.fields["opened_version"].initial = instance.version
        else:
            # A past version to revert to replaces the version stored now.
            self.fields["opened_version"].initial = stored_version(type(instance), instance.pk)

    def _is_past_version(self):
        return getattr(self.instance, SIMPLE_HISTORY_REVERSE_ATTR_NAME, None) is not None

    def clean(self):
        cleaned_data = super().clean()
        instance = self.instance
        if instance.pk is None or instance._state.adding:
            return cleaned_data
        model = type(instance)
        stored = stored_version(model, instance.pk, lock=True)
        if stored is None:
            raise ValidationError(
                gettext("This record was deleted after you opened it: nothing was saved."),
                code="deleted",
            )
        opened = cleaned_data.get("opened_version")
        if opened is None:
            raise ValidationError(
                gettext(
                    "This form does not say which version of the record it was opened on: "
                    "reload the page and make your changes again."
                ),
                code="no_version",
            )
        if opened != stored:
            record = version_record(model, instance.pk, opened)
            if cleaned_data.get("confirmed_version") != stored:
                # Saving this form again means: save anyway, my changes over theirs.
                self.data = self.data.copy()
                self.data[self.add_prefix("confirmed_version")] = str(stored)
                raise ValidationError(
                    conflict_messages(instance, opened, stored, record, self.related_parts),
                    code="conflict",
                )
            if record is not None:
                keep_theirs(self, record)
                # The page's rows keep the other editor's changes the same way.
                instance._rows_opened_at = record.history_date
        if is_versioned(model):
            instance.version = stored  # save() counts on from the locked row
        return cleaned_data


class MergingRowFormMixin:
    """A row of a film's or person's page saved anyway (see the module's docstring): only
    the fields this editor changed are written. The row's version when the page was opened
    is its latest version at the date of the page's opened version: every row change
    counts as a change of its film and person (:func:`touch_parents`)."""

    def clean(self):
        cleaned_data = super().clean()
        parent = getattr(self, "parent_instance", None)
        opened_at = getattr(parent, "_rows_opened_at", None)
        if opened_at is None or self.instance.pk is None or self.instance._state.adding:
            return cleaned_data
        history = history_of(type(self.instance), self.instance.pk)
        record = history.filter(history_date__lte=opened_at).first()
        if record is None:
            record = history.order_by("history_date", "history_id").first()
            if record is None or record.history_change_reason not in FOUND_REASONS:
                return cleaned_data
        keep_theirs(self, record)
        return cleaned_data


class StaleSaveAdminMixin:
    """The admin side: the version fields on every change form, the page's rows in a
    conflict, and rows saved counted as saves of their film and person."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.related_parts = tuple(self.related_parts(request))
        return form

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        listed = {name for _, options in fieldsets for name in flatten(options["fields"])}
        missing = tuple(name for name in MARKER_FIELDS if name not in listed)
        if missing:
            fieldsets.append((None, {"fields": missing, "classes": ("archive-versions",)}))
        return fieldsets

    def related_parts(self, request):
        for inline in self.get_inline_instances(request):
            fk_name = inline.fk_name or next(
                field.name
                for field in inline.model._meta.fields
                if field.is_relation and field.related_model is self.model
            )
            yield inline.model, fk_name, capfirst(inline.verbose_name_plural)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        what = gettext("changed") if change else gettext("added")
        touch_parents(obj, request, what, before=form.initial)

    def delete_model(self, request, obj):
        touch_parents(obj, request, gettext("deleted"))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        deleted = gettext("deleted")
        for obj in queryset:
            touch_parents(obj, request, deleted)
        super().delete_queryset(request, queryset)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        # The reasons are stored in the language of the editor who saved, as the admin's own.
        page = {"record": form.instance}
        added = gettext("added on the page of %(record)s") % page
        changed = gettext("changed on the page of %(record)s") % page
        deleted = gettext("deleted on the page of %(record)s") % page
        for obj in formset.new_objects:
            touch_parents(obj, request, added, skip=form.instance)
        for obj, _fields in formset.changed_objects:
            touch_parents(obj, request, changed, skip=form.instance)
        for obj in formset.deleted_objects:
            touch_parents(obj, request, deleted, skip=form.instance)


def flatten(fields):
    for name in fields:
        if isinstance(name, list | tuple):
            yield from name
        else:
            yield name


def touch_parents(obj, request, what, before=None, skip=None):
    """Count a save of ``obj`` (a credit, title, figure, ...) as a save of each film and
    person it belongs to (before the change too, when it moved), except ``skip``, the
    record whose page saved it (its own save counts already)."""
    keys = set()
    for field in obj._meta.concrete_fields:
        if not (field.many_to_one and is_versioned(field.related_model)):
            continue
        for pk in (getattr(obj, field.attname), (before or {}).get(field.name)):
            if pk is None or (type(skip) is field.related_model and skip.pk == pk):
                continue
            keys.add((field.related_model, pk))
    if not keys:
        return
    reason = gettext("%(kind)s “%(record)s” %(what)s") % {
        "kind": capfirst(obj._meta.verbose_name),
        "record": obj,
        "what": what,
    }
    user = request.user if request.user.is_authenticated else None
    for model, pk in sorted(keys, key=lambda key: (key[0]._meta.label, key[1])):
        parent = model._default_manager.select_for_update().filter(pk=pk).first()
        if parent is None:
            continue
        # simple-history's documented attributes: who and why of the parent's version.
        parent._history_user = user
        parent._change_reason = reason
        parent.save(update_fields=["version", "updated_at"])


def conflict_messages(instance, opened, stored, opened_record, related_parts=()):
    """Why a save was refused: who saved since the version opened, when, what changed."""
    model = type(instance)
    name = model._meta.verbose_name
    history = history_of(model, instance.pk)
    latest = history.first()
    if opened_record is not None:
        later = history.filter(history_date__gt=opened_record.history_date)
        later = later.select_related("history_user").order_by("history_date", "history_id")
    else:
        later = [latest] if latest is not None else []
    savers = list(dict.fromkeys(who(record) for record in later))
    words = {
        "who": get_text_list(savers, gettext("and")) or gettext("someone else"),
        "kind": name,
        "when": when(latest.history_date) if latest else "",
        "opened": opened,
        "stored": stored,
    }
    if latest and is_versioned(model):
        head = gettext(
            "Not saved: %(who)s saved this %(kind)s at %(when)s after you opened it (you "
            "opened version %(opened)s; it is at version %(stored)s now)."
        )
    elif latest:
        head = gettext("Not saved: %(who)s saved this %(kind)s at %(when)s after you opened it.")
    elif is_versioned(model):
        head = gettext(
            "Not saved: %(who)s saved this %(kind)s after you opened it (you opened version "
            "%(opened)s; it is at version %(stored)s now)."
        )
    else:
        head = gettext("Not saved: %(who)s saved this %(kind)s after you opened it.")
    messages = [head % words]
    if opened_record is None or latest is None:
        messages.append(
            gettext(
                "Their changes cannot be listed: the version you opened is not in the edit "
                "history (a command or a fixture load changed the record). Saving again "
                "writes every field of this form."
            )
        )
    else:
        delta = latest.diff_against(opened_record, foreign_keys_are_objs=True)
        for label, old, new in worded_changes(model, delta):
            messages.append(f"{label}: {old} → {new}")
        messages += related_changes(instance, opened_record.history_date, related_parts)
        if len(messages) == 1:
            messages.append(gettext("They changed none of the fields on this page."))
    messages.append(
        gettext(
            "The form below still holds your entries. Save again to keep their changes and "
            "write only the fields you changed (yours win where you both changed one), or "
            "reload the page to start from theirs."
        )
    )
    return messages


def related_changes(instance, since, related_parts):
    """The rows of the page (credits, titles, ...) added, changed or deleted ``since``."""
    messages = []
    for model, fk_name, label in related_parts:
        records = history_of_rows(model, fk_name, instance.pk, since)
        for record in records[: CONFLICT_ROWS - len(messages)]:
            words = {"part": label, "row": record.history_object}
            if record.history_type == "+":
                messages.append(gettext("%(part)s: “%(row)s” added") % words)
            elif record.history_type == "-":
                messages.append(gettext("%(part)s: “%(row)s” deleted") % words)
            elif record.prev_record is not None:
                delta = record.diff_against(record.prev_record, foreign_keys_are_objs=True)
                changes = "; ".join(
                    f"{field} {old} → {new}" for field, old, new in worded_changes(model, delta)
                )
                words["changes"] = changes or gettext("no field")
                messages.append(gettext("%(part)s: “%(row)s” changed (%(changes)s)") % words)
        if len(messages) >= CONFLICT_ROWS:
            messages.append(gettext("… and more: see each record's history."))
            break
    return messages


def history_of_rows(model, fk_name, pk, since):
    return (
        model.history.filter(**{f"{fk_name}_id": pk, "history_date__gt": since})
        .exclude(history_change_reason__in=FOUND_REASONS)
        .order_by("history_date", "history_id")
    )
