"""Bad, hostile and odd input on every public URL: never a server error.

The rule: a bad parameter value is a clear message on the page (or a 400 for an export),
never a server error; a page number past the end is a 404. One table of inputs runs on
every list; each row says what the page must do:

- ``FILTER``: the value is bad for a parameter; lists that have it show the message in the
  ``role="alert"`` block (naming the parameter), lists that do not have it ignore it;
- ``ALERT``: every list shows a message (page, sort, format, search text);
- ``OK``: odd but harmless: a normal page, no message;
- ``ANY``: a 200, with or without a message;
- 404, 400: the status (400 always comes with a plain-text message).

Whatever the row, a raw ``<script>`` never reaches an HTML page. Run it on PostgreSQL too
(``DATABASE_URL=postgres://...``): PostgreSQL rejects NUL characters in queries, so a NUL
that reaches the database is a 500 there and not on SQLite.
"""

from urllib.parse import urlencode

import pytest
from django.urls import reverse

from archive.models import Film

from . import factories as f
from .factories import HINDI, ORIGINAL, TURKISH

# Every test sees the seed fixture (loaded once for the module); its own changes are rolled
# back after it.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("archive")]

FILTER, ALERT, OK, ANY, EXPORT = "filter", "alert", "ok", "any", "export"
SCRIPT = "<script>alert(1)</script>"
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"

#: Each list and the parameters it documents (besides sort, page and format).
LISTS = {
    "films": (
        "archive:film-list",
        {
            "q",
            "year_min",
            "year_max",
            "country",
            "language",
            "genre",
            "status",
            "person",
            "adapted",
        },
    ),
    "people": ("archive:person-list", {"q", "role", "film"}),
    "adaptations": (
        "archive:adaptation-list",
        {"q", "kind", "country", "language", "year_min", "year_max", "source"},
    ),
    "awards": (
        "archive:award-list",
        {"q", "ceremony", "year", "category", "result", "person", "film"},
    ),
}

NUL_PARAMS = [
    "year_min",
    "year_max",
    "year",
    "country",
    "language",
    "genre",
    "status",
    "person",
    "adapted",
    "role",
    "film",
    "kind",
    "source",
    "ceremony",
    "category",
    "result",
]

