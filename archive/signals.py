"""Derive the folded search columns (and a fixture's missing timestamps) before every save,
and bump the archive's version (the page cache key) after every change.

``pre_save`` also fires for ``loaddata`` (raw saves), which skips ``Model.save()``; so a
fixture never needs to carry these derived columns. ``bulk_create`` sends no signals:
code that bulk-inserts calls :func:`derive_search_fields` itself (see generate_archive).
The edit history and the fixture-load log are not public pages' data: writing them leaves
the page cache alone.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from . import cache, standing
from .models import Film, FilmTitle, Person, Role
from .models.base import TimestampedModel
from .models.history import is_audit_model
from .text import fold


def derive_search_fields(instance):
    if isinstance(instance, Film):
        instance.title_folded = fold(instance.title)
    elif isinstance(instance, FilmTitle):
        instance.folded = fold(instance.text)
    elif isinstance(instance, Role):
        # Both spellings, one a line (as a person's names): either finds the character.
        lines = (fold(instance.character), fold(instance.character_original))
        instance.character_folded = "\n".join(line for line in lines if line)[:200]
    elif isinstance(instance, Person):
        instance.names_folded = "\n".join(fold(name) for name in instance.all_names)
    return instance


@receiver(pre_save, dispatch_uid="archive-derive-search-fields")
def _derive_search_fields(sender, instance, raw=False, **kwargs):
    if sender in (Film, FilmTitle, Person, Role):
        derive_search_fields(instance)
    if raw and isinstance(instance, TimestampedModel):
        # A fixture without timestamps: auto_now and auto_now_add do not run for raw saves.
        now = timezone.now()
        instance.created_at = instance.created_at or now
        instance.updated_at = instance.updated_at or now


@receiver(post_save, dispatch_uid="archive-bump-version-save")
@receiver(post_delete, dispatch_uid="archive-bump-version-delete")
def _bump_version(sender, **kwargs):
    """Any change to an archive record makes every cached public page stale."""
    if sender._meta.app_label == "archive" and not is_audit_model(sender):
        cache.bump_version()


@receiver(m2m_changed, dispatch_uid="archive-bump-version-m2m")
def _bump_version_m2m(sender, action, **kwargs):
    if (
        action.startswith("post_")
        and sender._meta.app_label == "archive"
        and not is_audit_model(sender)
    ):
        cache.bump_version()


@receiver(post_save, dispatch_uid="archive-standing-save")
@receiver(post_delete, dispatch_uid="archive-standing-delete")
def _refresh_standing(sender, instance, raw=False, **kwargs):
    """A credit, an adaptation or an award changes how much its film and people matter, and
    a film's new title or year changes how its people are told apart (``standing.py``); a
    film, a title, a credit or a person changes the search entries (``entries.py``).
    ``loaddata`` refreshes once, for everything it loaded, rather than row by row."""
    if not raw:
        standing.changed(instance)
