"""Every database rule reaches the editor as a form error (archive/admin/forms.py): on a
record's own page, in an inline row, for a row saved meanwhile by someone else and for two
rows of one submission, reported once."""

import pytest
from django.db import IntegrityError, connection, transaction
from pytest_django.asserts import assertContains

from archive.admin.forms import constraint_fields
from archive.models import Adaptation, Award, BoxOfficeFigure, Film, Person, Role
from archive.tests.admin_helpers import (
    add_row,
    admin_url,
    change_url,
    film_page_data,
    form_errors,
    page_data,
)
from archive.tests.factories import ORIGINAL, TURKISH

YEAR_MESSAGE = "The year must be between 1870 and 2100."


def assert_rejected(response, message):
    """The admin answered with its form again, showing ``message``: nothing was saved."""
    assert response.status_code == 200, response
    assertContains(response, message)
    assert "errornote" in response.content.decode()


# Database rules: the database rejects them, and the admin words them ----------------------


def violate_film_year():
    Film.objects.create(title="Too early", slug="too-early-1800", year=1800)


def violate_film_runtime():
    Film.objects.create(title="No time", slug="no-time-2020", year=2020, runtime=0)


def violate_role_unique_credit():
    role = Role.objects.get(film__slug=ORIGINAL, person__slug="ryu-seung-ryong")
    Role.objects.create(
        film=role.film, person=role.person, kind=role.kind, character=role.character
    )


def violate_adaptation_not_of_itself():
    film = Film.objects.get(slug=ORIGINAL)
    Adaptation.objects.create(source=film, adaptation=film)


def violate_adaptation_unique_pair():
    pair = Adaptation.objects.get(adaptation__slug=TURKISH)
    Adaptation.objects.create(source=pair.source, adaptation=pair.adaptation)


def violate_figure_not_negative():
    film = Film.objects.get(slug=ORIGINAL)
    BoxOfficeFigure.objects.create(film=film, kind="admissions", key="negative", value=-1)


def violate_award_unique_person():
    award = Award.objects.filter(person__isnull=False).first()
    Award.objects.create(
        ceremony=award.ceremony,
        year=award.year,
        category=award.category,
        result=award.result,
        film=award.film,
        person=award.person,
    )


def violate_award_unique_film():
    award = Award.objects.get(person__isnull=True)
    Award.objects.create(
        ceremony=award.ceremony,
        year=award.year,
        category=award.category,
        result=award.result,
        film=award.film,
    )


def violate_award_year():
    award = Award.objects.first()
    Award.objects.create(
        ceremony=award.ceremony, year=1800, category="Best Film", result="won", film=award.film
    )