#: (id, [(name, value), ...] or a raw query string, expectation)
CASES = [
    # Numbers that are not years.
    ("year_min-letters", [("year_min", "abc")], FILTER),
    ("year_max-letters", [("year_max", "20x9")], FILTER),
    ("year-letters", [("year", "abc")], FILTER),
    ("year-99999", [("year", "99999")], FILTER),
    ("year_min-99999", [("year_min", "99999")], FILTER),
    ("year_max-negative", [("year_max", "-1")], FILTER),
    ("year-40-digits", [("year", "9" * 40)], FILTER),
    ("year_min-float", [("year_min", "2013.5")], FILTER),
    ("year_min-exponent", [("year_min", "2e3")], FILTER),
    ("year_min-fullwidth-digits", [("year_min", "２０１３")], ANY),
    # Codes and slugs that name nothing.
    ("country-XX", [("country", "XX")], FILTER),
    ("country-name", [("country", "Korea")], FILTER),
    ("country-one-good-one-bad", [("country", "KR"), ("country", "XX")], FILTER),
    ("country-10KB", [("country", "A" * 10240)], FILTER),
    ("language-unknown", [("language", "qq")], FILTER),
    ("genre-unknown", [("genre", "space-opera")], FILTER),
    ("person-unknown", [("person", "nobody-at-all")], FILTER),
    ("person-10KB", [("person", "a" * 10240)], FILTER),
    ("film-unknown", [("film", "no-such-film-2013")], FILTER),
    ("source-unknown", [("source", "no-such-film-2013")], FILTER),
    ("ceremony-unknown", [("ceremony", "academy-awards")], FILTER),
    # Choices that do not exist.
    ("status-unknown", [("status", "lost")], FILTER),
    ("kind-unknown", [("kind", "sequel")], FILTER),
    ("role-unknown", [("role", "stuntman")], FILTER),
    ("result-unknown", [("result", "lost")], FILTER),
    ("adapted-unknown", [("adapted", "maybe")], FILTER),
    ("sort-unknown", [("sort", "rating")], ALERT),
    ("sort-sql", [("sort", "title; DROP TABLE archive_film")], ALERT),
    ("sort-field-name", [("sort", "updated_at")], ALERT),
    # Pages.
    ("page-0", [("page", "0")], ALERT),
    ("page-minus-1", [("page", "-1")], ALERT),
    ("page-letters", [("page", "abc")], ALERT),
    ("page-float", [("page", "1.5")], ALERT),
    ("page-10**9", [("page", str(10**9))], 404),
    ("page-50-digits", [("page", "9" * 50)], 404),
    ("page-2-of-none", [("q", "no-such-thing"), ("page", "2")], 404),
    # Search text.
    ("q-10KB", [("q", "a" * 10240)], ALERT),
    ("q-201-chars", [("q", "b" * 201)], ALERT),
    ("q-sql-or", [("q", "' OR 1=1 --")], OK),
    ("q-sql-drop", [("q", "1; DROP TABLE archive_film")], OK),
    ("q-sql-comment", [("q", "miracle'/*")], OK),
    ("q-like-wildcards", [("q", "%_%")], OK),
    ("q-fts-syntax", [("q", 'miracle" OR "x')], OK),
    ("q-fts-operators", [("q", "NEAR(a b) AND NOT c*")], OK),
    ("q-backslash", [("q", "\\\\%")], OK),
    ("q-script", [("q", SCRIPT)], OK),
    ("q-attribute-breakout", [("q", '"><img src=x onerror=alert(1)>')], OK),
    ("country-script", [("country", SCRIPT)], FILTER),
    ("person-script", [("person", SCRIPT)], FILTER),
    ("sort-script", [("sort", SCRIPT)], ALERT),
    ("format-script", [("format", SCRIPT)], ALERT),
    ("category-script", [("category", SCRIPT)], ANY),
    # Control characters.
    ("q-NUL", [("q", "\x00")], ALERT),
    ("q-NUL-then-text", [("q", "\u0000abc")], ALERT),
    ("q-text-NUL-text", [("q", "mir\x00acle")], ALERT),
    ("q-unit-separator", [("q", "a\x1fb")], ALERT),
    ("q-escape-sequence", [("q", "\x1b[31mred")], ALERT),
    ("q-DEL", [("q", "a\x7fb")], ALERT),
    ("q-C1-control", [("q", "a\x85b\x9bc")], ANY),
    *[(f"{name}-NUL", [(name, "\x00")], FILTER) for name in NUL_PARAMS],
    ("sort-NUL", [("sort", "\x00")], ALERT),
    ("page-NUL", [("page", "\x00")], ALERT),
    ("format-NUL", [("format", "\x00")], ALERT),
    ("name-NUL", [("\x00", "x")], OK),
    # Unicode oddities.
    ("q-RTL-mark", [("q", "\u200fmiracle\u200e")], OK),
    ("q-RTL-override", [("q", "\u202emiracle")], OK),
    ("q-emoji", [("q", "🎬🍿")], OK),
    ("q-flag-and-zwj", [("q", "🇰🇷\u200d👨\u200d👧")], OK),
    ("q-combining-only", [("q", "\u0301\u0301\u0301")], OK),
    ("q-zero-width-space", [("q", "\u200b")], OK),
    ("q-BOM", [("q", "\ufeffmiracle")], OK),
    ("q-private-use", [("q", "\ue000\U000f0000")], OK),
    ("q-noncharacter", [("q", "\uffff\ufffe")], OK),
    ("q-lone-surrogate-bytes", "q=%ED%B3%BF", OK),
    ("q-invalid-utf8-bytes", "q=%FF%FE%C0%AF", OK),
    ("q-overlong-NUL-bytes", "q=%C0%80", OK),
    ("q-raw-percent", "q=%", OK),
    ("q-broken-escape", "q=%zz%4", OK),
    # Repeated and empty parameters.
    ("q-repeated", [("q", "miracle"), ("q", "7번방의 선물")], OK),
    ("country-repeated-same", [("country", "KR"), ("country", "KR")], OK),
    ("page-repeated", [("page", "abc"), ("page", "1")], OK),
    ("year_min-repeated-last-bad", [("year_min", "2010"), ("year_min", "abc")], FILTER),
    ("format-repeated", [("format", "csv"), ("format", "html")], OK),
    ("empty-text-values", [("q", ""), ("year_min", ""), ("sort", ""), ("page", "")], OK),
    ("unknown-parameter", [("utm_source", "x"), ("fbclid", SCRIPT)], OK),
    ("no-value", "q&page&sort", OK),
    # More than 1,000 parameters: the site's 400 page (archive.middleware; Django's default).
    ("too-many-parameters", [("country", "KR")] * 1001, 400),
    # Formats.
    ("format-xml", [("format", "xml")], ALERT),
    ("format-upper-case", [("format", "CSV")], ALERT),
    ("format-empty", [("format", "")], OK),
    # Exports with a bad value: a plain 400.
    ("csv-sort-unknown", [("format", "csv"), ("sort", "rating")], 400),
    ("json-sort-unknown", [("format", "json"), ("sort", "rating")], 400),
    ("csv-q-NUL", [("format", "csv"), ("q", "\x00")], 400),
    ("json-q-10KB", [("format", "json"), ("q", "a" * 10240)], 400),
    ("csv-country-XX", [("format", "csv"), ("country", "XX")], EXPORT),
    ("csv-year-letters", [("format", "csv"), ("year", "abc")], EXPORT),
    ("json-source-NUL", [("format", "json"), ("source", "\x00")], EXPORT),
    ("csv-page-letters", [("format", "csv"), ("page", "abc")], "export-ok"),
    ("csv-page-past-end", [("format", "csv"), ("page", str(10**9))], "export-ok"),
]


