"""What each page writes in each language: dates and counts in the language's formats on
every page type that shows one, a person's dates, the words a search hit is described with,
and the exports, which keep their English codes in every language (the pages and the switch
themselves: test_i18n.py)."""

import json
import re

import pytest

from archive.models import Adaptation, Award, Film, Person, Role
from archive.tests import factories as f
from archive.tests.factories import ORIGINAL
from archive.tests.test_i18n import LANGUAGES, PAGES, PERSON, address
from archive.text import fold

pytestmark = pytest.mark.django_db


THOUSAND = 1000


@pytest.fixture
def a_thousand_more(archive):
    """A thousand more films, each adapted from the original, awarded, with a new person in
    its cast: every list and count passes a thousand, and a search for "thousand" finds a
    thousand films and a thousand people."""
    original = Film.objects.get(slug=ORIGINAL)
    films = Film.objects.bulk_create(
        Film(
            title=f"Thousand film {n}",
            title_folded=fold(f"Thousand film {n}"),
            slug=f"thousand-film-{n}",
            year=1950 + n % 70,
        )
        for n in range(THOUSAND)
    )
    people = Person.objects.bulk_create(
        Person(
            name=f"Thousand person {n}",
            names_folded=fold(f"Thousand person {n}"),
            slug=f"thousand-person-{n}",
        )
        for n in range(THOUSAND)
    )
    Role.objects.bulk_create(
        Role(film=film, person=person) for film, person in zip(films, people, strict=True)
    )
    Adaptation.objects.bulk_create(Adaptation(source=original, adaptation=film) for film in films)
    ceremony = f.ceremony()
    Award.objects.bulk_create(
        Award(ceremony=ceremony, year=2013, category="Best film", result="won", film=film)
        for film in films
    )


def grouped(number, language):
    """``number`` with its digits grouped as ``language`` groups them."""
    return f"{number:,}".replace(",", "." if language == "tr" else ",")


@pytest.mark.usefixtures("a_thousand_more")
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_page_writes_its_dates_and_numbers_in_the_language(client, language):
    """Every page type that shows a date or a count writes it in the language's format:
    "23 January 2013", "2013년 1월 23일", "23 Ocak 2013"; 1,006 or 1.006."""
    date = {"en": "23 January 2013", "ko": "2013년 1월 23일", "tr": "23 Ocak 2013"}[language]
    changed = {"en": "22 November 2026", "ko": "2026년 11월 22일", "tr": "22 Kasım 2026"}[language]
    films, people = 6 + THOUSAND, 30 + THOUSAND

    def percent(number):
        return f"%{number}" if language == "tr" else f"{number}%"

    # For each page type: what it shows, and the count of the sentence above a list.
    expected = {
        "home": ([f"<strong>{grouped(n, language)}</strong>" for n in (films, people)], None),
        "films": ([f'<span class="count">{grouped(1005, language)}</span>'], films),
        "film": ([f'<time datetime="2013-01-23">{date}</time>'], None),
        "people": ([], people),
        "person": ([f'<time datetime="2026-11-22T00:00:00+00:00">{changed}'], None),
        "adaptations": ([], 5 + THOUSAND),
        "awards": ([], 7 + THOUSAND),
        "search": ([], THOUSAND),
        "sources": (
            [f"({percent(2)})", grouped(7148, language), f'<td class="number">{percent(100)}</td>'],
            None,
        ),
    }
    other = {"en": "tr", "ko": "tr", "tr": "en"}[language]
    for page, (fragments, count) in expected.items():
        name, kwargs, _ = PAGES[page]
        query = {"q": "thousand"} if page == "search" else {}
        response = f.get(client, address(name, kwargs, language), data=query)
        assert response.status_code == 200, page
        body = f.body(response)
        for fragment in fragments:
            assert fragment in body, (page, fragment)
        if count is not None:
            summary = f.summary(response)
            assert grouped(count, language) in summary, (page, summary)
            assert grouped(count, other) not in summary, (page, summary)


