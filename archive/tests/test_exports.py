"""``format=csv`` and ``format=json``: every row the filters select, in UTF-8; streamed when
large, sent whole (and kept by the page cache) when small.

The lists' exports hold every selected row whatever the page size
(``ArchiveListView.paginate_by`` is 2 here); the film and person pages answer
``format=json`` with the whole record. A bad filter value is a 400 with a plain message,
never a file with the wrong rows.
"""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.models import Film, Person

from . import factories as f
from .factories import ADAPTATIONS, ALL_FILMS, HINDI, KANNADA, ORIGINAL, TURKISH

# Every list, page and export is tested with the caches on and with them off.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("every_cache_mode")]


@pytest.fixture(autouse=True)
def archive(tune, seed, db, settings):
    """The seed fixture, and pages of two rows: an export that stops at a page shows."""
    tune(paginate_by=2)


HEADERS = {
    "archive:film-list": [
        "slug",
        "title",
        "year",
        "release_date",
        "status",
        "runtime_minutes",
        "countries",
        "original_language",
        "genres",
        "path",
    ],
    "archive:person-list": ["slug", "name", "name_original", "other_names", "credits", "path"],
    "archive:adaptation-list": [
        "source",
        "source_title",
        "adaptation",
        "title",
        "year",
        "status",
        "countries",
        "language",
        "kind",
        "note",
    ],
    "archive:award-list": [
        "ceremony",
        "edition",
        "year",
        "category",
        "result",
        "film",
        "person",
        "note",
    ],
}
NAMES = {
    "archive:film-list": "films",
    "archive:person-list": "people",
    "archive:adaptation-list": "adaptations",
    "archive:award-list": "awards",
}
TOTALS = {
    "archive:film-list": 6,
    "archive:person-list": 30,
    "archive:adaptation-list": 5,
    "archive:award-list": 7,
}
LISTS = list(HEADERS)


def export(client, url_name, output, query=""):
    response = f.get(client, f"{reverse(url_name)}?{query}&format={output}")
    assert response.status_code == 200, f.body(response)
    return response


