"""archive.synthetic.rows: plain rows written as bulk_create would write them."""

import pytest
from django.db import connection

from archive.models import Film, FilmTitle
from archive.synthetic.batch import derived, position
from archive.synthetic.rows import INSERT_CHUNK, insert_rows


def test_insert_rows_writes_every_row_with_its_values(db):
    film = Film.objects.create(title="Rows", slug="rows-film")
    rows = []
    for number in range(INSERT_CHUNK + 3):  # more than one statement on SQLite
        values = derived(FilmTitle(kind=FilmTitle.Kind.WORKING, text=f"Title {number}"))
        values[position(FilmTitle, "film_id")] = film.pk
        rows.append(values)
    insert_rows(FilmTitle, rows)
    titles = film.titles.order_by("pk")
    assert titles.count() == INSERT_CHUNK + 3
    last = titles.last()
    assert (last.text, last.folded, last.kind) == (
        f"Title {INSERT_CHUNK + 2}",
        "title 2002",
        "working",
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")
def test_django_cursor_wrapper_still_exposes_the_psycopg_cursor_for_copy(db):
    """rows.copy_rows reaches psycopg's COPY through CursorWrapper.cursor, which Django does
    not document: an upgrade that hides or renames it must fail here, not in a bulk load."""
    import psycopg

    with connection.cursor() as cursor:
        assert isinstance(cursor.cursor, psycopg.Cursor)
        assert callable(cursor.cursor.copy)