def query_string(query):
    if isinstance(query, str):
        return query
    return urlencode(query)


def names_of(query):
    if isinstance(query, str):
        return {pair.split("=")[0] for pair in query.split("&")}
    return {name for name, _ in query}


def expected_outcome(expect, query, params):
    """What one list must answer: a status and whether the page carries a message."""
    relevant = bool((names_of(query) - {"format"}) & params)
    if expect == FILTER:
        return (200, True) if relevant else (200, False)
    if expect == EXPORT:
        return (400, None) if relevant else (200, None)
    if expect == "export-ok":
        return (200, None)
    if expect == ALERT:
        return (200, True)
    if expect == OK:
        return (200, False)
    if expect == ANY:
        return (200, None)
    return (expect, None)


def check_page(response, status, alert, query):
    assert response.status_code == status, f.body(response)[:2000]
    if response.get("Content-Disposition", "").startswith("attachment"):  # an export
        assert response["Content-Type"].startswith(("text/csv", "application/json"))
        f.body(response)  # the whole export reads without an error, streamed or whole
        return
    text = f.body(response)
    if status == 400:
        if "format" in names_of(query):  # an export's own message
            assert response["Content-Type"] == "text/plain; charset=utf-8"
            assert text.startswith("Bad request:\n")
        return
    if status == 404:
        return
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert SCRIPT not in text
    assert "<img src=x" not in text
    if alert is True:
        assert 'role="alert"' in text
        alert_block = text[
            text.index('role="alert"') : text.index("</div>", text.index('role="alert"'))
        ]
        assert "<li>" in alert_block
        if not isinstance(query, str):
            named = [name for name, _ in query if f"({name})" in alert_block]
            assert named, alert_block
    elif alert is False:
        assert 'role="alert"' not in text
    assert '<p class="summary" id="summary">' in text


def first_list_taking(query):
    """The first list that takes the case's first parameter (the film list otherwise)."""
    if isinstance(query, str) or not query:
        return "films"
    name = query[0][0]
    return next((key for key, (_, params) in LISTS.items() if name in params), "films")


