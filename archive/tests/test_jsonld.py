"""schema.org JSON-LD for films and people: fields, escaping, and no queries after prefetch."""

import json

import pytest

from archive.citations import attach_film_sources
from archive.jsonld import film_jsonld, film_jsonld_data, person_jsonld, person_jsonld_data
from archive.models import Film, Person
from archive.tests.factories import ORIGINAL
from archive.views.people import person_credits

pytestmark = pytest.mark.django_db

SLUG = ORIGINAL


@pytest.fixture
def film(archive):
    film = Film.objects.with_details().get(slug=SLUG)
    attach_film_sources(film)  # as the film page does
    return film


@pytest.fixture
def person(archive):
    return Person.objects.get(slug="ryu-seung-ryong")


def test_movie_fields(film, rf):
    request = rf.get("/")

    data = json.loads(film_jsonld(film, request))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Movie"
    assert data["name"] == "Miracle in Cell No. 7"
    assert data["url"] == f"http://testserver/films/{SLUG}/"
    assert data["datePublished"] == "2013-01-23"
    assert data["duration"] == "PT127M"
    assert data["inLanguage"] == "ko"
    assert data["countryOfOrigin"] == [
        {"@type": "Country", "name": "South Korea", "identifier": "KR"}
    ]
    assert data["genre"] == ["Comedy-drama"]
    assert data["description"].startswith("A 2013 South Korean comedy-drama film")
    assert data["sameAs"] == ["https://en.wikipedia.org/wiki/Miracle_in_Cell_No._7"]
    assert {"@type": "Organization", "name": "Fineworks"} in data["productionCompany"]
    assert "Next Entertainment World (NEW)" not in str(data["productionCompany"])  # distributor
    assert "creativeWorkStatus" not in data


def test_alternate_names_are_the_other_titles(film):
    data = film_jsonld_data(film)

    names = data["alternateName"]
    assert "7번방의 선물" in names
    assert "A Gift from Room 7" in names
    assert "Miracle in Cell No. 7" not in names  # the name itself
    assert len(names) == len(set(names))


def test_director_and_cast(film, rf):
    data = film_jsonld_data(film, rf.get("/"))

    assert data["director"] == [
        {
            "@type": "Person",
            "name": "Lee Hwan-kyung",
            "url": "http://testserver/people/lee-hwan-kyung/",
        }
    ]
    assert {
        "@type": "PerformanceRole",
        "actor": {
            "@type": "Person",
            "name": "Ryu Seung-ryong",
            "url": "http://testserver/people/ryu-seung-ryong/",
        },
        "characterName": "Lee Yong-gu",
    } in data["actor"]
    # Two actresses play Ye-sung, as a child and as an adult: both are listed.
    ye_sung = [r["actor"]["name"] for r in data["actor"] if r["characterName"] == "Ye-sung"]
    assert sorted(ye_sung) == ["Kal So-won", "Park Shin-hye"]
    assert "Lee Hwan-kyung" in [p["name"] for p in data["author"]]


def test_urls_are_paths_without_a_request(film):
    data = film_jsonld_data(film)

    assert data["url"] == f"/films/{SLUG}/"
    assert data["director"][0]["url"] == "/people/lee-hwan-kyung/"


def test_an_announced_film_without_title_or_date(archive):
    film = Film.objects.with_details().get(slug="untitled-hindi-remake-of-miracle-in-cell-no-7")

    data = film_jsonld_data(film)

    assert data["name"] == "Untitled film"
    assert data["creativeWorkStatus"] == "Announced"
    assert "datePublished" not in data
    assert "duration" not in data
    assert "actor" not in data  # empty keys are left out
    assert data["inLanguage"] == "hi"


def test_year_only_when_no_date(film):
    film.release_date = None

    assert film_jsonld_data(film)["datePublished"] == "2013"


def test_script_end_in_a_title_is_escaped(film):
    film.title = 'Evil</script><script>alert("x")</script> & more'

    text = film_jsonld(film)

    assert "<" not in text
    assert ">" not in text
    assert "&" not in text
    assert "\\u003C/script\\u003E" in text
    assert json.loads(text)["name"] == film.title
    assert "7번방의 선물" in text  # other scripts stay readable


def test_film_needs_no_query_after_prefetch(film, rf, django_assert_num_queries):
    request = rf.get("/")

    with django_assert_num_queries(0):
        film_jsonld(film, request)


def test_person_fields(person, rf):
    person.name_original = "류승룡"
    person.other_names = "Ryoo Seung-ryong\nRyu Seung-ryong\n"

    data = json.loads(person_jsonld(person, person_credits(person), rf.get("/")))

    assert data["@type"] == "Person"
    assert data["name"] == "Ryu Seung-ryong"
    assert data["alternateName"] == ["류승룡", "Ryoo Seung-ryong"]
    assert data["url"] == "http://testserver/people/ryu-seung-ryong/"
    assert data["performerIn"] == [
        {
            "@type": "Movie",
            "name": "Miracle in Cell No. 7",
            "url": f"http://testserver/films/{SLUG}/",
        }
    ]


def test_crew_only_person_has_no_performances(archive):
    person = Person.objects.get(slug="lee-hwan-kyung")

    data = person_jsonld_data(person, person_credits(person))

    assert "performerIn" not in data
    assert data["alternateName"] == ["이환경"]


def test_person_name_is_escaped(person):
    person.name = "</script><b>x</b>"

    text = person_jsonld(person, [])

    assert "<" not in text
    assert json.loads(text)["name"] == "</script><b>x</b>"


def test_person_needs_no_query_but_its_credits(person, rf, django_assert_num_queries):
    request = rf.get("/")
    credits = person_credits(person)

    with django_assert_num_queries(0):
        person_jsonld(person, credits, request)


def test_person_life_dates_place_and_biography(person):
    person.birth_date, person.death_date = "1970-11", "2050"
    person.place_of_birth, person.biography = "Suwon, South Korea", "An actor."

    data = person_jsonld_data(person, [])

    assert (data["birthDate"], data["deathDate"], data["description"]) == (
        "1970-11",
        "2050",
        "An actor.",
    )
    assert data["birthPlace"] == {"@type": "Place", "name": "Suwon, South Korea"}
    person.birth_date = person.death_date = person.place_of_birth = person.biography = ""
    assert (
        not {"birthDate", "deathDate", "birthPlace", "description"}
        & person_jsonld_data(person, []).keys()
    )
