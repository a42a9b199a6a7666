"""The public pages of DESIGN.md: what each one shows, how its links keep the filters, and
that each makes a fixed number of queries whatever the size of the archive.

Requests go through ``factories.get``, which empties the public page cache first: every
response here is built by the view, never replayed from the cache.
"""

import html
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from archive.models import Film, Person

from . import factories as f
from .factories import (
    ADAPTATIONS,
    ALL_FILMS,
    HINDI,
    INDONESIAN,
    KANNADA,
    ORIGINAL,
    PHILIPPINE,
    TURKISH,
)

# Every list, page and export is tested with the caches on and with them off.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("every_cache_mode")]


@pytest.fixture(scope="module")
def seed(django_db_setup, django_db_blocker):
    with f.archive_for_module(django_db_blocker):
        yield


@pytest.fixture(autouse=True)
def archive(seed, db):
    """Every test sees the seed fixture; its own changes are rolled back after it."""


def film_url(slug):
    return reverse("archive:film-detail", kwargs={"slug": slug})


def person_url(slug):
    return reverse("archive:person-detail", kwargs={"slug": slug})


def section(response, heading_id):
    """The HTML of the ``<section aria-labelledby=heading_id>`` of a page."""
    text = f.body(response)
    start = text.index(f'<section aria-labelledby="{heading_id}">')
    return text[start : text.index("</section>", start)]


def facets(response):
    """{facet title: [(label, count, href, selected), ...]} from a list's facet column."""
    text = f.body(response)
    if '<aside class="facets"' not in text:
        return {}
    aside = text[text.index('<aside class="facets"') : text.index("</aside>")]
    result = {}
    for title, items in re.findall(r"<h3>(.*?)</h3>\s*<ul>(.*?)</ul>", aside, re.S):
        result[title] = [
            (
                f._text(label).replace("Remove: ", "").lstrip("✓ "),
                int(count),
                html.unescape(href),
                bool(sel),
            )
            for href, sel, label, count in re.findall(
                r'<li><a href="([^"]*)"( aria-current="true")?[^>]*>(.*?)</a>\s*'
                r'<span class="count">(\d+)</span>',
                items,
                re.S,
            )
        ]
    return result


def chips(response):
    """[(label, href)] of the active-filter links, each of which removes its filter."""
    return [
        (f._text(label), html.unescape(href))
        for href, label in re.findall(
            r'<a class="chip" href="([^"]*)" aria-label="Remove filter ([^"]*)">', f.body(response)
        )
    ]


def pagination(response, rel):
    match = re.search(rf'<a href="([^"]*)" rel="{rel}">', f.body(response))
    return match.group(1).replace("&amp;", "&") if match else None


# The home page.


def test_home_page_counts_every_kind_of_record_and_links_to_each_list(client):
    response = f.get(client, reverse("archive:home"))
    assert response.status_code == 200
    for number, label, url_name in [
        (6, "films", "archive:film-list"),
        (30, "people", "archive:person-list"),
        (31, "credits", "archive:person-list"),
        (5, "adaptations", "archive:adaptation-list"),
        (7, "awards and nominations", "archive:award-list"),
    ]:
        assertContains(
            response,
            f'<li><a href="{reverse(url_name)}"><strong>{number}</strong> {label}</a></li>',
            html=True,
        )


def test_home_page_links_the_most_remade_film_and_recent_records(client):
    response = f.get(client, reverse("archive:home"))
    adaptations_of = reverse("archive:adaptation-list") + f"?source={ORIGINAL}"
    assertContains(response, f'<a href="{adaptations_of}">5 adaptations</a>', html=True)
    assertContains(response, f'href="{reverse("archive:film-list")}?adapted=yes"')
    for slug in ALL_FILMS:
        assertContains(response, f'href="{film_url(slug)}"')
    assertContains(response, f'href="{person_url("ryu-seung-ryong")}"')


# The lists.


@pytest.mark.parametrize(
    ("url_name", "heading", "sentence", "rows"),
    [
        ("archive:film-list", "Films", "6 films, newest first.", 6),
        ("archive:person-list", "People", "30 people, by name.", 25),
        ("archive:adaptation-list", "Remakes and adaptations", "5 adaptations, oldest first.", 5),
        (
            "archive:award-list",
            "Awards and nominations",
            "7 awards and nominations, newest first.",
            7,
        ),
    ],
)
def test_each_list_answers_with_its_sentence_rows_and_exports(
    client, url_name, heading, sentence, rows
):
    response = f.get(client, reverse(url_name))
    assert response.status_code == 200
    assertContains(response, f"<h1>{heading}</h1>", html=True)
    assert f.summary(response) == sentence
    body = f.body(response)
    table = body[body.index('<table class="records">') : body.index("</table>")]
    assert table.count("<tr>") - 1 == rows  # less the heading row
    assertContains(response, 'href="?format=csv"')
    assertContains(response, 'href="?format=json"')
    assertNotContains(response, 'role="alert"')


def test_film_list_rows_show_title_year_countries_language_and_status(client):
    response = f.get(client, reverse("archive:film-list"))
    assert f.row_links(response) == [
        film_url(slug) for slug in (INDONESIAN, TURKISH, PHILIPPINE, KANNADA, ORIGINAL, HINDI)
    ]
    rows = f.table_rows(response, "records")
    assert ["7. Koğuştaki Mucize (Drama)", "2019", "Türkiye", "Turkish", "Released"] in rows
    assert ["Untitled film", "—", "India", "Hindi", "Announced"] in rows


