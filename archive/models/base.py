"""Pieces shared by the archive's models."""

import functools
import re

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.expressions import OrderBy
from django.db.models.functions import Lower
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

#: The range a film, award or figure year may take: from the first films to a far future.
YEAR_MIN = 1870
YEAR_MAX = 2100


def choice_label(choices, value):
    """What ``get_FOO_display()`` says for ``value`` of a field with ``choices`` (a
    ``TextChoices`` class): its label in the active language, or the value itself when it is
    not one of them. Django's method builds a dict of every choice's label to find one,
    hashing each lazy label, and a record's name (``__str__``) is asked for every row of an
    admin page."""
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def year_range_message():
    """A constraint's message for a year out of that range, in the reader's language."""
    return format_lazy(
        _("The year must be between {first} and {last}."), first=YEAR_MIN, last=YEAR_MAX
    )


#: What the ``<slug:...>`` path converter accepts.
SLUG_PATTERN = re.compile(r"[-a-zA-Z0-9_]+")
_PLACEHOLDER = "slug-placeholder"


def slug_url(viewname, slug):
    """``reverse(viewname, kwargs={"slug": slug})``, without matching the URL patterns each
    time: a person page links hundreds of films, and ``reverse`` was a fifth of its time.
    The pattern is reversed once per URL configuration, script prefix and language; a slug the path
    converter would refuse still goes through ``reverse`` (and its ``NoReverseMatch``)."""
    if not SLUG_PATTERN.fullmatch(slug):
        return reverse(viewname, kwargs={"slug": slug})
    head, tail = _slug_url_parts(
        viewname, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), get_language()
    )
    return f"{head}{slug}{tail}"


def slug_urls(viewname):
    """``slug_url`` for the many rows of one page: a function of the slug, with the URL
    configuration and the script prefix read once, not once per link of a page of
    hundreds."""
    head, tail = _slug_url_parts(
        viewname, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), get_language()
    )

    def url(slug):
        if not SLUG_PATTERN.fullmatch(slug):
            return reverse(viewname, kwargs={"slug": slug})
        return f"{head}{slug}{tail}"

    return url


@functools.lru_cache(maxsize=64)
def _slug_url_parts(viewname, urlconf, prefix, language):
    # The language is part of the key: the public addresses carry it (/ko/films/...).
    head, _, tail = reverse(viewname, kwargs={"slug": _PLACEHOLDER}).partition(_PLACEHOLDER)
    return head, tail


class SortIndex(models.Index):
    """An index in a list's sort order, ``NULLS LAST`` included, on either database.

    PostgreSQL sorts NULL first in a descending order, so a "newest first, undated last"
    order needs ``DESC NULLS LAST`` in its index too. SQLite cannot say ``NULLS LAST`` in
    an index, and needs not: its descending order puts NULL last already. There the
    modifier is left out, so one declaration serves both (and SQLite's table rebuilds in
    later migrations keep the index, as Django knows of it).
    """

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "sqlite":
            return super().create_sql(model, schema_editor, using=using, **kwargs)
        expressions = []
        for expression in self.expressions:
            if isinstance(expression, OrderBy) and expression.nulls_last:
                if not expression.descending:
                    raise ValueError(f"{self.name}: SQLite cannot index ASC NULLS LAST")
                expression = OrderBy(expression.expression, descending=True)
            expressions.append(expression)
        plain = models.Index(*expressions, name=self.name)
        return plain.create_sql(model, schema_editor, using=using, **kwargs)


#: A slug is lower case: links, filters and natural keys compare slugs as written, so two
#: records whose slugs differ only in case would answer for each other.
validate_lowercase_slug = RegexValidator(
    r"^[-a-z0-9_]+\Z",
    _(
        "Use lower-case letters, numbers, hyphens and underscores only "
        "(the slug is part of the record's address)."
    ),
    code="invalid_slug",
)


def lowercase_slug(name):
    """The database's side of :data:`validate_lowercase_slug`, for a model's constraints."""
    return models.CheckConstraint(
        condition=models.Q(slug=Lower("slug")),
        name=f"{name}_slug_lowercase",
        violation_error_message=_("The slug must be in lower case."),
    )


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

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True, db_index=True)

    class Meta:
        abstract = True


class VersionedModel(TimestampedModel):
    """A record that two editors may open at once: its ``version`` counts its saves.

    Every ``save()`` of a stored record adds 1 (a new record starts at 1). The admin form
    carries the version it was opened with and refuses a save when the stored version has
    moved on meanwhile: another editor saved first (``archive.admin.history``). Raw saves
    (``loaddata``) write the version the fixture carries, 1 when it has none.
    """

    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("How many times the record was saved; an edit conflict compares it."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding:
            return super().save(*args, **kwargs)
        self.version += 1
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        try:
            return super().save(*args, **kwargs)
        except Exception:
            self.version -= 1
            raise
