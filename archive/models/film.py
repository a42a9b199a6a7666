"""Films: the record, its search and the queryset of everything its page shows. The records
that belong to one film (titles, figures, links, notes, companies) are in ``film_parts``."""

from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models import F, Prefetch, Q
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

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
    year_range_message,
)
from .history import ArchiveHistory
from .person import Role
from .reference import Country, Genre, Language, Source


def display_title(title):
    """The title a page shows: a film announced without one is an "Untitled film" (in the
    active language)."""
    return title or gettext("Untitled film")


class FilmQuerySet(models.QuerySet):
    def search(self, query):
        """Films with ``query`` in any title (any script) or any character's name."""
        folded = fold(query)
        if not folded:
            return self
        from .film_parts import FilmTitle

        own = matching(Film.objects.using(self.db), "title_folded", folded).values("pk")
        titles = matching(FilmTitle.objects.using(self.db), "folded", folded).values("film_id")
        characters = matching(Role.objects.using(self.db), "character_folded", folded)
        characters = characters.values("film_id")
        if connections[self.db].vendor == "sqlite":
            # One list of ids, each FTS5 table asked once: for an OR of three sub-queries
            # SQLite asks each twice, to find the films and again to check each of them.
            # PostgreSQL keeps the OR: it walks the sort index checking hashed sub-plans,
            # where the union would make it join every match and sort.
            ids = own.order_by().union(titles.order_by(), characters.order_by(), all=True)
            return self.filter(pk__in=ids)
        return self.filter(Q(pk__in=own) | Q(pk__in=titles) | Q(pk__in=characters))

    def with_details(self):
        """Everything a film page shows, in a fixed number of queries; the genres named in
        the language active when it is called (the request's). The sources of the rows
        (titles, credits, awards, ...) are not prefetched here: the page reads them for
        every kind of row at once (``citations.attach_sources``); a row read without them
        reads its own through ``sources``."""
        from .adaptation import Adaptation
        from .award import Award
        from .film_parts import CompanyCredit, FilmTitle

        return self.select_related("original_language").prefetch_related(
            "countries",
            Prefetch("genres", Genre.objects.named()),
            "sources",
            Prefetch("titles", FilmTitle.objects.select_related("language")),
            Prefetch("roles", Role.objects.select_related("person")),
            Prefetch("company_credits", CompanyCredit.objects.select_related("company")),
            Prefetch(
                "awards",
                Award.objects.select_related("ceremony", "person").order_by(
                    "ceremony__name", "year", "category", "pk"
                ),
            ),
            "figures",
            "links",
            "notes",
            "facts",
            Prefetch(
                "adapted_from",
                Adaptation.objects.select_related("source", "source__original_language"),
            ),
        )


class FilmManager(SlugManager.from_queryset(FilmQuerySet)):
    pass


class Film(VersionedModel):
    class Status(models.TextChoices):
        RELEASED = "released", _("Released")
        IN_PRODUCTION = "in_production", _("In production")
        ANNOUNCED = "announced", _("Announced")

    title = models.CharField(
        _("title"),
        max_length=300,
        blank=True,
        help_text=_(
            "The title the archive shows. Leave empty for an announced film with no title "
            "yet; every title in every script goes under Titles below."
        ),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=300,
        unique=True,
        validators=[validate_lowercase_slug],
        help_text=_("The film's address: its title and year, e.g. miracle-in-cell-no-7-2013."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        help_text=_("Year of first release. Leave empty if not known yet."),
    )
    release_date = models.DateField(
        _("release date"),
        null=True,
        blank=True,
        help_text=_("First release date, in its country of origin."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.RELEASED)
    runtime = models.PositiveSmallIntegerField(
        _("runtime"), null=True, blank=True, help_text=_("Running time in minutes.")
    )
    countries = models.ManyToManyField(
        Country,
        verbose_name=_("countries"),
        blank=True,
        related_name="films",
        help_text=_("Countries of production."),
    )
    original_language = models.ForeignKey(
        Language,
        verbose_name=_("original language"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="films",
    )
    genres = models.ManyToManyField(
        Genre, verbose_name=_("genres"), blank=True, related_name="films"
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences: what the film is.")
    )
    synopsis = models.TextField(
        _("synopsis"), blank=True, help_text=_("The plot, paragraphs separated by a blank line.")
    )
    based_on = models.TextField(
        _("based on"), blank=True, help_text=_("The true story, book or film it is based on.")
    )
    box_office_summary = models.TextField(
        _("box office summary"),
        blank=True,
        help_text=_("The box-office story in words; the figures go under Box office."),
    )
    sources = models.ManyToManyField(
        Source,
        verbose_name=_("sources"),
        blank=True,
        related_name="films",
        help_text=_(
            "Sources about the film as a whole, listed at the foot of its page. Each "
            "fact's own sources go with the fact: under Sources of the film's facts below, "
            "and on each title, credit, award, figure and note."
        ),
    )
    title_folded = models.CharField(max_length=300, blank=True, editable=False, db_index=True)
    #: How much the film matters, kept by ``archive.standing``: search ranks by it.
    importance = models.PositiveIntegerField(default=0, editable=False)

    objects = FilmManager()
    history = ArchiveHistory(m2m_fields=["countries", "genres", "sources"])

    class Meta:
        ordering = [models.F("year").desc(nulls_last=True), "title", "slug"]
        verbose_name = _("film")
        verbose_name_plural = _("films")
        constraints = [
            lowercase_slug("film"),
            models.CheckConstraint(
                condition=Q(year__isnull=True) | Q(year__gte=YEAR_MIN, year__lte=YEAR_MAX),
                name="film_year_in_range",
                violation_error_message=year_range_message(),
            ),
            models.CheckConstraint(
                condition=Q(runtime__isnull=True) | Q(runtime__gt=0),
                name="film_runtime_positive",
                violation_error_message=_("The runtime must be more than 0 minutes."),
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
        return display_title(self.title)

    def get_absolute_url(self):
        return slug_url("archive:film-detail", self.slug)

    def natural_key(self):
        return (self.slug,)

    def clean(self):
        super().clean()
        if self.release_date and self.year and self.release_date.year != self.year:
            message = gettext("The release date is in %(year)s; the year must match.")
            raise ValidationError({"year": message % {"year": self.release_date.year}})
        if self.status == self.Status.RELEASED and not (self.year or self.release_date):
            raise ValidationError({"year": gettext("A released film needs its year.")})

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
