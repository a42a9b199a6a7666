"""Films and the records that belong to one film: titles, figures, links, notes, companies."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Prefetch, Q
from django.utils.text import slugify

from ..search import matching
from ..text import fold
from .base import (
    YEAR_MAX,
    YEAR_MIN,
    SlugManager,
    SortIndex,
    VersionedModel,
    lowercase_slug,
    slug_url,
    validate_lowercase_slug,
)
from .history import ArchiveHistory
from .person import Role
from .reference import Company, Country, Genre, Language, Source


class FilmQuerySet(models.QuerySet):
    def search(self, query):
        """Films with ``query`` in any title (any script) or any character's name."""
        folded = fold(query)
        if not folded:
            return self
        own = matching(Film.objects.using(self.db), "title_folded", folded).values("pk")
        titles = matching(FilmTitle.objects.using(self.db), "folded", folded).values("film_id")
        characters = matching(Role.objects.using(self.db), "character_folded", folded)
        return self.filter(
            Q(pk__in=own) | Q(pk__in=titles) | Q(pk__in=characters.values("film_id"))
        )

    def with_details(self):
        """Everything a film page shows, in a fixed number of queries."""
        from .adaptation import Adaptation
        from .award import Award

        return self.select_related("original_language").prefetch_related(
            "countries",
            "genres",
            "sources",
            Prefetch(
                "titles", FilmTitle.objects.select_related("language").prefetch_related("sources")
            ),
            Prefetch("roles", Role.objects.select_related("person")),
            Prefetch("company_credits", CompanyCredit.objects.select_related("company")),
            Prefetch(
                "awards",
                Award.objects.select_related("ceremony", "person")
                .prefetch_related("sources")
                .order_by("ceremony__name", "year", "category", "pk"),
            ),
            Prefetch("figures", BoxOfficeFigure.objects.prefetch_related("sources")),
            "links",
            Prefetch("notes", FilmNote.objects.prefetch_related("sources")),
            Prefetch(
                "adapted_from",
                Adaptation.objects.select_related("source", "source__original_language"),
            ),
        )


class FilmManager(SlugManager.from_queryset(FilmQuerySet)):
    pass