def test_adaptation_list_rows_show_country_language_director_kind_and_source(client):
    rows = f.table_rows(f.get(client, reverse("archive:adaptation-list")), "records")
    assert [
        "7. Koğuştaki Mucize",
        "2019",
        "Türkiye, Turkish",
        "Mehmet Ada Öztekin",
        "Official remake",
        "Miracle in Cell No. 7 (2013)",
    ] in rows
    assert [
        "Untitled film",
        "Announced",
        "India, Hindi",
        "Umesh Shukla (announced)",
        "Official remake",
        "Miracle in Cell No. 7 (2013)",
    ] in rows


def test_award_list_rows_show_ceremony_category_nominee_film_and_result(client):
    rows = f.table_rows(f.get(client, reverse("archive:award-list")), "records")
    assert [
        "50th Grand Bell Awards (2013)",
        "Best Actor – Shared with Song Kang-ho",
        "Ryu Seung-ryong",
        "Miracle in Cell No. 7",
        "★ Won",
    ] in rows
    assert [
        "50th Grand Bell Awards (2013)",
        "Planning Award – Given to the film; no person named",
        "the film",
        "Miracle in Cell No. 7",
        "★ Won",
    ] in rows
    assert [
        "34th Blue Dragon Film Awards (2013)",
        "Best Actor",
        "Ryu Seung-ryong",
        "Miracle in Cell No. 7",
        "○ Nominated",
    ] in rows


def test_person_list_rows_show_credit_counts_linking_to_their_films(client):
    response = f.get(client, reverse("archive:person-list") + "?q=lee hwan")
    assert f.table_rows(response, "records")[1] == ["Lee Hwan-kyung", "—", "2"]
    assertContains(response, 'href="/films/?person=lee-hwan-kyung"')


@pytest.mark.parametrize(
    "url_name",
    ["archive:film-list", "archive:person-list", "archive:adaptation-list", "archive:award-list"],
)
def test_each_cell_of_a_list_names_its_column_for_a_phone(client, url_name):
    """On a narrow screen the rows stack and the heading row is hidden (site.css), so every
    cell carries its column's heading in ``data-label``, shown before its value."""
    text = f.body(f.get(client, reverse(url_name)))
    table = text[text.index('<table class="records">') : text.index("</table>")]
    head, body = table.split("</thead>")
    headings = re.findall(r'<th scope="col">(.*?)</th>', head)
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
    assert headings and rows
    for row in rows:
        cells = re.findall(r"<t[hd]\b([^>]*)>", row)
        labels = [re.search(r'data-label="([^"]*)"', attributes) for attributes in cells]
        assert [label and label.group(1) for label in labels] == headings, row


@pytest.mark.parametrize(
    ("url_name", "query", "sentence"),
    [
        (
            "archive:film-list",
            "country=KR&country=TR",
            "2 films from South Korea or Türkiye, newest first.",
        ),
        ("archive:film-list", "country=kr", "1 film from South Korea, newest first."),
        ("archive:film-list", "q=kogustaki", "1 film matching “kogustaki”, newest first."),
        ("archive:film-list", "status=announced", "1 film with status announced, newest first."),
        (
            "archive:film-list",
            "person=ryu-seung-ryong",
            "1 film with Ryu Seung-ryong, newest first.",
        ),
        ("archive:film-list", "genre=drama", "1 film in the genre Drama, newest first."),
        (
            "archive:film-list",
            "year_min=2017&year_max=2019&sort=title",
            "3 films released 2017–2019, by title.",
        ),
        ("archive:film-list", "year_min=2019", "3 films released in 2019 or later, newest first."),
        (
            "archive:film-list",
            "year_max=2013&sort=year",
            "1 film released in 2013 or earlier, oldest first.",
        ),
        ("archive:film-list", "adapted=no", "5 films without adaptations, newest first."),
        ("archive:film-list", "q=parasite", "0 films matching “parasite”, newest first."),
        ("archive:person-list", "role=director", "6 people credited as director, by name."),
        (
            "archive:person-list",
            "film=7-kogustaki-mucize-2019",
            "3 people in 7. Koğuştaki Mucize (2019), by name.",
        ),
        ("archive:person-list", "q=iynemli", "1 person named “iynemli”, by name."),
        (
            "archive:adaptation-list",
            f"source={ORIGINAL}&country=IN",
            "2 adaptations of Miracle in Cell No. 7 (2013) from India, oldest first.",
        ),
        (
            "archive:adaptation-list",
            "kind=unofficial_remake&sort=-year",
            "1 adaptation of the kind unofficial remake, newest first.",
        ),
        (
            "archive:award-list",
            "result=nominated",
            "2 awards and nominations nominated only, newest first.",
        ),
        (
            "archive:award-list",
            "q=grand bell&sort=category",
            "4 awards and nominations matching “grand bell”, by category.",
        ),
    ],
)
def test_each_list_says_what_it_shows_in_a_plain_sentence(client, url_name, query, sentence):
    response = f.get(client, f"{reverse(url_name)}?{query}")
    assert response.status_code == 200
    assert f.summary(response) == sentence
    assertContains(response, f'<meta name="description" content="{sentence}">', html=True)