@pytest.mark.usefixtures("archive")
@pytest.mark.parametrize(
    "language, born, by_birth",
    [
        ("en", "29 November 1970", "b. 1998"),
        ("ko", "1970년 11월 29일", "1998년생"),
        ("tr", "29 Kasım 1970", "d. 1998"),
    ],
)
def test_a_persons_dates_are_written_in_the_language(client, language, born, by_birth):
    Person.objects.filter(slug=PERSON).update(birth_date="1970-11-29")
    page = f.body(f.get(client, address("archive:person-detail", {"slug": PERSON}, language)))
    assert f'<time datetime="1970-11-29">{born}</time>' in page
    # Someone without a dated credit is told apart by the year of their birth.
    f.person("Choi Jae-hyun", birth_date="1998-03")
    people = f.get(client, address("archive:person-list", {}, language), data={"sort": "-updated"})
    row = next(row for row in f.table_rows(people, "records") if row[0] == "Choi Jae-hyun")
    assert by_birth in row


@pytest.mark.usefixtures("archive")
@pytest.mark.parametrize(
    "language, film, person, company, ceremony",
    [
        ("en", "Film, 2013", "name in original script: 류승룡", "Company, ", "Awards, South Korea"),
        ("ko", "영화, 2013", None, "회사, ", "시상식, 대한민국"),
        ("tr", "Film, 2013", "özgün yazıdaki adı: 류승룡", "Şirket, ", "Ödüller, Güney Kore"),
    ],
)
def test_search_hits_say_what_they_are_and_why_they_matched_in_the_language(
    client, language, film, person, company, ceremony
):
    def hits(query):
        url = address("archive:search", {}, language)
        found = re.findall(r"<li>(.*?)</li>", f.body(f.get(client, url, data={"q": query})), re.S)
        return [" ".join(f._text(hit).split()) for hit in found]

    assert any(f"– {film}" in hit for hit in hits("miracle"))
    if person:
        assert any(hit.endswith(person) for hit in hits("류승룡"))
    else:
        # Korean is written in Hangul: the person is shown by that name, which says why.
        found = hits("류승룡")
        assert any(hit.startswith("류승룡 Ryu Seung-ryong") for hit in found), found
        assert not any("원래 문자로 쓴 이름" in hit for hit in found)
    assert any(f"– {company}" in hit for hit in hits("next entertainment"))
    assert any(hit.endswith(f"– {ceremony}") for hit in hits("grand bell"))


EXPORTS = [
    "archive:film-list",
    "archive:person-list",
    "archive:adaptation-list",
    "archive:award-list",
]


@pytest.mark.usefixtures("archive")
@pytest.mark.parametrize("name", EXPORTS)
def test_exports_keep_their_english_codes_in_every_language(client, name):
    """An export is for machines: its column names (and the values' codes) are the same
    under /ko/ and /tr/ as in English."""

    def export(language, output):
        response = f.get(client, address(name, {}, language), data={"format": output})
        assert response.status_code == 200
        return (
            b"".join(response.streaming_content).decode()
            if response.streaming
            else f.body(response)
        )

    header = export("en", "csv").lstrip("\ufeff").splitlines()[0]
    keys = list(json.loads(export("en", "json"))[0])
    assert header == ",".join(keys)
    assert re.fullmatch(r"[a-z_]+(,[a-z_]+)+", header)
    for language in ("ko", "tr"):
        assert export(language, "csv").lstrip("\ufeff").splitlines()[0] == header
        assert list(json.loads(export(language, "json"))[0]) == keys
    record = address("archive:film-detail", {"slug": ORIGINAL}, "ko")
    korean = json.loads(f.get(client, record, data={"format": "json"}).content)
    english = json.loads(f.get(client, record.removeprefix("/ko"), data={"format": "json"}).content)
    assert list(korean) == list(english)
    assert korean["status"] == english["status"] == "released"
