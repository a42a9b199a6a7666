"""Edit history and edit conflicts in the admin.

History (django-simple-history, see ``archive.models.history``): every record's page has a
"History" button. It lists the record's versions, newest first: when, who, how (what the
admin save changed, inline rows included, or the command that changed it) and, for each
version, the fields it changed, old → new. A version's date opens the record as it was
then, with its sources, countries and genres; "Revert" saves it back (an editor needs the
"change" permission, as for any edit; inline rows such as credits revert on their own
pages). Each admin save is ONE version, written after the record's relations and rows are
saved (:class:`ArchiveHistoryAdmin`).

No lost edits, on every change form: ``conflicts``.
"""

import json

from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import label_for_field, unquote
from django.core.exceptions import ValidationError
from django.db import router, transaction
from django.http import Http404
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.manager import SIMPLE_HISTORY_REVERSE_ATTR_NAME
from simple_history.template_utils import HistoricalRecordContextHelper
from simple_history.utils import get_m2m_reverse_field_name

from ..models import FixtureLoad
from ..models.history import (
    FOUND_REASONS,
    defer_history,
    history_m2m_fields,
    record_deferred_history,
)

#: The words of simple-history's history pages, which it ships in neither Korean nor Turkish:
#: marked here so the archive's catalogues carry them, and Django, which looks a message up
#: in LOCALE_PATHS before the apps' catalogues, shows them in the editor's language. They are
#: simple-history's own messages, word for word (test_admin_translations.py reads its pages).
SIMPLE_HISTORY_WORDS = (
    gettext_noop(
        "Choose a date from the list below to revert to a previous version of this object."
    ),
    gettext_noop("This object doesn't have a change history."),
    gettext_noop("View history: %s"),
    gettext_noop("Revert %s"),
    gettext_noop("View %(verbose_name)s"),
    gettext_noop("Revert %(verbose_name)s"),
    gettext_noop("Press the 'Revert' button below to revert to this version of the object."),
    gettext_noop("Revert"),
)

# Showing a change -------------------------------------------------------------------------


class ChangeWording(HistoricalRecordContextHelper):
    """A change as editors read it: labels of choices, names of related records, "empty"."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        value = super().prepare_delta_change_value(change, value)
        if isinstance(value, list):
            return ", ".join(str(item) for item in value) or gettext("(none)")
        if field.choices and not field.many_to_many:
            value = dict(field.flatchoices).get(value, value)
        if value is None or value == "":
            return gettext("(empty)")
        return value


def worded_changes(model, delta):
    """``[(label, old, new)]`` of a ``diff_against`` result in the model's field order, as
    plain text (the history page uses the same wording, escaped by simple-history)."""
    helper = ChangeWording(model, delta.new_record)
    shorten = helper.get_obj_diff_display().common_shorten_repr
    order = {field.name: index for index, field in enumerate(model._meta.get_fields())}
    worded = []
    for change in sorted(delta.changes, key=lambda change: order.get(change.field, 0)):
        old = helper.prepare_delta_change_value(change, change.old)
        new = helper.prepare_delta_change_value(change, change.new)
        label = capfirst(model._meta.get_field(change.field).verbose_name)
        worded.append((label, *shorten(str(old), str(new))))
    return worded


def when(moment):
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def who(record):
    user = record.history_user
    return user.get_username() if user is not None else gettext("a command or script")


# The admin --------------------------------------------------------------------------------


def found_or_404(key, value):
    """Http404 unless ``value`` from a URL can be a value of the primary key ``key``:
    simple-history's views would query with it, and a database refuses ``abc`` for an
    integer with an error (a 500), where an address that names nothing is a 404."""
    try:
        key.to_python(unquote(value))
    except ValidationError:
        raise Http404(f"No {key.model._meta.verbose_name} with the key {value!r}.") from None


class ArchiveHistoryAdmin(SimpleHistoryAdmin):
    """simple-history's admin: one version per save, worded changes, m2m-aware revert."""

    object_history_list_template = "admin/archive/object_history_list.html"
    history_list_per_page = 20  # each version diffs its relations against the one before

    def get_historical_record_context_helper(self, request, historical_record):
        return ChangeWording(self.model, historical_record)

    def save_model(self, request, obj, form, change):
        defer_history(obj)  # recorded by log_addition / log_change, after the relations
        super().save_model(request, obj, form, change)

    def log_addition(self, request, obj, message):
        record_deferred_history(obj, "+", self.history_reason(request, message))
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        record_deferred_history(obj, "~", self.history_reason(request, message))
        return super().log_change(request, obj, message)

    def history_reason(self, request, message):
        """What the save changed, as the admin's own log words it."""
        text = message if isinstance(message, str) else json.dumps(message)
        reason = LogEntry(change_message=text).get_change_message()
        match = request.resolver_match
        if match is not None and match.url_name.endswith("_simple_history"):
            reverted = self.model.history.filter(history_id=match.args[-1]).first()
            if reverted is not None:
                # Written in the editor's language, as the admin's own words after it.
                reverted_to = gettext("Reverted to the version of %(when)s.") % {
                    "when": when(reverted.history_date)
                }
                reason = f"{reverted_to} {reason}"
        return reason

    def history_view(self, request, object_id, extra_context=None):
        found_or_404(self.model._meta.pk, object_id)
        context = {
            # The extra columns' headings: the fields' names, in the editor's language.
            "history_list_headings": [
                label_for_field(name, self.model, self)
                for name in self.get_history_list_display(request)
            ],
            # The reasons recorded in English by the archive itself, translated when shown.
            "found_reasons": FOUND_REASONS,
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        found_or_404(self.model._meta.pk, object_id)
        found_or_404(self.model.history.model._meta.pk, version_id)
        # The revert saves like the change form: in one transaction (the edit-conflict
        # check locks the row in it).
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)


class RevertibleFormMixin:
    """A form opened on a past version (simple-history's revert page) shows that version's
    sources, countries and genres, not today's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        historic = getattr(self.instance, SIMPLE_HISTORY_REVERSE_ATTR_NAME, None)
        if historic is None:
            return
        for field in history_m2m_fields(type(self.instance)):
            if field.name in self.fields:
                target = get_m2m_reverse_field_name(field)
                rows = getattr(historic, field.name).values_list(f"{target}_id", flat=True)
                self.initial[field.name] = list(rows)


# Fixture loads ----------------------------------------------------------------------------


@admin.register(FixtureLoad)
class FixtureLoadAdmin(admin.ModelAdmin):
    """Each successful ``loaddata``, read-only: what was loaded, when and by whom."""

    list_display = ("loaded_at", "file_column", "object_count", "loaded_by")
    list_display_links = ("loaded_at",)
    ordering = ("-loaded_at", "-pk")
    fields = ("loaded_at", "files", "fixture_count", "object_count", "loaded_by")
    readonly_fields = fields

    @admin.display(description=_("files"))
    def file_column(self, load):
        return ", ".join(load.file_list)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
