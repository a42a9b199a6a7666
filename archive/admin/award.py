"""Award ceremonies, and the awards and nominations given at them."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..models import Award, Ceremony
from .base import ArchiveAdmin, TabularInline, UsedRelatedFieldListFilter, film_label

AWARD_FIELDS = ("ceremony", "edition", "year", "category", "result")


class FilmAwardInline(TabularInline):
    """A film's awards, on the film's page."""

    model = Award
    fk_name = "film"
    verbose_name = _("award or nomination")
    verbose_name_plural = _("awards and nominations")
    fields = (*AWARD_FIELDS, "person", "note", "sources")
    autocomplete_fields = ("ceremony", "person", "sources")
    ordering = ("year", "ceremony__name", "category", "pk")
    queryset_select_related = ("ceremony", "person")
    queryset_prefetch_related = ("sources",)


class PersonAwardInline(TabularInline):
    """A person's awards, on the person's page."""

    model = Award
    fk_name = "person"
    verbose_name = _("award or nomination")
    verbose_name_plural = _("awards and nominations")
    fields = (*AWARD_FIELDS, "film", "note", "sources")
    autocomplete_fields = ("ceremony", "film", "sources")
    ordering = ("year", "ceremony__name", "category", "pk")
    queryset_select_related = ("ceremony", "film")
    queryset_prefetch_related = ("sources",)


@admin.register(Ceremony)
class CeremonyAdmin(ArchiveAdmin):
    autocomplete_rank_field = "name"
    list_display = ("name", "country", "slug")
    list_select_related = ("country",)
    list_filter = (("country", UsedRelatedFieldListFilter),)
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("country",)
    ordering = ("name",)  # unique, so indexed


@admin.register(Award)
class AwardAdmin(ArchiveAdmin):
    list_display = ("category", "year", "ceremony", "result", "film_column", "person")
    list_select_related = ("ceremony", "film", "person")
    list_filter = ("result", ("ceremony", UsedRelatedFieldListFilter))
    search_fields = (
        "category",
        "ceremony__name",
        "film__title_folded__contains",
        "person__names_folded__contains",
    )
    search_help_text = _("A category, a ceremony, a film title or a person's name.")
    fold_search_term = True
    ordering = ("-pk",)
    sortable_by = ()
    show_full_result_count = False
    autocomplete_fields = ("ceremony", "film", "person", "sources")
    fieldsets = (
        (None, {"fields": AWARD_FIELDS}),
        (_("Given to"), {"fields": ("film", "person", "note")}),
        (_("Sources"), {"fields": ("sources",)}),
    )

    @admin.display(description=_("film"))
    def film_column(self, award):
        return film_label(award.film)
