"""Citations (archive/citations.py, the ``_cite.html`` macros): every fact on the film and
person pages carries footnote marks to numbered sources, or an "unsourced" mark; other
values that sources give are shown beside the preferred one; the JSON record and JSON-LD
carry the sources."""

import json
import re
from types import SimpleNamespace

import pytest

from archive.citations import Footnotes, attach_film_sources
from archive.models import Film, FilmFact, Person
from archive.sourcing import film_unsourced, missing_sources, person_unsourced
from archive.tests import factories as f
from archive.tests.factories import INDONESIAN, KANNADA, ORIGINAL, PHILIPPINE
from archive.tests.pages import film_url, person_url, section

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("archive")]

MARK = re.compile(
    r'<sup class="cite"><a href="#source-([^"]+)" id="(cite-ref-\d+-\d+)">\[(\d+)\]</a></sup>'
)
UNSOURCED = '<sup class="unsourced">[unsourced]</sup>'


def facts_row(response, label):
    """The HTML of the facts box's ``<dd>`` after ``<dt>label</dt>``."""
    box = section(response, "facts-h")
    start = box.index(f"<dt>{label}</dt><dd>")
    return box[start : box.index("</dd>", start)]


def marks(fragment):
    """The source keys a fragment of a page cites, in order."""
    return [key for key, _ref, _number in MARK.findall(fragment)]


def src(key):
    return SimpleNamespace(key=key)


# Numbering --------------------------------------------------------------------------------


def test_footnotes_number_sources_in_the_order_first_cited_and_give_each_mark_its_own_id():
    notes = Footnotes()
    first = notes.cite([src("a")])
    second = notes.cite([src("b"), src("a")])
    assert notes.cite([]) == []
    assert [(m.number, m.ref_id) for m in first] == [(1, "cite-ref-1-1")]
    assert [(m.number, m.ref_id) for m in second] == [(2, "cite-ref-2-1"), (1, "cite-ref-1-2")]
    assert [(n.number, n.source.key, n.refs) for n in notes.notes] == [
        (1, "a", ["cite-ref-1-1", "cite-ref-1-2"]),
        (2, "b", ["cite-ref-2-1"]),
    ]
    assert "a" in notes and "c" not in notes


# The film page ----------------------------------------------------------------------------


def test_a_fact_with_one_source_two_sources_or_none(client):
    film = f.film("Citation test", 2001, countries=["KR"], runtime=90)
    one, two = f.source(title="Only one"), f.source(title="Second")
    FilmFact.objects.create(film=film, field="runtime").sources.set([one])
    FilmFact.objects.create(film=film, field="countries").sources.set([one, two])
    response = f.get(client, film_url(film.slug))
    assert marks(facts_row(response, "Runtime")) == [one.key]
    assert marks(facts_row(response, "Countries")) == [one.key, two.key]
    assert UNSOURCED in facts_row(response, "Released")
    assert UNSOURCED not in facts_row(response, "Runtime")
    # The source cited twice has one number; each mark links to it and it links back to each.
    sources = section(response, "sources-h")
    body = f.body(response)
    numbers = {key: number for key, _ref, number in MARK.findall(body)}
    assert numbers == {one.key: "1", two.key: "2"}
    for key, ref, _number in MARK.findall(body):
        assert f'<li id="source-{key}" value="{numbers[key]}">' in sources
        assert f'href="#{ref}"' in sources
    assert "Only one" in sources and "Second" in sources


def test_every_fact_of_the_seed_original_names_a_source(client):
    response = f.get(client, film_url(ORIGINAL))
    body = f.body(response)
    assert UNSOURCED not in body
    for label in ("Status", "Released", "Runtime", "Countries", "Original language", "Genres"):
        assert marks(facts_row(response, label)), label
    for heading in ("titles-h", "cast-h", "family-h", "awards-h", "box-h", "notes-h"):
        assert marks(section(response, heading)), heading
    assert marks(body[: body.index('<section aria-labelledby="facts-h">')])  # title, summary
    assert "How much of the archive is sourced" in section(response, "sources-h")


