"""People and their credits on films."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Substr
from django.db.models.lookups import GreaterThanOrEqual
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..search import matching
from ..text import fold
from .base import (
    SlugManager,
    VersionedModel,
    choice_label,
    lowercase_slug,
    slug_url,
    validate_lowercase_slug,
)
from .history import ArchiveHistory
from .reference import Source


def name_lines(text):
    """Other names, one a line, as a list (blank lines left out)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def active_years(first, last):
    """ "2003–2019", "2013", or "" when no credit has a year."""
    if first and last and first != last:
        return f"{first}–{last}"
    return str(first or last or "")


#: A date known to the year, the month or the day: 1970, 1970-03 or 1970-03-10.
PARTIAL_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


def person_years(first_year, last_year, birth_date):
    """The years that tell a person apart: their years active ("2003–2019"), else, for
    someone with no dated credit, their birth year when known ("b. 1970"), else ""."""
    years = active_years(first_year, last_year)
    if years:
        return years
    match = PARTIAL_DATE.fullmatch(birth_date or "")
    return gettext("b. %(year)s") % {"year": match["year"]} if match else ""


def distinction(first_year, last_year, known_for_title, known_for_year, birth_date):
    """What tells a person from a namesake: the years of their credits (or their birth year)
    and their best-known film ("2003–2019; The Sun, 2011", "b. 1970"), or "" when none is
    known."""
    parts = [person_years(first_year, last_year, birth_date)]
    if known_for_title:
        parts.append(f"{known_for_title}, {known_for_year}" if known_for_year else known_for_title)
    return "; ".join(part for part in parts if part)


def validate_partial_date(value):
    """Refuse what is not a real date written as YYYY, YYYY-MM or YYYY-MM-DD."""
    match = PARTIAL_DATE.fullmatch(value or "")
    if match is None:
        raise ValidationError(
            _(
                "Write the date as a year (1970), a year and month (1970-03) or a full date "
                "(1970-03-10)."
            ),
            code="partial_date",
        )
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        raise ValidationError(
            _("%(value)s is not a date."), code="invalid_date", params={"value": value}
        ) from None


def partial_date_display(value):
    """``1970``, ``March 1970`` or ``10 March 1970``: a partial date as the site writes it,
    in the active language's formats (``1970년 3월 10일``, ``10 Mart 1970``)."""
    match = PARTIAL_DATE.fullmatch(value or "")
    if match is None:
        return value or ""
    year, month, day = (int(part) if part else None for part in match.groups())
    if month is None:
        return str(year)
    try:
        date = datetime.date(year, month, day or 1)
    except ValueError:  # a row written past the validation, as a raw load can
        return value
    return date_format(date, "DATE_FORMAT" if day else "YEAR_MONTH_FORMAT")


class PersonQuerySet(models.QuerySet):
    def search(self, query):
        """People with ``query`` in any of their names, in any script."""
        folded = fold(query)
        if not folded:
            return self
        return matching(self, "names_folded", folded)


class PersonManager(SlugManager.from_queryset(PersonQuerySet)):
    pass


