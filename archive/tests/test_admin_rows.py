"""The rows of a record's page.

What a film's page does in fewer steps (archive/admin/person.py, film.py, autocomplete.py):
a person typed into a credit row is created with the credit, the first title defaults to the
original title, a film without one gets a warning, and the autocompletes rank exact and
prefix matches first and tell remakes apart.

How the rows are drawn (archive/admin/rows.py): Jinja2 gives the markup of Django's own
inline templates, for rows with errors and read-only rows too, and what the rows share
(choices, querysets, media, the widgets' addresses) is shared, not copied per row."""

import copy
import re

import pytest
from django.contrib.admin import TabularInline
from django.contrib.auth.models import Permission, User
from django.contrib.messages import get_messages
from django.template import engines
from django.test import Client
from django.urls import reverse
from django.utils import translation

from archive.admin.rows import RowSelect, SameForEveryRowMixin, draw_inline
from archive.models import FilmTitle, Person, Role
from archive.tests import factories as f
from archive.tests.admin_helpers import add_row, change_url, form_errors, page_data
from archive.tests.image_files import add_image


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


# How the rows are drawn (archive/admin/rows.py) ----------------------------------------------


def markup(text):
    """HTML as a browser reads it: the engines escape quotes differently and lay out
    whitespace differently (between tags and between the names of a class too)."""
    text = text.replace("&#x27;", "&#39;").replace("&#34;", "&quot;")
    text = re.sub(r'class="([^"]*)"', lambda m: f'class="{" ".join(m[1].split())}"', text)
    return re.sub(r"\s+", " ", re.sub(r"\s*(<|>)\s*", r"\1", text)).strip()


def assert_drawn_as_django_draws(response):
    """Every part of the page, drawn by the archive's Jinja2 templates, is the markup of
    Django's own admin/edit_inline templates for the same rows."""
    parts = response.context["inline_admin_formsets"]
    assert parts
    for index, part in enumerate(parts):
        kind = "tabular" if isinstance(part.opts, TabularInline) else "stacked"
        last = index == len(parts) - 1
        django = engines["django"].get_template(f"admin/edit_inline/{kind}.html")
        theirs = django.render({"inline_admin_formset": part, "forloop": {"last": last}})
        ours = draw_inline(part, f"archive/admin/{kind}.html", last=last)
        if markup(ours) != markup(theirs):  # pragma: no cover - the message of a failure
            import difflib

            diff = difflib.unified_diff(
                markup(theirs).replace("><", ">\n<").splitlines(),
                markup(ours).replace("><", ">\n<").splitlines(),
                lineterm="",
            )
            raise AssertionError(part.formset.prefix + "\n" + "\n".join(list(diff)[:40]))


def test_a_film_pages_parts_have_djangos_markup(film, admin_client):
    add_image(film=film, caption="The poster")
    response = admin_client.get(change_url(film))
    assert_drawn_as_django_draws(response)
    page = response.content.decode()
    assert page.count('class="js-inline-admin-formset inline-group"') == len(
        response.context["inline_admin_formsets"]
    )
    assert 'id="roles-empty"' in page and 'id="images-0"' in page


def test_a_refused_film_pages_rows_show_their_errors_as_django_does(film, admin_client):
    data = page_data(admin_client.get(change_url(film)))
    add_row(data, "roles", person=film.roles.first().person_id, kind="")  # no kind
    data["titles-0-text"] = ""  # a title without its text
    response = admin_client.post(change_url(film), data)
    assert response.status_code == 200
    assert_drawn_as_django_draws(response)
    page = response.content.decode()
    assert page.count('class="errorlist"') >= 2


@pytest.mark.django_db
def test_a_film_page_seen_by_an_editor_who_may_only_view_draws_read_only_rows(film):
    viewer = User.objects.create_user("viewer", password="not-used-1", is_staff=True)
    viewer.user_permissions.set(Permission.objects.filter(codename__startswith="view_"))
    client = Client()
    client.force_login(viewer)
    response = client.get(change_url(film))
    assert response.status_code == 200
    assert_drawn_as_django_draws(response)
    assert '<td class="field-character"><p>' in response.content.decode()


def test_a_parts_rows_share_what_is_the_same_in_every_row(film, admin_client):
    response = admin_client.get(change_url(film))
    credits = next(
        part.formset
        for part in response.context["inline_admin_formsets"]
        if part.formset.prefix == "roles"
    )
    first, second = credits.forms[:2]
    assert credits.empty_form is credits.empty_form  # built once
    assert first.media is second.media
    # The copies of a row's widget share what every row gives alike (a widget's copy is
    # shallow, which SameForEveryRowMixin relies on) ...
    person = first.fields["person"].widget
    assert isinstance(person, SameForEveryRowMixin)
    assert person.same_for_every_row is second.fields["person"].widget.same_for_every_row
    # ... and the rows' choice fields their choices and querysets, each with its own widget
    # attributes.
    assert first.fields["kind"].choices is second.fields["kind"].choices
    assert first.fields["sources"].queryset is second.fields["sources"].queryset
    assert first.fields["kind"].widget.attrs is not second.fields["kind"].widget.attrs


def test_a_rows_select_translates_its_options_once_per_page():
    """The options' labels, lazy translations in the choices, are words in the listed
    options: the rows draw them without translating each again."""
    select = RowSelect(choices=Role.Kind.choices)
    with translation.override("ko"):
        groups = select.optgroups("roles-0-kind", ["actor"])
    labels = [option["label"] for _, options, _ in groups for option in options]
    assert {type(label) for label in labels} == {str}
    assert "배우" in labels


def test_a_rows_select_lists_its_options_once_per_chosen_value():
    """RowSelect relies on a Select's options taking nothing from the row's attributes."""
    assert RowSelect.option_inherits_attrs is False
    select = RowSelect(choices=[("actor", "Actor"), ("director", "Director")])
    first, second = copy.deepcopy(select), copy.deepcopy(select)
    actor = first.optgroups("roles-0-kind", ["actor"])
    assert second.optgroups("roles-1-kind", ["actor"]) is actor
    director = second.optgroups("roles-1-kind", ["director"])
    assert [option["selected"] for _, options, _ in director for option in options] == [
        False,
        True,
    ]
    html = second.render("roles-1-kind", "director", {"id": "id_roles-1-kind"})
    assert '<option value="director" selected>Director</option>' in html
    assert 'name="roles-1-kind" id="id_roles-1-kind"' in html