def test_summary_agrees_in_number_for_a_single_adapted_film(client):
    response = f.get(client, reverse("archive:film-list") + "?adapted=yes")
    assert f.summary(response) == "1 film with adaptations, newest first."


def test_film_list_facets_count_each_value(client):
    found = facets(f.get(client, reverse("archive:film-list")))
    counts = {title: {label: n for label, n, _, _ in values} for title, values in found.items()}
    assert counts["Country"] == {
        "India": 2,
        "South Korea": 1,
        "Türkiye": 1,
        "Philippines": 1,
        "Indonesia": 1,
    }
    assert counts["Language"] == {
        "Korean": 1,
        "Kannada": 1,
        "Turkish": 1,
        "Filipino": 1,
        "Indonesian": 1,
        "Hindi": 1,
    }
    assert counts["Genre"] == {"Comedy-drama": 1, "Drama": 1}
    assert counts["Decade"] == {"2020s": 1, "2010s": 4}
    assert counts["Status"] == {"Released": 5, "Announced": 1}
    # The most frequent value first; each link adds its value to the parameter.
    assert found["Country"][0][:2] == ("India", 2)
    assert f.link_params(found["Country"][0][2]) == {"country": ["IN"]}
    assert f.link_params({v[0]: v[2] for v in found["Decade"]}["2010s"]) == {
        "year_min": ["2010"],
        "year_max": ["2019"],
    }


def test_facets_count_within_the_other_filters_and_mark_the_selected_values(client):
    response = f.get(client, reverse("archive:film-list") + "?country=KR&country=TR&genre=drama")
    found = facets(response)
    # The country facet counts without its own filter (every country, within genre=drama).
    assert [(label, n, sel) for label, n, _, sel in found["Country"]] == [("Türkiye", 1, True)]
    # The genre facet counts within the two countries, and marks drama as selected.
    genres = {label: (n, sel) for label, n, _, sel in found["Genre"]}
    assert genres == {"Comedy-drama": (1, False), "Drama": (1, True)}
    selected = next(href for label, _, href, sel in found["Genre"] if sel)
    assert f.link_params(selected) == {"country": ["KR", "TR"]}  # removes drama only


def test_other_lists_have_their_facets(client):
    people = facets(f.get(client, reverse("archive:person-list")))
    assert {label: n for label, n, _, _ in people["Credit"]} == {
        "Actor": 19,
        "Director": 6,
        "Writer": 4,
        "Producer": 2,
    }
    adaptations = facets(f.get(client, reverse("archive:adaptation-list")))
    assert {label: n for label, n, _, _ in adaptations["Kind"]} == {
        "Official remake": 4,
        "Unofficial remake": 1,
    }
    assert adaptations["Country"][0][:2] == ("India", 2)
    awards = facets(f.get(client, reverse("archive:award-list")))
    assert [(label, n) for label, n, _, _ in awards["Ceremony"]] == [
        ("Grand Bell Awards", 4),
        ("Baeksang Arts Awards", 2),
        ("Blue Dragon Film Awards", 1),
    ]
    assert [(label, n) for label, n, _, _ in awards["Year"]] == [("2013", 7)]
    assert [(label, n) for label, n, _, _ in awards["Result"]] == [("Won", 5), ("Nominated", 2)]


def test_selected_single_value_facet_links_back_to_everything(client):
    found = facets(f.get(client, reverse("archive:award-list") + "?result=won&year=2013"))
    won = next(item for item in found["Result"] if item[0] == "Won")
    assert won[3] is True
    assert f.link_params(won[2]) == {"year": ["2013"]}


def test_every_facet_link_of_the_award_list_answers(client):
    found = facets(f.get(client, reverse("archive:award-list")))
    for values in found.values():
        for _, count, href, _ in values:
            response = f.get(client, reverse("archive:award-list") + href)
            assert response.status_code == 200, href
            assert f.summary(response).startswith(f"{count} "), href


def test_every_facet_link_of_the_other_lists_answers_with_its_count(client):
    for url_name in ("archive:person-list", "archive:adaptation-list"):
        for values in facets(f.get(client, reverse(url_name))).values():
            for _, count, href, _ in values:
                response = f.get(client, reverse(url_name) + href)
                assert response.status_code == 200, href
                assert re.match(rf"{count} ", f.summary(response)), href
    for title, values in facets(f.get(client, reverse("archive:film-list"))).items():
        if title == "Language":
            continue  # see test_film_language_facet_links_answer
        for _, count, href, _ in values:
            response = f.get(client, reverse("archive:film-list") + href)
            assert response.status_code == 200, href
            assert re.match(rf"{count} ", f.summary(response)), href


def test_film_language_facet_links_answer(client):
    for _, count, href, _ in facets(f.get(client, reverse("archive:film-list")))["Language"]:
        response = f.get(client, reverse("archive:film-list") + href)
        assert response.status_code == 200, href
        assert f.summary(response).startswith(f"{count} film")


