"""Films, edited on one page with every part that belongs to them, and those parts' own lists."""

import re

from django.contrib import admin, messages
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..models import (
    Adaptation,
    BoxOfficeFigure,
    CompanyCredit,
    ExternalLink,
    Film,
    FilmFact,
    FilmNote,
    FilmTitle,
)
from .adaptation import AdaptedFromInline, adaptation_list
from .award import FilmAwardInline
from .base import (
    RECORD_FIELDSET,
    ArchiveAdmin,
    TabularInline,
    UsedRelatedFieldListFilter,
    film_label,
)
from .citations import FilmFactInline, SourcingAdminMixin, UnsourcedFactsFilter
from .image import FilmImageInline
from .person import FilmRoleInline

#: "Miracle in Cell No. 7 2019" or "Miracle in Cell No. 7 (2019)": a title, then a year.
TITLE_AND_YEAR = re.compile(r"(?P<title>.*?)[\s(]+(?P<year>\d{4})\)?")


# Inlines on the film's page ---------------------------------------------------------------


class FilmTitleInline(TabularInline):
    model = FilmTitle
    verbose_name = _("title")
    verbose_name_plural = _("titles (every title in its own script)")
    fields = ("text", "kind", "language", "note", "sources")
    autocomplete_fields = ("language", "sources")
    ordering = ("kind", "text", "pk")
    queryset_select_related = ("language",)
    queryset_prefetch_related = ("sources",)

    def has_original_title(self, obj):
        return obj is not None and obj.titles.filter(kind=FilmTitle.Kind.ORIGINAL).exists()

    def get_extra(self, request, obj=None, **kwargs):
        return 0 if obj is not None and obj.titles.exists() else 1

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if not self.has_original_title(obj):
            # A film's first title is most often its original title, in its own script.
            formset.form.base_fields["kind"].initial = FilmTitle.Kind.ORIGINAL
        return formset


#: A box-office figure's fields, on its own page and as a row of its film's page.
FIGURE_FIELDS = (
    "film",
    "kind",
    "key",
    "qualifier",
    "value",
    "currency",
    "reported_on",
    "days_since_release",
    "note",
    "sources",
)


class BoxOfficeFigureInline(TabularInline):
    model = BoxOfficeFigure
    verbose_name_plural = _("box-office figures")
    fields = FIGURE_FIELDS[1:]  # the film is the page's
    autocomplete_fields = ("sources",)
    ordering = ("kind", "days_since_release", "reported_on", "key", "pk")
    queryset_prefetch_related = ("sources",)


class CompanyCreditInline(TabularInline):
    model = CompanyCredit
    verbose_name_plural = _("companies")
    fields = ("company", "kind", "note", "sources")
    autocomplete_fields = ("company", "sources")
    ordering = ("kind", "company__name", "pk")
    queryset_select_related = ("company",)
    queryset_prefetch_related = ("sources",)


class ExternalLinkInline(TabularInline):
    model = ExternalLink
    fields = ("site", "label", "url", "language")
    autocomplete_fields = ("language",)
    ordering = ("site", "label", "pk")
    queryset_select_related = ("language",)


class FilmNoteInline(TabularInline):
    model = FilmNote
    verbose_name_plural = _("notes (where sources disagree, caveats)")
    fields = ("kind", "topic", "text", "sources")
    autocomplete_fields = ("sources",)
    ordering = ("kind", "topic", "pk")
    queryset_prefetch_related = ("sources",)


# The film ---------------------------------------------------------------------------------


class AdaptationListFilter(admin.SimpleListFilter):
    """Source films and remakes: an EXISTS on the adaptation's foreign-key indexes."""

    title = _("adaptations")
    parameter_name = "adaptations"

    def lookups(self, request, model_admin):
        return (("has", _("Has adaptations")), ("is", _("Is an adaptation")))

    def queryset(self, request, queryset):
        if self.value() == "has":
            return queryset.filter(Exists(Adaptation.objects.filter(source=OuterRef("pk"))))
        if self.value() == "is":
            return queryset.filter(Exists(Adaptation.objects.filter(adaptation=OuterRef("pk"))))
        return queryset