def every_case_on_every_list():
    """Each case on each list that takes its parameters, and each list once with a bad
    value of a parameter it does not take (the first such case: ignored like any other).
    The quick run (``-m "not slow"``) tries each case once, on the first list that takes
    its parameter; the whole suite tries the rest."""
    ignored_once = set()
    for case_id, query, expect in CASES:
        for list_name, (_, params) in LISTS.items():
            names = names_of(query)
            takes = not names or names & (params | {"sort", "page", "format"})
            if not takes and list_name in ignored_once:
                continue
            if not takes:
                ignored_once.add(list_name)
            marks = () if list_name == first_list_taking(query) else (pytest.mark.slow,)
            yield pytest.param(list_name, query, expect, id=f"{case_id}-{list_name}", marks=marks)


@pytest.mark.parametrize(("list_name", "query", "expect"), list(every_case_on_every_list()))
def test_bad_input_never_breaks_a_list(client, list_name, query, expect):
    url_name, params = LISTS[list_name]
    params = params | {"sort", "page", "format"}
    status, alert = expected_outcome(expect, query, params)
    response = f.get(client, reverse(url_name), QUERY_STRING=query_string(query))
    check_page(response, status, alert, query)


@pytest.mark.parametrize("list_name", list(LISTS))
def test_script_in_the_search_is_shown_escaped(client, list_name):
    response = f.get(client, reverse(LISTS[list_name][0]), QUERY_STRING=urlencode({"q": SCRIPT}))
    text = f.body(response)
    assert SCRIPT not in text
    assert ESCAPED_SCRIPT in text  # in the search box and the sentence


@pytest.mark.parametrize("list_name", list(LISTS))
def test_script_in_a_bad_value_is_shown_escaped_in_the_message(client, list_name):
    query = urlencode({"sort": SCRIPT})
    text = f.body(f.get(client, reverse(LISTS[list_name][0]), QUERY_STRING=query))
    alert = text[text.index('role="alert"') :]
    assert ESCAPED_SCRIPT in alert[: alert.index("</div>")]


def test_sql_in_the_search_leaves_the_tables_alone(client):
    for text in ("1; DROP TABLE archive_film", "'; DELETE FROM archive_film; --"):
        for list_name in LISTS:
            f.get(client, reverse(LISTS[list_name][0]), QUERY_STRING=urlencode({"q": text}))
    assert Film.objects.count() == 6


@pytest.mark.parametrize("list_name", list(LISTS))
def test_a_bad_filter_is_left_out_and_the_good_ones_still_apply(client, list_name):
    url_name, params = LISTS[list_name]
    response = f.get(client, reverse(url_name), QUERY_STRING="q=miracle&sort=rating&page=abc")
    text = f.body(response)
    assert "Sort (sort): Unknown sort “rating”" in text
    assert "The page must be a whole number; showing page 1." in text
    assert "miracle" in f.summary(response)


# Every documented parameter with a good value answers (the table above has the bad ones).

GOOD = [
    (
        "films",
        "q=miracle&year_min=2010&year_max=2020&country=KR&country=TR&genre=drama"
        "&status=released&person=aras-bulut-iynemli&adapted=no&sort=title&page=1",
    ),
    ("films", "language=ko"),
    ("people", f"q=kim&role=actor&film={ORIGINAL}&sort=-name&page=1"),
    (
        "adaptations",
        f"q=miracle&kind=official_remake&country=TR&year_min=2019&year_max=2019"
        f"&source={ORIGINAL}&sort=-year&page=1",
    ),
    ("adaptations", "language=tr"),
    ("awards", "q=best&year=2013&category=actor&result=won&sort=category&page=1"),
    ("awards", "ceremony=grand-bell-awards"),
    ("awards", "person=ryu-seung-ryong"),
    ("awards", f"film={ORIGINAL}"),
]