def test_each_active_filter_has_a_link_that_removes_only_that_value(client):
    query = "country=KR&country=TR&year_min=2010&q=miracle&sort=title"
    response = f.get(client, f"{reverse('archive:film-list')}?{query}")
    assert f.summary(response) == (
        "2 films matching “miracle” from South Korea or Türkiye released in 2010 or later, "
        "by title."
    )
    found = dict(chips(response))
    everything = {
        "country": ["KR", "TR"],
        "year_min": ["2010"],
        "q": ["miracle"],
        "sort": ["title"],
    }
    assert set(found) == {
        "Country: South Korea",
        "Country: Türkiye",
        "From year: 2010",
        "Title or character: miracle",
    }
    expected = {
        "Country: South Korea": {**everything, "country": ["TR"]},
        "Country: Türkiye": {**everything, "country": ["KR"]},
        "From year: 2010": {k: v for k, v in everything.items() if k != "year_min"},
        "Title or character: miracle": {k: v for k, v in everything.items() if k != "q"},
    }
    for label, href in found.items():
        assert f.link_params(href) == expected[label], label
    assertContains(response, f'<a href="{reverse("archive:film-list")}">Clear all</a>', html=True)


def test_active_filter_of_a_choice_reads_as_its_label(client):
    response = f.get(client, reverse("archive:person-list") + "?role=director&role=writer")
    assert dict(chips(response)) == {
        "Credit: Director": "?role=writer",
        "Credit: Writer": "?role=director",
    }


def test_export_links_keep_the_filters_and_drop_the_page(tune, client, settings):
    tune(paginate_by=2)
    response = f.get(client, reverse("archive:film-list") + "?country=IN&sort=title&page=1")
    links = re.findall(r'<a href="(\?[^"]*format=(?:csv|json))">', f.body(response))
    assert [f.link_params(link) for link in links] == [
        {"country": ["IN"], "sort": ["title"], "format": ["csv"]},
        {"country": ["IN"], "sort": ["title"], "format": ["json"]},
    ]


def test_filters_not_in_the_form_ride_along_as_hidden_inputs(client):
    response = f.get(client, reverse("archive:film-list") + "?country=KR&country=TR&genre=drama")
    for name, value in [("country", "KR"), ("country", "TR"), ("genre", "drama")]:
        assertContains(response, f'<input type="hidden" name="{name}" value="{value}">', html=True)


def test_pagination_links_keep_the_filters_and_walk_every_row(tune, client, settings):
    tune(paginate_by=2)
    base = reverse("archive:film-list")
    query = "?country=IN&country=PH&country=ID&country=TR&sort=title"
    response = f.get(client, base + query)
    assert f.summary(response) == (
        "5 films from India, Indonesia, Philippines or Türkiye, by title."
    )
    seen, pages = [], 0
    while True:
        pages += 1
        assert response.status_code == 200
        assertContains(response, f"Page {pages} of 3")
        seen += f.row_links(response)
        next_link = pagination(response, "next")
        if not next_link:
            break
        params = f.link_params(next_link)
        assert params == {
            "country": ["IN", "PH", "ID", "TR"],
            "sort": ["title"],
            "page": [str(pages + 1)],
        }
        response = f.get(client, base + next_link)
    assert pages == 3
    assert len(seen) == len(set(seen)) == 5
    assert set(seen) == {film_url(s) for s in ADAPTATIONS}
    previous = f.link_params(pagination(response, "prev"))
    assert previous == {"country": ["IN", "PH", "ID", "TR"], "sort": ["title"], "page": ["2"]}


@pytest.mark.parametrize(
    ("url_name", "query", "pages"),
    [
        ("archive:person-list", "role=actor&sort=-name", 10),
        ("archive:adaptation-list", "kind=official_remake&sort=-year", 2),
        ("archive:award-list", "result=won&sort=category", 3),
    ],
)
def test_pagination_of_the_other_lists_keeps_their_filters(
    tune, client, settings, url_name, query, pages
):
    tune(paginate_by=2)
    response = f.get(client, f"{reverse(url_name)}?{query}")
    assertContains(response, f"Page 1 of {pages}")
    params = f.link_params(pagination(response, "next"))
    assert params == {**f.link_params("?" + query), "page": ["2"]}
    last = f.get(client, f"{reverse(url_name)}?{query}&page={pages}")
    assert last.status_code == 200
    assert pagination(last, "next") is None


@pytest.mark.parametrize(
    "url_name",
    ["archive:film-list", "archive:person-list", "archive:adaptation-list", "archive:award-list"],
)
def test_a_page_past_the_end_is_not_found(tune, client, settings, url_name):
    tune(paginate_by=2)
    assert f.get(client, reverse(url_name) + "?page=2").status_code == 200
    assert f.get(client, reverse(url_name) + "?page=99").status_code == 404
    assert f.get(client, reverse(url_name) + "?q=no-such-thing&page=2").status_code == 404


def test_an_empty_selection_is_one_page_that_says_so(client):
    response = f.get(client, reverse("archive:film-list") + "?q=no-such-film")
    assert response.status_code == 200
    assertContains(response, "No film matches.")
    assertContains(response, f'<a href="{reverse("archive:film-list")}">See every film</a>')


@pytest.mark.parametrize(
    "url",
    ["/films/no-such-film-2013/", "/people/no-such-person/", "/films/MIRACLE-IN-CELL-NO-7-2013/"],
)
def test_an_unknown_slug_is_not_found(client, url):
    assert f.get(client, url).status_code == 404


# The film page.


@pytest.fixture
def original(client):
    response = f.get(client, film_url(ORIGINAL))
    assert response.status_code == 200
    return response


