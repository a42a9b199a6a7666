"""/search/ and /search/suggest/ (archive/views/search.py): every kind of record from the
header's box, best match first, why each matched, near misses, namesakes told apart, and
every bad input answered without a server error.

Requests go through ``factories.get``, which empties the public page cache first.
"""

import json
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains

from archive.models import FilmTitle, Person, Role
from archive.tests import factories as f
from archive.tests.pages import film_url, person_url
from archive.views.search import SUGGESTIONS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("archive")]

SEARCH = reverse("archive:search")
SUGGEST = reverse("archive:search-suggest")


def search(client, text, **params):
    return f.get(client, SEARCH, data={"q": text, **params})


def suggest(client, text):
    response = f.get(client, SUGGEST, data={"q": text})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def group(response, name):
    """The hits of one group of the page: [(label, href, why it matched or "")]."""
    text = f.body(response)
    start = text.index(f'<section class="search-group" aria-labelledby="group-{name}">')
    part = text[start : text.index("</section>", start)]
    hits = []
    for item in re.findall(r"<li>(.*?)</li>", part, re.S):
        link = re.search(r'<a href="([^"]*)">(.*?)</a>', item)
        why = re.search(r'<span class="why">Matched by (.*?)</span>', item)
        hits.append((f._text(link.group(2)), link.group(1), why and f._text(why.group(1)) or ""))
    return hits


def near_misses(response, name):
    text = f.body(response)
    start = text.index(f'aria-labelledby="group-{name}"')
    part = text[start : text.index("</section>", start)]
    found = re.search(r"Did you mean (.*?)\?</p>", part, re.S)
    return [f._text(a) for a in re.findall(r"<a [^>]*>(.*?)</a>", found.group(1))] if found else []


def test_the_header_box_searches_everything(client):
    response = f.get(client, reverse("archive:home"))
    assertContains(
        response, f'<form class="site-search" role="search" method="get" action="{SEARCH}"'
    )
    assertContains(response, f'data-suggest="{SUGGEST}"')
    assertContains(response, '<script src="/static/archive/search.js" defer></script>')


class FormAttributes(HTMLParser):
    """The attributes of the header's search form."""

    def __init__(self):
        super().__init__()
        self.attributes = None

    def handle_starttag(self, tag, attrs):
        if tag == "form" and ("class", "site-search") in attrs:
            self.attributes = dict(attrs)


HINT = "use the up and down arrows to choose, Enter to open."
KO_HINT = "위아래 화살표로 고르고 Enter 키로 여세요."
TR_HINT = "seçmek için yukarı ve aşağı ok tuşlarını, açmak için Enter tuşunu kullanın."


@pytest.mark.parametrize(
    ("language", "label", "statuses"),
    [
        (
            "en",
            "Suggestions",
            {0: "No suggestions.", 1: f"1 suggestion: {HINT}", 2: f"2 suggestions: {HINT}"},
        ),
        (
            "ko",
            "제안",
            {0: "제안이 없습니다.", 1: f"제안 1개: {KO_HINT}", 8: f"제안 8개: {KO_HINT}"},
        ),
        ("tr", "Öneriler", {0: "Öneri yok.", 1: f"1 öneri: {TR_HINT}", 2: f"2 öneri: {TR_HINT}"}),
    ],
)
def test_the_header_box_words_its_suggestions_in_the_language(client, language, label, statuses):
    """search.js names the list and says how many suggestions there are with the words the
    page gives it: one sentence for each number the endpoint may answer, in the language's
    plural forms (Korean has one, English and Turkish two)."""
    with translation.override(language):
        home = reverse("archive:home")
    parser = FormAttributes()
    parser.feed(f.get(client, home).content.decode())
    form = parser.attributes

    assert form["data-suggest-label"] == label
    assert {count: form[f"data-suggest-status-{count}"] for count in statuses} == statuses
    said = [name for name in form if name.startswith("data-suggest-status-")]
    assert said == [f"data-suggest-status-{count}" for count in range(SUGGESTIONS + 1)]