class Person(VersionedModel):
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("The name as the archive shows it, in Latin letters."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        validators=[validate_lowercase_slug],
        help_text=_("The person's address, e.g. ryu-seung-ryong."),
    )
    name_original = models.CharField(
        _("name in original script"),
        max_length=200,
        blank=True,
        help_text=_("The name in its own script (Hangul, Devanagari, ...), if it has one."),
    )
    other_names = models.TextField(
        _("other names"),
        blank=True,
        help_text=_("Other spellings and stage names, one on each line."),
    )
    birth_date = models.CharField(
        _("birth date"),
        max_length=10,
        blank=True,
        validators=[validate_partial_date],
        help_text=_("A year (1970), a year and month (1970-03) or a full date (1970-03-10)."),
    )
    death_date = models.CharField(
        _("death date"),
        max_length=10,
        blank=True,
        validators=[validate_partial_date],
        help_text=_("As the birth date; empty while the person is alive or when not known."),
    )
    place_of_birth = models.CharField(
        _("place of birth"),
        max_length=200,
        blank=True,
        help_text=_("City and country, e.g. Suwon, South Korea."),
    )
    biography = models.TextField(
        _("biography"),
        blank=True,
        help_text=_("A few plain sentences; the sources below back them."),
    )
    sources = models.ManyToManyField(
        Source, verbose_name=_("sources"), blank=True, related_name="people"
    )
    names_folded = models.TextField(blank=True, editable=False)
    # What tells namesakes apart, kept from the credits by ``archive.standing``.
    importance = models.PositiveIntegerField(default=0, editable=False)
    first_year = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    last_year = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    known_for_title = models.CharField(max_length=300, blank=True, editable=False)
    known_for_year = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    # The film itself, so that a page can name it by its title in the visitor's language.
    known_for_film = models.ForeignKey(
        "archive.Film",
        verbose_name=_("best-known film"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = PersonManager()
    history = ArchiveHistory(m2m_fields=["sources"])

    class Meta:
        ordering = ["name", "slug"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [models.Index(fields=["name", "slug"], name="person_name_slug")]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="person_name_not_empty"),
            models.CheckConstraint(condition=~Q(slug=""), name="person_slug_not_empty"),
            lowercase_slug("person"),
            # Years only: a death known to the year may fall in the birth's year.
            models.CheckConstraint(
                condition=Q(death_date="")
                | Q(birth_date="")
                | GreaterThanOrEqual(Substr("death_date", 1, 4), Substr("birth_date", 1, 4)),
                name="person_death_not_before_birth",
                violation_error_message=_("The death date is before the birth date."),
            ),
        ]

    def __str__(self):
        """The name with what tells namesakes apart: "Choi Jae-hyun (2003–2019; The Sun,
        2011)", "Kim Min-ji (b. 1990)". Read from the person's own columns, so it costs no
        query."""
        detail = distinction(
            self.first_year,
            self.last_year,
            self.known_for_title,
            self.known_for_year,
            self.birth_date,
        )
        return f"{self.name} ({detail})" if detail else self.name

    def get_absolute_url(self):
        return slug_url("archive:person-detail", self.slug)

    def natural_key(self):
        return (self.slug,)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(fold(self.name))[:200]
        super().save(*args, **kwargs)

    @property
    def other_name_list(self):
        return name_lines(self.other_names)

    @property
    def birth_date_display(self):
        return partial_date_display(self.birth_date)

    @property
    def death_date_display(self):
        return partial_date_display(self.death_date)

    @property
    def all_names(self):
        return [name for name in (self.name, self.name_original, *self.other_name_list) if name]


class RoleManager(models.Manager):
    def get_by_natural_key(self, film, person, kind, character):
        return self.get(film__slug=film, person__slug=person, kind=kind, character=character)


class Role(models.Model):
    """A person's credit on a film. Two people may play one character at different ages.

    Editors call it a credit; the model keeps its name (``Role``) for the code and tables."""

    class Kind(models.TextChoices):
        ACTOR = "actor", _("Actor")
        DIRECTOR = "director", _("Director")
        WRITER = "writer", _("Writer")
        PRODUCER = "producer", _("Producer")
        CINEMATOGRAPHER = "cinematographer", _("Cinematographer")
        EDITOR = "editor", _("Editor")
        COMPOSER = "composer", _("Composer")

    film = models.ForeignKey(
        "archive.Film", verbose_name=_("film"), on_delete=models.CASCADE, related_name="roles"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="roles"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.ACTOR)
    character = models.CharField(
        _("character"),
        max_length=200,
        blank=True,
        help_text=_("For actors: the character's name. Empty for crew."),
    )
    note = models.CharField(
        _("note"),
        max_length=200,
        blank=True,
        help_text=_('e.g. "child", "adult", "uncredited", "announced".'),
    )
    billing = models.PositiveSmallIntegerField(
        _("billing order"),
        null=True,
        blank=True,
        help_text=_("1 for the top-billed actor, 2 for the next; empty if not known."),
    )
    character_original = models.CharField(
        _("character in original script"),
        max_length=200,
        blank=True,
        help_text=_("The character's name in its own script (Hangul, ...), e.g. 예승."),
    )
    sources = models.ManyToManyField(
        Source, verbose_name=_("sources"), blank=True, related_name="roles"
    )
    character_folded = models.CharField(max_length=200, blank=True, editable=False, db_index=True)

    objects = RoleManager()
    history = ArchiveHistory(m2m_fields=["sources"])

    class Meta:
        ordering = ["film_id", "kind", models.F("billing").asc(nulls_last=True), "pk"]
        verbose_name = _("credit")
        verbose_name_plural = _("credits")
        constraints = [
            models.UniqueConstraint(
                fields=["film", "person", "kind", "character"],
                name="role_unique_credit",
                violation_error_message=_(
                    "This person already has this credit (and character) on this film."
                ),
            ),
            models.CheckConstraint(
                condition=Q(billing__isnull=True) | Q(billing__gte=1),
                name="role_billing_from_one",
                violation_error_message=_("Billing order starts at 1."),
            ),
            models.CheckConstraint(
                condition=Q(kind="actor") | Q(character=""),
                name="role_character_only_for_actors",
                violation_error_message=_("Only an actor's credit has a character."),
            ),
        ]
        indexes = [
            models.Index(fields=["person", "kind"], name="role_person_kind"),
            models.Index(fields=["film", "kind", "billing"], name="role_film_kind_billing"),
        ]

    def __str__(self):
        text = f"{self.person.name} – {choice_label(self.Kind, self.kind)}"
        if self.character:
            text += " " + gettext("as %(character)s") % {"character": self.character}
        return text

    def get_absolute_url(self):
        return self.film.get_absolute_url()

    def natural_key(self):
        return (self.film.slug, self.person.slug, self.kind, self.character)

    natural_key.dependencies = ["archive.film", "archive.person"]

    def clean(self):
        super().clean()
        if self.kind != self.Kind.ACTOR and self.character:
            raise ValidationError({"character": gettext("Only an actor's credit has a character.")})
