"""Writing plain rows without building model instances: COPY on PostgreSQL, multi-row INSERT
statements elsewhere.

``bulk_create`` builds a model instance and prepares every value of every row through its
field, which was most of the inserting process's time; the titles' and credits' values are
plain text, numbers and None already (no dates, no defaults left to fill, search columns
derived by :func:`.batch.derived`), so they go to the driver as they are. Rows get no
primary key back, so this is only for rows nothing refers to.
"""

from django.db import connection

#: Rows per statement (through ``bulk_create``, lowered to what the database accepts).
INSERT_CHUNK = 2000


def insert_rows(model, rows):
    """Write ``rows`` (values of :func:`.batch.derived`, the primary key first and None)."""
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    assert model._meta.concrete_fields[0].primary_key
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    table = quote(model._meta.db_table)
    if connection.vendor == "postgresql":
        copy_rows(table, columns, rows)
    else:
        insert_values(table, columns, len(fields), rows)


def copy_rows(table, columns, rows):
    """COPY: the rows stream to the server, adapted by psycopg's C code, not composed into
    statements (psycopg's client-side binding does that in Python, parameter by parameter).

    Django has no API for COPY; ``CursorWrapper.cursor`` is the psycopg cursor under
    Django's wrapper (test_rows pins that it still is)."""
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        for values in rows:
            copy.write_row(values[1:])


def insert_values(table, columns, width, rows):
    """INSERT statements of ``INSERT_CHUNK`` rows each, as ``bulk_create`` writes them: one
    round trip a chunk."""
    row_marks = "(" + ", ".join(["%s"] * width) + ")"
    head = f"INSERT INTO {table} ({columns}) VALUES "
    with connection.cursor() as cursor:
        for start in range(0, len(rows), INSERT_CHUNK):
            chunk = rows[start : start + INSERT_CHUNK]
            sql = head + ", ".join([row_marks] * len(chunk))
            cursor.execute(sql, [value for values in chunk for value in values[1:]])
