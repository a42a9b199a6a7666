"""The editors' side: every admin page answers, editors may add and change but not delete,
inline rows save, pages cost a fixed number of queries however many rows they show, and
relations are chosen by autocomplete (every database rule as a form error:
test_admin_forms.py)."""

import json
from datetime import date
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteMixin
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.db import connection
from django.forms import ModelChoiceField
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from archive.models import (
    Adaptation,
    Award,
    BoxOfficeFigure,
    CompanyCredit,
    Country,
    ExternalLink,
    Film,
    FilmNote,
    FilmTitle,
    Genre,
    Image,
    Language,
    Person,
    Role,
    Source,
)
from archive.models.history import is_audit_model
from archive.tests.admin_helpers import (
    add_row,
    admin_url,
    change_url,
    film_page_data,
    form_errors,
    page_data,
)
from archive.tests.factories import ORIGINAL, PHILIPPINE, TURKISH
from archive.tests.image_files import add_image

#: The archive's records: not the edit history nor the fixture-load log.
ARCHIVE_MODELS = [
    model for model in apps.get_app_config("archive").get_models() if not is_audit_model(model)
]
BIG_TABLES = [Film, Person, Role, Award, FilmTitle, Adaptation, BoxOfficeFigure]


# Fixtures and helpers ---------------------------------------------------------------------