def test_film_page_shows_the_facts(original):
    assertContains(
        original, '<h1>Miracle in Cell No. 7 <span class="year">(2013)</span></h1>', html=True
    )
    assertContains(
        original, '<dd><time datetime="2013-01-23">23 January 2013</time></dd>', html=True
    )
    assertContains(original, "<dd>127 minutes</dd>", html=True)
    assertContains(original, '<dd><a href="/films/?country=KR">South Korea</a></dd>', html=True)
    assertContains(original, '<dd><a href="/films/?language=ko">Korean</a></dd>', html=True)
    assertContains(
        original, '<dd><a href="/films/?genre=comedy-drama">Comedy-drama</a></dd>', html=True
    )


def test_film_page_lists_every_title_with_its_kind_and_language(original):
    for text, kind, language, note in [
        ("7번방의 선물", "Original title", "Korean", "Hangul"),
        ("7番房의 膳物", "Original title", "Korean", "Hanja"),
        ("7beonbang-ui Seonmul", "Romanization", "Korean", "Revised Romanization"),
        ("7pŏnbang ŭi Sŏnmul", "Romanization", "Korean", "McCune–Reischauer"),
        ("A Gift from Room 7", "Literal translation", "English", "Literal English translation"),
        ("December 23", "Working title", "English", "Early working title, in English"),
        ("12월 23일", "Working title", "Korean", "Early working title, in Korean"),
        ("Miracle in Cell No. 7", "Release title", "English", "English title"),
    ]:
        lang = {"Korean": "ko", "English": "en"}[language]
        assertContains(
            original,
            f'<tr><th scope="row" lang="{lang}">{text}</th><td>{kind}</td>'
            f"<td>{language}</td><td>{note}</td></tr>",
            html=True,
        )


def test_film_page_lists_the_cast_in_billing_order_with_characters(original):
    cast = section(original, "cast-h")
    names = re.findall(r'<li><a href="/people/([^/]+)/">', cast)
    assert names == [
        "ryu-seung-ryong",
        "kal-so-won",
        "park-shin-hye",
        "oh-dal-su",
        "jung-jin-young",
        "park-won-sang",
        "kim-jung-tae",
        "jung-man-sik",
        "kim-ki-cheon",
    ]
    assertContains(
        original,
        '<li><a href="/people/ryu-seung-ryong/">Ryu Seung-ryong</a> as Lee Yong-gu</li>',
        html=True,
    )
    # Two people play one character at different ages.
    assertContains(
        original,
        '<li><a href="/people/kal-so-won/">Kal So-won</a> as Ye-sung '
        '<span class="muted">(child)</span></li>',
        html=True,
    )
    assertContains(
        original,
        '<li><a href="/people/park-shin-hye/">Park Shin-hye</a> as Ye-sung '
        '<span class="muted">(adult)</span></li>',
        html=True,
    )


def test_film_page_lists_the_crew_by_kind(original):
    assertContains(
        original,
        '<dt>Director</dt><dd><a href="/people/lee-hwan-kyung/">Lee Hwan-kyung</a></dd>',
        html=True,
    )
    assertContains(
        original,
        '<dt>Writers</dt><dd><a href="/people/lee-hwan-kyung/">Lee Hwan-kyung</a>, '
        '<a href="/people/yu-young-a/">Yu Young-a</a>, '
        '<a href="/people/kim-hwang-sung/">Kim Hwang-sung</a>, '
        '<a href="/people/kim-young-seok/">Kim Young-seok</a></dd>',
        html=True,
    )
    assertContains(
        original,
        '<dt>Producers</dt><dd><a href="/people/kim-min-ki/">Kim Min-ki</a>, '
        '<a href="/people/lee-sang-hun/">Lee Sang-hun</a></dd>',
        html=True,
    )
    assertContains(original, "<dt>Distributor</dt>", html=True)


def test_film_page_labels_several_production_companies_in_good_english(original):
    assertNotContains(original, "companys")
    assertContains(original, "<dt>Production companies</dt>", html=True)


FAMILY = [
    ["Miracle in Cell No. 7", "2013", "South Korea", "Korean", "Original"],
    ["Pushpaka Vimana", "2017", "India", "Kannada", "Unofficial remake"],
    ["7. Koğuştaki Mucize", "2019", "Türkiye", "Turkish", "Official remake"],
    ["Miracle in Cell No. 7", "2019", "Philippines", "Filipino", "Official remake"],
    ["Miracle in Cell No. 7", "2022", "Indonesia", "Indonesian", "Official remake"],
    ["Untitled film", "Announced", "India", "Hindi", "Official remake"],
]


def family_rows(response):
    """The adaptation family table without its heading, the "(this film)" mark removed."""
    rows = f.table_rows(response, "family")[1:]
    return [[cell.replace(" (this film)", "") for cell in row] for row in rows]


def test_film_page_of_the_original_lists_its_whole_adaptation_family(original):
    rows = family_rows(original)
    assert len(rows) == 6
    assert [row[:4] for row in rows] == [row[:4] for row in FAMILY]
    assert [row[4].startswith(e[4]) for row, e in zip(rows, FAMILY, strict=True)] == [True] * 6
    assertContains(original, "This film has been adapted 5 times.")
    assertContains(original, f'href="/adaptations/?source={ORIGINAL}"')
    for slug in ADAPTATIONS:
        assertContains(original, f'<a href="{film_url(slug)}">')
    # The original's own row is marked, not linked.
    assertContains(original, '<tr aria-current="page" class="current">')


