"""Reference records: countries, languages, genres, companies and sources.

Small tables, but every one is an autocomplete target, so each has ``search_fields``.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..models import Company, Country, Genre, Language, Source
from .base import ArchiveAdmin, UsedRelatedFieldListFilter


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


@admin.register(Genre)
class GenreAdmin(ArchiveAdmin):
    autocomplete_rank_field = "name"
    list_display = ("name", "slug")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    ordering = ("name",)  # unique, so indexed


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
