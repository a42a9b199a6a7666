"""What every archive admin shares.

- Relations are chosen through autocomplete widgets (never a ``<select>`` of every row), and
  a widget labels the objects already selected from what the page's queryset loaded, so a
  film with 40 credits does not cost 40 queries (:class:`AutocompleteWidgetsMixin` chooses
  the widgets, ``autocomplete.PreloadedAutocompleteMixin``; ``forms.ArchiveForm`` preloads
  them).
- Every database constraint reaches the editor as a form error, inline rows included
  (``forms.ArchiveForm``, ``forms.ArchiveInlineFormSet``).
- A target admin may word its objects for the autocomplete (a film shows its year), through
  its own autocomplete URL (:meth:`ArchiveAdmin.autocomplete_label`).
- Every record has its edit history, compared and reverted from its "History" page; films
  and people refuse a save that would overwrite another editor's (``history``).
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import path
from django.utils.translation import gettext_lazy as _

from .. import standing
from ..text import fold
from .autocomplete import (
    ArchiveAutocompleteSelect,
    ArchiveAutocompleteSelectMultiple,
    CompactAutocompleteSelectMultiple,
    LabelledAutocompleteJsonView,
    registered_admin,
)
from .conflicts import MARKER_FIELDS, StaleSaveAdminMixin
from .forms import ArchiveChangeForm, ArchiveForm, ArchiveInlineFormSet, ArchiveRowForm
from .history import ArchiveHistoryAdmin
from .layout import RecordPageMixin
from .rows import (
    RowChoiceField,
    RowModelChoiceField,
    RowModelMultipleChoiceField,
    RowRelatedWidgetWrapper,
    RowSelect,
)


def film_label(film):
    """A film as editors tell it apart from its remakes: ``Miracle in Cell No. 7 (2013)``."""
    return f"{film.display_title} ({film.year or film.slug})"


# List filters -----------------------------------------------------------------------------


class UsedRelatedFieldListFilter(admin.RelatedFieldListFilter):
    """Only the related records that some row uses: the languages films are in, say.

    Django's RelatedOnlyFieldListFilter reads them with a DISTINCT over the whole listed
    table; here each related record (a few hundred languages or countries) asks EXISTS on
    the foreign key's index, which stays fast for a million films.
    """

    def field_choices(self, field, request, model_admin):
        ordering = self.field_admin_ordering(field, request, model_admin)
        used = model_admin.model._default_manager.filter(**{field.name: OuterRef("pk")})
        return field.get_choices(
            include_blank=False, limit_choices_to=Q(Exists(used)), ordering=ordering
        )


# Admin classes ----------------------------------------------------------------------------


class AutocompleteWidgetsMixin:
    """Use the preloading autocomplete widgets, worded by the target model's admin."""

    form = ArchiveForm
    # An address typed without a scheme is https (Django 6.0's default; no warning on 5.2).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    #: Inline rows: many-to-many pickers as a count that opens them, and the row fields
    #: (``rows``) that do once per page what every row does alike.
    compact_pickers = False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = ArchiveAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
            if self.compact_pickers:
                kwargs.setdefault("form_class", RowModelChoiceField)
        return self._labelled(
            db_field, super().formfield_for_foreignkey(db_field, request, **kwargs)
        )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            widget = (
                CompactAutocompleteSelectMultiple
                if self.compact_pickers
                else ArchiveAutocompleteSelectMultiple
            )
            kwargs["widget"] = widget(db_field, self.admin_site, using=kwargs.get("using"))
            if self.compact_pickers:
                kwargs.setdefault("form_class", RowModelMultipleChoiceField)
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        return self._labelled(db_field, formfield)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if self.compact_pickers and db_field.name not in self.radio_fields:
            kwargs.setdefault("widget", RowSelect)
            kwargs.setdefault("choices_form_class", RowChoiceField)
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if self.compact_pickers and isinstance(formfield, forms.Field):
            wrapper = formfield.widget
            if isinstance(wrapper, RelatedFieldWidgetWrapper):
                formfield.widget = RowRelatedWidgetWrapper(
                    wrapper.widget,
                    wrapper.rel,
                    wrapper.admin_site,
                    can_add_related=wrapper.can_add_related,
                )
        return formfield

    def _labelled(self, db_field, formfield):
        target = registered_admin(self.admin_site, db_field.related_model)
        label = getattr(target, "autocomplete_label", None)
        if formfield is not None and label is not None:
            formfield.label_from_instance = label
        return formfield


#: The last section of a versioned record's page (films, people): its timestamps, its version
#: and the versions the stale-save check compares, collapsed.
RECORD_FIELDSET = (
    _("Record"),
    {
        "fields": ("created_at", "updated_at", "version", *MARKER_FIELDS),
        "classes": ("collapse",),
    },
)


class ArchiveAdmin(
    RecordPageMixin, StaleSaveAdminMixin, AutocompleteWidgetsMixin, ArchiveHistoryAdmin
):
    """The base of every archive admin, with the record's edit history."""

    form = ArchiveChangeForm

    # Facet counts run one COUNT per filter choice over the whole table: not at this size.
    show_facets = admin.ShowFacets.NEVER

    #: Fold the search term (archive.text.fold) for ``search_fields`` on the folded columns,
    #: written with ``__contains``: a plain LIKE that PostgreSQL's trigram indexes serve.
    fold_search_term = False

    def autocomplete_label(self, obj):
        """How an object reads in another record's autocomplete (``str`` by default)."""
        return str(obj)

    @property
    def autocomplete_url_name(self):
        return f"{self.opts.app_label}_{self.opts.model_name}_autocomplete"

    def get_urls(self):
        view = LabelledAutocompleteJsonView.as_view(admin_site=self.admin_site)
        autocomplete = path(
            "autocomplete/", self.admin_site.admin_view(view), name=self.autocomplete_url_name
        )
        return [autocomplete, *super().get_urls()]

    def save_related(self, request, form, formsets, change):
        # The page's rows (credits, awards, remakes) change their films' and people's
        # standing: one refresh for all of them.
        with standing.batched():
            super().save_related(request, form, formsets, change)

    def delete_model(self, request, obj):
        with standing.batched():  # a film's credits and awards go with it
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with standing.batched():
            super().delete_queryset(request, queryset)

    def get_search_results(self, request, queryset, search_term):
        if self.fold_search_term:
            search_term = fold(search_term)
        return super().get_search_results(request, queryset, search_term)


class ArchiveInline(AutocompleteWidgetsMixin):
    """The base of every inline: no empty rows by default, no "view on site" per row."""

    form = ArchiveRowForm
    formset = ArchiveInlineFormSet
    extra = 0
    compact_pickers = True
    # Each part of a record opens on demand (Django shows a part with errors open).
    classes = ("collapse",)
    view_on_site = False

    #: The related objects the rows show, loaded once for all the rows (the autocomplete
    #: widgets take their labels from them).
    queryset_select_related = ()
    queryset_prefetch_related = ()

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if self.queryset_select_related:
            queryset = queryset.select_related(*self.queryset_select_related)
        if self.queryset_prefetch_related:
            queryset = queryset.prefetch_related(*self.queryset_prefetch_related)
        return queryset


class TabularInline(ArchiveInline, admin.TabularInline):
    #: Django's table of rows, drawn by Jinja2 (``rows.draw_inline``).
    template = "admin/archive/edit_inline/tabular.html"


class StackedInline(ArchiveInline, admin.StackedInline):
    #: Django's box of fields per row, drawn by Jinja2 (``rows.draw_inline``).
    template = "admin/archive/edit_inline/stacked.html"
