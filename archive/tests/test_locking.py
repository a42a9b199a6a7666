"""No lost edits: two editors who open the same film or person and both save never silently
overwrite each other. The second save is refused with what the first one changed, and
saving the refused form again is a deliberate overwrite of the fields the editor changed
(more in test_conflicts.py)."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from archive.models import Country, Film, Person, Role
from archive.tests.admin_helpers import admin_url, change_url, form_data, form_errors, page_data


@pytest.fixture
def person(archive):
    return Person.objects.get(slug="ryu-seung-ryong")


def conflict_errors(response):
    return list(response.context["adminform"].form.non_field_errors())


def credit_row(data, person_slug):
    """The prefix of the film page's inline row of the credit of ``person_slug``."""
    return next(
        key[: -len("-id")]
        for key, value in data.items()
        if key.startswith("roles-")
        and key.endswith("-id")
        and Role.objects.get(pk=value).person.slug == person_slug
    )


@pytest.mark.slow
def test_a_film_save_counts_its_version(film, ana):
    assert film.version == 1
    for expected in (2, 3):
        data = page_data(ana.get(change_url(film)))
        assert data["opened_version"] == str(expected - 1)
        data["runtime"] = str(120 + expected)
        response = ana.post(change_url(film), data)
        assert response.status_code == 302, form_errors(response)
        film.refresh_from_db()
        assert film.version == expected


def test_every_save_counts_the_version_even_with_update_fields(film):
    film.runtime = 128
    film.save(update_fields=["runtime"])
    film.refresh_from_db()
    assert (film.runtime, film.version) == (128, 2)


@pytest.mark.slow
def test_the_second_of_two_editors_on_one_film_is_refused_with_the_first_ones_changes(
    film, ana, ben
):
    ana_data = page_data(ana.get(change_url(film)))
    ben_data = page_data(ben.get(change_url(film)))
    assert ana_data["opened_version"] == ben_data["opened_version"] == "1"

    ana_data["runtime"] = "130"
    ana_data["based_on"] = "Tom & Jerry's story"
    assert ana.post(change_url(film), ana_data).status_code == 302
    ben_data["runtime"] = "140"
    ben_data["summary"] = "Ben's summary."
    response = ben.post(change_url(film), ben_data)

    assert response.status_code == 200
    errors = conflict_errors(response)
    assert errors[0].startswith("Not saved: ana saved this film at ")
    assert "you opened version 1; it is at version 2 now" in errors[0]
    assert "Runtime: 127 → 130" in errors
    assertContains(response, "<li>Runtime: 127 → 130</li>", html=False)
    # (The form's error list is drawn by Jinja2, which writes an apostrophe as &#39;.)
    assertContains(response, "→ Tom &amp; Jerry&#39;s story</li>", html=False)
    film.refresh_from_db()
    assert (film.runtime, film.version, film.summary) != (140, 3, "Ben's summary.")
    assert (film.runtime, film.version) == (130, 2)
    assert film.history.count() == 2  # as loaded, and ana's save: nothing of ben's


@pytest.mark.slow
def test_saving_the_refused_form_again_replaces_the_other_editors_changes(film, ana, ben):
    ana_data = page_data(ana.get(change_url(film)))
    ben_data = page_data(ben.get(change_url(film)))
    ana_data["runtime"] = "130"
    assert ana.post(change_url(film), ana_data).status_code == 302
    ben_data["runtime"] = "140"
    refused = ben.post(change_url(film), ben_data)
    assert refused.status_code == 200

    again = page_data(refused)
    assert (again["runtime"], again["opened_version"], again["confirmed_version"]) == (
        "140",
        "1",
        "2",
    )
    response = ben.post(change_url(film), again)
    assert response.status_code == 302, form_errors(response)
    film.refresh_from_db()
    assert (film.runtime, film.version) == (140, 3)