def test_a_persons_name_finds_the_person(client):
    response = search(client, "Ryu Seung-ryong")
    assert response.status_code == 200
    assert group(response, "people") == [("Ryu Seung-ryong", person_url("ryu-seung-ryong"), "")]
    assertContains(response, 'href="/people/?q=Ryu+Seung-ryong"')
    summary = re.search(r'id="summary">(.*?)</p>', f.body(response), re.S).group(1)
    assert f._text(summary) == (
        "For “Ryu Seung-ryong”: 0 films, 1 person, 0 companies, 0 awards ceremonies."
    )


@pytest.mark.parametrize(
    "text, name, expected",
    [
        (
            "류승룡",
            "people",
            ("Ryu Seung-ryong", person_url("ryu-seung-ryong"), "name in original script: 류승룡"),
        ),
        (
            "이환경",
            "people",
            ("Lee Hwan-kyung", person_url("lee-hwan-kyung"), "name in original script: 이환경"),
        ),
        (
            "예승",
            "films",
            ("Miracle in Cell No. 7", film_url(f.ORIGINAL), "character: 예승 (Ye-sung)"),
        ),
        (
            "ಪುಷ್ಪಕ ವಿಮಾನ",
            "films",
            ("Pushpaka Vimana", film_url(f.KANNADA), "original title: ಪುಷ್ಪಕ ವಿಮಾನ"),
        ),
    ],
)
def test_names_in_their_own_script_are_found(client, text, name, expected):
    assert group(search(client, text), name) == [expected]


def test_case_accents_and_width_do_not_matter(client):
    expected = [("Ryu Seung-ryong", person_url("ryu-seung-ryong"), "")]
    assert group(search(client, "ＲＹＵ ＳＥＵＮＧ"), "people") == expected  # full-width letters
    hits = group(search(client, "KOGUSTAKI"), "films")
    assert [label for label, _, _ in hits] == ["7. Koğuştaki Mucize"]


def test_a_character_finds_the_film_and_says_so(client):
    response = search(client, "ye-sung")
    assert group(response, "films") == [
        ("Miracle in Cell No. 7", film_url(f.ORIGINAL), "character: Ye-sung (예승)")
    ]


def test_the_seed_fixture_carries_the_names_in_hangul_with_their_source():
    ryu = Person.objects.get(slug="ryu-seung-ryong")
    assert ryu.name_original == "류승룡"
    assert "wikipedia-ko-miracle-in-cell-no-7" in ryu.sources.values_list("key", flat=True)
    characters = Role.objects.filter(film__slug=f.ORIGINAL, character_original="예승")
    assert sorted(characters.values_list("person__slug", flat=True)) == [
        "kal-so-won",
        "park-shin-hye",
    ]
    kannada = FilmTitle.objects.get(film__slug=f.KANNADA, language__code="kn", kind="original")
    assert kannada.text == "ಪುಷ್ಪಕ ವಿಮಾನ"


@pytest.mark.parametrize(
    "typo, name, meant",
    [
        ("Ye-seung", "films", "Ye-sung"),  # a letter too many
        ("Yesung", "films", "Ye-sung"),  # a missing hyphen
        ("Ryu Seung-ryang", "people", "Ryu Seung-ryong"),  # a letter wrong
        ("Ryu Ryong-seung", "people", "Ryu Seung-ryong"),  # swapped syllables
        ("Pushpak Viman", "films", "Pushpaka Vimana"),
    ],
)
def test_a_misspelling_is_offered_the_closest_name(client, typo, name, meant):
    response = search(client, typo)
    assert group(response, name) == []
    assert near_misses(response, name)[0] == meant
    assertContains(response, f'href="{SEARCH}?q={meant.replace(" ", "+")}"')


def test_nothing_close_offers_nothing(client):
    response = search(client, "zzqxv")
    assert near_misses(response, "films") == near_misses(response, "people") == []
    assertContains(response, "No films match.")