def test_a_conflict_shows_the_preferred_value_and_what_other_sources_say(client):
    film = f.film("Disputed", 2010, runtime=100)
    ours, theirs = f.source(title="Ours"), f.source(title="Theirs")
    FilmFact.objects.create(film=film, field="runtime").sources.set([ours])
    other = FilmFact.objects.create(film=film, field="runtime", value="104 minutes", note="cut")
    other.sources.set([theirs])
    row = facts_row(f.get(client, film_url(film.slug)), "Runtime")
    assert row.startswith("<dt>Runtime</dt><dd>100 minutes")
    assert "(other sources say: 104 minutes" in row
    assert marks(row) == [ours.key, theirs.key]
    assert "; cut)" in row


@pytest.mark.parametrize(
    "slug, heading, preferred, other, sources",
    [
        (
            INDONESIAN,
            "facts-h",
            "8 September 2022",
            "2020",
            ["media-indonesia-731199", "seed-article"],
        ),
        (
            PHILIPPINE,
            "cast-h",
            "Xia Vigor",
            "Aga Muhlach, Bela Padilla, Xia Vigor",
            ["wikipedia-miracle-in-cell-no-7-2019-philippine", "seed-article"],
        ),
        (
            KANNADA,
            "family-h",
            "Unofficial remake",
            "an adaptation of Miracle in Cell No. 7",
            ["wikipedia-pushpaka-vimana-2017", "seed-article"],
        ),
        (
            KANNADA,
            "family-h",
            "Unofficial remake",
            "only inspired by Miracle in Cell No. 7",
            ["wikipedia-pushpaka-vimana-2017"],
        ),
    ],
)
def test_the_seeds_conflicts_appear_on_their_pages_with_both_sources(
    client, slug, heading, preferred, other, sources
):
    part = section(f.get(client, film_url(slug)), heading)
    assert preferred in part
    said = part.index(f"(other sources say: {other}")
    assert set(sources) <= set(marks(part))
    # The other value's own source follows it.
    assert marks(part[said:])[0] == sources[-1]


def test_the_fixture_records_each_conflict_with_both_values_and_sources():
    others = FilmFact.objects.exclude(value="").order_by("film__slug", "field", "value")
    found = {
        (fact.film.slug, fact.field, fact.value): sorted(s.key for s in fact.sources.all())
        for fact in others
    }
    assert found[(INDONESIAN, "released", "2020")] == ["seed-article"]
    assert (
        FilmFact.objects.get(film__slug=INDONESIAN, field="released", value="")
        .sources.filter(key="media-indonesia-731199")
        .exists()
    )
    assert len(found) == 4
    for slug, field, _value in found:
        assert FilmFact.objects.get(film__slug=slug, field=field, value="").sources.exists()


# The person page --------------------------------------------------------------------------


def test_person_page_cites_names_credits_and_awards(client):
    response = f.get(client, person_url("ryu-seung-ryong"))
    body = f.body(response)
    # The Korean Wikipedia gives his name in Hangul; the seed article the rest.
    names = ["wikipedia-ko-miracle-in-cell-no-7", "seed-article"]
    assert marks(body[body.index("<h1>") : body.index("</h1>")]) == names
    # A credit's sources in their own order (by title), as on the film page.
    assert marks(section(response, "filmography-h")) == [
        "wikipedia-ko-miracle-in-cell-no-7",
        "seed-article",
    ]
    assert marks(section(response, "awards-h")) == [
        "korea-herald-20130510000642",
        "osen-g1109721156",
        "osen-g1109718264",
    ]
    assert UNSOURCED not in body
    unsourced = f.person("Nobody Cites")
    f.role(f.film(), unsourced, character="Someone")
    response = f.get(client, person_url(unsourced.slug))
    assert f.body(response).count(UNSOURCED) == 2  # the name and the credit
    assert "No fact on this page has a source yet." in section(response, "sources-h")


