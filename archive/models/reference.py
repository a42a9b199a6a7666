"""Reference records: countries, languages, genres, companies and sources."""

from django.core.validators import RegexValidator
from django.db import models
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


class Genre(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(
        _("slug"), max_length=100, unique=True, validators=[validate_lowercase_slug]
    )

    objects = SlugManager()
    history = ArchiveHistory()

    class Meta:
        ordering = ["name", "slug"]
        verbose_name = _("genre")
        verbose_name_plural = _("genres")
        constraints = [lowercase_slug("genre")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("archive:film-list") + f"?genre={self.slug}"

    def natural_key(self):
        return (self.slug,)


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