@pytest.fixture
def suns():
    """Films whose titles hold "the sun" exactly, at the start and inside, with importance
    (credits) that would put them in the opposite order."""
    exact = f.film("The Sun", 1990)
    older_twin = f.film("The Sun", 1985)
    prefix = f.film("The Sun Also Rises", 2020)
    inside = f.film("Under the Sun", 2021)
    for film, credits in ((prefix, 4), (inside, 6), (older_twin, 1)):
        for _ in range(credits):
            f.role(film, f.person(), kind=Role.Kind.WRITER)
    return exact, older_twin, prefix, inside


def test_an_exact_title_comes_first_then_the_start_then_anywhere(client, suns):
    exact, older_twin, prefix, inside = suns
    hits = [url for _, url, _ in group(search(client, "the sun"), "films")]
    # Two exact titles: the one with more credits first, though it is older.
    assert hits == [film_url(film.slug) for film in (older_twin, exact, prefix, inside)]


def test_equal_matches_go_newest_first():
    from archive import ranking

    f.film("Equal Match", 1990)
    f.film("Equal Match", 2010)
    assert [hit.year for hit in ranking.films("equal match")] == [2010, 1990]


def test_a_film_matched_through_another_title_says_which(client):
    house = f.film("The House", 2015)
    f.title(house, "Rising Sunstone", kind=FilmTitle.Kind.ALTERNATIVE)
    f.role(f.film("Cellar", 2016), f.person(), character="Captain Sunstone")
    hits = group(search(client, "sunstone"), "films")
    assert ("The House", film_url(house.slug), "alternative title: Rising Sunstone") in hits
    assert [why for label, _, why in hits if label == "Cellar"] == ["character: Captain Sunstone"]


@pytest.fixture
def namesakes():
    """Two people with one name: an actor in a 2003 film and a director of 2011 and 2019."""
    actor = f.person("Choi Jae-hyun", slug="choi-jae-hyun-1", name_original="최재현")
    director = f.person("Choi Jae-hyun", slug="choi-jae-hyun-2", name_original="최재현")
    f.role(f.film("Night Train", 2003), actor, character="Conductor")
    f.role(f.film("The Sun", 2011), director, kind=Role.Kind.DIRECTOR)
    f.role(f.film("Harbour", 2019), director, kind=Role.Kind.DIRECTOR)
    return actor, director


def test_namesakes_are_told_apart_everywhere(client, admin_client, namesakes):
    actor, director = (Person.objects.get(pk=p.pk) for p in namesakes)
    assert str(actor) == "Choi Jae-hyun (2003; Night Train, 2003)"
    assert str(director) == "Choi Jae-hyun (2011–2019; Harbour, 2019)"

    rows = f.table_rows(f.get(client, reverse("archive:person-list") + "?q=choi jae"), "records")
    assert sorted(rows[1:]) == [
        ["Choi Jae-hyun", "최재현", "2003", "Night Train (2003)", "1"],
        ["Choi Jae-hyun", "최재현", "2011–2019", "Harbour (2019)", "2"],
    ]

    found = search(client, "최재현")
    details = re.findall(r'<span class="muted"> – (.*?)</span>', f.body(found))
    assert sorted(details) == ["2003; Night Train, 2003", "2011–2019; Harbour, 2019"]

    offered = {s["detail"] for s in suggest(client, "choi jae-hyun") if s["kind"] == "person"}
    assert offered == {"2003; Night Train, 2003", "2011–2019; Harbour, 2019"}

    autocomplete = admin_client.get(
        "/admin/autocomplete/",
        {"app_label": "archive", "model_name": "role", "field_name": "person", "term": "choi"},
    )
    labels = sorted(result["text"] for result in autocomplete.json()["results"])
    assert labels == [str(actor), str(director)]


