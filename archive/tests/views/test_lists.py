"""What every public list shares (archive/views/lists.py): the plain sentence, facets, active-filter
chips, pagination, hidden parameters, export links, capped counts, and a fixed number of
queries whatever the size of the archive.

Requests go through ``factories.get``, which empties the public page cache first: every
response here is built by the view, never replayed from the cache.
"""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

from archive.tests import factories as f
from archive.tests.factories import (
    ADAPTATIONS,
    HINDI,
    ORIGINAL,
    TURKISH,
)
from archive.tests.pages import (
    chips,
    count_queries,
    facets,
    family_rows,
    film_url,
    pagination,
    person_url,
    section,
)

# Every list, page and export is tested with the caches on and with them off; every test sees
# the seed fixture, and its own changes are rolled back after it.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("archive", "every_cache_mode")]


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
            "1 film with Ryu Seung-ryong (2013; Miracle in Cell No. 7, 2013), newest first.",
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

#: The pages in Korean: the pages that name films read their titles in Korean, in one query.
KOREAN_QUERIES = ["/ko" + url for url in LIST_QUERIES + DETAIL_QUERIES]


@pytest.mark.slow
def test_pages_make_the_same_number_of_queries_in_a_grown_archive_at_any_page_size(tune, client):
    """Every page costs the same queries with many more rows and at any page size.

    The archive is grown once for all the pages (growing it is what costs); the counts are
    compared as a whole, so a failure names every page that differs."""
    tune(paginate_by=25)
    seed_counts = {}
    for url in LIST_QUERIES + DETAIL_QUERIES + KOREAN_QUERIES:
        f.get(client, url)  # warm up
        seed_counts[url] = count_queries(client, url)

    f.grow_archive(films=40, credits=60, awards=30, adaptations=10)
    assert {url: count_queries(client, url) for url in seed_counts} == seed_counts
    translation.activate(settings.LANGUAGE_CODE)  # the Korean pages left Korean active

    # The pages compared above do show the new rows.
    response = f.get(client, film_url(ORIGINAL))
    assert section(response, "cast-h").count("<li>") == 9 + 60
    assert len(family_rows(response)) == 1 + 5 + 10
    assert f.get(client, person_url("ryu-seung-ryong")).content.count(b"Growth film") >= 40
    assert f.summary(f.get(client, reverse("archive:film-list"))) == "46 films, newest first."
    assert len(f.row_links(f.get(client, reverse("archive:film-list")))) == 25
    assert f.body(f.get(client, "/ko/films/?q=growth")).count("성장 영화") == 25

    lists = {
        url: seed_counts[url] for url in LIST_QUERIES[1:] + KOREAN_QUERIES[1 : len(LIST_QUERIES)]
    }
    for paginate_by in (2, 1000):
        tune(paginate_by=paginate_by)
        assert {url: count_queries(client, url) for url in lists} == lists, paginate_by


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


def test_the_header_marks_the_list_the_visitor_is_on(client):
    films = f.body(client.get(reverse("archive:film-list"), secure=True))
    assert '<a href="/films/" aria-current="page">Films</a>' in films
    assert '<a href="/people/">People</a>' in films
    home = f.body(client.get(reverse("archive:home"), secure=True))
    assert 'aria-current="page"' not in home


#: What a page costs in Korean or Turkish beyond its English queries: one query for the
#: titles of the films it names (none for a page that names no film, and none in English).
EXTRA_QUERIES = [
    (reverse("archive:home"), 1),
    (reverse("archive:film-list"), 1),
    (reverse("archive:film-list") + "?genre=drama&genre=comedy-drama&country=TR", 1),
    (reverse("archive:film-list") + "?q=no-such-film", 0),
    (reverse("archive:person-list"), 1),  # their best-known films
    (reverse("archive:adaptation-list"), 1),
    (reverse("archive:award-list"), 1),
    (film_url(ORIGINAL), 1),
    (film_url(HINDI), 1),
    (person_url("ryu-seung-ryong"), 1),
]


def test_a_page_in_another_language_costs_one_query_more_where_it_names_films(client):
    for url, extra in EXTRA_QUERIES:
        english = count_queries(client, url)
        for language in ("ko", "tr"):
            assert count_queries(client, f"/{language}{url}") == english + extra, (language, url)
