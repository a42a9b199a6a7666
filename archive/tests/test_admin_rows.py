"""What a film's page does in fewer steps (archive/admin/person.py, film.py, autocomplete.py):
a person typed into a credit row is created with the credit, the first title defaults to the
original title, a film without one gets a warning, and the autocompletes rank exact and
prefix matches first and tell remakes apart."""

from django.contrib.messages import get_messages
from django.urls import reverse

from archive.models import FilmTitle, Person, Role
from archive.tests import factories as f
from archive.tests.admin_helpers import change_url, form_errors, page_data


def add_row(data, prefix, **fields):
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    for name, value in fields.items():
        data[f"{prefix}-{index}-{name}"] = str(value)


def test_a_person_typed_into_a_credit_row_is_created_with_the_credit(archive, ana):
    film = f.film("Cell No. 9", 2031)
    data = page_data(ana.get(change_url(film)))
    add_row(data, "roles", person="new:Kim Nam-gil", kind="actor", character="Yong-gu")
    add_row(data, "roles", person="new:Ryu Seung-ryong", kind="director")  # a namesake
    response = ana.post(change_url(film), data)
    assert response.status_code == 302, form_errors(response)

    kim = Person.objects.get(slug="kim-nam-gil")
    assert Role.objects.filter(film=film, person=kim, character="Yong-gu").exists()
    namesake = Person.objects.get(slug="ryu-seung-ryong-2")
    assert Role.objects.get(film=film, person=namesake).kind == "director"
    assert kim.history.last().history_user.username == "ana"  # its first version


def test_a_refused_page_keeps_the_new_person_typed(archive, ana):
    film = f.film("Cell No. 9", 2031)
    data = page_data(ana.get(change_url(film)))
    add_row(data, "roles", person="new:Kim Nam-gil", kind="director", character="Yong-gu")
    count = Person.objects.count()
    response = ana.post(change_url(film), data)
    assert response.status_code == 200  # a director has no character
    assert Person.objects.count() == count
    assert 'value="new:Kim Nam-gil" selected>New person: Kim Nam-gil</option>' in (
        response.content.decode()
    )


def test_the_first_title_defaults_to_original_and_a_film_without_one_is_warned(archive, ana):
    film = f.film("Cell No. 9", 2031)
    response = ana.get(change_url(film))
    titles = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.model is FilmTitle
    )
    assert titles.forms[0]["kind"].initial == FilmTitle.Kind.ORIGINAL

    data = page_data(response)
    data["titles-TOTAL_FORMS"] = "0"  # the editor removes the suggested row
    response = ana.post(change_url(film), data)
    assert response.status_code == 302, form_errors(response)
    assert any("no original title" in str(m) for m in get_messages(response.wsgi_request))
    assert response["Location"] == change_url(film)  # "Save" returns to the record


def autocomplete(client, target, model_name, field_name, term):
    url = reverse(f"admin:archive_{target}_autocomplete")
    params = {"term": term, "app_label": "archive", "model_name": model_name}
    response = client.get(url, {**params, "field_name": field_name})
    return [row["text"] for row in response.json()["results"]]


def test_autocompletes_rank_exact_then_prefix_and_tell_films_apart(archive, admin_client):
    for slug, name in [("comedy-drama", "Comedy-drama"), ("dramatic-comedy", "Dramatic comedy")]:
        f.genre(slug, name)
    f.genre("drama", "Drama")
    texts = autocomplete(admin_client, "genre", "film", "genres", "Drama")
    assert texts[0] == "Drama"
    assert texts.index("Dramatic comedy") < texts.index("Comedy-drama")

    films = autocomplete(admin_client, "film", "adaptation", "source", "Miracle")
    assert films[0] == "Miracle in Cell No. 7 (2013, South Korea)"


def test_a_credit_row_and_the_credits_own_page_edit_the_character_in_its_script(archive, ana):
    film = f.film("Cell No. 9", 2031)
    data = page_data(ana.get(change_url(film)))
    add_row(
        data,
        "roles",
        person="new:Kim Nam-gil",
        kind="actor",
        character="Ye-sung",
        character_original="예승",
    )
    response = ana.post(change_url(film), data)
    assert response.status_code == 302, form_errors(response)
    role = Role.objects.get(film=film)
    assert role.character_original == "예승"

    response = ana.get(change_url(role))
    assert response.context["adminform"].form["character_original"].value() == "예승"
    data = page_data(response)
    data["character_original"] = "용구"
    response = ana.post(change_url(role), data)
    assert response.status_code == 302, form_errors(response)
    role.refresh_from_db()
    assert role.character_original == "용구"


def test_a_rows_picker_keeps_the_admins_add_link_only(archive, ana):
    """The row's wrapper (archive/jinja2/archive/widgets/row_related_widget.html) carries
    what Django's admin scripts read: the model it holds and the add link's pop-up."""
    film = f.film("Cell No. 9", 2031)
    page = ana.get(change_url(film)).content.decode()
    person_add = reverse("admin:archive_person_add")
    assert '<div class="related-widget-wrapper" data-model-ref="person">' in page
    assert (
        '<a class="related-widget-wrapper-link add-related" id="add_id_roles-__prefix__-person" '
        f'data-popup="yes" href="{person_add}?_to_field=id&amp;_popup=1" '
        'title="Add another person">'
    ) in page
    for link in ("change_id_roles-", "delete_id_roles-", "view_id_roles-"):
        assert link not in page
