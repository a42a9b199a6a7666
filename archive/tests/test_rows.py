"""Rows read as values: a fixed number of queries, whatever the number of rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive import rows
from archive.models import Adaptation, Award, Film, Person
from archive.models.film import display_title

from . import factories as f

# Every test sees the seed fixture (loaded once for the module); its own changes are rolled
# back after it.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("archive")]


READERS = [
    (rows.FILMS, Film, 4),  # the rows, their countries, their genres, their posters
    (rows.PEOPLE, Person, 2),  # the rows with their credit counts, their portraits
    (rows.ADAPTATIONS, Adaptation, 5),  # rows, countries, genres, directors, posters
    (rows.AWARDS, Award, 2),  # the rows, their ceremonies
]


@pytest.mark.parametrize("reader, model, queries", READERS)
def test_a_page_of_rows_takes_a_fixed_number_of_queries(reader, model, queries):
    def read(limit):
        with CaptureQueriesContext(connection) as captured:
            result = reader.read(reader.values(model.objects.order_by("pk"))[:limit])
        return result, len(captured)

    few, few_queries = read(1)
    many, many_queries = read(1000)
    assert few_queries == many_queries == queries
    assert len(many) == model.objects.count() > len(few) == 1


@pytest.mark.parametrize("reader, model, queries", READERS)
def test_an_export_reads_every_row_in_order_in_chunks(reader, model, queries, monkeypatch):
    monkeypatch.setattr(rows, "CHUNK_SIZE", 2)
    ordered = model.objects.order_by("-pk")
    assert [row["pk"] for row in reader.read_all(ordered)] == list(
        ordered.values_list("pk", flat=True)
    )


def test_film_rows_carry_their_countries_genres_and_words():
    row = rows.FILMS.read(rows.FILMS.values(Film.objects.filter(slug=f.TURKISH)))[0]
    assert row["display_title"] == "7. Koğuştaki Mucize"
    assert row["countries"] == [("TR", "Türkiye")]
    assert row["status_label"] == "Released"
    assert row["url"] == f"/films/{f.TURKISH}/"


def test_an_untitled_film_reads_as_such():
    assert display_title("") == "Untitled film"
