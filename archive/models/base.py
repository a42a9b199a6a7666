"""Pieces shared by the archive's models."""

from django.db import models

#: The range a film, award or figure year may take: from the first films to a far future.
YEAR_MIN = 1870
YEAR_MAX = 2100


class SlugManager(models.Manager):
    """A manager for records whose natural key is their slug."""

    natural_key_field = "slug"

    def get_by_natural_key(self, key):
        return self.get(**{self.natural_key_field: key})


class CodeManager(SlugManager):
    natural_key_field = "code"


class KeyManager(SlugManager):
    natural_key_field = "key"


class TimestampedModel(models.Model):
    """Records when a row was created and last changed (the home page lists the latest)."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        abstract = True
