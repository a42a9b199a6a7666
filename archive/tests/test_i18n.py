"""The archive in English, Korean and Turkish (archive/i18n.py, config/urls.py): each page
in each language, the language switch, the alternates, the first visit to /, the caches and
the admin. What each page writes in each language (dates, numbers, words of the code) is in
test_i18n_pages.py."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from archive.tests import factories as f
from archive.tests.conftest import editor
from archive.tests.factories import ORIGINAL
from archive.tests.pages import pagination, section

pytestmark = pytest.mark.django_db

PERSON = "ryu-seung-ryong"

#: Each page type: its address (without a language), and in each language a label the page
#: shows in that language.
PAGES = {
    "home": (
        "archive:home",
        {},
        {
            "en": "Most remade",
            "ko": "가장 많이 리메이크된 영화",
            "tr": "En çok yeniden çevrilenler",
        },
    ),
    "films": ("archive:film-list", {}, {"en": "Narrow down", "ko": "좁혀 보기", "tr": "Daralt"}),
    "film": (
        "archive:film-detail",
        {"slug": ORIGINAL},
        {"en": "Original language", "ko": "원어", "tr": "Özgün dil"},
    ),
    "people": (
        "archive:person-list",
        {},
        {"en": "Best known for", "ko": "대표작", "tr": "En çok bilinen filmi"},
    ),
    "person": (
        "archive:person-detail",
        {"slug": PERSON},
        {"en": "Filmography", "ko": "필모그래피", "tr": "Filmografi"},
    ),
    "adaptations": (
        "archive:adaptation-list",
        {},
        {"en": "Adapted from", "ko": "원작", "tr": "Uyarlandığı film"},
    ),
    "awards": ("archive:award-list", {}, {"en": "Nominee", "ko": "후보자", "tr": "Aday"}),
    "search": (
        "archive:search",
        {},
        {
            "en": "Title, name or character, in any script",
            "ko": "제목, 이름 또는 배역 (어떤 문자로든)",
            "tr": "Ad, isim veya karakter, herhangi bir yazıda",
        },
    ),
    "sources": (
        "archive:sources-report",
        {},
        {"en": "By kind of fact", "ko": "사실의 종류별", "tr": "Bilgi türüne göre"},
    ),
}
LANGUAGES = ("en", "ko", "tr")


def address(name, kwargs, language):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', f.body(response)).group(1)


@pytest.mark.usefixtures("archive")
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_each_page_answers_in_each_language(client, page, language):
    name, kwargs, labels = PAGES[page]
    url = address(name, kwargs, language)
    assert url.startswith("/ko/" if language == "ko" else "/tr/" if language == "tr" else "/")
    response = f.get(client, url)
    assert response.status_code == 200
    assert html_lang(response) == language
    assert response["Content-Language"] == language
    assert labels[language] in f.body(response)
    other = {"en": "ko", "ko": "tr", "tr": "en"}[language]
    assert labels[other] not in f.body(response)


@pytest.mark.usefixtures("archive")
@pytest.mark.parametrize(
    "language, date, minutes, figures",
    [
        (
            "en",
            "23 January 2013",
            "127 minutes",
            ["12,320,000", "more than 12,000,000", "about 12,800,000", "KRW 3,500,000,000"],
        ),
        (
            "ko",
            "2013년 1월 23일",
            "127분",
            ["12,320,000", "12,000,000 초과", "약 12,800,000", "KRW 3,500,000,000"],
        ),
        (
            "tr",
            "23 Ocak 2013",
            "127 dakika",
            ["12.320.000", "12.000.000 üzeri", "yaklaşık 12.800.000", "KRW 3.500.000.000"],
        ),
    ],
)
def test_a_film_page_writes_its_dates_and_figures_in_the_language(
    client, language, date, minutes, figures
):
    response = f.get(client, address("archive:film-detail", {"slug": ORIGINAL}, language))
    body = f.body(response)
    assert f'<time datetime="2013-01-23">{date}</time>' in body
    assert minutes in body
    # The figures' values, grouped as the language groups digits, each qualifier where the
    # language puts it.
    values = re.findall(r'<th scope="row">[^<]*</th><td>([^<]*)</td>', section(response, "box-h"))
    for figure in figures:
        assert figure in values


@pytest.mark.usefixtures("archive")
@pytest.mark.parametrize(
    "language, sentence",
    [
        ("en", "2 films from South Korea or Türkiye, newest first."),
        ("ko", "영화 2편 (대한민국 또는 튀르키예 제작), 최신순."),
        ("tr", "2 film (Güney Kore veya Türkiye yapımı), en yeniler önce."),
    ],
)
def test_a_list_describes_its_selection_in_the_language(client, language, sentence):
    url = address("archive:film-list", {}, language)
    response = f.get(client, url, data={"country": ["KR", "TR"]})
    assert f'<p class="summary" id="summary">{sentence}</p>' in f.body(response)


@pytest.mark.usefixtures("archive")
def test_plural_forms_follow_each_language(client):
    one = {"country": "TR"}
    assert "1 film from" in f.body(f.get(client, "/films/", data=one))
    assert "영화 1편" in f.body(f.get(client, "/ko/films/", data=one))
    # Turkish keeps the noun singular after a number.
    assert "1 film (" in f.body(f.get(client, "/tr/films/", data=one))
    assert "5 film (" in f.body(f.get(client, "/tr/films/", data={"adapted": "no"}))


@pytest.mark.usefixtures("archive")
def test_filter_parameters_are_the_same_codes_in_every_language(client):
    for language in LANGUAGES:
        url = address("archive:film-list", {}, language)
        body = f.body(f.get(client, url, data={"country": "tr", "sort": "title"}))
        assert "data-label" in body
        assert body.count('<th scope="row"') == 1, language


@pytest.mark.usefixtures("archive")
def test_the_head_names_the_page_in_every_language(client):
    response = f.get(client, "/ko/films/?country=TR&sort=title")
    body = f.body(response)
    for hreflang, path in [
        ("en", "/films/?country=TR&amp;sort=title"),
        ("ko", "/ko/films/?country=TR&amp;sort=title"),
        ("tr", "/tr/films/?country=TR&amp;sort=title"),
        ("x-default", "/films/?country=TR&amp;sort=title"),
    ]:
        assert f'<link rel="alternate" hreflang="{hreflang}" href="{f.BASE}{path}">' in body


@pytest.mark.usefixtures("archive")
def test_the_language_switch_keeps_the_page_and_its_filters(client):
    """The switch is a plain form (no JavaScript): its ``next`` is this page with its query,
    and Django's set_language sends the visitor there in the chosen language, remembering
    the choice in the language cookie."""
    response = f.get(client, "/tr/films/?country=KR&country=TR&sort=title")
    body = f.body(response)
    form = re.search(r'<form class="language-switch" method="post" action="([^"]+)"', body)
    assert form.group(1) == reverse("set_language")
    following = re.search(r'name="next" value="([^"]+)"', body).group(1).replace("&amp;", "&")
    assert following == "/films/?country=KR&country=TR&sort=title"
    assert 'value="tr" lang="tr" aria-pressed="true"' in body

    answer = client.post(form.group(1), {"language": "ko", "next": following}, secure=True)
    assert answer.status_code == 302
    assert answer["Location"] == "/ko/films/?country=KR&country=TR&sort=title"
    assert answer.cookies["django_language"].value == "ko"

    answer = client.post(form.group(1), {"language": "en", "next": following}, secure=True)
    assert answer["Location"] == "/films/?country=KR&country=TR&sort=title"


#: A filtered, sorted list on its second page (one row a page), for each list.
SWITCHED = {
    "films": "country=KR&country=TR&genre=drama&genre=comedy-drama&sort=title&page=2",
    "people": "role=actor&sort=-name&page=2",
    "adaptations": "kind=official_remake&sort=title&page=2",
    "awards": "result=won&sort=category&page=2",
}


@pytest.mark.usefixtures("archive")
@pytest.mark.parametrize("page", SWITCHED)
def test_the_language_switch_keeps_a_lists_filters_sort_and_page(client, tune, page):
    tune(paginate_by=1)
    name, query = PAGES[page][0], SWITCHED[page]
    english = address(name, {}, "en")
    for here, there in [("en", "ko"), ("ko", "tr"), ("tr", "en")]:
        body = f.body(f.get(client, f"{address(name, {}, here)}?{query}"))
        following = re.search(r'name="next" value="([^"]+)"', body).group(1).replace("&amp;", "&")
        assert following == f"{english}?{query}"
        answer = client.post(
            reverse("set_language"), {"language": there, "next": following}, secure=True
        )
        assert answer["Location"] == f"{address(name, {}, there)}?{query}"
        landed = f.get(client, answer["Location"])
        assert landed.status_code == 200
        assert html_lang(landed) == there
        # The second page of the same selection: its link back keeps every parameter.
        assert pagination(landed, "prev") == "?" + query.replace("page=2", "page=1")


@pytest.mark.usefixtures("archive")
def test_a_first_visit_to_the_home_page_follows_accept_language(client):
    response = f.get(client, "/", HTTP_ACCEPT_LANGUAGE="tr-TR,tr;q=0.9,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/tr/"
    assert "Accept-Language" in response["Vary"] and "Cookie" in response["Vary"]
    # A language the archive does not speak leaves the visitor on the English home page.
    response = f.get(client, "/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")
    assert response.status_code == 200
    assert html_lang(response) == "en"
    # Only the home page is sent on: every other address names its own language.
    response = f.get(client, "/films/", HTTP_ACCEPT_LANGUAGE="ko")
    assert response.status_code == 200
    assert html_lang(response) == "en"


@pytest.mark.usefixtures("archive")
def test_a_chosen_language_is_remembered_on_the_home_page(client):
    client.post(reverse("set_language"), {"language": "ko", "next": "/"}, secure=True)
    response = f.get(client, "/", HTTP_ACCEPT_LANGUAGE="tr")
    assert response["Location"] == "/ko/"
    client.post(reverse("set_language"), {"language": "en", "next": "/"}, secure=True)
    response = f.get(client, "/", HTTP_ACCEPT_LANGUAGE="tr")
    assert response.status_code == 200
    assert html_lang(response) == "en"


@pytest.mark.usefixtures("archive")
@pytest.mark.parametrize("page", PAGES)
def test_a_cached_page_never_answers_in_another_language(client, settings, page):
    settings.PAGE_CACHE_SECONDS = 300
    settings.COUNT_CACHE_SECONDS = 600
    cache.clear()
    name, kwargs, labels = PAGES[page]
    query = "?q=miracle" if page == "search" else "?country=KR" if page == "films" else ""
    seen = set()
    for language in (*LANGUAGES, "en"):
        url = address(name, kwargs, language) + query
        first = client.get(url, secure=True)
        again = client.get(url, secure=True)
        # Each language's page is built once, then kept under its own address.
        built = first["X-Page-Cache"] == "miss"
        assert (built, again["X-Page-Cache"]) == (language not in seen, "hit"), language
        seen.add(language)
        for response in (first, again):
            assert html_lang(response) == language
            assert response["Content-Language"] == language
            assert labels[language] in f.body(response)
            assert labels[{"en": "ko", "ko": "tr", "tr": "en"}[language]] not in f.body(response)
    if page == "home":
        # The English home page is kept, and still not served to a Korean first visit.
        assert client.get("/", HTTP_ACCEPT_LANGUAGE="ko", secure=True)["Location"] == "/ko/"


@pytest.mark.usefixtures("archive")
def test_counted_facets_are_kept_per_language(client, settings):
    """The count cache keeps facet rows with their labels in words: a list counted in one
    language must not lend its labels to another."""
    settings.PAGE_CACHE_SECONDS = 0
    settings.COUNT_CACHE_SECONDS = 600
    cache.clear()
    assert "Released" in f.body(client.get("/films/", secure=True))
    korean = f.body(client.get("/ko/films/", secure=True))
    assert ">개봉</a>" in korean
    assert ">Released</a>" not in korean


def test_the_admin_answers_in_the_editors_language(db):
    client = editor("ana")
    response = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="ko", secure=True)
    assert response.status_code == 200
    assert 'lang="ko"' in response.content.decode()
    client.cookies["django_language"] = "tr"
    response = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="ko", secure=True)
    assert 'lang="tr"' in response.content.decode()
    client.cookies["django_language"] = "en"
    response = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="ko", secure=True)
    assert 'lang="en"' in response.content.decode()


@pytest.mark.usefixtures("archive")
def test_a_film_is_titled_in_the_visitors_language_when_the_archive_has_that_title(client):
    korean = f.body(f.get(client, f"/ko/films/{ORIGINAL}/"))
    assert "<title>7번방의 선물 (2013) – 영화 아카이브</title>" in korean
    assert '<h1><span lang="ko">7번방의 선물</span> <span class="year">(2013)</span>' in korean
    # The archive's own title as well, since it differs.
    assert '<p class="other-titles">Miracle in Cell No. 7' in korean
    # No Turkish title of the original is recorded: its own title stands alone.
    turkish = f.body(f.get(client, f"/tr/films/{ORIGINAL}/"))
    assert "<h1>Miracle in Cell No. 7 <span" in turkish
    assert "other-titles" not in turkish
    english = f.body(f.get(client, f"/films/{ORIGINAL}/"))
    assert "<h1>Miracle in Cell No. 7 <span" in english


@pytest.mark.usefixtures("archive")
@pytest.mark.parametrize(
    "language, country, spoken",
    [("en", "South Korea", "Korean"), ("ko", "대한민국", "한국어"), ("tr", "Güney Kore", "Korece")],
)
def test_countries_and_languages_are_named_in_the_visitors_language(
    client, language, country, spoken
):
    page = f.body(f.get(client, address("archive:film-detail", {"slug": ORIGINAL}, language)))
    films = address("archive:film-list", {}, language)
    assert f'<a href="{films}?country=KR">{country}</a>' in page
    assert f'<a href="{films}?language=ko">{spoken}</a>' in page
    listed = f.body(f.get(client, films, data={"country": "KR"}))
    # The facet reads the same name; its link keeps the code.
    assert f'{country}</a> <span class="count">' in listed