class Film(VersionedModel):
    class Status(models.TextChoices):
        RELEASED = "released", "Released"
        IN_PRODUCTION = "in_production", "In production"
        ANNOUNCED = "announced", "Announced"

    title = models.CharField(
        max_length=300,
        blank=True,
        help_text="The title the archive shows. Leave empty for an announced film with no title "
        "yet; every title in every script goes under Titles below.",
    )
    slug = models.SlugField(
        max_length=300,
        unique=True,
        validators=[validate_lowercase_slug],
        help_text="The film's address: its title and year, e.g. miracle-in-cell-no-7-2013.",
    )
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Year of first release. Leave empty if not known yet."
    )
    release_date = models.DateField(
        null=True, blank=True, help_text="First release date, in its country of origin."
    )
    status = models.CharField(max_length=20, choices=Status, default=Status.RELEASED)
    runtime = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Running time in minutes."
    )
    countries = models.ManyToManyField(
        Country, blank=True, related_name="films", help_text="Countries of production."
    )
    original_language = models.ForeignKey(
        Language, on_delete=models.PROTECT, null=True, blank=True, related_name="films"
    )
    genres = models.ManyToManyField(Genre, blank=True, related_name="films")
    summary = models.TextField(blank=True, help_text="One or two sentences: what the film is.")
    synopsis = models.TextField(
        blank=True, help_text="The plot, paragraphs separated by a blank line."
    )
    based_on = models.TextField(
        blank=True, help_text="The true story, book or film it is based on."
    )
    box_office_summary = models.TextField(
        blank=True, help_text="The box-office story in words; the figures go under Box office."
    )
    sources = models.ManyToManyField(
        Source,
        blank=True,
        related_name="films",
        help_text="Sources for the facts on this page (title, dates, runtime, credits).",
    )
    title_folded = models.CharField(max_length=300, blank=True, editable=False, db_index=True)

    objects = FilmManager()
    history = ArchiveHistory(m2m_fields=["countries", "genres", "sources"])

    class Meta:
        ordering = [models.F("year").desc(nulls_last=True), "title", "slug"]
        constraints = [
            lowercase_slug("film"),
            models.CheckConstraint(
                condition=Q(year__isnull=True) | Q(year__gte=YEAR_MIN, year__lte=YEAR_MAX),
                name="film_year_in_range",
                violation_error_message=f"The year must be between {YEAR_MIN} and {YEAR_MAX}.",
            ),
            models.CheckConstraint(
                condition=Q(runtime__isnull=True) | Q(runtime__gt=0),
                name="film_runtime_positive",
                violation_error_message="The runtime must be more than 0 minutes.",
            ),
            models.CheckConstraint(condition=~Q(slug=""), name="film_slug_not_empty"),
        ]
        indexes = [
            models.Index(fields=["year", "title"], name="film_year_title"),
            models.Index(fields=["status", "year"], name="film_status_year"),
            # The list's sorts (archive.filters.FilmFilter): a page of 25 reads 25 index
            # entries instead of sorting every film.
            SortIndex(F("year").desc(nulls_last=True), "title", "id", name="film_newest"),
            SortIndex("title", F("year").desc(nulls_last=True), "id", name="film_by_title"),
            SortIndex(
                F("title").desc(), F("year").desc(nulls_last=True), "id", name="film_by_title_desc"
            ),
        ]

    def __str__(self):
        """The title and the year when it is known, "Miracle in Cell No. 7 (2013)": a remake
        often keeps its source's title, and the admin's messages must tell them apart."""
        if self.year:
            return f"{self.display_title} ({self.year})"
        return self.display_title

    @property
    def display_title(self):
        if self.title:
            return self.title
        return "Untitled film"

    def get_absolute_url(self):
        return slug_url("archive:film-detail", self.slug)

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        super().clean()
        if self.release_date and self.year and self.release_date.year != self.year:
            raise ValidationError(
                {"year": f"The release date is in {self.release_date.year}; the year must match."}
            )
        if self.status == self.Status.RELEASED and not (self.year or self.release_date):
            raise ValidationError({"year": "A released film needs its year."})

    def save(self, *args, **kwargs):
        if self.release_date and not self.year:
            self.year = self.release_date.year
        if not self.slug:
            self.slug = self.make_slug(self.title, self.year)
        super().save(*args, **kwargs)

    @staticmethod
    def make_slug(title, year):
        """Title and year, e.g. ``miracle-in-cell-no-7-2013`` (accents dropped)."""
        return slugify(fold(" ".join(str(part) for part in (title, year) if part)))[:300]

    @staticmethod
    def link_table(relation):
        """A many-to-many relation of films (``countries``, ``genres``) as its link table
        and the name of the column that points at the other side: the lists filter, count
        and read countries and genres through the link table, never joining films."""
        field = Film._meta.get_field(relation)
        return field.remote_field.through, field.m2m_reverse_field_name()


