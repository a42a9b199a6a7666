"""Pictures: a film's posters and stills, a person's portraits.

An image is a record like any other (history, natural key, backups): who made it, under
what licence, where it came from. Its file is stored through Django's default storage
(``STORAGES["default"]``: files under ``MEDIA_ROOT``, or an S3-compatible bucket), already
cleaned (``archive.images``): orientation applied, metadata removed. The resized copies
that pages show are made once, when the file is added, and kept in the same storage;
``renditions`` lists them, so a page builds its ``srcset`` from the row it reads, without
asking the storage anything.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .base import TimestampedModel
from .film import Film
from .history import ArchiveHistory
from .person import Person
from .reference import Source

FILM_KINDS = ("poster", "still", "other")
PERSON_KINDS = ("portrait", "other")


class ImageManager(models.Manager):
    def get_by_natural_key(self, file):
        return self.get(file=file)


class Image(TimestampedModel):
    class Kind(models.TextChoices):
        POSTER = "poster", _("Poster")
        STILL = "still", pgettext_lazy("a picture from a film", "Still")
        PORTRAIT = "portrait", _("Portrait")
        OTHER = "other", _("Other")

    film = models.ForeignKey(
        Film,
        verbose_name=_("film"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="images",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="images",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.POSTER)
    file = models.FileField(
        _("file"),
        max_length=300,
        unique=True,
        help_text=_(
            "JPEG, PNG, WebP or GIF, at most 20 MB and 50 megapixels. Its metadata "
            "(camera, place, comments) is removed before it is stored."
        ),
    )
    width = models.PositiveIntegerField(_("width"), default=0, editable=False)
    height = models.PositiveIntegerField(_("height"), default=0, editable=False)
    checksum = models.CharField(
        _("checksum"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("SHA-256 of the stored file."),
    )
    renditions = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text="The resized copies: [{width, height, format, name}].",
    )
    alt = models.CharField(
        _("alt text"),
        max_length=300,
        help_text=_(
            "What the picture shows, for someone who cannot see it, e.g. "
            '"Poster: a father and his daughter in a prison cell". A screen reader reads it.'
        ),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(
        pgettext_lazy("who made a picture", "credit"),
        max_length=200,
        blank=True,
        help_text=_("Who made the picture, e.g. the studio."),
    )
    licence = models.CharField(
        _("licence"),
        max_length=200,
        blank=True,
        help_text=_('e.g. "CC BY-SA 4.0", "Fair use (poster)".'),
    )
    source_url = models.URLField(
        _("source address"),
        max_length=500,
        blank=True,
        help_text=_("Where the file came from."),
    )
    source = models.ForeignKey(
        Source,
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="images",
        help_text=_("Or the archive's source record it came from."),
    )
    is_main = models.BooleanField(
        _("main image"),
        default=False,
        help_text=_("The one shown at the top of the record's page and beside it in lists."),
    )
    position = models.PositiveSmallIntegerField(
        _("position"),
        default=0,
        help_text=_("Order among the record's images (stills gallery)."),
    )

    objects = ImageManager()
    history = ArchiveHistory()

    class Meta:
        ordering = ["-is_main", "position", "pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")
        indexes = [
            models.Index(fields=["film", "kind", "is_main"], name="image_film_kind"),
            models.Index(fields=["person", "kind", "is_main"], name="image_person_kind"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(film__isnull=False, person__isnull=True, kind__in=FILM_KINDS)
                    | Q(film__isnull=True, person__isnull=False, kind__in=PERSON_KINDS)
                ),
                name="image_one_owner_and_kind",
                violation_error_message=_(
                    "An image belongs to a film (poster, still, other) or to a person "
                    "(portrait, other)."
                ),
            ),
            models.UniqueConstraint(
                fields=["film"],
                condition=Q(is_main=True, film__isnull=False),
                name="image_one_main_per_film",
                violation_error_message=_("This film already has a main image."),
            ),
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(is_main=True, person__isnull=False),
                name="image_one_main_per_person",
                violation_error_message=_("This person already has a main image."),
            ),
            models.CheckConstraint(condition=~Q(alt=""), name="image_alt_not_empty"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.alt[:60]}"

    def get_absolute_url(self):
        owner = self.film or self.person
        return owner.get_absolute_url() if owner else ""

    def natural_key(self):
        return (self.file.name,)

    natural_key.dependencies = ["archive.film", "archive.person", "archive.source"]

    def stored_names(self):
        """Every file this record keeps in storage: the cleaned file and its copies."""
        return [self.file.name, *(copy["name"] for copy in self.renditions)]
