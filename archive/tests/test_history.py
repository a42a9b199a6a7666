"""Edit history: every admin save is one version with who, when and what changed; a
command's change is recorded too; a fixture load is recorded once, not row by row; an editor
sees a record's versions with their changes, old → new, and reverts to one of them."""

import gzip
import json
import pickle
from io import StringIO

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from pytest_django.asserts import assertContains, assertNotContains

from archive.models import Country, Film, FixtureLoad, Person, Role
from archive.models.history import (
    BASELINE_REASON,
    LOADED_REASON,
    audit_model_labels,
    defer_history,
    history_m2m_fields,
    record_deferred_history,
)
from archive.tests.admin_helpers import admin_url, change_url, form_data, form_errors, page_data
from archive.tests.factories import FIXTURE, ORIGINAL


@pytest.fixture
def editor(db):
    user = User.objects.create_user("ana", password="not-used-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def save_film_page(client, film, **changes):
    data = page_data(client.get(change_url(film)))
    data.update(changes)
    response = client.post(change_url(film), data)
    assert response.status_code == 302, form_errors(response)
    film.refresh_from_db()
    return response


def history_url(obj):
    return admin_url(type(obj), "history", obj.pk)


def version_url(obj, record):
    return admin_url(type(obj), "simple_history", obj.pk, record.pk)


# Versions written by the admin ------------------------------------------------------------


def test_adding_a_film_in_the_admin_records_one_version_by_the_editor(archive, editor_client):
    add = admin_url(Film, "add")
    data = page_data(editor_client.get(add))
    korea = Country.objects.get(code="KR")
    data.update(title="Cell No. 8", slug="cell-no-8-2031", year="2031", countries=[str(korea.pk)])
    response = editor_client.post(add, data)
    assert response.status_code == 302, form_errors(response)

    film = Film.objects.get(slug="cell-no-8-2031")
    (record,) = film.history.all()
    assert record.history_type == "+"
    assert record.history_user.username == "ana"
    assert record.title == "Cell No. 8"
    assert list(record.countries.values_list("country__code", flat=True)) == ["KR"]
    assert record.history_change_reason == "Added."


@pytest.mark.slow
def test_changing_a_film_in_the_admin_records_what_changed(film, editor_client):
    turkey = Country.objects.get(code="TR")
    countries = [str(pk) for pk in film.countries.values_list("pk", flat=True)]
    save_film_page(editor_client, film, runtime="130", countries=[*countries, str(turkey.pk)])

    latest, before = film.history.all()
    # The film as the fixture loaded it, then the one version of the editor's save.
    assert (before.history_type, before.history_user, before.runtime) == ("+", None, 127)
    assert before.history_change_reason == BASELINE_REASON
    assert (latest.history_type, latest.history_user.username) == ("~", "ana")
    assert (latest.runtime, latest.version) == (130, 2)
    delta = latest.diff_against(before)
    assert set(delta.changed_fields) == {"runtime", "countries"}
    runtime = next(change for change in delta.changes if change.field == "runtime")
    assert (runtime.old, runtime.new) == (127, 130)
    assert "Changed Runtime and Countries" in latest.history_change_reason


@pytest.mark.slow
def test_a_credit_changed_on_the_film_page_is_recorded_on_the_credit(film, editor_client):
    data = page_data(editor_client.get(change_url(film)))
    row = next(
        key[: -len("-id")]
        for key, value in data.items()
        if key.startswith("roles-")
        and key.endswith("-id")
        and Role.objects.get(pk=value).person.slug == "ryu-seung-ryong"
    )
    data[f"{row}-note"] = "lead"
    response = editor_client.post(change_url(film), data)
    assert response.status_code == 302, form_errors(response)

    role = Role.objects.get(film=film, person__slug="ryu-seung-ryong")
    latest = role.history.first()
    assert (latest.note, latest.history_user.username) == ("lead", "ana")
    # The film's own version says which row changed.
    assert "Changed Note for credit “Ryu Seung-ryong" in film.history.first().history_change_reason


def test_a_command_change_is_recorded_without_a_user(film):
    call_command(
        "shell",
        command=(
            "from archive.models import Film; "
            f"film = Film.objects.get(slug='{ORIGINAL}'); film.runtime = 125; film.save()"
        ),
        stdout=StringIO(),
    )
    latest = film.history.first()
    assert (latest.runtime, latest.history_type, latest.history_user) == (125, "~", None)
    assert latest.history_change_reason.startswith("Outside the admin")
    assert "OS user" in latest.history_change_reason


def test_a_change_made_from_the_other_side_of_a_relation_is_recorded_on_the_film(film):
    turkey = Country.objects.get(code="TR")
    turkey.films.add(film)
    latest = film.history.first()
    assert "TR" in latest.countries.values_list("country__code", flat=True)
    assert not turkey.history.exists()


# Fixture loads are recorded once ----------------------------------------------------------


@pytest.mark.slow
def test_a_change_after_a_fixture_load_is_told_apart_from_what_the_load_changed(
    film, editor_client
):
    save_film_page(editor_client, film, runtime="130")
    call_command("loaddata", FIXTURE, verbosity=0)  # puts back 127, and version 1
    film.refresh_from_db()
    assert (film.runtime, film.version, film.history.count()) == (127, 1, 2)

    save_film_page(editor_client, film, summary="A new summary.")
    latest, loaded, *_ = film.history.all()
    assert (loaded.history_change_reason, loaded.history_user) == (LOADED_REASON, None)
    assert (loaded.runtime, loaded.version) == (127, 1)
    assert loaded.diff_against(film.history.all()[2]).changed_fields == ["runtime"]
    assert latest.diff_against(loaded).changed_fields == ["summary"]


@pytest.mark.slow
def test_a_fixture_load_that_left_a_record_alone_adds_no_version(film, editor_client):
    save_film_page(editor_client, film, runtime="130")
    call_command("loaddata", FIXTURE, verbosity=0)
    save_film_page(editor_client, film, runtime="127", summary="A new summary.")
    call_command("loaddata", FIXTURE, verbosity=0)  # the same values again: a new load
    film.refresh_from_db()
    before = film.history.count()
    save_film_page(editor_client, film, summary="Another summary.")
    assert film.history.count() == before + 2  # the load put back the fixture's summary

    call_command("loaddata", "--exclude", "archive.film", FIXTURE, verbosity=0)
    save_film_page(editor_client, film, summary="A third summary.")
    assert film.history.count() == before + 3  # nothing but the change itself


@pytest.mark.slow
def test_backups_leave_the_history_and_the_fixture_loads_out(film, editor_client, tmp_path):
    save_film_page(editor_client, film, runtime="130")
    path = tmp_path / "backup.json.gz"
    call_command("backup_archive", output=str(path), stdout=StringIO())
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        models = {record["model"] for record in json.load(stream)}
    assert "archive.film" in models
    assert not models & {label.lower() for label in audit_model_labels()}


# What an editor sees and does -------------------------------------------------------------


@pytest.mark.slow
def test_the_history_page_lists_each_version_with_its_changes(film, editor_client):
    save_film_page(editor_client, film, runtime="130")
    response = editor_client.get(history_url(film))
    assertContains(response, "Runtime:</strong> 127 → 130", html=False)
    assertContains(response, "ana")
    assertContains(response, BASELINE_REASON)
    assertContains(response, "Changed Runtime.")
    assertContains(response, version_url(film, film.history.last()))


@pytest.mark.slow
def test_the_history_page_words_choices_and_related_records(film, editor_client):
    save_film_page(editor_client, film, status="announced", year="", release_date="")
    response = editor_client.get(history_url(film))
    assertContains(response, "Status:</strong> Released → Announced", html=False)
    assertContains(response, "Year:</strong> 2013 → (empty)", html=False)


@pytest.mark.slow
def test_an_editor_reverts_a_film_to_an_earlier_version(film, editor_client):
    korea = Country.objects.get(code="KR")
    turkey = Country.objects.get(code="TR")
    save_film_page(editor_client, film, runtime="130", countries=[str(turkey.pk)])
    assert list(film.countries.all()) == [turkey]
    first = film.history.last()

    page = editor_client.get(version_url(film, first))
    assertContains(page, 'value="Revert"')
    data = form_data(page)
    assert data["runtime"] == "127"
    assert data["countries"] == [str(korea.pk)]
    response = editor_client.post(version_url(film, first), data)
    assert response.status_code == 302, form_errors(response)

    film.refresh_from_db()
    assert film.runtime == 127
    assert list(film.countries.all()) == [korea]
    assert film.version == 3
    latest = film.history.first()
    assert latest.history_user.username == "ana"
    assert latest.history_change_reason.startswith("Reverted to the version of")


def test_an_editor_reverts_a_person(archive, editor_client):
    person = Person.objects.get(slug="ryu-seung-ryong")
    data = page_data(editor_client.get(change_url(person)))
    data["other_names"] = "Ryoo Seung-ryong"
    assert editor_client.post(change_url(person), data).status_code == 302
    first = person.history.last()
    data = form_data(editor_client.get(version_url(person, first)))
    assert editor_client.post(version_url(person, first), data).status_code == 302
    person.refresh_from_db()
    assert person.other_names == ""
    assert person.version == 3


@pytest.mark.slow
def test_an_editor_sees_history_and_reverts_but_may_not_delete(film, editor, editor_client):
    assert editor.has_perm("archive.view_historicalfilm")
    assert editor.has_perm("archive.view_fixtureload")
    assert not editor.has_perm("archive.change_historicalfilm")
    assert not any(
        permission.startswith("archive.delete_") for permission in editor.get_all_permissions()
    )
    save_film_page(editor_client, film, runtime="130")
    assert editor_client.get(history_url(film)).status_code == 200
    assertContains(editor_client.get(change_url(film)), history_url(film))
    assert editor_client.get(admin_url(Film, "delete", film.pk)).status_code == 403


@pytest.mark.slow
def test_a_viewer_sees_the_history_but_cannot_revert(film, client, editor_client):
    save_film_page(editor_client, film, runtime="130")
    viewer = User.objects.create_user("val", password="not-used-1", is_staff=True)
    viewer.user_permissions.add(
        *Group.objects.get(name="Editors").permissions.filter(codename__startswith="view_")
    )
    client.force_login(viewer)
    first = film.history.last()
    assert client.get(history_url(film)).status_code == 200
    assertNotContains(client.get(version_url(film, first)), 'value="Revert"')


def test_fixture_loads_are_listed_read_only(archive, editor_client):
    load = FixtureLoad.objects.get()
    response = editor_client.get(admin_url(FixtureLoad, "changelist"))
    assertContains(response, f"fixtures/{FIXTURE}.json")
    assert editor_client.get(admin_url(FixtureLoad, "add")).status_code == 403
    page = editor_client.get(admin_url(FixtureLoad, "change", load.pk))
    assert page.status_code == 200
    assertNotContains(page, 'name="_save"')
    assert editor_client.get(admin_url(FixtureLoad, "delete", load.pk)).status_code == 403


@pytest.mark.slow
def test_the_film_page_shows_when_it_last_changed(film, editor_client, client):
    before = film.updated_at
    save_film_page(editor_client, film, runtime="130")
    assert film.updated_at > before
    response = client.get(film.get_absolute_url())
    assertContains(response, f'datetime="{film.updated_at.isoformat()}"')


# Addresses that name no version -----------------------------------------------------------


#: Addresses under the film admin that name no version (or no film).
NO_VERSION_PATHS = [
    "{film}/history/abc/",
    "{film}/history/1.5/",
    "{film}/history/99999999/",
    "{film}/history/-1/",
    "{film}/history/99999999999999999999/",
    "{film}/history/{other}/",
    "abc/history/",
    "abc/history/{version}/",
    "99999999/history/",
    "99999999/history/{version}/",
    "99999999999999999999/history/",
]


def test_a_history_address_that_names_no_version_is_a_404(film, editor_client):
    """Every such address, GET and POST; one test, so the film's versions are made once."""
    save_film_page(editor_client, film, runtime="130")
    other = Film.objects.exclude(pk=film.pk).first()
    other.runtime = 99
    other.save()
    for path in NO_VERSION_PATHS:
        url = admin_url(Film, "changelist") + path.format(
            film=film.pk, version=film.history.first().pk, other=other.history.first().pk
        )
        assert editor_client.get(url).status_code == 404, path
        assert editor_client.post(url, {"runtime": "1"}).status_code == 404, path


def test_history_addresses_of_a_real_version_still_answer(film, editor_client):
    save_film_page(editor_client, film, runtime="130")
    assert editor_client.get(history_url(film)).status_code == 200
    assert editor_client.get(version_url(film, film.history.first())).status_code == 200


# The simple-history behaviour this archive builds on -----------------------------------------


def test_record_deferred_history_writes_one_version_with_its_relations(film):
    """The admin's one version per save rests on simple-history's
    ``skip_history_when_saving`` (saves and relation changes record nothing) and on its
    recorder's ``create_historical_record``: an upgrade that changes either fails here."""
    turkey = Country.objects.get(code="TR")
    defer_history(film)
    film.runtime = 130
    film.save()
    film.countries.add(turkey)
    (baseline,) = film.history.all()
    assert (baseline.history_change_reason, baseline.runtime) == (BASELINE_REASON, 127)

    record_deferred_history(film, "~", "One save.")
    latest, _ = film.history.all()
    assert (latest.history_type, latest.runtime, latest.version) == ("~", 130, 2)
    assert latest.history_change_reason == "One save."
    assert set(latest.countries.values_list("country__code", flat=True)) == {"KR", "TR"}
    assert not hasattr(film, "skip_history_when_saving")

    record_deferred_history(film, "~", "Nothing deferred.")
    assert film.history.count() == 2


def test_each_recorded_relation_is_known_to_the_archive():
    assert [field.name for field in history_m2m_fields(Film)] == [
        "countries",
        "genres",
        "sources",
    ]
    assert [field.name for field in history_m2m_fields(Role)] == ["sources"]
    assert history_m2m_fields(FixtureLoad) == []


def test_a_version_pickles_as_the_cache_stores_it(film):
    film.runtime = 130
    film.save()
    record = film.history.first()
    assert pickle.loads(pickle.dumps(record)).runtime == 130