def test_a_namesake_without_credits_is_told_apart_by_birth_year(client, admin_client, namesakes):
    actor = Person.objects.get(pk=namesakes[0].pk)
    actor.birth_date = "1970-05-02"  # years active come first: the birth year is not shown
    actor.save()
    newcomer = f.person(
        "Choi Jae-hyun", slug="choi-jae-hyun-3", name_original="최재현", birth_date="1998-03"
    )
    assert str(newcomer) == "Choi Jae-hyun (b. 1998)"
    assert str(Person.objects.get(pk=actor.pk)) == "Choi Jae-hyun (2003; Night Train, 2003)"

    rows = f.table_rows(f.get(client, reverse("archive:person-list") + "?q=choi jae"), "records")
    assert sorted(row[2] for row in rows[1:]) == ["2003", "2011–2019", "b. 1998"]

    details = re.findall(r'<span class="muted"> – (.*?)</span>', f.body(search(client, "최재현")))
    assert "b. 1998" in details

    offered = {s["detail"] for s in suggest(client, "choi jae-hyun") if s["kind"] == "person"}
    assert offered == {"2003; Night Train, 2003", "2011–2019; Harbour, 2019", "b. 1998"}

    autocomplete = admin_client.get(
        "/admin/autocomplete/",
        {"app_label": "archive", "model_name": "role", "field_name": "person", "term": "choi"},
    )
    labels = {result["text"] for result in autocomplete.json()["results"]}
    assert "Choi Jae-hyun (b. 1998)" in labels


def test_a_persons_standing_follows_their_credits(namesakes):
    actor, _ = namesakes
    later = f.film("Later Film", 2024)
    role = f.role(later, actor, character="Driver")
    actor.refresh_from_db()
    assert (actor.first_year, actor.last_year) == (2003, 2024)
    role.delete()
    actor.refresh_from_db()
    assert (actor.first_year, actor.last_year, actor.importance) == (2003, 2003, 1)


def test_companies_and_ceremonies_are_found(client):
    response = search(client, "grand bell")
    assert group(response, "ceremonies") == [
        ("Grand Bell Awards", "/awards/?ceremony=grand-bell-awards", "")
    ]
    assertContains(search(client, "fineworks"), '<span class="hit-label">Fineworks</span>')


def test_suggestions_are_few_and_tell_what_they_are(client):
    for n in range(10):
        f.film(f"Miracle Copy {n}", 2000 + n)
    suggestions = suggest(client, "miracle")
    assert len(suggestions) == 8
    assert suggestions[0] == {
        "kind": "film",
        "label": "Miracle in Cell No. 7",
        "detail": "Film, 2013",
        "url": film_url(f.ORIGINAL),
    }
    assert suggest(client, "ryu s") == [
        {
            "kind": "person",
            "label": "Ryu Seung-ryong",
            "detail": "2013; Miracle in Cell No. 7, 2013",
            "url": person_url("ryu-seung-ryong"),
        }
    ]


@pytest.mark.parametrize("text", ["", "r", " r ", "\x00", "a" * 10_000])
def test_suggestions_need_two_characters_of_valid_text(client, text):
    assert suggest(client, text) == []


