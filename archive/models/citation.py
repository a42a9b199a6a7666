"""The sources of a film's own facts (release date, runtime, countries, ...), and the other
values that other sources give where they disagree.

The facts that are rows of their own (titles, credits, awards, remake links, figures,
notes, company credits) already carry ``sources``; the facts that are fields of the film
record get theirs here, one row per field. Why it is modelled this way is in
``docs/architecture.md`` ("Citations and conflicting sources").
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .base import choice_label
from .history import ArchiveHistory
from .reference import Source


class FilmFactManager(models.Manager):
    def get_by_natural_key(self, film, field, value):
        return self.get(film__slug=film, field=field, value=value)


class FilmFact(models.Model):
    """Who says what about one fact of a film.

    The ordinary case is one row with an empty ``value``: its sources vouch for the value
    the film's record holds (the one the page shows). Where sources disagree, each other
    value is one more row, with its own sources: the page shows it beside the preferred one
    as "other sources say …".
    """

    class Field(models.TextChoices):
        TITLE = "title", _("Title")
        STATUS = "status", _("Status")
        RELEASED = "released", _("Release date and year")
        RUNTIME = "runtime", _("Runtime")
        COUNTRIES = "countries", _("Countries")
        LANGUAGE = "original_language", _("Original language")
        GENRES = "genres", _("Genres")
        SUMMARY = "summary", _("Summary")
        BASED_ON = "based_on", _("Based on")
        CAST = "cast", _("Cast and billing order")
        ADAPTATION = "adaptation", _("Adapted from")
        BOX_OFFICE = "box_office", _("Box office")

    film = models.ForeignKey(
        "archive.Film", verbose_name=_("film"), on_delete=models.CASCADE, related_name="facts"
    )
    field = models.CharField(_("field"), max_length=20, choices=Field)
    value = models.CharField(
        _("other value"),
        max_length=300,
        blank=True,
        help_text=_(
            "Leave empty when these sources give the value the film's record holds. "
            "Where a source disagrees, write the value it gives here (e.g. 2020), with that "
            'source: the page shows it as "other sources say …".'
        ),
    )
    sources = models.ManyToManyField(
        Source, verbose_name=_("sources"), blank=True, related_name="film_facts"
    )
    note = models.CharField(
        _("note"),
        max_length=300,
        blank=True,
        help_text=_('e.g. "the year the remake was announced".'),
    )

    objects = FilmFactManager()
    history = ArchiveHistory(m2m_fields=["sources"])

    class Meta:
        ordering = ["film_id", "field", "value", "pk"]
        verbose_name = _("source of a fact")
        verbose_name_plural = _("sources of the film's facts")
        constraints = [
            models.UniqueConstraint(
                fields=["film", "field", "value"],
                name="film_fact_unique_value",
                violation_error_message=_("This film already has this value for this fact."),
            ),
            models.CheckConstraint(condition=~Q(field=""), name="film_fact_field_not_empty"),
        ]

    def __str__(self):
        label = choice_label(self.Field, self.field)
        return f"{label}: {self.value}" if self.value else label

    def get_absolute_url(self):
        return self.film.get_absolute_url()

    def natural_key(self):
        return (self.film.slug, self.field, self.value)

    natural_key.dependencies = ["archive.film"]

    @property
    def preferred(self):
        """Whether the row vouches for the record's own value (no other value given)."""
        return not self.value
