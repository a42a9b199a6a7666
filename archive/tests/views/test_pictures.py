"""Pictures on the public pages: the film's poster and stills, the person's portrait, the
posters of the film list and the cast's portraits, og:image and JSON-LD, the placeholder,
and a fixed number of queries however many posters a list shows."""

import re

import pytest
from django.core.files.storage import FileSystemStorage

from archive.tests import factories as f
from archive.tests.image_files import add_image
from archive.tests.pages import count_queries, film_url, person_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("archive", "media")]


def img_tags(html):
    return re.findall(r"<img [^>]*>", html)


def test_a_film_without_images_shows_a_neutral_placeholder_not_a_broken_image(client):
    html = f.body(f.get(client, film_url(f.ORIGINAL)))
    assert 'class="pic pic-placeholder' in html
    assert "placeholder.svg" in html
    assert 'property="og:image"' not in html


def test_the_film_page_shows_its_main_poster_and_a_gallery_of_stills(client, film):
    add_image(film=film, alt="Poster: a father and his daughter", is_main=True)
    add_image(film=film, kind="still", alt="Still: the prison cell", caption="Cell no. 7")
    html = f.body(f.get(client, film_url(film.slug)))
    poster = next(tag for tag in img_tags(html) if "a father and his daughter" in tag)
    assert 'width="12" height="8"' in poster
    assert "loading=" not in poster  # above the fold: not lazy
    assert re.search(r'srcset="/media/images/\w\w/\w{16}-12w\.jpg 12w"', poster)
    assert '<source type="image/webp"' in html
    still = next(tag for tag in img_tags(html) if "the prison cell" in tag)
    assert 'loading="lazy"' in still
    assert 'id="stills-h"' in html and "Cell no. 7" in html


def test_the_film_page_shares_its_poster_as_og_image_and_in_json_ld(client, film):
    image = add_image(film=film, alt="Poster", credit="CJ Entertainment")
    response = f.get(client, film_url(film.slug))
    html = f.body(response)
    largest = image.renditions[-1]["name"]
    assert f'<meta property="og:image" content="{f.BASE}/media/{largest}">' in html
    assert '<meta property="og:image:alt" content="Poster">' in html
    data = f.jsonld(response)
    assert data["image"]["contentUrl"] == f"{f.BASE}/media/{largest}"
    assert data["image"]["creditText"] == "CJ Entertainment"


def test_the_cast_list_shows_each_actors_portrait_or_a_placeholder(client, film):
    ryu = film.roles.get(person__slug="ryu-seung-ryong").person
    add_image(person=ryu, alt="Portrait of Ryu Seung-ryong")
    html = f.body(f.get(client, film_url(film.slug)))
    cast = html[html.index('id="cast-h"') :]
    cast = cast[: cast.index("</section>")]
    assert "Portrait of Ryu Seung-ryong" in cast
    assert 'class="pic pic-placeholder thumb"' in cast  # the others


def test_the_person_page_shows_the_main_portrait(client):
    person = f.person("Portrayed Person")
    add_image(person=person, alt="First portrait")
    add_image(person=person, alt="Main portrait", is_main=True)
    response = f.get(client, person_url(person.slug))
    html = f.body(response)
    start = html.index('class="record-header"')
    header = html[start : html.index("</header>", start)]
    assert "Main portrait" in header and "First portrait" not in header
    assert f.jsonld(response)["image"]["caption"] == "Main portrait"


def test_the_film_list_shows_each_films_poster(client, film):
    add_image(film=film, alt="Poster of the original")
    html = f.body(f.get(client, "/films/?q=miracle"))
    row = next(tag for tag in img_tags(html) if "Poster of the original" in tag)
    assert 'loading="lazy"' in row and 'sizes="3rem"' in row


def test_a_list_of_25_posters_makes_a_fixed_number_of_queries(client, monkeypatch):
    url = "/films/?q=posterfilm"
    films = [f.film(f"Posterfilm {n}", year=1990 + n) for n in range(25)]
    add_image(film=films[0], alt="Poster 0")
    one = count_queries(client, url)
    for film in films[1:]:
        add_image(film=film, alt=f"Poster of {film.title}", is_main=True)
    # Pages never write or ask the storage: the copies were made when the files came in.
    monkeypatch.setattr(FileSystemStorage, "exists", lambda *a: pytest.fail("storage asked"))
    monkeypatch.setattr(FileSystemStorage, "save", lambda *a, **k: pytest.fail("storage write"))
    assert count_queries(client, url) == one
    html = f.body(f.get(client, url))
    assert html.count("<picture") == 25


def test_a_list_makes_the_same_queries_with_or_without_posters(client, film):
    without = count_queries(client, "/films/?q=miracle")
    add_image(film=film, alt="Poster")
    assert count_queries(client, "/films/?q=miracle") == without


def test_the_people_and_adaptation_lists_show_portraits_and_posters(client, film):
    ryu = film.roles.get(person__slug="ryu-seung-ryong").person
    add_image(person=ryu, alt="Portrait of Ryu")
    remake = film.adaptations.first().adaptation
    add_image(film=remake, alt="Poster of the remake")
    people = f.body(f.get(client, "/people/?q=ryu"))
    assert any("Portrait of Ryu" in tag for tag in img_tags(people))
    adaptations = f.body(f.get(client, "/adaptations/"))
    assert any("Poster of the remake" in tag for tag in img_tags(adaptations))