class FilmTitle(models.Model):
    """One of a film's titles, in its own script: original, romanized, translated, working."""

    class Kind(models.TextChoices):
        ORIGINAL = "original", "Original title"
        ROMANIZED = "romanized", "Romanization"
        LITERAL = "literal", "Literal translation"
        WORKING = "working", "Working title"
        RELEASE = "release", "Release title"
        ALTERNATIVE = "alternative", "Alternative title"

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="titles")
    text = models.CharField(
        max_length=300, help_text="The title in its own script, e.g. 7번방의 선물."
    )
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.RELEASE)
    language = models.ForeignKey(
        Language, on_delete=models.PROTECT, null=True, blank=True, related_name="film_titles"
    )
    note = models.CharField(
        max_length=200, blank=True, help_text='e.g. "Revised Romanization", "Hanja", "English".'
    )
    sources = models.ManyToManyField(Source, blank=True, related_name="film_titles")
    folded = models.CharField(max_length=300, blank=True, editable=False, db_index=True)

    class Manager(models.Manager):
        def get_by_natural_key(self, film, kind, text):
            return self.get(film__slug=film, kind=kind, text=text)

    objects = Manager()
    history = ArchiveHistory(m2m_fields=["sources"])

    class Meta:
        ordering = ["film_id", "kind", "text", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["film", "kind", "text"],
                name="film_title_unique",
                violation_error_message="This film already has this title of this kind.",
            ),
            models.CheckConstraint(condition=~Q(text=""), name="film_title_not_empty"),
        ]

    def __str__(self):
        return self.text

    def get_absolute_url(self):
        return self.film.get_absolute_url()

    def natural_key(self):
        return (*self.film.natural_key(), self.kind, self.text)

    natural_key.dependencies = ["archive.film"]


class FigureManager(models.Manager):
    def get_by_natural_key(self, film, kind, key):
        return self.get(film__slug=film, kind=kind, key=key)


class BoxOfficeFigure(models.Model):
    """A budget, admissions or gross figure, with the date or day of release it refers to."""

    class Kind(models.TextChoices):
        ADMISSIONS = "admissions", "Admissions"
        GROSS = "gross", "Gross"
        BUDGET = "budget", "Production budget"
        MARKETING = "marketing", "Marketing budget"
        BREAK_EVEN = "break_even", "Break-even admissions"

    class Qualifier(models.TextChoices):
        EXACT = "", "exactly"
        ABOUT = "about", "about"
        MORE_THAN = "more_than", "more than"

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="figures")
    kind = models.CharField(max_length=20, choices=Kind)
    key = models.SlugField(
        max_length=60,
        help_text="Tells this figure apart from the film's other figures of its kind, "
        'e.g. "day-32" or "final".',
    )
    value = models.DecimalField(
        max_digits=20, decimal_places=2, help_text="A count of admissions, or an amount of money."
    )
    currency = models.CharField(
        max_length=3,
        blank=True,
        validators=[RegexValidator(r"^[A-Z]{3}$", "A three-letter ISO 4217 code, e.g. USD.")],
        help_text="ISO 4217 code (KRW, USD) for money; empty for counts.",
    )
    qualifier = models.CharField(max_length=10, choices=Qualifier, blank=True, default="")
    reported_on = models.DateField(
        null=True, blank=True, help_text="The date the figure refers to."
    )
    days_since_release = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="The day of the run the figure refers to (1 = opening day).",
    )
    note = models.CharField(max_length=300, blank=True)
    sources = models.ManyToManyField(Source, blank=True, related_name="figures")

    objects = FigureManager()
    history = ArchiveHistory(m2m_fields=["sources"])

    class Meta:
        ordering = [
            "film_id",
            "kind",
            models.F("days_since_release").asc(nulls_last=True),
            models.F("reported_on").asc(nulls_last=True),
            "key",
            "pk",
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["film", "kind", "key"],
                name="figure_unique_key",
                violation_error_message="The film already has a figure of this kind with this key.",
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="figure_value_not_negative",
                violation_error_message="A figure cannot be negative.",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.value_display}"

    def get_absolute_url(self):
        return self.film.get_absolute_url()

    def natural_key(self):
        return (*self.film.natural_key(), self.kind, self.key)

    natural_key.dependencies = ["archive.film"]

    @property
    def value_display(self):
        amount = self.value.normalize()
        amount = int(amount) if amount == amount.to_integral() else amount
        text = f"{amount:,}"
        if self.currency:
            text = f"{self.currency} {text}"
        if self.qualifier:
            text = f"{self.get_qualifier_display()} {text}"
        return text

    def clean(self):
        super().clean()
        money = {self.Kind.GROSS, self.Kind.BUDGET, self.Kind.MARKETING}
        if self.kind in money and not self.currency:
            raise ValidationError({"currency": "A sum of money needs its currency."})
        if self.kind not in money and self.currency:
            raise ValidationError({"currency": "A count of admissions has no currency."})


