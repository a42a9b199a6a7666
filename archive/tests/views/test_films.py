"""The film list's rows and the film page (archive/views/films.py).

Requests go through ``factories.get``, which empties the public page cache first: every
response here is built by the view, never replayed from the cache.
"""

import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertInHTML, assertNotContains

from archive.models import Film
from archive.tests import factories as f
from archive.tests.factories import (
    ADAPTATIONS,
    HINDI,
    INDONESIAN,
    KANNADA,
    ORIGINAL,
    PHILIPPINE,
    TURKISH,
)
from archive.tests.pages import (
    family_rows,
    film_url,
    section,
    without_marks,
)

# Every list, page and export is tested with the caches on and with them off; every test sees
# the seed fixture, and its own changes are rolled back after it.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("archive", "every_cache_mode")]


def test_film_list_rows_show_title_year_countries_language_and_status(client):
    response = f.get(client, reverse("archive:film-list"))
    assert f.row_links(response) == [
        film_url(slug) for slug in (INDONESIAN, TURKISH, PHILIPPINE, KANNADA, ORIGINAL, HINDI)
    ]
    rows = f.table_rows(response, "records")
    assert ["7. Koğuştaki Mucize (Drama)", "2019", "Türkiye", "Turkish", "Released"] in rows
    assert ["Untitled film", "—", "India", "Hindi", "Announced"] in rows


@pytest.fixture
def original(client):
    response = without_marks(f.get(client, film_url(ORIGINAL)))
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
    # Each credit leads with the actor's portrait (or a placeholder): left out here.
    cast = re.sub(r"<picture.*?</picture>|<img [^>]*>", "", section(original, "cast-h"), flags=re.S)
    names = re.findall(r'<li>\s*<a href="/people/([^/]+)/">', cast)
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
    assertInHTML(
        '<li><a href="/people/ryu-seung-ryong/">Ryu Seung-ryong</a> as Lee Yong-gu</li>',
        cast,
    )
    # Two people play one character at different ages.
    assertInHTML(
        '<li><a href="/people/kal-so-won/">Kal So-won</a> as Ye-sung '
        '<span class="muted">(child)</span></li>',
        cast,
    )
    assertInHTML(
        '<li><a href="/people/park-shin-hye/">Park Shin-hye</a> as Ye-sung '
        '<span class="muted">(adult)</span></li>',
        cast,
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
    response = without_marks(f.get(client, film_url(slug)))
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


def test_film_page_links_elsewhere_and_cites_its_sources(client):
    original = f.get(client, film_url(ORIGINAL))
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
        assert f'<li id="source-{key}" value="' in sources
    # Every citation on the page points at a listed source.
    cited = set(re.findall(r'href="#source-([^"]+)" id="cite-ref-', f.body(original)))
    assert len(cited) == 13
    for key in cited:
        assert f'<li id="source-{key}" value="' in sources
    assertContains(original, "Notes and conflicting sources")
    assertContains(original, 'Last changed <time datetime="')


def test_film_page_of_an_announced_film_without_title_or_year(client):
    response = without_marks(f.get(client, film_url(HINDI)))
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


def test_a_remake_that_was_itself_remade_lists_its_own_adaptations(client):
    turkish = Film.objects.get(slug=TURKISH)
    sequel = f.film("Remake of the Turkish remake", 2024, countries=["AZ"], language="az")
    f.adaptation(turkish, sequel)
    response = without_marks(f.get(client, film_url(TURKISH)))
    assertContains(response, f'<a href="{film_url(sequel.slug)}">')


def test_a_film_adapted_from_two_sources_names_both(client):
    other = f.film("Another source film", 2010, countries=["JP"], language="ja")
    f.adaptation(other, Film.objects.get(slug=TURKISH), kind="inspired_by")
    response = without_marks(f.get(client, film_url(TURKISH)))
    assertContains(response, f'<a href="{film_url(ORIGINAL)}">')
    assertContains(response, f'<a href="{film_url(other.slug)}">')


GENRE_NAMES = {
    "en": {"comedy-drama": "Comedy-drama", "drama": "Drama"},
    "ko": {"comedy-drama": "코미디 드라마", "drama": "드라마"},
    "tr": {"comedy-drama": "Komedi-dram", "drama": "Dram"},
}


def in_language(language, name, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


@pytest.mark.parametrize("language", ["en", "ko", "tr"])
def test_genres_are_named_in_the_visitors_language_and_linked_by_their_slugs(client, language):
    names = GENRE_NAMES[language]
    films = in_language(language, "archive:film-list")
    page = f.body(f.get(client, in_language(language, "archive:film-detail", slug=ORIGINAL)))
    assert f'<a href="{films}?genre=comedy-drama">{names["comedy-drama"]}</a>' in page

    listed = f.get(client, films, data={"genre": ["drama", "comedy-drama"]})
    body = f.body(listed)
    # The rows, the facet and the active filters name the genres; the links keep the slugs.
    assert f'<span class="muted">({names["drama"]})</span>' in body
    assert f'<span class="muted">({names["comedy-drama"]})</span>' in body
    for slug, other in (("drama", "comedy-drama"), ("comedy-drama", "drama")):
        # The chosen genre's facet link and its active-filter chip both remove it.
        assert f'<a href="?genre={other}" aria-current="true" class="selected">' in body
        assert f"✓ {names[slug]}</a>" in body
        assert re.search(
            rf'<a class="chip" href="\?genre={other}"[^>]*>[^<]*: {names[slug]} <', body
        )
    sentence = f.summary(listed)
    assert names["drama"] in sentence and names["comedy-drama"] in sentence