def test_suggestions_are_cached_like_a_page(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    first = f.get(client, SUGGEST, data={"q": "miracle"})
    again = client.get(SUGGEST, {"q": "miracle"}, secure=True)
    assert first["X-Page-Cache"] == "miss" and again["X-Page-Cache"] == "hit"
    assert again.content == first.content


@pytest.mark.parametrize(
    "query, message",
    [
        ("q=", "Type a title, a name or a character"),
        ("q=" + "a" * 10_000, "at most 200 characters"),
        ("q=%00", "cannot contain control characters"),
        ("q=%ED%A0%80", None),  # a lone surrogate, as UTF-8 would spell it
        ("q=%22a%22%20OR%20b*", None),  # FTS5 syntax
        ("q=NEAR(a%20b)", None),
        ("q=%25_%25", None),  # LIKE wildcards
        ("q=%5C", None),
        ("q=!!!...", None),
        ("q=ab&page=x", "The page must be a whole number"),
    ],
)
def test_bad_input_is_a_page_never_a_server_error(client, query, message):
    response = f.get(client, f"{SEARCH}?{query}")
    assert response.status_code == 200
    if message:
        assertContains(response, message)
    suggested = f.get(client, f"{SUGGEST}?{query}")
    assert suggested.status_code == 200 and isinstance(json.loads(suggested.content), list)


def test_a_page_past_the_results_is_a_404(client):
    assert search(client, "miracle", page=2).status_code == 404


def test_a_page_and_its_suggestions_make_a_fixed_number_of_queries(
    client, settings, django_assert_num_queries
):
    settings.COUNT_CACHE_SECONDS = 0
    # The archive's version, films, people, their two counts, companies and ceremonies
    # together; "sung" finds films (a character) and people.
    with django_assert_num_queries(6):
        assert search(client, "sung").status_code == 200
    # A group that finds nothing looks for near misses: one query more each.
    with django_assert_num_queries(7):
        search(client, "miracle")
    with django_assert_num_queries(8):
        search(client, "zzqxv")
    # Suggestions: the version, films and people, whatever they find, at any length.
    for text in ("sung", "miracle", "zzqxv", "예승", "ry"):
        with django_assert_num_queries(3):
            suggest(client, text)
    # In Korean or Turkish, one query more where films are shown or named (their titles in
    # the language, a person's best-known film's too), however many; none for a page or
    # suggestions that name no film.
    for language in ("ko", "tr"):
        with translation.override(language):
            page, suggestions = reverse("archive:search"), reverse("archive:search-suggest")
        for text, films_shown in (("sung", True), ("miracle", True), ("zzqxv", False)):
            expected = {"sung": 6, "miracle": 7, "zzqxv": 8}[text] + films_shown
            with django_assert_num_queries(expected):
                f.get(client, page, data={"q": text})
        for text, films_shown in (("miracle", True), ("류승룡", True), ("zzqxv", False)):
            with django_assert_num_queries(3 + films_shown):
                f.get(client, suggestions, data={"q": text})


def hits_without_language(response):
    """Every hit link of a search page or its suggestions, with the language prefix of
    their addresses taken out."""
    if response["Content-Type"] == "application/json":
        links = [hit["url"] for hit in json.loads(response.content)]
    else:
        links = re.findall(r'<li>\s*<a href="([^"]*)"', f.body(response))
    return [re.sub(r"^/(ko|tr)/", "/", link) for link in links]


@pytest.mark.parametrize(
    "text",
    ["miracle", "7번방의 선물", "7beonbang", "류승룡", "Ryu", "koğuştaki", "kogustaki", "예승"],
)
def test_a_search_finds_the_same_records_in_the_same_order_in_every_language(client, text):
    """A query in any script finds the same records under /ko/ and /tr/ as under /, though
    they are shown by their titles and names in the visitor's language."""
    found = {}
    for language in ("en", "ko", "tr"):
        with translation.override(language):
            page, suggestions = reverse("archive:search"), reverse("archive:search-suggest")
        found[language] = (
            hits_without_language(f.get(client, page, data={"q": text})),
            hits_without_language(f.get(client, suggestions, data={"q": text})),
        )
    assert found["en"][0] and found["en"][1]
    assert found["ko"] == found["en"] == found["tr"]


def test_a_persons_suggestion_names_their_best_known_film_in_the_visitors_language(client):
    with translation.override("ko"):
        korean = reverse("archive:search-suggest")
    (ryu,) = [
        hit
        for hit in json.loads(f.get(client, korean, data={"q": "류승룡"}).content)
        if hit["kind"] == "person"
    ]
    assert "7번방의 선물, 2013" in ryu["detail"]
    (ryu,) = [hit for hit in suggest(client, "류승룡") if hit["kind"] == "person"]
    assert "Miracle in Cell No. 7, 2013" in ryu["detail"]