class ExternalLink(models.Model):
    """The film's page on another site."""

    class Site(models.TextChoices):
        OFFICIAL = "official", "Official website"
        WIKIPEDIA = "wikipedia", "Wikipedia"
        IMDB = "imdb", "IMDb"
        KMDB = "kmdb", "Korean Movie Database"
        HANCINEMA = "hancinema", "HanCinema"
        OTHER = "other", "Other"

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="links")
    site = models.CharField(max_length=20, choices=Site)
    label = models.CharField(
        max_length=200, help_text='What the link says, e.g. "Official website (in Korean)".'
    )
    url = models.URLField(
        max_length=500, blank=True, help_text="Leave empty when the address is not known yet."
    )
    language = models.ForeignKey(
        Language, on_delete=models.PROTECT, null=True, blank=True, related_name="links"
    )

    class Manager(models.Manager):
        def get_by_natural_key(self, film, site, label):
            return self.get(film__slug=film, site=site, label=label)

    objects = Manager()
    history = ArchiveHistory()

    class Meta:
        ordering = ["film_id", "site", "label", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["film", "site", "label"],
                name="link_unique_label",
                violation_error_message="This film already has a link with this site and label.",
            ),
        ]

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return self.film.get_absolute_url()

    def natural_key(self):
        return (*self.film.natural_key(), self.site, self.label)

    natural_key.dependencies = ["archive.film"]


class FilmNote(models.Model):
    """A remark about the record, above all where sources disagree (kept, not hidden)."""

    class Kind(models.TextChoices):
        CONFLICT = "conflict", "Sources disagree"
        CAVEAT = "caveat", "Caveat"
        TRIVIA = "trivia", "Note"

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.TRIVIA)
    topic = models.CharField(
        max_length=200, help_text='What the note is about, e.g. "Release year".'
    )
    text = models.TextField()
    sources = models.ManyToManyField(Source, blank=True, related_name="notes")

    class Manager(models.Manager):
        def get_by_natural_key(self, film, topic):
            return self.get(film__slug=film, topic=topic)

    objects = Manager()
    history = ArchiveHistory(m2m_fields=["sources"])

    class Meta:
        ordering = ["film_id", "kind", "topic", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["film", "topic"],
                name="film_note_unique_topic",
                violation_error_message="This film already has a note on this topic.",
            ),
        ]

    def __str__(self):
        return self.topic

    def get_absolute_url(self):
        return self.film.get_absolute_url()

    def natural_key(self):
        return (*self.film.natural_key(), self.topic)

    natural_key.dependencies = ["archive.film"]


class CompanyCredit(models.Model):
    """A company's part in a film: production or distribution."""

    class Kind(models.TextChoices):
        PRODUCTION = "production", "Production company"
        DISTRIBUTION = "distribution", "Distributor"

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="company_credits")
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="credits")
    kind = models.CharField(max_length=20, choices=Kind)
    note = models.CharField(max_length=200, blank=True)
    sources = models.ManyToManyField(Source, blank=True, related_name="company_credits")

    class Manager(models.Manager):
        def get_by_natural_key(self, film, company, kind):
            return self.get(film__slug=film, company__slug=company, kind=kind)

    objects = Manager()
    history = ArchiveHistory(m2m_fields=["sources"])

    class Meta:
        ordering = ["film_id", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["film", "company", "kind"],
                name="company_credit_unique",
                violation_error_message="This company already has this credit on this film.",
            ),
        ]

    def __str__(self):
        return f"{self.company} ({self.get_kind_display()})"

    def get_absolute_url(self):
        return self.film.get_absolute_url()

    def natural_key(self):
        return (*self.film.natural_key(), *self.company.natural_key(), self.kind)

    natural_key.dependencies = ["archive.film", "archive.company"]