@admin.register(Film)
class FilmAdmin(SourcingAdminMixin, ArchiveAdmin):
    history_list_display = ["version"]
    list_display = (
        "title_column",
        "year",
        "status",
        "original_language",
        "country_list",
        "unsourced_column",
        "updated_at",
    )
    list_display_links = ("title_column",)
    list_select_related = ("original_language",)
    list_filter = (
        "status",
        UnsourcedFactsFilter,
        AdaptationListFilter,
        ("original_language", UsedRelatedFieldListFilter),
        ("countries", UsedRelatedFieldListFilter),
        ("genres", UsedRelatedFieldListFilter),
    )
    search_fields = ("title_folded",)  # shows the search box; get_search_results searches
    search_help_text = _(
        "Any title in any script (7번방의 선물 works), or a character's name; "
        "add a year to narrow it: Miracle in Cell No. 7 2019."
    )
    ordering = ("-year", "title", "slug")  # leads with the (year, title) index
    sortable_by = ("title_column", "year", "updated_at")  # indexed columns only
    show_full_result_count = False
    prepopulated_fields = {"slug": ("title", "year")}
    autocomplete_fields = ("countries", "original_language", "genres", "sources")
    readonly_fields = ("created_at", "updated_at", "version", "sourcing_note", "adaptation_list")
    fieldsets = (
        (_("Identity"), {"fields": ("title", "slug", ("year", "release_date"), "status")}),
        (_("Production"), {"fields": ("runtime", "countries", "original_language", "genres")}),
        (_("Story"), {"fields": ("summary", "synopsis", "based_on"), "classes": ("collapse",)}),
        (
            _("Box office"),
            {
                "classes": ("collapse",),
                "fields": ("box_office_summary",),
                "description": _(
                    "The box-office story in words. Each figure (admissions, gross, budget) "
                    "goes under Box-office figures below, with its date."
                ),
            },
        ),
        (_("Sources"), {"fields": ("sourcing_note", "sources"), "classes": ("collapse",)}),
        (
            _("Remakes and adaptations of this film"),
            {
                "fields": ("adaptation_list",),
                "classes": ("collapse",),
                "description": _(
                    "A remake is linked from the remake's own page, under “Adapted from” "
                    "below: there it names this film as its source."
                ),
            },
        ),
        RECORD_FIELDSET,
    )
    inlines = (
        FilmFactInline,
        FilmTitleInline,
        FilmRoleInline,
        AdaptedFromInline,
        FilmAwardInline,
        BoxOfficeFigureInline,
        CompanyCreditInline,
        ExternalLinkInline,
        FilmNoteInline,
        FilmImageInline,
    )

    autocomplete_rank_field = "title_folded"
    fold_rank_term = True
    autocomplete_order = ("year",)  # the older film first: most often the source

    def autocomplete_label(self, film):
        return film_label(film)

    def autocomplete_result_label(self, film):
        """What tells remakes apart: ``Miracle in Cell No. 7 (2013, South Korea)``."""
        countries = ", ".join(str(country) for country in film.countries.all())
        year = film.year or film.slug
        return f"{film.display_title} ({year}{', ' + countries if countries else ''})"

    @admin.display(description=_("remakes and adaptations"))
    def adaptation_list(self, film):
        return adaptation_list(film)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not form.instance.titles.filter(kind=FilmTitle.Kind.ORIGINAL).exists():
            messages.warning(
                request,
                gettext(
                    "This film has no original title: add its title in its own script under "
                    "Titles, with the kind “Original title”."
                ),
            )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("countries")

    @admin.display(description=_("title"), ordering="title_folded")
    def title_column(self, film):
        return film.display_title

    @admin.display(description=_("countries"))
    def country_list(self, film):
        return ", ".join(
            str(country) for country in film.countries.all()
        )  # named in the editor's language

    def get_search_results(self, request, queryset, search_term):
        """Any title in any script, or a character (Film.objects.search); a year narrows."""
        term = search_term.strip()
        found = queryset.search(term)
        match = TITLE_AND_YEAR.fullmatch(term)
        if match and match["title"]:
            found |= queryset.filter(year=int(match["year"])).search(match["title"])
        return found, False


# The parts of a film, listed on their own -------------------------------------------------


class FilmPartAdmin(ArchiveAdmin):
    """A record that belongs to one film: newest first, found through its film's title."""

    ordering = ("-pk",)
    sortable_by = ()
    show_full_result_count = False

    @admin.display(description=_("film"))
    def film_column(self, obj):
        return film_label(obj.film)


@admin.register(FilmTitle)
class FilmTitleAdmin(FilmPartAdmin):
    list_display = ("text", "kind", "language", "note", "film_column")
    list_select_related = ("film", "language")
    list_filter = ("kind", ("language", UsedRelatedFieldListFilter))
    search_fields = ("folded__contains", "film__title_folded__contains")
    search_help_text = _("The title, in any script, or the film's display title.")
    fold_search_term = True
    autocomplete_fields = ("film", "language", "sources")
    fields = ("film", "text", "kind", "language", "note", "sources")


@admin.register(BoxOfficeFigure)
class BoxOfficeFigureAdmin(FilmPartAdmin):
    list_display = ("film_column", "kind", "key", "value_column", "reported_on")
    list_select_related = ("film",)
    list_filter = ("kind", "qualifier")
    search_fields = ("film__title_folded__contains", "key")
    search_help_text = _("The film's title or the figure's key (final, day-32).")
    fold_search_term = True
    autocomplete_fields = ("film", "sources")
    fields = FIGURE_FIELDS

    @admin.display(description=_("value"))
    def value_column(self, figure):
        return figure.value_display


@admin.register(CompanyCredit)
class CompanyCreditAdmin(FilmPartAdmin):
    list_display = ("company", "kind", "film_column", "note")
    list_select_related = ("company", "film")
    list_filter = ("kind",)
    search_fields = ("company__name", "film__title_folded__contains")
    fold_search_term = True
    autocomplete_fields = ("film", "company", "sources")
    fields = ("film", "company", "kind", "note", "sources")


@admin.register(ExternalLink)
class ExternalLinkAdmin(FilmPartAdmin):
    list_display = ("label", "site", "url", "language", "film_column")
    list_select_related = ("film", "language")
    list_filter = ("site",)
    search_fields = ("label", "url", "film__title_folded__contains")
    fold_search_term = True
    autocomplete_fields = ("film", "language")
    fields = ("film", "site", "label", "url", "language")


@admin.register(FilmNote)
class FilmNoteAdmin(FilmPartAdmin):
    list_display = ("topic", "kind", "film_column")
    list_select_related = ("film",)
    list_filter = ("kind",)
    search_fields = ("topic", "text", "film__title_folded__contains")
    fold_search_term = True
    autocomplete_fields = ("film", "sources")
    fields = ("film", "kind", "topic", "text", "sources")


@admin.register(FilmFact)
class FilmFactAdmin(FilmPartAdmin):
    list_display = ("film_column", "field", "value", "note")
    list_select_related = ("film",)
    list_filter = ("field",)
    search_fields = ("film__title_folded__contains", "value")
    search_help_text = _("The film's title, or the other value a source gives.")
    fold_search_term = True
    autocomplete_fields = ("film", "sources")
    fields = ("film", "field", "value", "sources", "note")
