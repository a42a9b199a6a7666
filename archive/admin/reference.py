"""Reference records: countries, languages, genres, companies and sources.

Small tables, but every one is an autocomplete target, so each has ``search_fields``.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..models import Company, Country, Genre, GenreName, Language, Source
from .base import ArchiveAdmin, TabularInline, UsedRelatedFieldListFilter


@admin.register(Country)
class CountryAdmin(ArchiveAdmin):
    autocomplete_rank_field = "name"
    list_display = ("name", "code")
    search_fields = ("name", "=code")
    search_help_text = _("A country's name, or its exact ISO code (KR).")
    ordering = ("name", "code")  # some 250 rows, all created by a migration


@admin.register(Language)
class LanguageAdmin(ArchiveAdmin):
    autocomplete_rank_field = "name"
    list_display = ("name", "code")
    search_fields = ("name", "=code")
    search_help_text = _("A language's name, or its exact ISO code (ko).")
    ordering = ("name", "code")  # some 190 rows, all created by a migration


class GenreNameInline(TabularInline):
    """The genre's names in other languages: CLDR names no genres, so the public pages of
    each language show these (the genre's own name where a language has none)."""

    model = GenreName
    verbose_name = "name in another language"
    verbose_name_plural = "names in other languages (the public pages in that language show them)"
    fields = ("language", "name")
    autocomplete_fields = ("language",)
    ordering = ("language__name", "pk")
    queryset_select_related = ("language",)
    classes = ()  # a genre's page has little else: open


@admin.register(Genre)
class GenreAdmin(ArchiveAdmin):
    autocomplete_rank_field = "name"
    list_display = ("name", "slug", "other_names")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    ordering = ("name",)  # unique, so indexed
    inlines = (GenreNameInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("names")

    @admin.display(description="names in other languages")
    def other_names(self, genre):
        return ", ".join(name.name for name in genre.names.all()) or "—"


@admin.register(GenreName)
class GenreNameAdmin(ArchiveAdmin):
    """Every genre's names in other languages, to see which language lacks one."""

    list_display = ("name", "genre", "language")
    list_select_related = ("genre", "language")
    list_filter = (("language", UsedRelatedFieldListFilter),)
    search_fields = ("name", "genre__name", "genre__slug")
    autocomplete_fields = ("genre", "language")
    fields = ("genre", "language", "name")
    ordering = ("genre__name", "language__name", "pk")


@admin.register(Company)
class CompanyAdmin(ArchiveAdmin):
    autocomplete_rank_field = "name"
    list_display = ("name", "country", "slug")
    list_select_related = ("country",)
    list_filter = (("country", UsedRelatedFieldListFilter),)
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("country",)
    ordering = ("slug",)  # the unique index; alphabetical like the name


@admin.register(Source)
class SourceAdmin(ArchiveAdmin):
    autocomplete_rank_field = "title"
    list_display = ("title", "publisher", "published_on", "key")
    list_filter = (("url", admin.EmptyFieldListFilter),)
    search_fields = ("title", "key", "publisher", "url")
    prepopulated_fields = {"key": ("title",)}
    ordering = ("key",)  # the unique index
    fieldsets = (
        (None, {"fields": ("title", "key", "url", "publisher", "published_on")}),
        (_("Trust"), {"fields": ("note",)}),
    )
