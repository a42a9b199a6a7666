"""The search index's entries (``SearchEntry``): every searchable text of every film and
person, one folded line a row, under a key that ranks it.

A film's texts are its title, its other titles and its characters' two spellings; a
person's, their name, their name in its own script and their other names. A record's texts
are numbered in that order and a text that folds like an earlier one is left out, so a
title that repeats the film's own says nothing more.

The key is the order in which search ranks equal matches: the kind of record, then the more
important record first, then the newer, then the record's id and the line's number
(:func:`entry_key`). The database's index of the texts (FTS5 on SQLite, ordered by rowid,
which is the key; pg_trgm's GIN index and the primary key on PostgreSQL) then gives the
best matches of a kind as the first rows it finds, without reading every match.

The entries follow the records as the records' standing does (``standing.refresh``: after
every edit, for the films and people it touched; ``standing.refresh_all`` after a bulk
load): they are rebuilt whole for each record, from the rows in the database.
"""

from django.db import connection as default_connection

from .models.base import YEAR_MAX
from .models.person import name_lines
from .models.search import SearchEntry
from .text import fold

FILM, PERSON = SearchEntry.Kind.FILM, SearchEntry.Kind.PERSON
TABLE = SearchEntry._meta.db_table

# The key's fields, from the highest bits: kind (2), importance (16), year (8), record id
# (27), line (10): 63 bits, a positive signed 64-bit integer on both databases.
_LINE_BITS, _RECORD_BITS, _YEAR_BITS, _IMPORTANCE_BITS = 10, 27, 8, 16
_KIND_SHIFT = _LINE_BITS + _RECORD_BITS + _YEAR_BITS + _IMPORTANCE_BITS
#: The most texts of one record the index keeps (a film's titles and characters).
MAX_LINES = 1 << _LINE_BITS
#: Records are read and written this many at a time when the whole index is rebuilt.
CHUNK = 2000


def entry_key(kind, importance, year, record, line):
    """The entry's rank as one integer: smaller is better."""
    if not 0 <= record < 1 << _RECORD_BITS:
        raise ValueError(f"A record id of {record} is beyond the search index's keys.")
    importance = (1 << _IMPORTANCE_BITS) - 1 - min(importance or 0, (1 << _IMPORTANCE_BITS) - 1)
    # Newer first, a film without a year last.
    age = (1 << _YEAR_BITS) - 1 if year is None else min(max(YEAR_MAX - year, 0), 254)
    key = (kind << _IMPORTANCE_BITS) | importance
    key = (key << _YEAR_BITS) | age
    return (((key << _RECORD_BITS) | record) << _LINE_BITS) | line


def kind_range(kind):
    """``(low, high)``: the keys of one kind are ``low <= key < high``."""
    return kind << _KIND_SHIFT, (kind + 1) << _KIND_SHIFT


def _numbered(kind, importance, year, record, texts):
    """Entry rows for one record's ``(source, text, other)``, each folded text once."""
    rows, seen = [], set()
    for source, text, other in texts:
        folded = fold(text)
        if not folded or folded in seen or len(rows) >= MAX_LINES:
            continue
        seen.add(folded)
        key = entry_key(kind, importance, year, record, len(rows))
        rows.append((key, kind, record, folded, source, text, other))
    return rows


def film_rows(cursor, where, params):
    """The entries of the films ``where`` selects (SQL on ``archive_film`` as ``f``)."""
    cursor.execute(
        f"SELECT f.id, f.title, f.year, f.importance FROM archive_film f WHERE {where}", params
    )
    films = cursor.fetchall()
    if not films:
        return []
    texts = {pk: [("title", title, "")] for pk, title, _, _ in films}
    cursor.execute(
        f"SELECT t.film_id, t.kind, t.text FROM archive_filmtitle t JOIN archive_film f "
        f"ON f.id = t.film_id WHERE {where} ORDER BY t.film_id, t.id",
        params,
    )
    for film_id, kind, text in cursor.fetchall():
        texts[film_id].append((kind, text, ""))
    cursor.execute(
        f"SELECT r.film_id, r.character, r.character_original FROM archive_role r "
        f"JOIN archive_film f ON f.id = r.film_id WHERE {where} "
        f"AND (r.character <> '' OR r.character_original <> '') "
        f"ORDER BY r.film_id, r.billing IS NULL, r.billing, r.id",
        params,
    )
    for film_id, character, original in cursor.fetchall():
        if character:
            texts[film_id].append(("character", character, original))
        if original:
            texts[film_id].append(("character", original, character))
    rows = []
    for pk, _, year, importance in films:
        rows += _numbered(FILM, importance, year, pk, texts[pk])
    return rows


def person_rows(cursor, where, params):
    """The entries of the people ``where`` selects (SQL on ``archive_person`` as ``p``)."""
    cursor.execute(
        "SELECT p.id, p.name, p.name_original, p.other_names, p.importance, p.last_year "
        f"FROM archive_person p WHERE {where}",
        params,
    )
    rows = []
    for pk, name, original, others, importance, year in cursor.fetchall():
        texts = [("name", name, ""), ("name_original", original, "")]
        texts += [("other_name", other, "") for other in name_lines(others)]
        rows += _numbered(PERSON, importance, year, pk, texts)
    return rows


def _write(cursor, rows):
    if rows:
        cursor.executemany(
            f'INSERT INTO "{TABLE}" (key, kind, record, folded, source, text, other) '
            "VALUES (%s, %s, %s, %s, %s, %s, %s)",
            rows,
        )


def refresh(films=(), people=()):
    """Rebuild the entries of the films and people with these ids (a deleted record's go)."""
    with default_connection.cursor() as cursor:
        for kind, ids, build, alias in (
            (FILM, sorted(set(films)), film_rows, "f"),
            (PERSON, sorted(set(people)), person_rows, "p"),
        ):
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start : start + CHUNK]
                marks = ", ".join(["%s"] * len(chunk))
                cursor.execute(
                    f'DELETE FROM "{TABLE}" WHERE kind = %s AND record IN ({marks})',
                    [kind, *chunk],
                )
                _write(cursor, build(cursor, f"{alias}.id IN ({marks})", chunk))


def refresh_all(connection=None):
    """Rebuild every entry, a chunk of records at a time (after a bulk load), with the
    entries' own text index built once at the end (``search.deferred``)."""
    from . import search

    connection = connection or default_connection
    with search.deferred(connection, [TABLE]), connection.cursor() as cursor:
        cursor.execute(f'DELETE FROM "{TABLE}"')
        for table, build, alias in (
            ("archive_film", film_rows, "f"),
            ("archive_person", person_rows, "p"),
        ):
            cursor.execute(f"SELECT min(id), max(id) FROM {table}")
            low, high = cursor.fetchone()
            if low is None:
                continue
            for start in range(low, high + 1, CHUNK):
                where = f"{alias}.id >= %s AND {alias}.id < %s"
                _write(cursor, build(cursor, where, [start, start + CHUNK]))
        if connection.vendor == "postgresql":
            # Planned for an empty table, a search would read every entry of a kind.
            cursor.execute(f'ANALYZE "{TABLE}"')
