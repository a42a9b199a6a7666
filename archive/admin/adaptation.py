"""Remakes and other adaptations, edited from either film of the pair."""

from django.contrib import admin

from ..models import Adaptation
from .base import ArchiveAdmin, TabularInline, film_label


class AdaptationsOfThisFilmInline(TabularInline):
    """On a film's page: the films made from it."""

    model = Adaptation
    fk_name = "source"
    verbose_name = "adaptation of this film"
    verbose_name_plural = "adaptations of this film"
    fields = ("adaptation", "kind", "note", "sources")
    autocomplete_fields = ("adaptation", "sources")
    ordering = ("adaptation__year", "adaptation__title", "pk")
    queryset_select_related = ("adaptation",)
    queryset_prefetch_related = ("sources",)


class AdaptedFromInline(TabularInline):
    """On a film's page: the films it was made from."""

    model = Adaptation
    fk_name = "adaptation"
    verbose_name = "film it is adapted from"
    verbose_name_plural = "adapted from"
    fields = ("source", "kind", "note", "sources")
    autocomplete_fields = ("source", "sources")
    ordering = ("source__year", "source__title", "pk")
    queryset_select_related = ("source",)
    queryset_prefetch_related = ("sources",)


@admin.register(Adaptation)
class AdaptationAdmin(ArchiveAdmin):
    list_display = ("adaptation_column", "kind", "source_column")
    list_display_links = ("adaptation_column",)
    list_select_related = ("source", "adaptation")
    list_filter = ("kind",)
    search_fields = ("adaptation__title_folded__contains", "source__title_folded__contains")
    search_help_text = "The title of either film."
    fold_search_term = True
    ordering = ("-pk",)
    sortable_by = ()
    show_full_result_count = False
    autocomplete_fields = ("source", "adaptation", "sources")
    fields = ("source", "adaptation", "kind", "note", "sources")

    @admin.display(description="adaptation")
    def adaptation_column(self, adaptation):
        return film_label(adaptation.adaptation)

    @admin.display(description="adapted from")
    def source_column(self, adaptation):
        return film_label(adaptation.source)
