"""Names in the visitor's language (archive/names.py): the script of a language from CLDR's
likely subtags, the script of a letter from its Unicode name, and people named in their own
script on every page where that script is the visitor's (류승룡 under /ko/), in Latin letters
elsewhere."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from archive import names
from archive.models import Person
from archive.tests import factories as f
from archive.tests.factories import ORIGINAL

RYU = "ryu-seung-ryong"


@pytest.mark.parametrize(
    "language, scripts",
    [
        ("ko", {"Hang", "Hani"}),  # Korean: Hangul, and Han (Hanja)
        ("tr", {"Latn"}),
        ("en", {"Latn"}),
        # Languages the archive does not speak: a new one needs no code.
        ("ja", {"Hani", "Hira", "Kana"}),
        ("ru", {"Cyrl"}),
        ("zh-hant", {"Hani"}),
        ("kn", {"Knda"}),
        ("bn", {"Beng"}),
    ],
)
def test_a_language_is_written_in_its_likely_script(language, scripts):
    assert names.language_scripts(language) == scripts


@pytest.mark.parametrize(
    "letter, script",
    [
        ("류", "Hang"),
        ("番", "Hani"),
        ("A", "Latn"),
        ("İ", "Latn"),
        ("ğ", "Latn"),
        ("Ж", "Cyrl"),
        ("ಪ", "Knda"),
        ("カ", "Kana"),
        ("あ", "Hira"),
        ("7", None),
    ],
)
def test_a_letter_is_of_the_script_its_unicode_name_says(letter, script):
    assert names.letter_script(letter) == script


@pytest.mark.parametrize(
    "language, name, original, shown",
    [
        ("ko", "Ryu Seung-ryong", "류승룡", "류승룡"),
        ("ko", "Hong Gil-dong", "洪吉童", "洪吉童"),  # Hanja is written in Korean too
        ("ko", "Ramesh Aravind", "ರಮೇಶ್ ಅರವಿಂದ್", ""),  # Kannada is not
        ("ko", "Ryu Seung-ryong", "", ""),
        ("tr", "Ryu Seung-ryong", "류승룡", ""),
        ("tr", "Aras Bulut Iynemli", "Aras Bulut İynemli", "Aras Bulut İynemli"),
        ("tr", "Aras Bulut İynemli", "Aras Bulut İynemli", ""),  # the same name: nothing to add
        ("en", "Ryu Seung-ryong", "류승룡", ""),  # English keeps the archive's own names
        ("en", "Aras Bulut Iynemli", "Aras Bulut İynemli", ""),
        ("ja", "Koreeda Hirokazu", "是枝裕和", "是枝裕和"),  # a fourth language, no code
        ("ru", "Ryu Seung-ryong", "류승룡", ""),
    ],
)
def test_a_person_is_named_in_their_own_script_where_it_is_the_visitors(
    language, name, original, shown
):
    with translation.override(language):
        assert names.own_script_name(name, original) == shown


# The pages --------------------------------------------------------------------------------


def address(name, language, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


#: Every page type that names Ryu Seung-ryong by a link: (URL name, its arguments).
PAGES = {
    "home": ("archive:home", {}),
    "people": ("archive:person-list", {}),
    "credits on a film page": ("archive:film-detail", {"slug": ORIGINAL}),
    "awards nominees": ("archive:award-list", {}),
}


@pytest.fixture
def ryu_changed_last(archive):
    """Ryu Seung-ryong saved last: the home page lists the people changed last."""
    Person.objects.get(slug=RYU).save()


@pytest.mark.django_db
@pytest.mark.usefixtures("ryu_changed_last")
@pytest.mark.parametrize("page", PAGES)
def test_every_page_names_people_in_hangul_under_ko_and_in_latin_letters_elsewhere(client, page):
    name, kwargs = PAGES[page]
    korean = f.body(f.get(client, address(name, "ko", **kwargs)))
    link = address("archive:person-detail", "ko", slug=RYU)
    assert f'<a href="{link}">류승룡</a> <span class="also">Ryu Seung-ryong</span>' in korean
    for language in ("tr", "en"):
        body = f.body(f.get(client, address(name, language, **kwargs)))
        link = address("archive:person-detail", language, slug=RYU)
        assert f'<a href="{link}">Ryu Seung-ryong</a>' in body
        assert '">류승룡</a>' not in body


@pytest.mark.django_db
@pytest.mark.usefixtures("archive")
def test_a_person_page_is_titled_in_the_script_of_the_visitors_language(client):
    korean = f.body(f.get(client, address("archive:person-detail", "ko", slug=RYU)))
    assert "<title>류승룡 – 영화 아카이브</title>" in korean
    assert '<h1>류승룡<sup class="cite">' in korean
    assert '<p class="other-titles">Ryu Seung-ryong</p>' in korean
    turkish = f.body(f.get(client, address("archive:person-detail", "tr", slug=RYU)))
    assert '<h1>Ryu Seung-ryong<sup class="cite">' in turkish
    assert "other-titles" not in turkish


@pytest.mark.django_db
@pytest.mark.usefixtures("archive")
def test_search_and_suggestions_name_people_in_hangul_under_ko(client):
    link = address("archive:person-detail", "ko", slug=RYU)
    page = f.body(f.get(client, address("archive:search", "ko"), data={"q": "ryu"}))
    assert (
        f'<a href="{link}">류승룡</a> <span class="also" lang="und">Ryu Seung-ryong</span>' in page
    )
    (hit,) = json.loads(
        f.get(client, address("archive:search-suggest", "ko"), data={"q": "ryu"}).content
    )
    assert (hit["kind"], hit["label"], hit["url"]) == ("person", "류승룡", link)
    assert hit["detail"].startswith("Ryu Seung-ryong · ")
    # In English the Latin name leads, the name in its own script beside it, as before.
    page = f.body(f.get(client, address("archive:search", "en"), data={"q": "ryu"}))
    assert '">Ryu Seung-ryong</a> <span class="also" lang="und">류승룡</span>' in page
    suggested = f.get(client, address("archive:search-suggest", "en"), data={"q": "ryu"})
    (hit,) = json.loads(suggested.content)
    assert hit["label"] == "Ryu Seung-ryong" and "류승룡" not in hit["detail"]
