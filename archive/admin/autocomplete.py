"""Choosing related records: autocomplete widgets that label what is selected without a
query per row, a compact count-and-picker for a row's sources, and the autocomplete
endpoint worded and ranked by the target model's admin."""

from django import forms
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.db import models
from django.db.models import Case, Value, When
from django.urls import reverse
from django.utils.translation import gettext

from ..text import fold
from .rows import CompactPickerMixin, SameForEveryRowMixin, SharedChoicesMixin


def registered_admin(admin_site, model):
    """The ModelAdmin of ``model`` on ``admin_site``, or None."""
    return admin_site.get_model_admin(model) if admin_site.is_registered(model) else None


# Widgets ----------------------------------------------------------------------------------


class PreloadedAutocompleteMixin(SameForEveryRowMixin):
    """Label the selected option(s) from objects the form hands over, without a query.

    Django's autocomplete widget runs one query per widget to label what is selected: on a
    film with 40 credits, 40 queries for the people and 40 for their sources. The form gives
    each widget the related objects that ``select_related``/``prefetch_related`` already
    loaded (see :class:`ArchiveForm`); anything else falls back to Django's own query.
    """

    preloaded = None

    def preload(self, objects):
        attname = self._to_field_attname()
        self.preloaded = {str(getattr(obj, attname)): obj for obj in objects}

    def _to_field_attname(self):
        opts = self.field.remote_field.model._meta
        name = getattr(self.field.remote_field, "field_name", opts.pk.attname)
        return opts.get_field(name).attname

    def get_url(self):
        return self.for_every_row("url", self.autocomplete_url)

    def autocomplete_url(self):
        target = registered_admin(self.admin_site, self.field.remote_field.model)
        url_name = getattr(target, "autocomplete_url_name", None)
        if url_name:
            return reverse(f"{self.admin_site.name}:{url_name}")
        return super().get_url()

    def optgroups(self, name, value, attr=None):
        empty = self.choices.field.empty_values
        selected = list(dict.fromkeys(str(v) for v in value if str(v) not in empty))
        preloaded = self.preloaded or {}
        if not set(selected) <= preloaded.keys():
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required and not self.allow_multiple_selected:
            options.append(self.create_option(name, "", "", False, 0))
        label = self.choices.field.label_from_instance
        attname = self._to_field_attname()
        for key in selected:  # none in an empty row: no query to build either
            obj = preloaded[key]
            option = self.create_option(name, getattr(obj, attname), label(obj), True, len(options))
            options.append(option)
        return [(None, options, 0)]


class ArchiveAutocompleteSelect(PreloadedAutocompleteMixin, AutocompleteSelect):
    pass


class ArchiveAutocompleteSelectMultiple(PreloadedAutocompleteMixin, AutocompleteSelectMultiple):
    pass


class CompactAutocompleteSelectMultiple(CompactPickerMixin, ArchiveAutocompleteSelectMultiple):
    pass


class LabelledAutocompleteJsonView(AutocompleteJsonView):
    """Django's autocomplete endpoint, worded by the target admin (``autocomplete_label``,
    or ``autocomplete_result_label`` for what tells results apart), exact and prefix
    matches first (``autocomplete_rank_field``)."""

    def get_queryset(self):
        queryset = super().get_queryset()
        field = getattr(self.model_admin, "autocomplete_rank_field", None)
        term = self.term.strip()
        if field is None or not term:
            return queryset
        if getattr(self.model_admin, "fold_rank_term", False):
            term, lookup = fold(term), ""
        else:
            lookup = "i"
        rank = Case(
            When(**{f"{field}__{lookup}exact": term}, then=Value(0)),
            When(**{f"{field}__{lookup}startswith": term}, then=Value(1)),
            default=Value(2),
        )
        order = [*getattr(self.model_admin, "autocomplete_order", ()), *queryset.query.order_by]
        return queryset.order_by(rank, *order)

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        label = getattr(self.model_admin, "autocomplete_result_label", None) or getattr(
            self.model_admin, "autocomplete_label", None
        )
        if label is not None:
            result["text"] = label(obj)
        return result


# A new record typed into a row --------------------------------------------------------------

#: The value a picker sends for a record to create: ``new:`` and the name typed.
NEW_PREFIX = "new:"


class NewRecordAutocompleteSelect(ArchiveAutocompleteSelect):
    """A picker that also offers the name typed as a new record (select2's tags, with
    ``static/archive/admin-new-record.js``): "New person: Kim Nam-gil"."""

    def new_label(self):
        """ "New person", worded once for all the rows of a page."""
        return self.for_every_row(
            "new_label",
            lambda: (
                gettext("New %(model)s")
                % {"model": self.field.remote_field.model._meta.verbose_name}
            ),
        )

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        attrs.update({"data-tags": "true", "data-new-label": self.new_label()})
        return attrs

    def optgroups(self, name, value, attr=None):
        new = [v for v in value if isinstance(v, str) and v.startswith(NEW_PREFIX)]
        if not new:
            return super().optgroups(name, value, attr)
        text = new[0][len(NEW_PREFIX) :]
        option = self.create_option(name, new[0], f"{self.new_label()}: {text}", True, 0)
        return [(None, [option], 0)]

    @property
    def media(self):
        return super().media + forms.Media(js=["archive/admin-new-record.js"])


class NewRecordChoiceField(SharedChoicesMixin, forms.ModelChoiceField):
    """A related record, or a new one named by what was typed (``new:Name``): the new
    record is built, not saved; the row's form saves it with the row."""

    def to_python(self, value):
        if isinstance(value, str) and value.startswith(NEW_PREFIX):
            name = value[len(NEW_PREFIX) :].strip()
            if not name:
                raise forms.ValidationError(gettext("Type the new record's name."), code="required")
            return self.queryset.model(name=name)
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, models.Model) and value.pk is None:
            return f"{NEW_PREFIX}{value}"
        return super().prepare_value(value)