@pytest.mark.slow
def test_a_conflict_lists_relations_and_rows_of_the_page(film, ana, ben):
    turkey = Country.objects.get(code="TR")
    ana_data = page_data(ana.get(change_url(film)))
    ben_data = page_data(ben.get(change_url(film)))
    ana_data["countries"] = [*ana_data["countries"], str(turkey.pk)]
    ana_data[f"{credit_row(ana_data, 'ryu-seung-ryong')}-billing"] = "2"
    ana_data[f"{credit_row(ana_data, 'park-shin-hye')}-billing"] = "1"
    response = ana.post(change_url(film), ana_data)
    assert response.status_code == 302, form_errors(response)

    response = ben.post(change_url(film), ben_data)
    assert response.status_code == 200
    errors = conflict_errors(response)
    assert f"Countries: South Korea → South Korea, {turkey.name}" in errors
    assert (
        "Credits: “Ryu Seung-ryong – Actor as Lee Yong-gu” changed (Billing order 1 → 2)" in errors
    )


@pytest.mark.slow
def test_a_change_to_a_credit_alone_still_refuses_the_other_editors_save(film, ana, ben):
    ana_data = page_data(ana.get(change_url(film)))
    ben_data = page_data(ben.get(change_url(film)))
    ana_data[f"{credit_row(ana_data, 'ryu-seung-ryong')}-note"] = "lead"
    assert ana.post(change_url(film), ana_data).status_code == 302

    ben_data["runtime"] = "140"
    response = ben.post(change_url(film), ben_data)
    assert response.status_code == 200
    errors = conflict_errors(response)
    assert any(
        error.startswith("Credits: “Ryu Seung-ryong – Actor as Lee Yong-gu” changed (Note")
        for error in errors
    )
    film.refresh_from_db()
    assert film.runtime == 127


def test_the_second_of_two_editors_on_one_person_is_refused(person, ana, ben):
    ana_data = page_data(ana.get(change_url(person)))
    ben_data = page_data(ben.get(change_url(person)))
    ana_data["name_original"] = "柳承龍"
    assert ana.post(change_url(person), ana_data).status_code == 302
    ben_data["other_names"] = "Ryoo Seung-ryong"
    response = ben.post(change_url(person), ben_data)

    assert response.status_code == 200
    errors = conflict_errors(response)
    assert errors[0].startswith("Not saved: ana saved this person")
    assert "Name in original script: 류승룡 → 柳承龍" in errors
    person.refresh_from_db()
    assert (person.name_original, person.other_names, person.version) == ("柳承龍", "", 2)


@pytest.mark.slow
def test_a_change_by_a_command_meanwhile_refuses_the_editors_save_too(film, ana):
    data = page_data(ana.get(change_url(film)))
    film.runtime = 125
    film.save()
    data["summary"] = "Ana's summary."
    response = ana.post(change_url(film), data)
    assert response.status_code == 200
    errors = conflict_errors(response)
    assert errors[0].startswith("Not saved: a command or script saved this film")
    assert "Runtime: 127 → 125" in errors


@pytest.mark.slow
def test_a_stale_revert_is_refused_too(film, ana, ben):
    data = page_data(ana.get(change_url(film)))
    data["runtime"] = "130"
    assert ana.post(change_url(film), data).status_code == 302
    url = admin_url(Film, "simple_history", film.pk, film.history.last().pk)
    revert_data = form_data(ben.get(url))  # ben opens the version to revert to
    data = page_data(ana.get(change_url(film)))
    data["runtime"] = "131"
    assert ana.post(change_url(film), data).status_code == 302

    response = ben.post(url, revert_data)
    assert response.status_code == 200
    assertContains(response, "Runtime: 130 → 131")
    film.refresh_from_db()
    assert film.runtime == 131


@pytest.mark.slow
def test_a_form_without_its_version_is_refused(film, ana):
    data = page_data(ana.get(change_url(film)))
    del data["opened_version"]
    data["runtime"] = "130"
    response = ana.post(change_url(film), data)
    assert response.status_code == 200
    assertContains(response, "does not say which version")
    film.refresh_from_db()
    assert film.runtime == 127


def test_the_add_page_needs_no_version(archive, ana):
    add = admin_url(Film, "add")
    data = page_data(ana.get(add))
    data.update(title="Cell No. 8", slug="cell-no-8-2031", year="2031")
    response = ana.post(add, data)
    assert response.status_code == 302, form_errors(response)
    assert Film.objects.get(slug="cell-no-8-2031").version == 1
    assertNotContains(ana.get(change_url(Film.objects.get(slug="cell-no-8-2031"))), "Not saved")
