"""Remakes and other adaptations, edited from either film of the pair."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from ..models import Adaptation
from .base import ArchiveAdmin, TabularInline, film_label


def adaptation_list(film):
    """The films made from ``film``, as links to their own pages, where each is linked."""
    adaptations = film.adaptations.select_related("adaptation").order_by(
        "adaptation__year", "adaptation__title", "pk"
    )
    rows = format_html_join(
        "",
        '<li><a href="{}">{}</a>: {}</li>',
        (
            (
                reverse("admin:archive_film_change", args=[row.adaptation_id]),
                film_label(row.adaptation),
                row.get_kind_display(),
            )
            for row in adaptations
        ),
    )
    if not rows:
        return gettext("None yet.")
    return format_html('<ul class="adaptation-list">{}</ul>', rows)


class AdaptedFromInline(TabularInline):
    """On a film's page: the films it was made from. The one place to link a remake: on the
    remake's page (the source film's page lists its remakes, read-only)."""

    model = Adaptation
    fk_name = "adaptation"
    verbose_name = _("film it is adapted from")
    verbose_name_plural = _("adapted from (link a remake here, on the remake's page)")
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
    search_help_text = _("The title of either film.")
    fold_search_term = True
    ordering = ("-pk",)
    sortable_by = ()
    show_full_result_count = False
    autocomplete_fields = ("source", "adaptation", "sources")
    fields = ("source", "adaptation", "kind", "note", "sources")

    @admin.display(description=pgettext_lazy("the film made from another", "adaptation"))
    def adaptation_column(self, adaptation):
        return film_label(adaptation.adaptation)

    @admin.display(description=_("adapted from"))
    def source_column(self, adaptation):
        return film_label(adaptation.source)