@pytest.fixture
def editor_client(client, db):
    editor = User.objects.create_user("editor", password="not-used-1", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    return client


def an_object(model, admin_user):
    if model is Image and not Image.objects.exists():
        # The seed fixture carries no image (its files would have to travel with it).
        return add_image(film=Film.objects.order_by("pk").first(), alt="A poster")
    return admin_user if model is User else model.objects.order_by("pk").first()


def management_form(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


# Every page -------------------------------------------------------------------------------


def test_every_archive_model_has_an_admin():
    assert set(ARCHIVE_MODELS) <= set(admin.site._registry)


def admin_pages(admin_user, rf):
    """Every admin page that a superuser may open: (url, model)."""
    request = rf.get("/")
    request.user = admin_user
    for model, model_admin in admin.site._registry.items():
        yield admin_url(model, "changelist"), model
        if model_admin.has_add_permission(request):
            yield admin_url(model, "add"), model
        obj = an_object(model, admin_user)
        if obj is None:
            assert model not in ARCHIVE_MODELS, f"the fixture has no {model.__name__}"
            continue
        yield admin_url(model, "change", obj.pk), model
        if model_admin.has_delete_permission(request, obj):
            yield admin_url(model, "delete", obj.pk), model


@pytest.mark.slow
def test_every_admin_page_answers_200_to_a_superuser(archive, admin_client, admin_user, rf):
    failures = []
    for url, _model in admin_pages(admin_user, rf):
        status = admin_client.get(url).status_code
        if status != 200:
            failures.append((url, status))
    assert failures == []


def test_every_admin_page_sends_anonymous_visitors_to_the_login_page(
    archive, client, admin_user, rf
):
    login = reverse("admin:login")
    for url, _model in admin_pages(admin_user, rf):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"{login}?next={url}"


def test_big_lists_skip_the_second_full_count():
    for model in BIG_TABLES:
        assert admin.site._registry[model].show_full_result_count is False, model


# Editors ----------------------------------------------------------------------------------


def test_an_editor_can_add_and_change_a_film(archive, editor_client):
    add = admin_url(Film, "add")
    data = page_data(editor_client.get(add))
    data.update(title="Cell No. 8", slug="cell-no-8-2031", year="2031", status="announced")
    response = editor_client.post(add, data)
    assert response.status_code == 302, form_errors(response)
    film = Film.objects.get(slug="cell-no-8-2031")

    data = film_page_data(editor_client, film)
    data["runtime"] = "101"
    response = editor_client.post(change_url(film), data)
    assert response.status_code == 302, form_errors(response)
    film.refresh_from_db()
    assert film.runtime == 101


def test_an_editor_may_not_delete_nor_manage_users_and_groups(film, editor_client):
    assert editor_client.get(admin_url(Film, "delete", film.pk)).status_code == 403
    assert (
        editor_client.post(admin_url(Film, "delete", film.pk), {"post": "yes"}).status_code == 403
    )
    assert Film.objects.filter(pk=film.pk).exists()
    for model in (User, Group):
        assert editor_client.get(admin_url(model, "changelist")).status_code == 403
        assert editor_client.get(admin_url(model, "add")).status_code == 403


# Saving a film with its credits -----------------------------------------------------------

FILM_INLINES = (
    "facts",
    "titles",
    "roles",
    "adaptations",
    "adapted_from",
    "awards",
    "figures",
    "company_credits",
    "links",
    "notes",
    "images",
)


def test_adding_a_film_with_inline_credits_saves_the_film_and_its_credits(archive, admin_client):
    ryu = Person.objects.get(slug="ryu-seung-ryong")
    director = Person.objects.get(slug="lee-hwan-kyung")
    data = {
        "title": "Miracle in Cell No. 7",
        "slug": "miracle-in-cell-no-7-2030",
        "year": "2030",
        "release_date": "",
        "status": "released",
        "runtime": "120",
        "countries": [str(Country.objects.get(code="KR").pk)],
        "original_language": str(Language.objects.get(code="ko").pk),
        "sources": [str(Source.objects.get(key="seed-article").pk)],
    }
    for prefix in FILM_INLINES:
        data.update(management_form(prefix))
    data.update(management_form("roles", total=2))
    data.update(
        {
            "roles-0-person": str(ryu.pk),
            "roles-0-kind": "actor",
            "roles-0-character": "Lee Yong-gu",
            "roles-0-billing": "1",
            "roles-1-person": str(director.pk),
            "roles-1-kind": "director",
        }
    )
    response = admin_client.post(admin_url(Film, "add"), data)

    assert response.status_code == 302, form_errors(response)
    film = Film.objects.get(slug="miracle-in-cell-no-7-2030")
    assert film.original_language.code == "ko"
    assert [country.code for country in film.countries.all()] == ["KR"]
    credits = film.roles.order_by("kind").values_list("person__slug", "kind", "character")
    assert list(credits) == [
        ("ryu-seung-ryong", "actor", "Lee Yong-gu"),
        ("lee-hwan-kyung", "director", ""),
    ]
    # The message tells the new film from the 2013 one of the same title.
    # ... and warns that it has no original title yet.
    warning, message = get_messages(response.wsgi_request)
    assert "Miracle in Cell No. 7 (2030)</a>” was added successfully" in str(message)
    assert "no original title" in str(warning)


# Query counts -----------------------------------------------------------------------------


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_records(count):
    """``count`` more films, each with a person, a credit, an award and the other parts."""
    original = Film.objects.get(slug=ORIGINAL)
    korea = Country.objects.get(code="KR")
    korean = Language.objects.get(code="ko")
    source = Source.objects.order_by("pk").first()
    ceremony = Award.objects.first().ceremony
    company = CompanyCredit.objects.first().company
    for number in range(count):
        film = Film.objects.create(
            title=f"Added film {number}",
            slug=f"added-film-{number}",
            year=2000 + number,
            original_language=korean,
        )
        film.countries.add(korea)
        film.sources.add(source)
        person = Person.objects.create(name=f"Added Person {number}", slug=f"added-{number}")
        role = Role.objects.create(film=film, person=person, kind="actor", character="Yong-gu")
        role.sources.add(source)
        Award.objects.create(
            ceremony=ceremony,
            year=2020,
            category="Best Actor",
            result="won",
            film=film,
            person=person,
        )
        FilmTitle.objects.create(film=film, text=f"추가 {number}", kind="original", language=korean)
        Adaptation.objects.create(source=original, adaptation=film)
        BoxOfficeFigure.objects.create(film=film, kind="admissions", key="final", value=number)
        ExternalLink.objects.create(film=film, site="official", label="Site", language=korean)
        FilmNote.objects.create(film=film, topic="Year", text="A note.")
        CompanyCredit.objects.create(film=film, company=company, kind="production")


@pytest.mark.slow
def test_admin_lists_cost_the_same_queries_for_more_rows(archive, admin_client):
    urls = [admin_url(model, "changelist") for model in ARCHIVE_MODELS]
    for url in urls:
        admin_client.get(url)  # warm the per-process caches (content types)
    before = {url: count_queries(admin_client, url) for url in urls}
    add_records(30)
    after = {url: count_queries(admin_client, url) for url in urls}
    assert after == before


@pytest.mark.slow
def test_a_film_page_costs_the_same_queries_for_5_or_40_credits(archive, admin_client):
    film = Film.objects.create(title="Many credits", slug="many-credits-2020", year=2020)
    sources = list(Source.objects.order_by("pk")[:2])
    korean = Language.objects.get(code="ko")
    ceremony = Award.objects.first().ceremony

    def add_credits(numbers):
        for number in numbers:
            person = Person.objects.create(name=f"Actor {number}", slug=f"actor-{number}")
            role = Role.objects.create(
                film=film, person=person, character=f"Inmate {number}", billing=number + 1
            )
            role.sources.add(*sources)
            award = Award.objects.create(
                ceremony=ceremony,
                year=2020,
                category=f"Prize {number}",
                result="won",
                film=film,
                person=person,
            )
            award.sources.add(*sources)
            FilmTitle.objects.create(film=film, text=f"Title {number}", language=korean)

    url = change_url(film)
    add_credits(range(5))
    admin_client.get(url)
    five = count_queries(admin_client, url)
    add_credits(range(5, 40))
    forty = count_queries(admin_client, url)
    assert forty == five
    assert Role.objects.filter(film=film).count() == 40


def test_a_person_page_costs_the_same_queries_for_5_or_40_credits(archive, admin_client):
    person = Person.objects.create(name="Busy Actor", slug="busy-actor")
    source = Source.objects.order_by("pk").first()

    def add_films(numbers):
        for number in numbers:
            film = Film.objects.create(title=f"Film {number}", slug=f"film-{number}", year=2000)
            role = Role.objects.create(film=film, person=person, character=f"Role {number}")
            role.sources.add(source)

    url = change_url(person)
    add_films(range(5))
    admin_client.get(url)
    five = count_queries(admin_client, url)
    add_films(range(5, 40))
    assert count_queries(admin_client, url) == five


def test_a_person_with_many_credits_lists_them_as_links_and_still_saves(archive, admin_client):
    from archive.admin.person import EDITABLE_CREDITS_MAX

    person = Person.objects.create(name="Very Busy Actor", slug="very-busy-actor")
    films = Film.objects.bulk_create(
        Film(title=f"Film {n}", slug=f"busy-film-{n}", year=1950 + n % 70)
        for n in range(EDITABLE_CREDITS_MAX + 1)
    )
    Role.objects.bulk_create(
        Role(film=film, person=person, character=f"Part {n}") for n, film in enumerate(films)
    )
    url = change_url(person)
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(url)
    assert response.status_code == 200
    assert len(queries) < 30  # one query for all the credits, not one per credit
    text = response.content.decode()
    assert f"{EDITABLE_CREDITS_MAX + 1} credits: too many to edit on this page" in text
    assert 'name="roles-TOTAL_FORMS"' not in text  # no editable credit rows
    some_role = Role.objects.filter(person=person).order_by("pk").first()
    assert admin_url(Role, "change", some_role.pk) in text
    assert "Part 0" in text

    data = page_data(response)
    data["name"] = "Very Busy Actor (renamed)"
    saved = admin_client.post(url, data)
    assert saved.status_code == 302, form_errors(saved)
    person.refresh_from_db()
    assert person.name == "Very Busy Actor (renamed)"
    assert person.roles.count() == EDITABLE_CREDITS_MAX + 1


def test_a_person_with_few_credits_edits_them_on_the_page(archive, admin_client):
    person = Person.objects.get(slug="ryu-seung-ryong")
    text = admin_client.get(change_url(person)).content.decode()
    assert 'name="roles-TOTAL_FORMS"' in text
    assert "too many to edit on this page" not in text


@pytest.mark.slow
def test_a_film_with_150_credits_saves_through_its_admin_page(archive, admin_client):
    film = Film.objects.create(title="Epic", slug="epic-2001", year=2001)
    people = Person.objects.bulk_create(
        Person(name=f"Extra {n}", slug=f"extra-{n}") for n in range(150)
    )
    Role.objects.bulk_create(
        Role(film=film, person=person, character=f"Soldier {n}", billing=n + 1)
        for n, person in enumerate(people)
    )
    data = film_page_data(admin_client, film)
    assert len(data) > 1000  # more fields than Django's default limit would take
    data["runtime"] = "201"
    response = admin_client.post(change_url(film), data)
    assert response.status_code == 302, form_errors(response)
    film.refresh_from_db()
    assert film.runtime == 201
    assert film.roles.count() == 150


# Autocomplete instead of long lists -------------------------------------------------------


class SelectParser(HTMLParser):
    """Collects every <select>: its name, its classes, and its options."""

    def __init__(self):
        super().__init__()
        self.selects = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select":
            self.selects.append({"name": attrs.get("name"), "class": attrs.get("class") or ""})
            self.selects[-1]["options"] = []
        elif tag == "option" and self.selects:
            self.selects[-1]["options"].append(("selected" in attrs, attrs.get("value")))


def test_every_relation_in_every_admin_form_is_an_autocomplete(rf, admin_user):
    request = rf.get("/")
    request.user = admin_user
    for model in ARCHIVE_MODELS:
        model_admin = admin.site._registry[model]
        forms = [model_admin.get_form(request)]
        forms += [
            inline.get_formset(request).form for inline in model_admin.get_inline_instances(request)
        ]
        for form in forms:
            for name, field in form.base_fields.items():
                if isinstance(field, ModelChoiceField):
                    widget = getattr(field.widget, "widget", field.widget)
                    assert isinstance(widget, AutocompleteMixin), (model, form, name)


def test_a_film_page_lists_no_film_or_person_in_a_select(film, admin_client):
    response = admin_client.get(change_url(film))
    parser = SelectParser()
    parser.feed(response.content.decode())
    selects = {select["name"]: select for select in parser.selects}

    assert "admin-autocomplete" in selects["roles-0-person"]["class"]
    for select in parser.selects:
        if "admin-autocomplete" in select["class"]:
            # only what is chosen (and the empty choice) is in the page
            assert all(selected or not value for selected, value in select["options"]), select
        else:
            # A fixed set of choices; the longest is the facts of a film (12, and none).
            assert len(select["options"]) <= 13, select["name"]


def test_the_film_autocomplete_finds_any_title_and_tells_remakes_apart(archive, admin_client):
    url = reverse("admin:archive_film_autocomplete")
    params = {"app_label": "archive", "model_name": "role", "field_name": "film"}

    results = admin_client.get(url, {**params, "term": "7번방의 선물"}).json()["results"]
    assert [result["text"] for result in results] == ["Miracle in Cell No. 7 (2013, South Korea)"]

    results = admin_client.get(url, {**params, "term": "Miracle in Cell No. 7 2019"}).json()
    texts = [result["text"] for result in results["results"]]
    assert any(text.startswith("Miracle in Cell No. 7 (2019, ") for text in texts), texts
    assert not any(text.startswith("Miracle in Cell No. 7 (2013") for text in texts), texts


def test_the_film_widgets_use_the_film_autocomplete(film, admin_client):
    ryu = Person.objects.get(slug="ryu-seung-ryong")
    response = admin_client.get(change_url(ryu))
    assertContains(response, f'data-ajax--url="{reverse("admin:archive_film_autocomplete")}"')
    assertContains(response, "Miracle in Cell No. 7 (2013)")


def test_the_person_autocomplete_finds_a_name_without_its_accents(archive, admin_client):
    params = {"app_label": "archive", "model_name": "role", "field_name": "person"}
    response = admin_client.get(reverse("admin:autocomplete"), {**params, "term": "oztekin"})
    # With what tells namesakes apart: years active and best-known film.
    assert [result["text"] for result in response.json()["results"]] == [
        "Mehmet Ada Öztekin (2019; 7. Koğuştaki Mucize, 2019)"
    ]


# The film page ----------------------------------------------------------------------------


def test_the_film_page_groups_its_fields_for_an_editor(film, admin_client):
    response = admin_client.get(change_url(film))
    fieldsets = [fieldset.name for fieldset in response.context["adminform"]]
    assert fieldsets == [
        "Identity",
        "Production",
        "Story",
        "Box office",
        "Sources",
        "Remakes and adaptations of this film",
        "Record",
    ]
    for heading in ("Remakes and adaptations", "Adapted from", "Credits", "Box-office figures"):
        assertContains(response, heading)
    assertContains(response, film.created_at.strftime("%Y"))  # read-only timestamps shown


def test_the_film_add_page_makes_the_slug_from_title_and_year(archive, admin_client):
    response = admin_client.get(admin_url(Film, "add"))
    prepopulated = json.loads(response.context["prepopulated_fields_json"])
    assert prepopulated[0]["name"] == "slug"
    assert prepopulated[0]["dependency_list"] == ["title", "year"]


def test_the_film_page_links_to_the_film_on_the_site(film, admin_client):
    content_type = ContentType.objects.get_for_model(Film)
    view_on_site = reverse("admin:view_on_site", args=[content_type.pk, film.pk])
    assertContains(admin_client.get(change_url(film)), view_on_site)

    response = admin_client.get(view_on_site)
    assert response.status_code == 302
    assert response["Location"].endswith(film.get_absolute_url())


def test_the_film_list_finds_a_film_by_its_korean_title(archive, admin_client):
    response = admin_client.get(admin_url(Film, "changelist"), {"q": "7번방의 선물"})
    assert [film.slug for film in response.context["cl"].result_list] == [ORIGINAL]


def test_the_credit_list_finds_a_character_and_a_person(archive, admin_client):
    url = admin_url(Role, "changelist")
    response = admin_client.get(url, {"q": "yong-gu"})
    assert [role.person.slug for role in response.context["cl"].result_list] == ["ryu-seung-ryong"]
    response = admin_client.get(url, {"q": "Öztekin"})
    assert [role.film.slug for role in response.context["cl"].result_list] == [TURKISH]


def test_the_person_list_filters_by_kind_of_credit(archive, admin_client):
    response = admin_client.get(admin_url(Person, "changelist"), {"credited_as": "director"})
    people = {person.slug for person in response.context["cl"].result_list}
    assert "lee-hwan-kyung" in people
    assert "ryu-seung-ryong" not in people


def test_the_film_list_offers_only_the_languages_films_are_in_and_no_facet_counts(
    archive, admin_client
):
    response = admin_client.get(admin_url(Film, "changelist"))
    assertContains(response, "Kannada")
    assertNotContains(response, "Abkhazian")  # a language of the migration, but of no film
    assertNotContains(response, "Show counts")


def test_the_film_list_filters_source_films_and_remakes(archive, admin_client):
    url = admin_url(Film, "changelist")
    sources = admin_client.get(url, {"adaptations": "has"}).context["cl"].result_list
    assert [film.slug for film in sources] == [ORIGINAL]
    remakes = admin_client.get(url, {"adaptations": "is"}).context["cl"].result_list
    assert ORIGINAL not in {film.slug for film in remakes}
    assert PHILIPPINE in {film.slug for film in remakes}


@pytest.mark.slow
def test_page_data_resends_an_unchanged_film_page_without_errors(film, admin_client):
    """The helper the rule tests build on: an untouched page saves as it is."""
    response = admin_client.post(change_url(film), film_page_data(admin_client, film))
    assert response.status_code == 302, form_errors(response)
    film.refresh_from_db()
    assert film.release_date == date(2013, 1, 23)
    assert film.roles.count() == 16


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model, data",
    [
        (Person, {"name": "Upper Slug", "slug": "Upper-Slug"}),
        (Genre, {"name": "Upper Slug", "slug": "Upper-Slug"}),
    ],
)
def test_the_admin_refuses_a_slug_with_capitals_on_the_field(admin_client, model, data):
    """Regression: the admin accepted a person "Upper-Slug", whose page then answered while
    the filters (which compare slugs in lower case) could not find it."""
    add = admin_url(model, "add")
    response = admin_client.post(add, {**page_data(admin_client.get(add)), **data})
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "lower-case" in " ".join(errors["slug"])
    assert not model.objects.filter(slug__iexact="upper-slug").exists()


@pytest.mark.django_db
@pytest.mark.usefixtures("archive")
def test_a_genres_names_in_other_languages_are_kept_on_its_page(admin_client):
    genre = Genre.objects.get(slug="drama")
    page = admin_client.get(change_url(genre))
    assertContains(page, "드라마")
    assertContains(page, "Dram")
    data = page_data(page)
    add_row(data, "names", language=Language.objects.get(code="fr").pk, name="Drame")
    response = admin_client.post(change_url(genre), data)
    assert response.status_code == 302, form_errors(response)
    assert dict(genre.names.values_list("language__code", "name")) == {
        "ko": "드라마",
        "tr": "Dram",
        "fr": "Drame",
    }
    # A second name in one language is refused on the row, with the rule's words.
    data = page_data(admin_client.get(change_url(genre)))
    add_row(data, "names", language=Language.objects.get(code="ko").pk, name="극")
    response = admin_client.post(change_url(genre), data)
    assert response.status_code == 200
    assertContains(response, "This genre already has a name in this language.")