@pytest.mark.parametrize("output", ["html", "csv", "json"])
@pytest.mark.parametrize(
    ("list_name", "query"),
    GOOD,
)
def test_every_documented_parameter_with_a_good_value_answers(client, list_name, query, output):
    response = f.get(client, reverse(LISTS[list_name][0]), QUERY_STRING=f"{query}&format={output}")
    assert response.status_code == 200
    text = f.body(response)
    if output == "html":
        assert 'role="alert"' not in text
        assert not f.summary(response).startswith("0 ")


# The record pages.

DETAILS = [
    reverse("archive:film-detail", kwargs={"slug": ORIGINAL}),
    reverse("archive:film-detail", kwargs={"slug": HINDI}),
    reverse("archive:person-detail", kwargs={"slug": "ryu-seung-ryong"}),
]


@pytest.mark.parametrize("url", DETAILS)
@pytest.mark.parametrize(
    "query",
    [
        "format=xml",
        "format=csv",
        "format=JSON",
        urlencode({"format": SCRIPT}),
        urlencode({"format": "\x00"}),
        urlencode({"format": "a" * 10240}),
        "format=json&format=xml",
    ],
)
def test_record_page_with_an_unknown_format_says_so(client, url, query):
    response = f.get(client, url, QUERY_STRING=query)
    assert response.status_code == 200
    text = f.body(response)
    assert 'role="alert"' in text
    assert "Unknown format" in text
    assert SCRIPT not in text


@pytest.mark.parametrize("url", DETAILS)
@pytest.mark.parametrize(
    "query",
    ["format=html", "format=", "format=html&page=abc&sort=x", urlencode({"q": SCRIPT}), "q=%FF"],
)
def test_record_page_ignores_parameters_it_does_not_have(client, url, query):
    response = f.get(client, url, QUERY_STRING=query)
    assert response.status_code == 200
    assert SCRIPT not in f.body(response)


@pytest.mark.parametrize(
    "path",
    [
        "/films/no-such-film-2013/",
        "/films/miracle-in-cell-no-7-2013x/",
        "/films/%3Cscript%3Ealert(1)%3C%2Fscript%3E/",
        "/films/..%2F..%2Fetc%2Fpasswd/",
        "/films/%00/",
        "/films/7%EB%B2%88%EB%B0%A9/",  # Hangul: not a slug
        "/films/" + "a" * 5000 + "/",
        "/films/1%3B%20DROP%20TABLE%20archive_film/",
        "/people/no-one/",
        "/people/ryu-seung-ryong-2/",
        "/people/%00/",
        "/people/%FF%FE/",
        "/people/" + "a" * 5000 + "/",
    ],
)
@pytest.mark.parametrize("query", ["", "format=json", "format=xml"])
def test_unknown_record_is_not_found(client, path, query):
    response = f.get(client, path, QUERY_STRING=query)
    assert response.status_code == 404
    assert SCRIPT not in f.body(response)


@pytest.mark.parametrize("slug", [ORIGINAL, TURKISH, HINDI])
def test_record_json_of_every_film_answers(client, slug):
    url = reverse("archive:film-detail", kwargs={"slug": slug})
    assert f.get(client, url, QUERY_STRING="format=json").status_code == 200


@pytest.mark.parametrize(
    ("list_name", "query"),
    [
        ("films", "country=&status=&genre=&person="),
        ("people", "role=&film="),
        ("adaptations", "kind=&country=&source="),
        ("awards", "ceremony="),
    ],
)
def test_an_empty_repeatable_parameter_is_ignored(client, list_name, query):
    response = f.get(client, reverse(LISTS[list_name][0]), QUERY_STRING=query)
    assert 'role="alert"' not in f.body(response)
    export = f.get(client, reverse(LISTS[list_name][0]), QUERY_STRING=query + "&format=csv")
    assert export.status_code == 200


def test_an_address_with_too_many_parameters_is_refused_with_the_reason(client):
    url = reverse("archive:film-list")
    assert client.get(url + "?" + "&".join(["country=KR"] * 1000)).status_code == 200
    response = client.get(url + "?" + "&".join(["country=KR"] * 1001))
    assert response.status_code == 400
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert "1,001 parameters; at most 1,000" in response.content.decode()
