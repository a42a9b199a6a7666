"""No lost edit on any change form (archive.admin.conflicts): a stale save is refused on
every model's form, a row saved on its own page makes its film's open form stale, and
saving a refused form again writes only the fields its editor changed."""

import pytest
from django.contrib import admin

from archive.admin.base import ArchiveAdmin
from archive.models import Film, Image, Person, Role, Source
from archive.tests.admin_helpers import change_url, form_errors, page_data
from archive.tests.image_files import add_image


def conflict_errors(response):
    return list(response.context["adminform"].form.non_field_errors())


def credit(film, slug="ryu-seung-ryong"):
    return Role.objects.get(film=film, person__slug=slug)


def row_prefix(data, pk, prefix="roles-"):
    return next(
        key[: -len("-id")]
        for key, value in data.items()
        if key.startswith(prefix) and key.endswith("-id") and value == str(pk)
    )


ADMINS = sorted(
    (
        model
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, ArchiveAdmin)
    ),
    key=lambda model: model._meta.label,
)


#: The film's and person's pages build every row of the seed's busiest records: slow.
WHOLE_PAGES = {Film, Person}


@pytest.mark.parametrize(
    "model",
    [
        pytest.param(model, marks=[pytest.mark.slow] if model in WHOLE_PAGES else [])
        for model in ADMINS
    ],
    ids=lambda model: model._meta.model_name,
)
def test_a_stale_save_is_refused_on_every_models_form(request, archive, ana, ben, model):
    obj = model._default_manager.order_by("pk").first()
    if obj is None and model is Image:
        # The seed carries no picture: add one to the first film, in this test's media.
        request.getfixturevalue("media")
        obj = add_image(film=Film.objects.order_by("pk").first())
    assert obj is not None, f"the seed has no {model._meta.verbose_name}"
    url = change_url(obj)
    ana_data = page_data(ana.get(url))
    ben_data = page_data(ben.get(url))
    response = ana.post(url, ana_data)
    assert response.status_code == 302, form_errors(response)

    response = ben.post(url, ben_data)
    assert response.status_code == 200
    errors = conflict_errors(response)
    assert errors[0].startswith("Not saved: ana saved this "), errors
    # The refused form keeps ben's entries and says it was refused at the stored version.
    assert page_data(response)["confirmed_version"]


@pytest.mark.slow
def test_a_credit_saved_on_its_own_page_makes_an_open_film_form_stale(film, ana, ben):
    """Lost edit (a): the film form would have written the credit's old value back."""
    role = credit(film)
    film_data = page_data(ana.get(change_url(film)))
    role_data = page_data(ben.get(change_url(role)))
    role_data["note"] = "lead"
    response = ben.post(change_url(role), role_data)
    assert response.status_code == 302, form_errors(response)

    film_data["runtime"] = "130"
    response = ana.post(change_url(film), film_data)
    assert response.status_code == 200
    errors = conflict_errors(response)
    assert errors[0].startswith("Not saved: ben saved this film")
    assert any(
        error.startswith("Credits: “Ryu Seung-ryong – Actor as Lee Yong-gu” changed (Note")
        for error in errors
    ), errors
    film.refresh_from_db()
    assert (film.runtime, credit(film).note) == (127, "lead")

    # Saved anyway: ana's runtime, and ben's note stays.
    response = ana.post(change_url(film), page_data(response))
    assert response.status_code == 302, form_errors(response)
    film.refresh_from_db()
    assert (film.runtime, credit(film).note) == (130, "lead")


def test_two_tabs_on_one_source_the_second_save_is_refused_then_merged(archive, ana):
    """Lost edit (b), and "save anyway" keeps the other save's untouched fields."""
    source = Source.objects.order_by("pk").first()
    url = change_url(source)
    first = page_data(ana.get(url))
    second = page_data(ana.get(url))
    first["publisher"] = "First tab"
    assert ana.post(url, first).status_code == 302
    second["note"] = "Second tab's note."
    refused = ana.post(url, second)
    assert refused.status_code == 200
    assert "Publisher: " in "\n".join(conflict_errors(refused))
    source.refresh_from_db()
    assert (source.publisher, source.note) == ("First tab", first["note"])

    response = ana.post(url, page_data(refused))
    assert response.status_code == 302, form_errors(response)
    source.refresh_from_db()
    assert (source.publisher, source.note) == ("First tab", "Second tab's note.")


@pytest.mark.slow
def test_saving_anyway_keeps_the_other_editors_fields_and_rows(film, ana, ben):
    role = credit(film)
    ana_data = page_data(ana.get(change_url(film)))
    ben_data = page_data(ben.get(change_url(film)))
    ben_data["runtime"] = "131"
    ben_data[f"{row_prefix(ben_data, role.pk)}-note"] = "ben's note"
    assert ben.post(change_url(film), ben_data).status_code == 302

    ana_data["summary"] = "Ana's summary."
    refused = ana.post(change_url(film), ana_data)
    assert refused.status_code == 200
    response = ana.post(change_url(film), page_data(refused))
    assert response.status_code == 302, form_errors(response)

    film.refresh_from_db()
    assert (film.summary, film.runtime, credit(film).note) == ("Ana's summary.", 131, "ben's note")


@pytest.mark.slow
def test_a_third_save_after_the_refusal_is_refused_again(film, ana, ben):
    ana_data = page_data(ana.get(change_url(film)))
    for runtime in ("131", "132"):
        ben_data = page_data(ben.get(change_url(film)))
        ben_data["runtime"] = runtime
        assert ben.post(change_url(film), ben_data).status_code == 302
        if runtime == "131":
            ana_data["summary"] = "Ana's summary."
            refused = ana.post(change_url(film), ana_data)
            assert refused.status_code == 200
    response = ana.post(change_url(film), page_data(refused))
    assert response.status_code == 200
    assert conflict_errors(response)[0].startswith("Not saved: ben saved this film")
    assert Film.objects.get(pk=film.pk).runtime == 132


@pytest.mark.slow
def test_a_credit_saved_from_the_persons_page_makes_the_films_form_stale(film, ana, ben):
    role = credit(film)
    film_data = page_data(ana.get(change_url(film)))
    person_data = page_data(ben.get(change_url(role.person)))
    person_data[f"{row_prefix(person_data, role.pk)}-note"] = "from the person's page"
    response = ben.post(change_url(role.person), person_data)
    assert response.status_code == 302, form_errors(response)

    response = ana.post(change_url(film), film_data)
    assert response.status_code == 200
    assert film.history.first().history_change_reason.startswith("Credit “Ryu Seung-ryong")
