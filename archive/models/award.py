"""Award ceremonies and the awards and nominations given at them."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import (
    YEAR_MAX,
    YEAR_MIN,
    SlugManager,
    lowercase_slug,
    validate_lowercase_slug,
    year_range_message,
)
from .history import ArchiveHistory
from .reference import Country, Source


class Ceremony(models.Model):
    name = models.CharField(
        _("name"), max_length=200, unique=True, help_text=_("e.g. Baeksang Arts Awards.")
    )
    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, validators=[validate_lowercase_slug]
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ceremonies",
    )

    objects = SlugManager()
    history = ArchiveHistory()

    class Meta:
        ordering = ["name", "slug"]
        verbose_name = _("ceremony")
        verbose_name_plural = _("ceremonies")
        constraints = [lowercase_slug("ceremony")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("archive:award-list") + f"?ceremony={self.slug}"

    def natural_key(self):
        return (self.slug,)


class AwardManager(models.Manager):
    def get_by_natural_key(self, ceremony, year, category, film, person):
        who = {"person__slug": person} if person else {"person__isnull": True}
        return self.get(
            ceremony__slug=ceremony, year=year, category=category, film__slug=film, **who
        )


class Award(models.Model):
    """One award or nomination: a ceremony's category, for a film and perhaps a person."""

    class Result(models.TextChoices):
        WON = "won", _("Won")
        NOMINATED = "nominated", _("Nominated")

    ceremony = models.ForeignKey(
        Ceremony, verbose_name=_("ceremony"), on_delete=models.PROTECT, related_name="awards"
    )
    edition = models.PositiveSmallIntegerField(
        _("edition"),
        null=True,
        blank=True,
        help_text=_("The ceremony's number, e.g. 49 for the 49th."),
    )
    year = models.PositiveSmallIntegerField(_("year"), help_text=_("The year of the ceremony."))
    category = models.CharField(_("category"), max_length=200, help_text=_("e.g. Best Actor."))
    result = models.CharField(_("result"), max_length=10, choices=Result)
    film = models.ForeignKey(
        "archive.Film", verbose_name=_("film"), on_delete=models.CASCADE, related_name="awards"
    )
    person = models.ForeignKey(
        "archive.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="awards",
        help_text=_("Empty when the award went to the film itself."),
    )
    note = models.CharField(
        _("note"), max_length=300, blank=True, help_text=_('e.g. "Shared with Song Kang-ho".')
    )
    sources = models.ManyToManyField(
        Source, verbose_name=_("sources"), blank=True, related_name="awards"
    )

    objects = AwardManager()
    history = ArchiveHistory(m2m_fields=["sources"])

    class Meta:
        ordering = ["-year", "ceremony__name", "category", "pk"]
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=YEAR_MIN, year__lte=YEAR_MAX),
                name="award_year_in_range",
                violation_error_message=year_range_message(),
            ),
            models.CheckConstraint(
                condition=Q(edition__isnull=True) | Q(edition__gte=1),
                name="award_edition_from_one",
                violation_error_message=_("The edition starts at 1."),
            ),
            models.UniqueConstraint(
                fields=["ceremony", "year", "category", "film", "person"],
                condition=Q(person__isnull=False),
                name="award_unique_person",
                violation_error_message=_("This person already has this award for this film."),
            ),
            models.UniqueConstraint(
                fields=["ceremony", "year", "category", "film"],
                condition=Q(person__isnull=True),
                name="award_unique_film",
                violation_error_message=_("This film already has this award."),
            ),
        ]
        indexes = [
            models.Index(fields=["ceremony", "year"], name="award_ceremony_year"),
            models.Index(fields=["result", "year"], name="award_result_year"),
            # The awards list's sorts: by year (then ceremony and category within a year,
            # sorted per year) and by category.
            models.Index(fields=["-year"], name="award_newest"),
            models.Index(fields=["category", "-year"], name="award_category_year"),
        ]

    def __str__(self):
        who = self.person or self.film
        return f"{self.ceremony} {self.year}: {self.category} – {who} ({self.get_result_display()})"

    def get_absolute_url(self):
        return self.film.get_absolute_url()

    def natural_key(self):
        person = self.person.slug if self.person_id else None
        return (self.ceremony.slug, self.year, self.category, self.film.slug, person)

    natural_key.dependencies = ["archive.ceremony", "archive.film", "archive.person"]

    @property
    def ceremony_label(self):
        return ceremony_label(self.ceremony.name, self.edition)


def ceremony_label(name, edition):
    """ "49th Baeksang Arts Awards", or the name alone when the edition is not known."""
    return f"{ordinal(edition)} {name}" if edition else name


def ordinal(number):
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
