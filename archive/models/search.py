"""The search index's entries: one row per searchable text of a film or a person, derived
from the records (``archive.entries`` writes them; they are never edited) and ranked by
their primary key, so that the best matches of a search are the first rows of an index.
"""

from django.db import models


class SearchEntry(models.Model):
    """One folded line of a record's texts: a film's title, another title or a character's
    spelling; a person's name, name in original script or another name.

    ``key`` orders the entries as search ranks equal matches (``archive.entries.entry_key``:
    kind, then importance, then year, then the record and the line), so an index scan in
    key order meets the most important records first and can stop at the first few."""

    class Kind(models.IntegerChoices):
        FILM = 0, "film"
        PERSON = 1, "person"

    key = models.BigAutoField(primary_key=True)
    kind = models.PositiveSmallIntegerField(choices=Kind)
    record = models.PositiveIntegerField()
    folded = models.TextField()
    #: Which text: "title", a title's kind ("alternative", ...), "character", "name",
    #: "name_original" or "other_name".
    source = models.CharField(max_length=20)
    text = models.TextField()
    #: A character's other spelling (the name in its own script, or in Latin letters).
    other = models.TextField(blank=True)

    class Meta:
        indexes = [
            # Equality and, on PostgreSQL, a prefix (LIKE 'q%') whatever the collation.
            models.Index(
                fields=["folded"], name="search_entry_folded", opclasses=["text_pattern_ops"]
            ),
            models.Index(fields=["kind", "record"], name="search_entry_record"),
        ]

    def __str__(self):
        return self.text
