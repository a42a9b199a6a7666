"""Management commands: create_admin and load_initial_data, as ``make run`` uses them."""

import io
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.http import HttpRequest

from archive.models import Film, Genre, Person

User = get_user_model()


def run(name, *args):
    out = io.StringIO()
    call_command(name, *args, stdout=out)
    return out.getvalue()


def signs_in(client, username, password):
    # A request goes along because a sign-in lockout backend (django-axes) needs one.
    return client.login(request=HttpRequest(), username=username, password=password)


def printed_password(output):
    match = re.search(r"with the password: (\S+)", output)
    assert match, output
    return match.group(1)


# --- create_admin ------------------------------------------------------------------------


def test_create_admin_makes_a_superuser_whose_printed_password_logs_in(db, client):
    output = run("create_admin")
    password = printed_password(output)
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff and admin.is_active
    assert signs_in(client, "admin", password)
    assert output.count(password) == 1


def test_create_admin_takes_a_username(db, client):
    password = printed_password(run("create_admin", "--username", "curator"))
    assert list(User.objects.values_list("username", flat=True)) == ["curator"]
    assert signs_in(client, "curator", password)


def test_create_admin_generates_a_new_strong_password_each_time(db):
    first = printed_password(run("create_admin"))
    User.objects.all().delete()
    second = printed_password(run("create_admin"))
    assert first != second
    assert len(first) >= 20 and len(second) >= 20


def test_create_admin_leaves_an_existing_superuser_alone(db, client):
    User.objects.create_superuser("curator", "", "the-curators-own-password")
    output = run("create_admin")
    assert "left it alone" in output and "curator" in output
    assert "password:" not in output
    assert list(User.objects.values_list("username", flat=True)) == ["curator"]
    assert signs_in(client, "curator", "the-curators-own-password")


def test_create_admin_run_twice_keeps_the_first_password(db, client):
    password = printed_password(run("create_admin"))
    assert "left it alone" in run("create_admin")
    assert signs_in(client, "admin", password)


def test_create_admin_does_not_take_over_a_plain_user(db):
    User.objects.create_user("admin", password="a-plain-users-password")
    with pytest.raises(CommandError, match="not a superuser"):
        run("create_admin")
    assert not User.objects.filter(is_superuser=True).exists()


# --- load_initial_data -------------------------------------------------------------------


def test_load_initial_data_fills_an_empty_archive(db):
    output = run("load_initial_data")
    assert "Loaded miracle_in_cell_no_7.json" in output
    assert "6 films and 30 people" in output
    assert Film.objects.count() == 6
    assert Person.objects.count() == 30


def test_load_initial_data_leaves_an_archive_with_films_alone(db):
    Film.objects.create(title="Parasite", year=2019)
    output = run("load_initial_data")
    assert "left it alone" in output
    assert list(Film.objects.values_list("slug", flat=True)) == ["parasite-2019"]
    assert not Person.objects.exists()


def test_load_initial_data_leaves_an_archive_with_people_alone(db):
    Person.objects.create(name="Bong Joon-ho")
    assert "left it alone" in run("load_initial_data")
    assert not Film.objects.exists()


def test_load_initial_data_keeps_an_editors_change_on_the_next_run(db):
    run("load_initial_data")
    Film.objects.filter(slug="miracle-in-cell-no-7-2013").update(runtime=128)
    run("load_initial_data")
    assert Film.objects.get(slug="miracle-in-cell-no-7-2013").runtime == 128


def test_load_initial_data_loads_every_fixture_in_the_fixture_folders(db, settings, tmp_path):
    # The second file refers to a genre the first one creates: both load in one go.
    (tmp_path / "a_genres.json").write_text(
        json.dumps([{"model": "archive.genre", "fields": {"name": "Drama", "slug": "drama"}}])
    )
    (tmp_path / "b_films.json").write_text(
        json.dumps(
            [
                {
                    "model": "archive.film",
                    "fields": {
                        "title": "Parasite",
                        "slug": "parasite-2019",
                        "year": 2019,
                        "genres": [["drama"]],
                    },
                }
            ]
        )
    )
    settings.FIXTURE_DIRS = [tmp_path]
    output = run("load_initial_data")
    assert "a_genres.json, b_films.json" in output
    assert Genre.objects.get(slug="drama").films.get().title == "Parasite"


def test_load_initial_data_says_when_there_is_no_fixture(db, settings, tmp_path):
    settings.FIXTURE_DIRS = [tmp_path]
    assert "No fixture found" in run("load_initial_data")
    assert not Film.objects.exists()