@pytest.mark.parametrize("slug", sorted(ADAPTATIONS))
def test_each_remake_shows_the_same_family_table_as_the_original(client, original, slug):
    response = f.get(client, film_url(slug))
    assert response.status_code == 200
    assert family_rows(response) == family_rows(original)
    assertContains(
        response,
        f'This film is an adaptation of <a href="{film_url(ORIGINAL)}">Miracle in Cell No. 7</a>'
        " (2013).",
    )
    current = re.search(
        r'<tr aria-current="page" class="current">\s*<th scope="row">(.*?)</th>',
        f.body(response),
        re.S,
    )
    assert "(this film)" in current.group(1)
    assertContains(response, f'<a href="{film_url(ORIGINAL)}">Miracle in Cell No. 7</a>')


def test_film_page_groups_awards_by_ceremony_and_year_won_or_nominated(original):
    awards = section(original, "awards-h")
    groups = re.findall(r"<h3>(.*?)</h3>\s*<ul class=\"awards\">(.*?)</ul>", awards, re.S)
    assert [title for title, _ in groups] == [
        "49th Baeksang Arts Awards (2013)",
        "34th Blue Dragon Film Awards (2013)",
        "50th Grand Bell Awards (2013)",
    ]
    lines = {
        title: [f._text(li) for li in re.findall(r"<li>(.*?)</li>", items, re.S)]
        for title, items in groups
    }
    assert lines["49th Baeksang Arts Awards (2013)"] == [
        "○ Nominated: Best New Actress (Film) – Kal So-won",
        "★ Won: Grand Prize (Film) – Ryu Seung-ryong",
    ]
    assert lines["34th Blue Dragon Film Awards (2013)"] == [
        "○ Nominated: Best Actor – Ryu Seung-ryong"
    ]
    assert lines["50th Grand Bell Awards (2013)"] == [
        "★ Won: Best Actor – Ryu Seung-ryong (Shared with Song Kang-ho)",
        "★ Won: Best Screenplay – Lee Hwan-kyung",
        "★ Won: Planning Award – the film (Given to the film; no person named)",
        "★ Won: Special Jury Prize – Kal So-won",
    ]
    assert awards.count('class="result result-won"') == 5
    assert awards.count('class="result result-nominated"') == 2


def test_film_page_draws_the_admissions_chart_and_lists_the_figures(original):
    box = section(original, "box-h")
    svg = box[box.index("<svg") : box.index("</svg>") + len("</svg>")]
    chart = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert chart.get("role") == "img"
    assert chart.find(f"{ns}title").text == "Admissions by day since release"
    assert "4.6 million on day 14" in chart.find(f"{ns}desc").text
    assert chart.get("aria-labelledby").split() == [
        chart.find(f"{ns}title").get("id"),
        chart.find(f"{ns}desc").get("id"),
    ]
    assertContains(original, "<caption>Box-office figures</caption>", html=True)
    rows = f.table_rows(original, "compact")  # the titles table comes first
    assert rows[0] == ["Title", "Kind", "Language", "Note"]
    assert "12,320,000" in box
    assert "KRW 3,500,000,000" in box
    assert "more than USD 30,000,000" in box
    assert '<time datetime="2013-03-15">15 March 2013</time>' in box


def test_film_page_links_elsewhere_and_cites_its_sources(original):
    assertContains(
        original,
        '<a href="https://en.wikipedia.org/wiki/Miracle_in_Cell_No._7" rel="external noopener">'
        "Miracle in Cell No. 7 on Wikipedia</a>",
        html=True,
    )
    assertContains(original, "Official website (in Korean)")
    assertContains(original, "(address not recorded)")
    assertContains(original, '<a href="?format=json">This record as JSON</a>', html=True)
    sources = section(original, "sources-h")
    for key in (
        "seed-article",
        "sports-seoul-40448",
        "osen-g1109718264",
        "aju-news-20130404000579",
    ):
        assert f'<li id="source-{key}">' in sources
    # Every citation on the page points at a listed source.
    for key in set(re.findall(r'class="cite" href="#source-([^"]+)"', f.body(original))):
        assert f'<li id="source-{key}">' in sources
    assertContains(original, "Notes and conflicting sources")
    assertContains(original, 'Last changed <time datetime="')


def test_film_page_of_an_announced_film_without_title_or_year(client):
    response = f.get(client, film_url(HINDI))
    assert response.status_code == 200
    assertContains(response, "<title>Untitled film – Film archive</title>", html=True)
    assertContains(response, "Film · Announced")
    assertContains(response, "<dd>Not yet known</dd>", html=True)
    assertContains(response, "No title has been announced yet.")
    assertContains(response, "No cast recorded.")


def test_film_page_carries_json_ld_canonical_link_and_open_graph(client):
    response = f.get(client, film_url(ORIGINAL) + "?utm_source=x")
    data = f.jsonld(response)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Movie"
    assert data["name"] == "Miracle in Cell No. 7"
    assert "7번방의 선물" in data["alternateName"]
    assert data["url"] == f.BASE + film_url(ORIGINAL)
    assert data["actor"][0]["actor"]["name"] == "Ryu Seung-ryong"
    assert data["actor"][0]["characterName"] == "Lee Yong-gu"
    assertContains(
        response,
        f'<link rel="canonical" href="{f.BASE}{film_url(ORIGINAL)}">',
        html=True,
    )
    assertContains(
        response, '<meta property="og:title" content="Miracle in Cell No. 7 (2013)">', html=True
    )
    assertContains(response, '<meta property="og:type" content="video.movie">', html=True)
    assertContains(response, '<meta property="og:url"')
    assertContains(response, '<meta property="og:description"')