@pytest.mark.parametrize(
    ("violate", "constraint"),
    [
        (violate_film_year, "film_year_in_range"),
        (violate_film_runtime, "film_runtime_positive"),
        (violate_role_unique_credit, "role_unique_credit"),
        (violate_adaptation_not_of_itself, "adaptation_not_of_itself"),
        (violate_adaptation_unique_pair, "adaptation_unique_pair"),
        (violate_figure_not_negative, "figure_value_not_negative"),
        (violate_award_unique_person, "award_unique_person"),
        (violate_award_unique_film, "award_unique_film"),
        (violate_award_year, "award_year_in_range"),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_the_database_rejects_a_row_that_breaks_a_rule(archive, violate, constraint):
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        violate()
    # SQLite names the columns of a broken unique constraint, not the constraint.
    if connection.vendor == "postgresql" or "unique" not in constraint:
        assert constraint in str(error.value)


def test_the_admin_shows_a_film_year_out_of_range_as_a_form_error(archive, admin_client):
    add = admin_url(Film, "add")
    data = page_data(admin_client.get(add))
    data.update(title="Too early", slug="too-early-1800", year="1800", status="released")
    count = Film.objects.count()

    assert_rejected(admin_client.post(add, data), YEAR_MESSAGE)
    assert Film.objects.count() == count


@pytest.mark.slow
def test_the_admin_shows_a_runtime_of_0_as_a_form_error(film, admin_client):
    data = film_page_data(admin_client, film)
    data["runtime"] = "0"

    assert_rejected(admin_client.post(change_url(film), data), "more than 0 minutes")
    film.refresh_from_db()
    assert film.runtime == 127


CREDIT_TAKEN = "This person already has this credit (and character) on this film."


def test_the_admin_shows_a_duplicate_credit_as_a_form_error(film, admin_client):
    role = film.roles.get(person__slug="ryu-seung-ryong")
    add = admin_url(Role, "add")
    data = page_data(admin_client.get(add))
    data.update(film=film.pk, person=role.person_id, kind="actor", character=role.character)
    count = Role.objects.count()

    assert_rejected(admin_client.post(add, data), CREDIT_TAKEN)
    assert Role.objects.count() == count


@pytest.mark.slow
def test_a_film_page_shows_a_credit_that_exists_already_as_an_error(film, admin_client):
    role = film.roles.get(person__slug="ryu-seung-ryong")
    data = film_page_data(admin_client, film)
    add_row(data, "roles", person=role.person_id, kind="actor", character=role.character)
    count = Role.objects.count()

    assert_rejected(admin_client.post(change_url(film), data), CREDIT_TAKEN)
    assert Role.objects.count() == count


@pytest.mark.slow
def test_a_film_page_shows_a_credit_saved_meanwhile_by_someone_else_as_an_error(film, admin_client):
    """The row is not on the page, so only the database can tell (Django 5.2 skips it)."""
    data = film_page_data(admin_client, film)
    newcomer = Person.objects.create(name="Newcomer", slug="newcomer")
    Role.objects.create(film=film, person=newcomer, kind="actor", character="Guard")
    add_row(data, "roles", person=newcomer.pk, kind="actor", character="Guard")
    count = Role.objects.count()

    assert_rejected(admin_client.post(change_url(film), data), CREDIT_TAKEN)
    assert Role.objects.count() == count


def test_a_person_page_shows_a_credit_that_exists_already_as_an_error(film, admin_client):
    role = film.roles.get(person__slug="ryu-seung-ryong")
    data = page_data(admin_client.get(change_url(role.person)))
    add_row(data, "roles", film=film.pk, kind="actor", character=role.character)
    count = Role.objects.count()

    assert_rejected(admin_client.post(change_url(role.person), data), CREDIT_TAKEN)
    assert Role.objects.count() == count


def test_a_new_film_with_one_credit_entered_twice_shows_an_error(archive, admin_client):
    ryu = Person.objects.get(slug="ryu-seung-ryong")
    add = admin_url(Film, "add")
    data = page_data(admin_client.get(add))
    data.update(title="Twice", slug="twice-2030", year="2030", status="released")
    for _ in range(2):
        add_row(data, "roles", person=ryu.pk, kind="actor", character="Yong-gu")
    count = Film.objects.count()

    assert_rejected(admin_client.post(add, data), CREDIT_TAKEN)
    assert Film.objects.count() == count


@pytest.mark.slow
def test_two_people_may_play_one_character(film, admin_client):
    """Ye-sung as a child and as an adult: one character, two credits, no error."""
    data = film_page_data(admin_client, film)
    newcomer = Person.objects.create(name="Newcomer", slug="newcomer")
    add_row(data, "roles", person=newcomer.pk, kind="actor", character="Ye-sung", note="teen")

    response = admin_client.post(change_url(film), data)
    assert response.status_code == 302, form_errors(response)
    assert film.roles.filter(character="Ye-sung").count() == 3


SELF_ADAPTATION = "A film cannot be adapted from itself."
PAIR_TAKEN = "This adaptation is already recorded."


def test_the_admin_shows_a_film_adapted_from_itself_as_a_form_error(film, admin_client):
    add = admin_url(Adaptation, "add")
    data = page_data(admin_client.get(add))
    data.update(source=film.pk, adaptation=film.pk, kind="official_remake")
    count = Adaptation.objects.count()

    assert_rejected(admin_client.post(add, data), SELF_ADAPTATION)
    assert Adaptation.objects.count() == count


@pytest.mark.slow
def test_a_film_page_shows_an_adaptation_of_itself_as_an_error(film, admin_client):
    data = film_page_data(admin_client, film)
    add_row(data, "adapted_from", source=film.pk, kind="official_remake")
    count = Adaptation.objects.count()

    assert_rejected(admin_client.post(change_url(film), data), SELF_ADAPTATION)
    assert Adaptation.objects.count() == count


def test_the_admin_shows_a_recorded_adaptation_as_a_form_error(film, admin_client):
    turkish = Film.objects.get(slug=TURKISH)
    add = admin_url(Adaptation, "add")
    data = page_data(admin_client.get(add))
    data.update(source=film.pk, adaptation=turkish.pk, kind="official_remake")
    count = Adaptation.objects.count()

    assert_rejected(admin_client.post(add, data), PAIR_TAKEN)
    assert Adaptation.objects.count() == count


@pytest.mark.slow
def test_a_film_page_shows_a_recorded_adaptation_as_an_error(archive, admin_client):
    """A remake is linked on its own page only (under "Adapted from")."""
    film = Film.objects.get(slug=TURKISH)
    other = Film.objects.get(slug=ORIGINAL)
    data = film_page_data(admin_client, film)
    add_row(data, "adapted_from", source=other.pk, kind="official_remake")
    count = Adaptation.objects.count()

    assert_rejected(admin_client.post(change_url(film), data), PAIR_TAKEN)
    assert Adaptation.objects.count() == count


NEGATIVE = "A figure cannot be negative."


def test_the_admin_shows_a_negative_figure_as_a_form_error(film, admin_client):
    add = admin_url(BoxOfficeFigure, "add")
    data = page_data(admin_client.get(add))
    data.update(film=film.pk, kind="admissions", key="negative", value="-1")
    count = BoxOfficeFigure.objects.count()

    assert_rejected(admin_client.post(add, data), NEGATIVE)
    assert BoxOfficeFigure.objects.count() == count


@pytest.mark.slow
def test_a_film_page_shows_a_negative_figure_as_an_error(film, admin_client):
    data = film_page_data(admin_client, film)
    add_row(data, "figures", kind="admissions", key="negative", value="-1")
    count = BoxOfficeFigure.objects.count()

    assert_rejected(admin_client.post(change_url(film), data), NEGATIVE)
    assert BoxOfficeFigure.objects.count() == count


def award_data(award, **changes):
    fields = {
        "ceremony": award.ceremony_id,
        "edition": award.edition or "",
        "year": award.year,
        "category": award.category,
        "result": award.result,
        "film": award.film_id,
        "person": award.person_id or "",
    }
    return {**fields, **changes}


@pytest.mark.parametrize(
    ("with_person", "message"),
    [
        (True, "This person already has this award for this film."),
        (False, "This film already has this award."),
    ],
    ids=["to-a-person", "to-the-film"],
)
def test_the_admin_shows_a_duplicate_award_as_a_form_error(
    archive, admin_client, with_person, message
):
    award = Award.objects.filter(person__isnull=not with_person).first()
    add = admin_url(Award, "add")
    data = page_data(admin_client.get(add))
    data.update(award_data(award))
    count = Award.objects.count()

    assert_rejected(admin_client.post(add, data), message)
    assert Award.objects.count() == count


@pytest.mark.slow
def test_a_film_page_shows_an_award_that_exists_already_as_an_error(film, admin_client):
    award = film.awards.filter(person__isnull=False).first()
    data = film_page_data(admin_client, film)
    row = award_data(award)
    del row["film"]
    add_row(data, "awards", **row)
    count = Award.objects.count()

    assert_rejected(admin_client.post(change_url(film), data), "already has this award")
    assert Award.objects.count() == count


@pytest.mark.slow
def test_a_film_page_shows_an_award_saved_meanwhile_by_someone_else_as_an_error(film, admin_client):
    award = film.awards.filter(person__isnull=True).first()
    data = film_page_data(admin_client, film)
    Award.objects.create(
        ceremony=award.ceremony, year=2014, category="Planning Award", result="won", film=film
    )
    row = award_data(award, year=2014)
    del row["film"]
    add_row(data, "awards", **row)
    count = Award.objects.count()

    assert_rejected(admin_client.post(change_url(film), data), "This film already has this award.")
    assert Award.objects.count() == count


@pytest.mark.parametrize("with_person", [True, False], ids=["to-a-person", "to-the-film"])
def test_a_new_film_with_one_award_entered_twice_shows_an_error(archive, admin_client, with_person):
    award = Award.objects.filter(person__isnull=not with_person).first()
    add = admin_url(Film, "add")
    data = page_data(admin_client.get(add))
    data.update(title="Twice", slug="twice-2030", year="2030", status="released")
    row = award_data(award, category="Best New Film")
    del row["film"]
    for _ in range(2):
        add_row(data, "awards", **row)
    count = Film.objects.count()

    assert_rejected(admin_client.post(add, data), "already has this award")
    assert Film.objects.count() == count


@pytest.mark.slow
def test_the_admin_shows_an_award_year_out_of_range_as_a_form_error(film, admin_client):
    award = Award.objects.first()
    add = admin_url(Award, "add")
    data = page_data(admin_client.get(add))
    data.update(award_data(award, year="1800", category="Best Film"))
    count = Award.objects.count()

    assert_rejected(admin_client.post(add, data), YEAR_MESSAGE)
    assert Award.objects.count() == count

    data = film_page_data(admin_client, film)
    row = award_data(award, year="1800", category="Best Film")
    del row["film"]
    add_row(data, "awards", **row)
    assert_rejected(admin_client.post(change_url(film), data), YEAR_MESSAGE)
    assert Award.objects.count() == count


# The Django behaviour the inline rows build on --------------------------------------------


def test_constraint_fields_reads_the_fields_and_the_condition_of_a_constraint():
    """The inline rows' constraint check reads ``Q.referenced_base_fields`` (no documented
    equivalent): an upgrade that changes it fails here."""
    constraints = {constraint.name: constraint for constraint in Award._meta.constraints}
    assert constraint_fields(constraints["award_unique_person"]) == {
        "ceremony",
        "year",
        "category",
        "film",
        "person",
    }
    assert constraint_fields(constraints["award_year_in_range"]) == {"year"}


@pytest.mark.slow
def test_a_duplicate_credit_on_a_film_page_is_reported_once(film, admin_client):
    """Django 6.0 checks an inline row's constraints itself: the form says it once."""
    role = film.roles.get(person__slug="ryu-seung-ryong")
    data = film_page_data(admin_client, film)
    add_row(data, "roles", person=role.person_id, kind="actor", character=role.character)
    response = admin_client.post(change_url(film), data)
    assert_rejected(response, CREDIT_TAKEN)
    (roles,) = [
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "roles"
    ]
    errors = [error for form in roles.forms for error in form.non_field_errors()]
    assert errors == [CREDIT_TAKEN]
