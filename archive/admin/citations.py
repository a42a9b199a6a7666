"""What the admin shows editors about sources: the sources of each fact of a film (a row per
fact, sources chosen with the autocomplete picker), a count of unsourced facts on the film
and person lists, a "has unsourced facts" filter, and a note on the form naming them."""

from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..models import Film, FilmFact
from ..sourcing import film_unsourced, missing_person_sources, missing_sources, person_unsourced
from .base import TabularInline


class FilmFactInline(TabularInline):
    model = FilmFact
    verbose_name_plural = _("sources of the film's facts (release date, runtime, countries, …)")
    fields = ("field", "value", "sources", "note")
    autocomplete_fields = ("sources",)
    ordering = ("field", "value", "pk")
    queryset_prefetch_related = ("sources",)


class UnsourcedFactsFilter(admin.SimpleListFilter):
    """Records whose page shows a fact that no source vouches for (the ``unsourced``
    annotation of :class:`SourcingAdminMixin`)."""

    title = _("sourcing")
    parameter_name = "unsourced"

    def lookups(self, request, model_admin):
        return (("yes", _("Has unsourced facts")), ("no", _("Every fact sourced")))

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(unsourced__gt=0)
        if self.value() == "no":
            return queryset.filter(unsourced=0)
        return queryset


class SourcingAdminMixin:
    """The count of unsourced facts as a column, and the note on the form that names them."""

    def get_queryset(self, request):
        unsourced = film_unsourced() if self.model is Film else person_unsourced()
        return super().get_queryset(request).annotate(unsourced=unsourced)

    @admin.display(description=_("unsourced facts"))
    def unsourced_column(self, obj):
        return obj.unsourced or "—"

    @admin.display(description=_("facts without a source"))
    def sourcing_note(self, obj):
        if obj is None or obj.pk is None:
            return gettext("Once saved, the facts of this record without a source are listed here.")
        missing = missing_sources(obj) if self.model is Film else missing_person_sources(obj)
        if not missing:
            return gettext("Every fact of this record names a source.")
        if self.model is Film:
            advice = gettext(
                "The public page marks these as unsourced: add a source to each with the picker "
                "in its row (the film's own fields: under Sources of the film's facts)."
            )
        else:
            advice = gettext(
                "The public page marks these as unsourced: add a source to each with the picker "
                "in its row."
            )
        return format_html(
            "<p>{}</p><ul>{}</ul>",
            advice,
            format_html_join("", "<li>{}</li>", ((label,) for label in missing)),
        )
