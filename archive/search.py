"""Index-backed substring search over the folded search columns.

- SQLite: each searched table has an FTS5 table with the ``trigram`` tokenizer
  (``<table>_fts``), kept in step with every insert, update and delete by triggers
  (migration 0004). A query of three or more characters is a trigram ``MATCH``.
- PostgreSQL: each searched column has a GIN ``gin_trgm_ops`` index (pg_trgm), which
  serves the plain ``LIKE '%…%'`` that Django's ``contains`` lookup writes (the search
  entries' has one part a kind, ``PARTS``).

Queries shorter than three characters cannot use trigrams on either database and fall
back to ``LIKE`` (a scan of that column); two-letter Hangul words are the main case.
"""

from contextlib import contextmanager

from django.db import connections
from django.db.models.expressions import RawSQL

#: (table, folded column) pairs that carry a search index.
SEARCHED = {
    "archive_film": "title_folded",
    "archive_filmtitle": "folded",
    "archive_role": "character_folded",
    "archive_person": "names_folded",
    "archive_searchentry": "folded",
}
#: The tables whose rowid is not ``id``: the search entries' key is their rank.
ROWID = {"archive_searchentry": "key"}


def matching(queryset, column, folded):
    """``queryset`` narrowed to rows whose ``column`` contains ``folded``."""
    table = queryset.model._meta.db_table
    vendor = connections[queryset.db].vendor
    if vendor == "sqlite" and len(folded) >= 3 and SEARCHED.get(table) == column:
        phrase = '"' + folded.replace('"', '""') + '"'
        ids = RawSQL(f'SELECT rowid FROM "{table}_fts" WHERE "{table}_fts" MATCH %s', (phrase,))
        return queryset.filter(pk__in=ids)
    return queryset.filter(**{f"{column}__contains": folded})


def sqlite_statements(table, column):
    """The FTS5 table and the triggers that keep it in step with ``table``."""
    fts = f"{table}_fts"
    rowid = ROWID.get(table, "id")
    return [
        f'CREATE VIRTUAL TABLE IF NOT EXISTS "{fts}" USING fts5({column}, '
        f"content='{table}', content_rowid='{rowid}', tokenize='trigram')",
        f'CREATE TRIGGER IF NOT EXISTS "{fts}_insert" AFTER INSERT ON "{table}" BEGIN '
        f'INSERT INTO "{fts}"(rowid, {column}) VALUES (new.{rowid}, new.{column}); END',
        f'CREATE TRIGGER IF NOT EXISTS "{fts}_delete" AFTER DELETE ON "{table}" BEGIN '
        f'INSERT INTO "{fts}"("{fts}", rowid, {column}) VALUES (\'delete\', old.{rowid}, '
        f"old.{column}); END",
        f'CREATE TRIGGER IF NOT EXISTS "{fts}_update" AFTER UPDATE ON "{table}" BEGIN '
        f'INSERT INTO "{fts}"("{fts}", rowid, {column}) VALUES (\'delete\', old.{rowid}, '
        f'old.{column}); INSERT INTO "{fts}"(rowid, {column}) VALUES (new.{rowid}, '
        f"new.{column}); END",
        f'INSERT INTO "{fts}"("{fts}") VALUES (\'rebuild\')',
    ]


#: Tables whose trigram index PostgreSQL keeps in parts, each for the rows of a condition:
#: the search entries, one part a kind, so that a search of people reads no film's match.
PARTS = {"archive_searchentry": ("kind = 0", "kind = 1")}


def trigram_indexes(table, column):
    """``[(name, condition)]``: the trigram indexes of ``table`` on PostgreSQL."""
    if table in PARTS:
        return [(f"{table}_{column}_trgm_{n}", where) for n, where in enumerate(PARTS[table])]
    return [(f"{table}_{column}_trgm", "")]


def postgresql_statements(table, column):
    return [
        f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin ({column} gin_trgm_ops)'
        + (f" WHERE {where}" if where else "")
        for name, where in trigram_indexes(table, column)
    ]


def install(connection, tables=None):
    """Create (or re-create after a table was rebuilt) every search index, or those of
    ``tables``."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        # An earlier migration runs this before a later one has made every table.
        existing = set(connection.introspection.table_names(cursor))
        for table, column in SEARCHED.items():
            if (tables is not None and table not in tables) or table not in existing:
                continue
            if connection.vendor == "sqlite":
                statements = sqlite_statements(table, column)
            elif connection.vendor == "postgresql":
                statements = postgresql_statements(table, column)
            else:
                statements = []
            for statement in statements:
                cursor.execute(statement)


@contextmanager
def deferred(connection, tables=None):
    """A bulk load without per-row search indexing: the triggers (SQLite) or trigram indexes
    (PostgreSQL) are dropped, then put back and built once over every row at the end, which
    costs less than keeping them in step row by row. A process killed half-way leaves them
    missing: ``check`` then warns (``archive.W001``) and ``install_search`` repairs it.
    ``tables``: only these tables' indexes (all by default)."""
    with connection.cursor() as cursor:
        for table, column in SEARCHED.items():
            if tables is not None and table not in tables:
                continue
            if connection.vendor == "sqlite":
                for op in ("insert", "delete", "update"):
                    cursor.execute(f'DROP TRIGGER IF EXISTS "{table}_fts_{op}"')
            elif connection.vendor == "postgresql":
                for name, _ in trigram_indexes(table, column):
                    cursor.execute(f'DROP INDEX IF EXISTS "{name}"')
    try:
        yield
    finally:
        pending = connection.vendor == "postgresql" and connection.in_atomic_block
        if pending:
            # Inside an open transaction (a test), PostgreSQL refuses CREATE INDEX on a
            # table with foreign-key checks still deferred: run them first.
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        install(connection, tables)
        if pending:
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def missing(connection):
    """The search indexes that are not there (a migration that rebuilt a table drops them),
    of the tables there are (a database not migrated to the end lacks some)."""
    with connection.cursor() as cursor:
        existing = set(connection.introspection.table_names(cursor))
        searched = [table for table in SEARCHED if table in existing]
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
            names = {row[0] for row in cursor.fetchall()}
            wanted = [
                name
                for table in searched
                for name in (
                    f"{table}_fts",
                    *(f"{table}_fts_{op}" for op in ("insert", "delete", "update")),
                )
            ]
        elif connection.vendor == "postgresql":
            cursor.execute("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")
            names = {row[0] for row in cursor.fetchall()}
            wanted = [
                name for table in searched for name, _ in trigram_indexes(table, SEARCHED[table])
            ]
        else:
            return []
    return [name for name in wanted if name not in names]