# The person page.


def test_person_page_lists_the_filmography_with_characters_and_the_awards(client):
    response = f.get(client, person_url("ryu-seung-ryong"))
    assert response.status_code == 200
    assertContains(response, "<h1>Ryu Seung-ryong</h1>", html=True)
    assert f.table_rows(response, "records")[1:] == [
        ["2013", "Miracle in Cell No. 7", "Actor as Lee Yong-gu"]
    ]
    awards = [
        f._text(li) for li in re.findall(r"<li>(.*?)</li>", section(response, "awards-h"), re.S)
    ]
    assert awards == [
        "★ Won: 49th Baeksang Arts Awards (2013), Grand Prize (Film), for Miracle in Cell No. 7",
        "○ Nominated: 34th Blue Dragon Film Awards (2013), Best Actor, for Miracle in Cell No. 7",
        "★ Won: 50th Grand Bell Awards (2013), Best Actor, for Miracle in Cell No. 7 "
        "(Shared with Song Kang-ho)",
    ]
    assertContains(response, 'href="/awards/?person=ryu-seung-ryong"')
    assertContains(response, 'href="/films/?person=ryu-seung-ryong"')
    assertContains(response, "Last changed")


def test_person_page_shows_a_note_on_a_shared_character(client):
    response = f.get(client, person_url("kal-so-won"))
    assert f.table_rows(response, "records")[1:] == [
        ["2013", "Miracle in Cell No. 7", "Actor as Ye-sung (child)"]
    ]


def test_person_page_groups_several_credits_on_one_film(client):
    response = f.get(client, person_url("lee-hwan-kyung"))
    assert f.table_rows(response, "records")[1:] == [
        ["2013", "Miracle in Cell No. 7", "Director; Writer"]
    ]


def test_person_page_of_someone_on_an_announced_film(client):
    response = f.get(client, person_url("umesh-shukla"))
    assert f.table_rows(response, "records")[1:] == [
        ["Announced", "Untitled film", "Director (announced)"]
    ]
    assertContains(response, "No award or nomination recorded.")


def test_person_page_carries_json_ld_canonical_link_and_open_graph(client):
    response = f.get(client, person_url("aras-bulut-iynemli"))
    data = f.jsonld(response)
    assert data["@type"] == "Person"
    assert data["name"] == "Aras Bulut İynemli"
    assert data["performerIn"] == [
        {"@type": "Movie", "name": "7. Koğuştaki Mucize", "url": f.BASE + film_url(TURKISH)}
    ]
    assertContains(
        response,
        f'<link rel="canonical" href="{f.BASE}{person_url("aras-bulut-iynemli")}">',
        html=True,
    )
    assertContains(response, '<meta property="og:type" content="profile">', html=True)
    assertContains(response, '<meta property="og:title" content="Aras Bulut İynemli">', html=True)


# Sitemap and robots.txt.


def test_sitemap_lists_every_film_and_person_and_the_lists(client):
    response = f.get(client, reverse("sitemap"))
    assert response.status_code == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = {loc.text for loc in ET.fromstring(response.content).findall("s:url/s:loc", ns)}
    for film in Film.objects.all():
        assert f.BASE + film.get_absolute_url() in urls
    for person in Person.objects.all():
        assert f.BASE + person.get_absolute_url() in urls
    for name in ("archive:home", "archive:film-list", "archive:person-list"):
        assert f.BASE + reverse(name) in urls
    assert len(urls) == 6 + 30 + 5


