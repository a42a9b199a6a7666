"""Reference records: countries, languages, genres, companies and sources."""

import functools

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .. import names
from .base import (
    CodeManager,
    KeyManager,
    SlugManager,
    lowercase_slug,
    validate_lowercase_slug,
)
from .history import ArchiveHistory


class Country(models.Model):
    """A country by its ISO 3166-1 alpha-2 code; every code is created by a migration."""

    code = models.CharField(
        _("code"),
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Two capital letters, e.g. KR."))],
        help_text=_("ISO 3166-1 alpha-2, e.g. KR."),
    )
    name = models.CharField(_("name"), max_length=100)

    objects = CodeManager()
    history = ArchiveHistory()

    class Meta:
        ordering = ["name", "code"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        """The country's name in the active language (archive/names.py)."""
        return names.country_name(self.code, self.name)

    def natural_key(self):
        return (self.code,)


class Language(models.Model):
    """A language by its ISO 639-1 code (ISO 639-2 where 639-1 has none, as Filipino "fil")."""

    code = models.CharField(
        _("code"),
        max_length=3,
        unique=True,
        validators=[RegexValidator(r"^[a-z]{2,3}$", _("Two or three small letters, e.g. ko."))],
        help_text=_("ISO 639-1, e.g. ko; ISO 639-2 where none exists."),
    )
    name = models.CharField(_("name"), max_length=100)

    objects = CodeManager()
    history = ArchiveHistory()

    class Meta:
        ordering = ["name", "code"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        """The language's name in the active language (archive/names.py)."""
        return names.language_name(self.code, self.name)

    def natural_key(self):
        return (self.code,)


def local_genre_name(genre, name=None):
    """A genre's name in the visitor's language, for ``values()`` and ``annotate()``: its
    ``GenreName`` in that language where the archive has one, else its own name. ``genre``
    is the field that points at the genre (``"pk"`` on the genre itself, ``"genre"`` on the
    films' link table), ``name`` the field of its own name (by default ``<genre>__name``).
    In the default language that field's name, with no look-up."""
    name = name or f"{genre}__name"
    language = names.visitor_language()
    if language is None:
        return name
    return _translated_name(genre, name, names.record_language_code(language))


@functools.lru_cache(maxsize=32)
def _translated_name(genre, name, code):
    # Built once per language and place: a query resolves a copy of an expression and
    # leaves it as it was, so pages share it (as filters.CEREMONY_NAME is shared).
    translated = GenreName.objects.filter(genre=OuterRef(genre), language__code=code)
    return Coalesce(Subquery(translated.values("name")[:1]), F(name))


class GenreQuerySet(models.QuerySet):
    def named(self):
        """The genres with their names in the visitor's language (what ``str()`` gives):
        in the same query, as a sub-query per genre."""
        name = local_genre_name("pk", "name")
        return self if isinstance(name, str) else self.annotate(shown_name=name)


class GenreManager(SlugManager.from_queryset(GenreQuerySet)):
    pass


class Genre(models.Model):
    """A genre. CLDR names no genres: their names in other languages are the archive's own
    records (``GenreName``), which editors keep on the genre's page."""

    name = models.CharField(
        _("name"), max_length=100, unique=True, help_text=_("The genre's name in English.")
    )
    slug = models.SlugField(
        _("slug"), max_length=100, unique=True, validators=[validate_lowercase_slug]
    )

    objects = GenreManager()
    history = ArchiveHistory()

    class Meta:
        ordering = ["name", "slug"]
        verbose_name = _("genre")
        verbose_name_plural = _("genres")
        constraints = [lowercase_slug("genre")]

    def __str__(self):
        """The genre's name in the visitor's language when it was read with its names
        (``Genre.objects.named()``), else its own name."""
        return getattr(self, "shown_name", None) or self.name

    def get_absolute_url(self):
        return reverse("archive:film-list") + f"?genre={self.slug}"

    def natural_key(self):
        return (self.slug,)


class GenreName(models.Model):
    """A genre's name in another language than English: what the public pages of that
    language call the genre ("드라마", "Dram"). The genre's own name serves English and
    every language without one."""

    genre = models.ForeignKey(
        Genre, on_delete=models.CASCADE, related_name="names", verbose_name=_("genre")
    )
    language = models.ForeignKey(
        Language, on_delete=models.PROTECT, related_name="genre_names", verbose_name=_("language")
    )
    name = models.CharField(
        _("name"), max_length=100, help_text=_("The genre's name in this language.")
    )

    class Manager(models.Manager):
        def get_by_natural_key(self, genre, language):
            return self.get(genre__slug=genre, language__code=language)

    objects = Manager()
    history = ArchiveHistory()

    class Meta:
        verbose_name = _("genre name")
        verbose_name_plural = _("genre names")
        ordering = ["genre_id", "language_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["genre", "language"],
                name="genre_name_unique",
                violation_error_message=_("This genre already has a name in this language."),
            ),
            models.CheckConstraint(condition=~Q(name=""), name="genre_name_not_empty"),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (*self.genre.natural_key(), *self.language.natural_key())

    natural_key.dependencies = ["archive.genre", "archive.language"]


class Company(models.Model):
    """A production company, studio or distributor."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, validators=[validate_lowercase_slug]
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="companies",
    )

    objects = SlugManager()
    history = ArchiveHistory()

    class Meta:
        ordering = ["name", "slug"]
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        constraints = [lowercase_slug("company")]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class Source(models.Model):
    """Where a fact came from: an article, a page or a book. Facts point at their sources."""

    key = models.SlugField(
        _("key"),
        max_length=100,
        unique=True,
        help_text=_("A short name that stays put, e.g. wikipedia-miracle-in-cell-no-7."),
    )
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(
        _("url"), max_length=500, blank=True, help_text=_("Leave empty for print sources.")
    )
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    note = models.TextField(
        _("note"), blank=True, help_text=_("How far this source can be trusted, and why.")
    )

    objects = KeyManager()
    history = ArchiveHistory()

    class Meta:
        ordering = ["title", "key"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.key,)
