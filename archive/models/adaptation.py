"""Remakes and other adaptations: a link from a source film to a film made from it."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from .history import ArchiveHistory
from .reference import Source


class AdaptationManager(models.Manager):
    def get_by_natural_key(self, source, adaptation):
        return self.get(source__slug=source, adaptation__slug=adaptation)


class Adaptation(models.Model):
    class Kind(models.TextChoices):
        OFFICIAL_REMAKE = "official_remake", _("Official remake")
        UNOFFICIAL_REMAKE = "unofficial_remake", _("Unofficial remake")
        INSPIRED_BY = "inspired_by", _("Inspired by")
        SERIES = "series", _("Series adaptation")

    source = models.ForeignKey(
        "archive.Film",
        verbose_name=pgettext_lazy("the film a remake is made from", "source"),
        on_delete=models.CASCADE,
        related_name="adaptations",
        help_text=_("The film that was adapted."),
    )
    adaptation = models.ForeignKey(
        "archive.Film",
        verbose_name=pgettext_lazy("the film made from another", "adaptation"),
        on_delete=models.CASCADE,
        related_name="adapted_from",
        help_text=_("The film made from it."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OFFICIAL_REMAKE)
    note = models.TextField(_("note"), blank=True)
    sources = models.ManyToManyField(
        Source, verbose_name=_("sources"), blank=True, related_name="adaptations"
    )

    objects = AdaptationManager()
    history = ArchiveHistory(m2m_fields=["sources"])

    class Meta:
        ordering = ["source_id", "pk"]
        verbose_name = _("adaptation")
        verbose_name_plural = _("adaptations")
        constraints = [
            models.CheckConstraint(
                condition=~Q(source=F("adaptation")),
                name="adaptation_not_of_itself",
                violation_error_message=_("A film cannot be adapted from itself."),
            ),
            models.UniqueConstraint(
                fields=["source", "adaptation"],
                name="adaptation_unique_pair",
                violation_error_message=_("This adaptation is already recorded."),
            ),
        ]

    def __str__(self):
        return gettext("%(adaptation)s (%(kind)s of %(source)s)") % {
            "adaptation": self.adaptation,
            "kind": self.get_kind_display().lower(),
            "source": self.source,
        }

    def get_absolute_url(self):
        return self.adaptation.get_absolute_url()

    def natural_key(self):
        return (self.source.slug, self.adaptation.slug)

    natural_key.dependencies = ["archive.film"]