def body_bytes(response):
    """An export's bytes, streamed or whole."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def csv_rows(response):
    content = body_bytes(response)
    assert content.startswith("\ufeff".encode()), "no byte-order mark for spreadsheets"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def json_rows(response):
    return json.loads(body_bytes(response).decode("utf-8"))


@pytest.mark.parametrize("url_name", LISTS)
def test_csv_export_holds_every_row_not_one_page(client, url_name):
    response = export(client, url_name, "csv")
    rows = csv_rows(response)
    assert rows[0] == HEADERS[url_name]
    assert len(rows) - 1 == TOTALS[url_name]
    assert all(len(row) == len(rows[0]) for row in rows)


@pytest.mark.parametrize("url_name", LISTS)
def test_json_export_holds_every_row_not_one_page(client, url_name):
    rows = json_rows(export(client, url_name, "json"))
    assert isinstance(rows, list)
    assert len(rows) == TOTALS[url_name]
    assert all(list(row) == HEADERS[url_name] for row in rows)


@pytest.mark.parametrize("url_name", LISTS)
@pytest.mark.parametrize(
    ("output", "content_type"),
    [("csv", "text/csv; charset=utf-8"), ("json", "application/json; charset=utf-8")],
)
@pytest.mark.parametrize("buffer_rows", [0, 2_000])
def test_export_is_an_attachment_with_its_type_streamed_when_large(
    tune, client, settings, url_name, output, content_type, buffer_rows
):
    tune(export_buffer_rows=buffer_rows)
    response = export(client, url_name, output)
    # The seed's lists are larger than 0 rows and smaller than 2,000.
    assert response.streaming is (buffer_rows == 0)
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{NAMES[url_name]}.{output}"'


@pytest.mark.parametrize("output", ["csv", "json"])
def test_streamed_and_whole_exports_hold_the_same_bytes(tune, client, settings, output):
    url = reverse("archive:film-list") + f"?sort=title&format={output}"
    tune(export_buffer_rows=0)
    streamed = f.get(client, url)
    tune(export_buffer_rows=2_000)
    whole = f.get(client, url)
    assert b"".join(streamed.streaming_content) == whole.content
    assert len(csv_rows(whole) if output == "csv" else json.loads(whole.content)) >= len(ALL_FILMS)


def test_a_small_export_is_kept_by_the_page_cache_until_an_edit(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    url = reverse("archive:film-list") + "?country=IN&format=csv"
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    again = client.get(url)
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content
    assert again["Content-Disposition"] == 'attachment; filename="films.csv"'
    f.film("Another Indian film", 2022, countries=["IN"])
    after = client.get(url)
    assert after["X-Page-Cache"] == "miss"
    assert "Another Indian film" in after.content.decode()


def test_a_large_export_is_streamed_and_never_cached(tune, client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    tune(export_buffer_rows=2)
    url = reverse("archive:film-list") + "?format=csv"
    response = client.get(url)
    assert response.streaming
    assert len(csv_rows(response)) == Film.objects.count() + 1
    assert "X-Page-Cache" not in client.get(url)


@pytest.mark.parametrize(
    ("url_name", "query", "expected"),
    [
        ("archive:film-list", "country=IN", {KANNADA, HINDI}),
        ("archive:film-list", "country=KR&country=TR&sort=title", {ORIGINAL, TURKISH}),
        ("archive:film-list", "q=7번방의 선물", {ORIGINAL}),
        ("archive:film-list", "adapted=no&year_min=2017", ADAPTATIONS - {HINDI}),
        (
            "archive:adaptation-list",
            f"source={ORIGINAL}&kind=official_remake",
            ADAPTATIONS - {KANNADA},
        ),
        ("archive:adaptation-list", "country=IN", {KANNADA, HINDI}),
    ],
)
def test_export_holds_exactly_the_filtered_films(client, url_name, query, expected):
    key = "slug" if url_name == "archive:film-list" else "adaptation"
    for output in ("csv", "json"):
        response = export(client, url_name, output, query)
        if output == "csv":
            header, *rows = csv_rows(response)
            found = [dict(zip(header, row, strict=True))[key] for row in rows]
        else:
            found = [row[key] for row in json_rows(response)]
        assert len(found) == len(set(found))
        assert set(found) == expected, output


def test_people_and_award_exports_follow_their_filters(client):
    people = json_rows(export(client, "archive:person-list", "json", f"film={TURKISH}"))
    assert {row["slug"] for row in people} == {
        "mehmet-ada-oztekin",
        "aras-bulut-iynemli",
        "nisa-sofiya-aksongur",
    }
    directors = csv_rows(export(client, "archive:person-list", "csv", "role=director"))
    assert len(directors) - 1 == 6
    won = json_rows(export(client, "archive:award-list", "json", "result=won&q=ryu"))
    assert [(row["ceremony"], row["category"]) for row in won] == [
        ("baeksang-arts-awards", "Grand Prize (Film)"),
        ("grand-bell-awards", "Best Actor"),
    ]


def test_export_follows_the_sort(client):
    rows = json_rows(export(client, "archive:film-list", "json", "sort=year"))
    assert [row["slug"] for row in rows][0] == ORIGINAL
    assert [row["slug"] for row in rows][-1] == HINDI  # no year: last
    rows = json_rows(export(client, "archive:person-list", "json", "sort=-name"))
    assert [row["name"] for row in rows] == sorted((row["name"] for row in rows), reverse=True)


def test_export_ignores_the_page(client):
    for page in ("2", "abc", "999"):
        rows = json_rows(export(client, "archive:film-list", "json", f"page={page}"))
        assert {row["slug"] for row in rows} == ALL_FILMS


def test_export_of_an_empty_selection_has_only_the_header(client):
    assert csv_rows(export(client, "archive:film-list", "csv", "q=parasite")) == [
        HEADERS["archive:film-list"]
    ]
    assert json_rows(export(client, "archive:film-list", "json", "q=parasite")) == []


def test_film_export_values(client):
    rows = json_rows(export(client, "archive:film-list", "json", "sort=year"))
    original = rows[0]
    assert original == {
        "slug": ORIGINAL,
        "title": "Miracle in Cell No. 7",
        "year": 2013,
        "release_date": "2013-01-23",
        "status": "released",
        "runtime_minutes": 127,
        "countries": ["KR"],
        "original_language": "ko",
        "genres": ["comedy-drama"],
        "path": f"/films/{ORIGINAL}/",
    }
    hindi = rows[-1]
    assert hindi["title"] == "" and hindi["year"] is None and hindi["status"] == "announced"
    header, *lines = csv_rows(export(client, "archive:film-list", "csv", "sort=year"))
    assert dict(zip(header, lines[-1], strict=True))["year"] == ""  # unknown, not "None"


def test_exports_keep_hangul_and_turkish_letters_in_utf8(client):
    ryu = Person.objects.get(slug="ryu-seung-ryong")
    ryu.name_original = "류승룡"
    ryu.save()
    films_csv = body_bytes(export(client, "archive:film-list", "csv"))
    assert "7. Koğuştaki Mucize".encode() in films_csv
    films_json = body_bytes(export(client, "archive:film-list", "json"))
    assert "7. Koğuştaki Mucize".encode() in films_json  # not \u escapes
    people_csv = body_bytes(export(client, "archive:person-list", "csv"))
    assert "류승룡".encode() in people_csv
    assert "Aras Bulut İynemli".encode() in people_csv
    assert "Mehmet Ada Öztekin".encode() in people_csv
    people_json = json.loads(body_bytes(export(client, "archive:person-list", "json", "q=류승룡")))
    assert [row["name_original"] for row in people_json] == ["류승룡"]


@pytest.mark.parametrize(
    "title",
    [
        '=HYPERLINK("https://example.org","click")',
        "+SUM(A1:A9)",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
    ],
)
def test_csv_export_neutralises_formula_looking_cells(client, title):
    f.film(title, 1999)
    header, *rows = csv_rows(export(client, "archive:film-list", "csv", "year_max=1999"))
    (row,) = rows
    cell = dict(zip(header, row, strict=True))["title"]
    assert cell == "'" + title
    # The JSON export carries the text as it is: only spreadsheets run formulas.
    (record,) = json_rows(export(client, "archive:film-list", "json", "year_max=1999"))
    assert record["title"] == title


def test_csv_export_keeps_plain_numbers_as_numbers(client):
    f.film("-5", 1999)
    header, *rows = csv_rows(export(client, "archive:film-list", "csv", "year_max=1999"))
    assert dict(zip(header, rows[0], strict=True))["title"] == "-5"
    assert dict(zip(header, rows[0], strict=True))["year"] == "1999"


def test_csv_export_neutralises_a_formula_in_a_list_cell(client):
    f.person("Formula Person", other_names='=HYPERLINK("https://example.org")\nAlias')
    header, *rows = csv_rows(export(client, "archive:person-list", "csv", "q=formula person"))
    cell = dict(zip(header, rows[0], strict=True))["other_names"]
    assert not cell.startswith("=")


def test_csv_export_neutralises_every_value_of_a_joined_cell(client):
    """Regression: only a joined cell's start was neutralised, so "Alias;=cmd|..." kept the
    formulas after the first ";" (a spreadsheet splitting on ";" would run them)."""
    names = "Alias\n=cmd|' /C calc'!A0\n-2+3\n@SUM(9)"
    f.person("Joined Person", other_names=names)
    header, *rows = csv_rows(export(client, "archive:person-list", "csv", "q=joined person"))
    cell = dict(zip(header, rows[0], strict=True))["other_names"]
    assert cell.split(";") == ["Alias", "'=cmd|' /C calc'!A0", "'-2+3", "'@SUM(9)"]


@pytest.mark.parametrize("prefix", ["\t", "\r"])
def test_csv_export_neutralises_formulas_behind_a_tab_or_carriage_return(client, prefix):
    f.film(prefix + "=1+1", 1999)
    header, *rows = csv_rows(export(client, "archive:film-list", "csv", "year_max=1999"))
    assert dict(zip(header, rows[0], strict=True))["title"].startswith("'")


@pytest.mark.parametrize(
    ("url_name", "query", "message"),
    [
        ("archive:film-list", "country=XX", "No country has the code “XX”"),
        ("archive:film-list", "year_min=abc", "From year (year_min): Enter a whole number."),
        ("archive:film-list", "sort=rating", "Unknown sort “rating”"),
        ("archive:person-list", "role=stuntman", "Credit (role)"),
        ("archive:person-list", "film=no-such-film", "There is no film “no-such-film”"),
        ("archive:adaptation-list", "kind=sequel", "Kind (kind)"),
        ("archive:adaptation-list", "source=no-such-film", "no-such-film"),
        ("archive:award-list", "year=99999", "Year (year)"),
        ("archive:award-list", "result=lost", "Result (result)"),
    ],
)
@pytest.mark.parametrize("output", ["csv", "json"])
def test_export_with_a_bad_filter_is_a_plain_400(client, url_name, query, message, output):
    response = f.get(client, f"{reverse(url_name)}?{query}&format={output}")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("Bad request:")
    assert message in text
    assert "Traceback" not in text


def test_export_400_does_not_echo_markup_as_html(client):
    response = f.get(client, reverse("archive:film-list") + "?country=<b>x</b>&format=csv")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")


# The film and person pages as JSON.


def test_film_page_as_json_is_the_whole_record(client):
    response = f.get(
        client, reverse("archive:film-detail", kwargs={"slug": ORIGINAL}) + "?format=json"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "7번방의 선물".encode() in response.content  # UTF-8, not \u escapes
    record = json.loads(response.content)
    assert record["slug"] == ORIGINAL
    assert record["url"] == f"{f.BASE}/films/{ORIGINAL}/"
    assert record["year"] == 2013
    assert record["release_date"] == "2013-01-23"
    assert record["countries"] == [{"code": "KR", "name": "South Korea"}]
    assert record["original_language"] == {"code": "ko", "name": "Korean"}
    assert len(record["titles"]) == 8
    assert {
        "text": "7번방의 선물",
        "kind": "original",
        "language": "ko",
        "note": "Hangul",
        "sources": ["wikipedia-miracle-in-cell-no-7"],
    } in record["titles"]
    assert len(record["credits"]) == 16
    ye_sung = [c for c in record["credits"] if c["character"] == "Ye-sung"]
    assert [(c["person"], c["note"], c["billing"]) for c in ye_sung] == [
        ("kal-so-won", "child", 2),
        ("park-shin-hye", "adult", 3),
    ]
    assert {c["kind"] for c in record["credits"]} == {"actor", "director", "writer", "producer"}
    assert len(record["adaptation_family"]) == 5
    assert {a["adaptation"] for a in record["adaptation_family"]} == ADAPTATIONS
    assert {a["source"] for a in record["adaptation_family"]} == {ORIGINAL}
    assert len(record["awards"]) == 7
    assert {"won", "nominated"} == {a["result"] for a in record["awards"]}
    assert len(record["box_office"]) == 9
    assert len(record["links"]) == 5
    assert record["notes"] and record["sources"] and record["companies"]
    assert record["updated_at"]


def test_remake_page_as_json_carries_the_same_family(client):
    response = f.get(
        client, reverse("archive:film-detail", kwargs={"slug": TURKISH}) + "?format=json"
    )
    record = json.loads(response.content)
    assert record["title"] == "7. Koğuştaki Mucize"
    assert {a["adaptation"] for a in record["adaptation_family"]} == ADAPTATIONS
    assert [c["person"] for c in record["credits"]] == [
        "aras-bulut-iynemli",
        "nisa-sofiya-aksongur",
        "mehmet-ada-oztekin",
    ]


def test_person_page_as_json_is_the_whole_record(client):
    response = f.get(
        client,
        reverse("archive:person-detail", kwargs={"slug": "ryu-seung-ryong"}) + "?format=json",
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    record = json.loads(response.content)
    assert record["slug"] == "ryu-seung-ryong"
    assert record["name"] == "Ryu Seung-ryong"
    assert record["url"] == f"{f.BASE}/people/ryu-seung-ryong/"
    assert record["credits"] == [
        {
            "film": ORIGINAL,
            "title": "Miracle in Cell No. 7",
            "year": 2013,
            "url": f"{f.BASE}/films/{ORIGINAL}/",
            "kind": "actor",
            "character": "Lee Yong-gu",
            "note": "",
            # In the sources' own order (by title), as on the pages.
            "sources": ["wikipedia-ko-miracle-in-cell-no-7", "seed-article"],
        }
    ]
    assert [(a["ceremony"], a["category"], a["result"]) for a in record["awards"]] == [
        ("Baeksang Arts Awards", "Grand Prize (Film)", "won"),
        ("Blue Dragon Film Awards", "Best Actor", "nominated"),
        ("Grand Bell Awards", "Best Actor", "won"),
    ]


def test_person_json_keeps_turkish_letters(client):
    response = f.get(
        client,
        reverse("archive:person-detail", kwargs={"slug": "aras-bulut-iynemli"}) + "?format=json",
    )
    assert "Aras Bulut İynemli".encode() in response.content


# Exports stay flat in queries as the archive grows.


@pytest.mark.slow
def test_exports_make_the_same_number_of_queries_with_many_more_rows(client):
    """The archive is grown once for every list's export (growing it is what costs)."""

    def run(url_name):
        with CaptureQueriesContext(connection) as queries:
            response = f.get(client, reverse(url_name) + "?format=csv")
            rows = csv_rows(response)
        return len(queries), len(rows) - 1

    seed = {url_name: run(url_name) for url_name in LISTS}
    f.grow_archive(films=40, credits=60, awards=30, adaptations=10)
    grown = {url_name: run(url_name) for url_name in LISTS}
    assert Film.objects.count() == 46
    assert {name: queries for name, (queries, _) in grown.items()} == {
        name: queries for name, (queries, _) in seed.items()
    }
    assert all(grown[name][1] > seed[name][1] for name in LISTS), (seed, grown)