# Exports and JSON-LD ----------------------------------------------------------------------


def test_the_json_record_carries_each_facts_sources_and_the_citation_list(client):
    record = json.loads(f.get(client, film_url(INDONESIAN) + "?format=json").content)
    assert record["facts"]["released"] == {
        "sources": ["media-indonesia-731199"],
        "other_values": [
            {
                "value": "2020",
                "sources": ["seed-article"],
                "note": "the year the remake was announced",
            }
        ],
    }
    assert record["facts"]["runtime"] == {"sources": [], "other_values": []}
    assert all(credit["sources"] for credit in record["credits"])
    assert all(title["sources"] for title in record["titles"])
    cited = {source["key"] for source in record["citation"]}
    assert {"media-indonesia-731199", "seed-article"} <= cited
    person = json.loads(f.get(client, person_url("ryu-seung-ryong") + "?format=json").content)
    assert person["name_sources"] == ["wikipedia-ko-miracle-in-cell-no-7", "seed-article"]
    assert person["awards"][0]["sources"] == ["korea-herald-20130510000642"]
    assert {s["key"] for s in person["citation"]} == {
        "seed-article",
        "wikipedia-ko-miracle-in-cell-no-7",
        "korea-herald-20130510000642",
        "osen-g1109721156",
        "osen-g1109718264",
    }


def test_json_ld_carries_the_citation(client):
    film = f.jsonld(f.get(client, film_url(ORIGINAL)))
    names = {work["name"] for work in film["citation"]}
    assert "Sports Seoul, news 40448" in names
    assert all(work["@type"] == "CreativeWork" for work in film["citation"])
    assert {"@type": "Organization", "name": "OSEN"} in [
        w.get("publisher") for w in film["citation"]
    ]
    person = f.jsonld(f.get(client, person_url("ryu-seung-ryong")))
    assert len(person["citation"]) == 5


# Counting in SQL --------------------------------------------------------------------------


def test_unsourced_counts_match_the_facts_a_page_marks(client):
    film = f.film("Half sourced", 2003, countries=["KR"], runtime=95, summary="A film.")
    f.title(film, "Half")
    person = f.person("Half Person")
    f.role(film, person)
    FilmFact.objects.create(film=film, field="runtime").sources.set([f.source()])
    counted = Film.objects.annotate(n=film_unsourced()).get(pk=film.pk).n
    page = f.get(client, film_url(film.slug))
    # title, status, released, countries, summary; the title row and the credit
    assert counted == 7 == f.body(page).count(UNSOURCED)
    assert missing_sources(film) == [
        "Title",
        "Status",
        "Release date and year",
        "Countries",
        "Summary",
        "Titles (1)",
        "Credits (1)",
    ]
    assert Person.objects.annotate(n=person_unsourced()).get(pk=person.pk).n == 2
    seeded = Film.objects.annotate(n=film_unsourced()).filter(n__gt=0)
    assert not seeded.filter(slug=ORIGINAL).exists()


@pytest.mark.parametrize("slug", [ORIGINAL, INDONESIAN])
def test_a_film_pages_rows_get_their_sources_in_order_in_two_queries(
    slug, django_assert_num_queries
):
    film = Film.objects.with_details().get(slug=slug)
    families = [{"adaptations": list(film.adaptations.all())}]
    with django_assert_num_queries(2):
        attach_film_sources(film, families)
    rows = [
        *film.titles.all(),
        *film.roles.all(),
        *film.company_credits.all(),
        *film.awards.all(),
        *film.figures.all(),
        *film.notes.all(),
        *film.facts.all(),
        *film.adapted_from.all(),
        *families[0]["adaptations"],
    ]
    assert any(len(row.source_list) > 1 for row in rows)
    for row in rows:
        assert row.source_list == list(row.sources.all())
