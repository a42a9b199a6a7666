"""The records that belong to one film: its titles, box-office figures, links elsewhere,
notes and company credits."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.formats import number_format
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from .base import choice_label
from .film import Film
from .history import ArchiveHistory
from .reference import Company, Language, Source


class FilmTitle(models.Model):
    """One of a film's titles, in its own script: original, romanized, translated, working."""

    class Kind(models.TextChoices):
        ORIGINAL = "original", _("Original title")
        ROMANIZED = "romanized", _("Romanization")
        LITERAL = "literal", _("Literal translation")
        WORKING = "working", _("Working title")
        RELEASE = "release", _("Release title")
        ALTERNATIVE = "alternative", _("Alternative title")

    film = models.ForeignKey(
        Film, verbose_name=_("film"), on_delete=models.CASCADE, related_name="titles"
    )
    text = models.CharField(
        pgettext_lazy("the words of a title", "text"),
        max_length=300,
        help_text=_("The title in its own script, e.g. 7번방의 선물."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.RELEASE)
    language = models.ForeignKey(
        Language,
        verbose_name=_("language"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="film_titles",
    )
    note = models.CharField(
        _("note"),
        max_length=200,
        blank=True,
        help_text=_('e.g. "Revised Romanization", "Hanja", "English".'),
    )
    sources = models.ManyToManyField(
        Source, verbose_name=_("sources"), blank=True, related_name="film_titles"
    )
    folded = models.CharField(max_length=300, blank=True, editable=False, db_index=True)

    class Manager(models.Manager):
        def get_by_natural_key(self, film, kind, text):
            return self.get(film__slug=film, kind=kind, text=text)

    objects = Manager()
    history = ArchiveHistory(m2m_fields=["sources"])

    class Meta:
        ordering = ["film_id", "kind", "text", "pk"]
        verbose_name = _("film title")
        verbose_name_plural = _("film titles")
        constraints = [
            models.UniqueConstraint(
                fields=["film", "kind", "text"],
                name="film_title_unique",
                violation_error_message=_("This film already has this title of this kind."),
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


def qualified(qualifier, amount):
    """``amount`` (a figure already written out) with its qualifier, as one message so that
    each language places the words: "about 12,800,000", "약 12,800,000", "12.000.000 üzeri"."""
    if qualifier == BoxOfficeFigure.Qualifier.ABOUT:
        return gettext("about %(amount)s") % {"amount": amount}
    if qualifier == BoxOfficeFigure.Qualifier.MORE_THAN:
        return gettext("more than %(amount)s") % {"amount": amount}
    return amount


class FigureManager(models.Manager):
    def get_by_natural_key(self, film, kind, key):
        return self.get(film__slug=film, kind=kind, key=key)


class BoxOfficeFigure(models.Model):
    """A budget, admissions or gross figure, with the date or day of release it refers to."""

    class Kind(models.TextChoices):
        ADMISSIONS = "admissions", _("Admissions")
        GROSS = "gross", _("Gross")
        BUDGET = "budget", _("Production budget")
        MARKETING = "marketing", _("Marketing budget")
        BREAK_EVEN = "break_even", _("Break-even admissions")

    class Qualifier(models.TextChoices):
        EXACT = "", _("exactly")
        ABOUT = "about", _("about")
        MORE_THAN = "more_than", _("more than")

    film = models.ForeignKey(
        Film, verbose_name=_("film"), on_delete=models.CASCADE, related_name="figures"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    key = models.SlugField(
        _("key"),
        max_length=60,
        help_text=_(
            "Tells this figure apart from the film's other figures of its kind, "
            'e.g. "day-32" or "final".'
        ),
    )
    value = models.DecimalField(
        _("value"),
        max_digits=20,
        decimal_places=2,
        help_text=_("A count of admissions, or an amount of money."),
    )
    currency = models.CharField(
        _("currency"),
        max_length=3,
        blank=True,
        validators=[RegexValidator(r"^[A-Z]{3}$", _("A three-letter ISO 4217 code, e.g. USD."))],
        help_text=_("ISO 4217 code (KRW, USD) for money; empty for counts."),
    )
    qualifier = models.CharField(
        _("qualifier"), max_length=10, choices=Qualifier, blank=True, default=""
    )
    reported_on = models.DateField(
        _("reported on"), null=True, blank=True, help_text=_("The date the figure refers to.")
    )
    days_since_release = models.PositiveSmallIntegerField(
        _("days since release"),
        null=True,
        blank=True,
        help_text=_("The day of the run the figure refers to (1 = opening day)."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    sources = models.ManyToManyField(
        Source, verbose_name=_("sources"), blank=True, related_name="figures"
    )

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
        verbose_name = _("box office figure")
        verbose_name_plural = _("box office figures")
        constraints = [
            models.UniqueConstraint(
                fields=["film", "kind", "key"],
                name="figure_unique_key",
                violation_error_message=_(
                    "The film already has a figure of this kind with this key."
                ),
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="figure_value_not_negative",
                violation_error_message=_("A figure cannot be negative."),
            ),
        ]

    def __str__(self):
        return f"{choice_label(self.Kind, self.kind)}: {self.value_display}"

    def get_absolute_url(self):
        return self.film.get_absolute_url()

    def natural_key(self):
        return (*self.film.natural_key(), self.kind, self.key)

    natural_key.dependencies = ["archive.film"]

    @property
    def value_display(self):
        amount = self.value.normalize()
        amount = int(amount) if amount == amount.to_integral() else amount
        # Grouped as the active language groups digits: 12,320,000 or 12.320.000.
        text = number_format(amount, force_grouping=True)
        if self.currency:
            text = f"{self.currency} {text}"
        return qualified(self.qualifier, text)

    def clean(self):
        super().clean()
        money = {self.Kind.GROSS, self.Kind.BUDGET, self.Kind.MARKETING}
        if self.kind in money and not self.currency:
            raise ValidationError({"currency": gettext("A sum of money needs its currency.")})
        if self.kind not in money and self.currency:
            raise ValidationError({"currency": gettext("A count of admissions has no currency.")})


class ExternalLink(models.Model):
    """The film's page on another site."""

    class Site(models.TextChoices):
        OFFICIAL = "official", _("Official website")
        WIKIPEDIA = "wikipedia", "Wikipedia"
        IMDB = "imdb", "IMDb"
        KMDB = "kmdb", _("Korean Movie Database")
        HANCINEMA = "hancinema", "HanCinema"
        OTHER = "other", _("Other")

    film = models.ForeignKey(
        Film, verbose_name=_("film"), on_delete=models.CASCADE, related_name="links"
    )
    site = models.CharField(_("site"), max_length=20, choices=Site)
    label = models.CharField(
        _("label"),
        max_length=200,
        help_text=_('What the link says, e.g. "Official website (in Korean)".'),
    )
    url = models.URLField(
        _("url"),
        max_length=500,
        blank=True,
        help_text=_("Leave empty when the address is not known yet."),
    )
    language = models.ForeignKey(
        Language,
        verbose_name=_("language"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="links",
    )

    class Manager(models.Manager):
        def get_by_natural_key(self, film, site, label):
            return self.get(film__slug=film, site=site, label=label)

    objects = Manager()
    history = ArchiveHistory()

    class Meta:
        ordering = ["film_id", "site", "label", "pk"]
        verbose_name = _("external link")
        verbose_name_plural = _("external links")
        constraints = [
            models.UniqueConstraint(
                fields=["film", "site", "label"],
                name="link_unique_label",
                violation_error_message=_("This film already has a link with this site and label."),
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
        CONFLICT = "conflict", _("Sources disagree")
        CAVEAT = "caveat", _("Caveat")
        TRIVIA = "trivia", _("Note")

    film = models.ForeignKey(
        Film, verbose_name=_("film"), on_delete=models.CASCADE, related_name="notes"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.TRIVIA)
    topic = models.CharField(
        _("topic"), max_length=200, help_text=_('What the note is about, e.g. "Release year".')
    )
    text = models.TextField(_("text"))
    sources = models.ManyToManyField(
        Source, verbose_name=_("sources"), blank=True, related_name="notes"
    )

    class Manager(models.Manager):
        def get_by_natural_key(self, film, topic):
            return self.get(film__slug=film, topic=topic)

    objects = Manager()
    history = ArchiveHistory(m2m_fields=["sources"])

    class Meta:
        ordering = ["film_id", "kind", "topic", "pk"]
        verbose_name = _("film note")
        verbose_name_plural = _("film notes")
        constraints = [
            models.UniqueConstraint(
                fields=["film", "topic"],
                name="film_note_unique_topic",
                violation_error_message=_("This film already has a note on this topic."),
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
        PRODUCTION = "production", _("Production company")
        DISTRIBUTION = "distribution", _("Distributor")

    film = models.ForeignKey(
        Film, verbose_name=_("film"), on_delete=models.CASCADE, related_name="company_credits"
    )
    company = models.ForeignKey(
        Company, verbose_name=_("company"), on_delete=models.PROTECT, related_name="credits"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    note = models.CharField(_("note"), max_length=200, blank=True)
    sources = models.ManyToManyField(
        Source, verbose_name=_("sources"), blank=True, related_name="company_credits"
    )

    class Manager(models.Manager):
        def get_by_natural_key(self, film, company, kind):
            return self.get(film__slug=film, company__slug=company, kind=kind)

    objects = Manager()
    history = ArchiveHistory(m2m_fields=["sources"])

    class Meta:
        ordering = ["film_id", "kind", "pk"]
        verbose_name = _("company credit")
        verbose_name_plural = _("company credits")
        constraints = [
            models.UniqueConstraint(
                fields=["film", "company", "kind"],
                name="company_credit_unique",
                violation_error_message=_("This company already has this credit on this film."),
            ),
        ]

    def __str__(self):
        return f"{self.company} ({self.get_kind_display()})"

    def get_absolute_url(self):
        return self.film.get_absolute_url()

    def natural_key(self):
        return (*self.film.natural_key(), *self.company.natural_key(), self.kind)

    natural_key.dependencies = ["archive.film", "archive.company"]
