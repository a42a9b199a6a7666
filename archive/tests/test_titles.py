"""A film's title in the visitor's language (archive/titles.py): the one rule that chooses
it, the one query a page reads it with, and every page that names films showing it under
/ko/ and /tr/ with the archive's title beside it, and nothing changed in English."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from archive import titles
from archive.models import Film, FilmTitle
from archive.tests import factories as f
from archive.tests.factories import ORIGINAL, TURKISH

pytestmark = pytest.mark.django_db

Kind = FilmTitle.Kind

#: A Turkish title for the original film, made up for these tests (the seed records none):
#: the Turkish pages show it where the Korean ones show 7번방의 선물.
TURKISH_TITLE = "7 Numaralı Odanın Mucizesi"
ARCHIVE_TITLE = "Miracle in Cell No. 7"
LOCAL = {"ko": "7번방의 선물", "tr": TURKISH_TITLE}


@pytest.fixture
def turkish_title(archive):
    f.title(Film.objects.get(slug=ORIGINAL), TURKISH_TITLE, Kind.RELEASE, "tr")


def address(name, language, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


# The rule ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "recorded, chosen",
    [
        # The title it was released under in the language comes first, then the original
        # title, then another title, then a literal translation.
        ([(Kind.LITERAL, "a"), (Kind.ORIGINAL, "b"), (Kind.RELEASE, "c")], "c"),
        ([(Kind.LITERAL, "a"), (Kind.ALTERNATIVE, "b"), (Kind.ORIGINAL, "c")], "c"),
        ([(Kind.LITERAL, "a"), (Kind.ALTERNATIVE, "b")], "b"),
        ([(Kind.LITERAL, "a")], "a"),
        # Within a kind, the first recorded (7번방의 선물 before its Hanja spelling).
        ([(Kind.ORIGINAL, "7번방의 선물"), (Kind.ORIGINAL, "7番房의 膳物")], "7번방의 선물"),
        # A romanization or a working title never stands as the title.
        ([(Kind.ROMANIZED, "a"), (Kind.WORKING, "b")], None),
        ([], None),
    ],
)
def test_one_rule_chooses_a_films_title_in_a_language(recorded, chosen):
    found = titles.first_local(recorded, kind=lambda title: title[0])
    assert (found[1] if found else None) == chosen


def test_the_film_page_and_the_lists_choose_by_the_same_rule(archive):
    film = Film.objects.get(slug=ORIGINAL)
    f.title(film, "7번방의 선물 (재개봉)", Kind.ALTERNATIVE, "ko")
    f.title(film, "일곱 번째 방의 선물", Kind.LITERAL, "ko")
    recorded = list(film.titles.select_related("language").order_by("pk"))
    local, original = titles.page_titles(film, recorded, "ko")
    with translation.override("ko"):
        assert titles.local_titles([film.pk]) == {film.pk: local.text} == {film.pk: "7번방의 선물"}
    assert original is None  # the original title is the title shown: not twice


def test_titles_are_read_in_one_query_for_any_number_of_films_and_none_in_english(archive):
    ids = list(Film.objects.values_list("pk", flat=True))
    for language, expected in [("en", 0), ("ko", 1), ("tr", 1)]:
        with translation.override(language), CaptureQueriesContext(connection) as queries:
            titles.local_titles(ids)
            titles.local_titles(ids * 50)
        assert len(queries) == 2 * expected, language
    with translation.override("ko"), CaptureQueriesContext(connection) as queries:
        assert titles.local_titles([]) == {}
    assert len(queries) == 0


def test_a_row_gets_the_local_title_only_where_it_differs_from_the_archives():
    rows = [{"pk": 1, "title": "Miracle in Cell No. 7"}, {"pk": 2, "title": "Mucize"}]
    found = {1: "7번방의 선물", 2: "Mucize"}
    titles.apply_titles(rows, found, ("pk", "title", "local_title"))
    assert [row["local_title"] for row in rows] == ["7번방의 선물", None]


# The pages --------------------------------------------------------------------------------

#: Every page type that names the original film by a link: (URL name, its arguments).
PAGES = {
    "home": ("archive:home", {}),
    "films": ("archive:film-list", {}),
    "filmography": ("archive:person-detail", {"slug": "ryu-seung-ryong"}),
    "adaptations": ("archive:adaptation-list", {}),
    "awards": ("archive:award-list", {}),
    "related films": ("archive:film-detail", {"slug": TURKISH}),
}


@pytest.mark.usefixtures("turkish_title")
@pytest.mark.parametrize("language", ["ko", "tr"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_names_a_film_by_its_title_in_the_visitors_language(client, page, language):
    name, kwargs = PAGES[page]
    body = f.body(f.get(client, address(name, language, **kwargs)))
    link = address("archive:film-detail", language, slug=ORIGINAL)
    shown = f'<a href="{link}">{LOCAL[language]}</a> <span class="also">{ARCHIVE_TITLE}</span>'
    assert shown in body
    assert f'<a href="{link}">{ARCHIVE_TITLE}</a>' not in body


@pytest.mark.usefixtures("turkish_title")
@pytest.mark.parametrize("page", PAGES)
def test_in_english_every_page_names_a_film_by_the_archives_title_alone(client, page):
    name, kwargs = PAGES[page]
    body = f.body(f.get(client, address(name, "en", **kwargs)))
    assert (
        f'<a href="{address("archive:film-detail", "en", slug=ORIGINAL)}">{ARCHIVE_TITLE}</a>'
        in body
    )
    assert 'class="also"' not in body
    assert TURKISH_TITLE not in body


@pytest.mark.parametrize("language", ["ko", "tr"])
def test_a_film_whose_title_in_the_language_is_its_own_is_shown_by_it_alone(
    archive, client, language
):
    body = f.body(f.get(client, address("archive:adaptation-list", language)))
    link = address("archive:film-detail", language, slug=TURKISH)
    assert f'<a href="{link}">7. Koğuştaki Mucize</a></th>' in body


@pytest.mark.usefixtures("archive")
def test_both_sides_of_an_adaptation_are_named_in_the_visitors_language(client):
    remake = Film.objects.get(slug=TURKISH)
    f.title(remake, "7번방의 기적", Kind.RELEASE, "ko")  # made up for this test
    body = f.body(f.get(client, address("archive:adaptation-list", "ko")))
    row = body[body.index(address("archive:film-detail", "ko", slug=TURKISH)) :]
    row = row[: row.index("</tr>")]
    assert '">7번방의 기적</a> <span class="also">7. Koğuştaki Mucize</span>' in row
    assert '">7번방의 선물</a> <span class="also">Miracle in Cell No. 7</span>' in row


@pytest.mark.usefixtures("turkish_title")
@pytest.mark.parametrize("language", ["ko", "tr"])
def test_the_film_page_words_its_family_with_the_sources_title_in_the_language(client, language):
    body = f.body(f.get(client, address("archive:film-detail", language, slug=TURKISH)))
    local = LOCAL[language]
    assert f">{local}</a> (2013)" in body  # "This film is an adaptation of …"
    assert f"{local} (2013)" in body.split("<caption>")[1].split("</caption>")[0]


@pytest.mark.usefixtures("turkish_title")
@pytest.mark.parametrize("language", ["ko", "tr"])
def test_search_results_and_suggestions_name_films_in_the_visitors_language(client, language):
    link = address("archive:film-detail", language, slug=ORIGINAL)
    page = f.body(f.get(client, address("archive:search", language), data={"q": "miracle"}))
    also = f'<span class="also" lang="und">{ARCHIVE_TITLE}</span>'
    assert f'<a href="{link}">{LOCAL[language]}</a> {also}' in page
    suggested = f.get(client, address("archive:search-suggest", language), data={"q": "miracle"})
    first = json.loads(suggested.content)[0]
    # The machine fields stay as they are in every language; the words are the visitor's.
    assert (first["kind"], first["url"], first["label"]) == ("film", link, LOCAL[language])
    assert first["detail"].startswith(f"{ARCHIVE_TITLE} · ")
    assert first["detail"].endswith({"ko": "영화, 2013", "tr": "Film, 2013"}[language])


@pytest.mark.usefixtures("turkish_title")
def test_suggestions_in_english_are_as_they_were(client):
    first = json.loads(
        f.get(client, reverse("archive:search-suggest"), data={"q": "miracle"}).content
    )[0]
    assert first == {
        "kind": "film",
        "label": ARCHIVE_TITLE,
        "detail": "Film, 2013",
        "url": reverse("archive:film-detail", kwargs={"slug": ORIGINAL}),
    }


@pytest.mark.usefixtures("archive")
@pytest.mark.parametrize("language", ["ko", "tr"])
def test_exports_read_the_same_in_every_language(client, language):
    for name in ("archive:film-list", "archive:adaptation-list", "archive:award-list"):
        english = f.body(f.get(client, reverse(name), data={"format": "csv"}))
        local = f.body(f.get(client, address(name, language), data={"format": "csv"}))
        # The paths inside differ by the language's prefix only.
        assert local.replace(f"/{language}/", "/") == english
        assert "7번방의 선물" not in local