def test_robots_txt_keeps_robots_out_of_the_admin_and_names_the_sitemap(client):
    response = f.get(client, "/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "User-agent: *" in text
    assert "Disallow: /admin/" in text
    assert f"Sitemap: {f.BASE}/sitemap.xml" in text


# Queries: a fixed number per page, whatever the size of the archive or of the page.

LIST_QUERIES = [
    reverse("archive:home"),
    reverse("archive:film-list"),
    reverse("archive:film-list")
    + "?q=miracle&country=KR&country=TR&country=FR&genre=drama&genre=comedy-drama&year_min=1990"
    "&status=released&adapted=no&sort=title",
    reverse("archive:film-list") + "?person=ryu-seung-ryong&sort=-updated",
    reverse("archive:person-list"),
    reverse("archive:person-list") + f"?q=k&role=actor&role=director&film={ORIGINAL}&sort=-name",
    reverse("archive:adaptation-list"),
    reverse("archive:adaptation-list")
    + f"?q=miracle&kind=official_remake&country=IN&country=FR&country=TR&source={ORIGINAL}"
    "&year_min=1990&sort=-year",
    reverse("archive:award-list"),
    reverse("archive:award-list") + "?q=best&year=2013&category=best&result=won&sort=category",
]

DETAIL_QUERIES = [
    film_url(ORIGINAL),
    film_url(TURKISH),
    film_url(HINDI),
    film_url(ORIGINAL) + "?format=json",
    person_url("ryu-seung-ryong"),
    person_url("kal-so-won"),
    person_url("ryu-seung-ryong") + "?format=json",
]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = f.get(client, url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("url", LIST_QUERIES + DETAIL_QUERIES)
@pytest.mark.slow
def test_page_makes_the_same_number_of_queries_with_many_more_rows(
    client, url, django_assert_num_queries
):
    f.get(client, url)  # warm up
    seed_count = count_queries(client, url)
    f.grow_archive(films=40, credits=60, awards=30, adaptations=10)
    with django_assert_num_queries(seed_count):
        response = f.get(client, url)
    assert response.status_code == 200


@pytest.mark.parametrize("url", LIST_QUERIES[1:])
@pytest.mark.slow
def test_list_makes_the_same_number_of_queries_at_any_page_size(tune, client, settings, url):
    f.grow_archive(films=40, credits=60, awards=30, adaptations=10)
    tune(paginate_by=2)
    f.get(client, url)  # warm up
    small = count_queries(client, url)
    tune(paginate_by=25)
    assert count_queries(client, url) == small
    tune(paginate_by=1000)
    assert count_queries(client, url) == small


@pytest.mark.slow
def test_grown_pages_really_show_the_new_rows(tune, client, settings):
    """The query-count tests above compare pages that do show more rows."""
    f.grow_archive(films=40, credits=60, awards=30, adaptations=10)
    tune(paginate_by=25)
    response = f.get(client, film_url(ORIGINAL))
    assert section(response, "cast-h").count("<li>") == 9 + 60
    assert len(family_rows(response)) == 1 + 5 + 10
    assert f.get(client, person_url("ryu-seung-ryong")).content.count(b"Growth film") >= 40
    assert f.summary(f.get(client, reverse("archive:film-list"))) == "46 films, newest first."
    assert len(f.row_links(f.get(client, reverse("archive:film-list")))) == 25


# Families beyond one source and one generation.


def test_a_remake_that_was_itself_remade_lists_its_own_adaptations(client):
    turkish = Film.objects.get(slug=TURKISH)
    sequel = f.film("Remake of the Turkish remake", 2024, countries=["AZ"], language="az")
    f.adaptation(turkish, sequel)
    response = f.get(client, film_url(TURKISH))
    assertContains(response, f'<a href="{film_url(sequel.slug)}">')


def test_a_film_adapted_from_two_sources_names_both(client):
    other = f.film("Another source film", 2010, countries=["JP"], language="ja")
    f.adaptation(other, Film.objects.get(slug=TURKISH), kind="inspired_by")
    response = f.get(client, film_url(TURKISH))
    assertContains(response, f'<a href="{film_url(ORIGINAL)}">')
    assertContains(response, f'<a href="{film_url(other.slug)}">')


# Counting is capped (ArchiveListView.count_cap); paging must still reach every row.


def test_a_capped_count_says_more_than(tune, client, settings):
    tune(count_cap=3)
    response = f.get(client, reverse("archive:film-list"))
    assert f.summary(response) == "More than 3 films, newest first."
    assertContains(response, "Counts are among the first 3 matches.")


def test_pages_past_the_count_cap_are_still_reachable(tune, client, settings):
    tune(count_cap=3)
    tune(paginate_by=2)
    last_capped = f.get(client, reverse("archive:film-list") + "?page=2")
    assert pagination(last_capped, "next") is not None
    response = f.get(client, reverse("archive:film-list") + "?page=3")
    assert response.status_code == 200
    assert len(f.row_links(response)) == 2


# Text from the archive is escaped wherever it appears.


def test_markup_in_a_title_is_escaped_on_every_page(client):
    title = '</script><script>alert("x")</script><b>bold</b>'
    film = f.film(title, 2001, countries=["KR"])
    f.title(film, "<i>tag</i> & co", language="en")
    actor = f.person('<img src=x onerror="alert(1)">')
    f.role(film, actor, character="</title><script>alert(2)</script>")
    for url in (
        film_url(film.slug),
        person_url(actor.slug),
        reverse("archive:film-list"),
        reverse("archive:person-list"),
        reverse("archive:home"),
    ):
        text = f.body(f.get(client, url))
        assert "<script>alert(" not in text, url
        assert "<b>bold</b>" not in text, url
        assert "<img src=x" not in text, url
    response = f.get(client, film_url(film.slug))
    data = f.jsonld(response)
    assert data["name"] == title  # the JSON-LD carries the text, escaped for the script
    assertContains(response, "&lt;i&gt;tag&lt;/i&gt; &amp; co")


def test_an_editors_change_shows_on_the_next_request(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    url = reverse("archive:film-list")
    first = client.get(url, secure=True)
    assert client.get(url, secure=True).get("X-Page-Cache") == "hit"
    assertContains(first, "Pushpaka Vimana")
    film = Film.objects.get(slug=KANNADA)
    film.title = "Pushpaka Vimana (renamed)"
    film.save()
    assertContains(client.get(url, secure=True), "Pushpaka Vimana (renamed)")


# --- The count cache -------------------------------------------------------------------------


def test_counts_are_counted_each_time_when_the_count_cache_is_off(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.COUNT_CACHE_SECONDS = 0
    url = reverse("archive:film-list") + "?country=TR"
    first = count_queries(client, url)
    with CaptureQueriesContext(connection) as again:
        client.get(url)
    assert len(again) == first


def link_counts(queries, table):
    """The queries that count rows of the many-to-many ``table`` (not the list's total)."""
    head = f'SELECT COUNT(*) AS "__count" FROM {table} WHERE'
    return [q["sql"] for q in queries if q["sql"].startswith(head)]
