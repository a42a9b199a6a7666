"""What the admin tells editors about sources (archive/admin/citations.py): the unsourced
count on the film and person lists, the "has unsourced facts" filter, the note on the form,
and the sources of a film's facts chosen with the autocomplete picker, recorded in history."""

import pytest
from django.contrib.auth.models import Group, User

from archive.models import Film, FilmFact, Person, Source
from archive.tests import factories as f
from archive.tests.admin_helpers import admin_url, change_url, form_errors, page_data
from archive.tests.factories import INDONESIAN, ORIGINAL

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("archive")]


@pytest.fixture
def editor_client(client):
    editor = User.objects.create_user("sam", password="not-used-2", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    return client


def listed(response):
    """The records a changelist shows, by their name (a film's title)."""
    return {getattr(obj, "name", None) or str(obj) for obj in response.context["cl"].result_list}


def test_the_film_list_counts_and_filters_unsourced_facts(editor_client):
    f.film("Needs sources", 2004, runtime=99)
    changelist = admin_url(Film, "changelist")
    response = editor_client.get(changelist)
    assert 'class="column-unsourced_column"' in response.content.decode()
    counts = {str(obj): obj.unsourced for obj in response.context["cl"].result_list}
    assert counts["Needs sources (2004)"] == 4  # title, status, released, runtime
    assert counts["Miracle in Cell No. 7 (2013)"] == 0
    assert listed(editor_client.get(changelist + "?unsourced=yes")) == {"Needs sources (2004)"}
    assert "Needs sources (2004)" not in listed(editor_client.get(changelist + "?unsourced=no"))


def test_the_person_list_counts_and_filters_unsourced_facts(editor_client):
    f.person("Unsourced Person")
    changelist = admin_url(Person, "changelist")
    assert listed(editor_client.get(changelist + "?unsourced=yes")) == {"Unsourced Person"}
    assert "Ryu Seung-ryong" in listed(editor_client.get(changelist + "?unsourced=no"))


def test_the_form_names_the_facts_without_a_source(editor_client):
    film = f.film("Half", 2004, runtime=99)
    FilmFact.objects.create(film=film, field="runtime").sources.set([f.source()])
    page = editor_client.get(change_url(film)).content.decode()
    assert "The public page marks these as unsourced" in page
    assert "<li>Release date and year</li>" in page
    assert "<li>Runtime</li>" not in page
    seed = editor_client.get(change_url(Film.objects.get(slug=ORIGINAL))).content.decode()
    assert "Every fact of this record names a source." in seed
    person = editor_client.get(change_url(f.person("Quiet"))).content.decode()
    assert "<li>Names</li>" in person


def test_a_source_is_added_to_a_fact_with_the_picker_and_history_records_it(editor_client):
    film = Film.objects.get(slug=INDONESIAN)
    fact = FilmFact.objects.get(film=film, field="released", value="")
    page = editor_client.get(change_url(film))
    # The sources of each fact are an autocomplete picker on the film's own page.
    html = page.content.decode()
    assert 'name="facts-0-sources"' in html
    assert 'data-ajax--url="/admin/autocomplete/"' in html or "admin-autocomplete" in html
    added = Source.objects.get(key="seed-article")
    data = page_data(page)
    index = next(
        i for i in range(int(data["facts-TOTAL_FORMS"])) if data[f"facts-{i}-id"] == str(fact.pk)
    )
    data[f"facts-{index}-sources"] = [*data[f"facts-{index}-sources"], str(added.pk)]
    response = editor_client.post(change_url(film), data)
    assert response.status_code == 302, form_errors(response)
    assert set(fact.sources.values_list("key", flat=True)) == {
        "media-indonesia-731199",
        "seed-article",
    }
    # The film's history names the change, as for any inline row.
    reason = film.history.latest().history_change_reason
    assert "source of a fact" in reason and "Sources" in reason, reason
    latest = fact.history.latest()
    assert latest.history_user.username == "sam"
    assert {row.source_id for row in latest.sources.all()} == {
        added.pk,
        Source.objects.get(key="media-indonesia-731199").pk,
    }
