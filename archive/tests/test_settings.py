"""Settings read from the environment: the secret key rule, the database and cache switches,
SQLite's write-ahead log, and collectstatic with the production storage; the tuning
constants that the environment does not change; and the one limit on posted fields."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.templatetags.static import static
from django.urls import reverse

from archive.middleware import MAX_QUERY_PARAMETERS
from archive.models import Genre


def printed(module):
    """What the tests below read of a settings module (``fresh_settings``)."""
    database = module["DATABASES"]["default"]
    return {
        "debug": module["DEBUG"],
        "engine": database["ENGINE"],
        "name": str(database["NAME"]),
        "host": database.get("HOST", ""),
        "options": database.get("OPTIONS", {}),
        "cache": module["CACHES"]["default"]["BACKEND"],
        "cache_location": module["CACHES"]["default"].get("LOCATION", ""),
        "allowed_hosts": module["ALLOWED_HOSTS"],
        "tuning": {name: module[name] for name in ("DATA_UPLOAD_MAX_NUMBER_FIELDS",)},
        "staticfiles": module["STORAGES"]["staticfiles"]["BACKEND"],
    }


A_KEY = "a-secret-key-for-this-test-only-0123456789-abcdefghijklmnop"


def start(env, code):
    """Run ``code`` in a fresh Python with only ``env`` (and PATH) in its environment."""
    clean = {"PATH": os.environ.get("PATH", ""), "DJANGO_SETTINGS_MODULE": "config.settings"}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def started(fresh_settings):
    return lambda env: printed(fresh_settings(env))


@pytest.mark.parametrize(
    "env",
    [{}, {"DJANGO_DEBUG": "0"}, {"DJANGO_DEBUG": ""}, {"DJANGO_SECRET_KEY": ""}],
    ids=["nothing set", "debug 0", "debug empty", "key empty"],
)
def test_settings_refuse_to_start_with_debug_off_and_no_secret_key(fresh_settings, env):
    with pytest.raises(
        ImproperlyConfigured, match="DJANGO_SECRET_KEY must be set when debug is off"
    ):
        fresh_settings(env)


def test_settings_start_with_a_secret_key_and_debug_off(started):
    values = started({"DJANGO_SECRET_KEY": A_KEY})
    assert values["debug"] is False
    assert values["staticfiles"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_settings_start_in_debug_without_a_secret_key(started):
    values = started({"DJANGO_DEBUG": "1"})
    assert values["debug"] is True


def test_sqlite_in_the_project_root_is_the_default_database(started):
    values = started({"DJANGO_SECRET_KEY": A_KEY})
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"] == str(settings.BASE_DIR / "db.sqlite3")
    assert values["options"]["transaction_mode"] == "IMMEDIATE"
    assert values["options"]["timeout"] == 20
    assert "journal_mode=WAL" in values["options"]["init_command"]


def test_database_url_switches_to_postgresql(started):
    values = started(
        {"DJANGO_SECRET_KEY": A_KEY, "DATABASE_URL": "postgres://archive@db.internal:5432/films"}
    )
    assert values["engine"] == "django.db.backends.postgresql"
    assert (values["name"], values["host"]) == ("films", "db.internal")
    assert "init_command" not in values["options"]


def test_database_url_can_name_another_sqlite_file(started, tmp_path):
    path = tmp_path / "other.sqlite3"
    values = started({"DJANGO_SECRET_KEY": A_KEY, "DATABASE_URL": f"sqlite:///{path}"})
    assert (values["engine"], values["name"]) == ("django.db.backends.sqlite3", str(path))
    assert values["options"]["timeout"] == 20


def test_redis_url_moves_the_cache_to_redis(started):
    values = started({"DJANGO_SECRET_KEY": A_KEY, "REDIS_URL": "redis://127.0.0.1:6379/2"})
    assert values["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert values["cache_location"] == "redis://127.0.0.1:6379/2"
    assert started({"DJANGO_SECRET_KEY": A_KEY})["cache"].endswith("LocMemCache")


def test_allowed_hosts_come_from_the_environment(started):
    values = started(
        {
            "DJANGO_SECRET_KEY": A_KEY,
            "DJANGO_ALLOWED_HOSTS": "films.example.org, www.films.example.org",
        }
    )
    assert values["allowed_hosts"] == ["films.example.org", "www.films.example.org"]


TUNING = {"DATA_UPLOAD_MAX_NUMBER_FIELDS": 10_000}


def test_tuning_constants_are_not_read_from_the_environment(started):
    # The variables that set them once are ignored now, so a stale deployment file that
    # still sets one cannot change the code's behaviour.
    stale = {
        "DJANGO_PAGE_SIZE": "50",
        "DJANGO_COUNT_CAP": "5",
        "DJANGO_WALK_MIN_FILMS": "5",
        "DJANGO_EXPORT_BUFFER_ROWS": "5",
        "DJANGO_MAX_POSTED_FIELDS": "5",
        "DJANGO_SQLITE_TIMEOUT": "5",
    }
    values = started({"DJANGO_SECRET_KEY": A_KEY, **stale})
    assert values["tuning"] == TUNING
    assert values["options"]["timeout"] == 20
    code = (
        "import django; django.setup()\n"
        "from archive.views.lists import ArchiveListView as L\n"
        "from archive.filters import FilmRelationFilter as F\n"
        "print(L.paginate_by, L.count_cap, L.export_buffer_rows, F.walk_min_links)"
    )
    result = start({"DJANGO_SECRET_KEY": A_KEY, **stale}, code)
    assert result.stdout.split() == ["25", "10000", "2000", "1000"], result.stderr


def test_a_number_setting_that_is_not_a_number_is_refused_by_name(fresh_settings):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_LOGIN_FAILURE_LIMIT must be a whole"):
        fresh_settings({"DJANGO_SECRET_KEY": A_KEY, "DJANGO_LOGIN_FAILURE_LIMIT": "many"})


def test_addresses_keep_djangos_limit_and_posted_forms_get_the_raised_one():
    assert MAX_QUERY_PARAMETERS == 1_000
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS > MAX_QUERY_PARAMETERS


@pytest.mark.django_db
@pytest.mark.parametrize("where", ["public list", "admin"])
def test_an_address_with_too_many_parameters_is_a_clear_400(admin_client, where):
    url = reverse(
        "archive:film-list" if where == "public list" else "admin:archive_film_changelist"
    )
    response = admin_client.get(url + "?" + "&".join(["q=x"] * (MAX_QUERY_PARAMETERS + 1)))
    assert response.status_code == 400
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert "The address has 1,001 parameters; at most 1,000 are accepted." in (
        response.content.decode()
    )


@pytest.mark.django_db
def test_an_admin_form_of_more_fields_than_an_address_may_carry_saves(admin_client):
    # Django would refuse this post with its default limit; the raised setting lets it in.
    many = [(f"padding-{n}", "x") for n in range(MAX_QUERY_PARAMETERS + 500)]
    # The genre's form with its names in other languages (an empty inline) and the padding.
    fields = [("name", "Noir"), ("slug", "noir"), ("names-TOTAL_FORMS", 0)]
    fields += [("names-INITIAL_FORMS", 0), *many]
    body = "&".join(f"{key}={value}" for key, value in fields)
    response = admin_client.post(
        reverse("admin:archive_genre_add"),
        body,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 302, response.content[:2000]
    assert Genre.objects.get(slug="noir").name == "Noir"


@pytest.mark.django_db
def test_sqlite_connections_use_the_write_ahead_log(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("PRAGMA journal_mode is SQLite's; this run uses " + connection.vendor)
    # The test database may live in memory, where SQLite has no WAL; so open a file
    # database with the very settings of the live connection.
    settings_dict = {**connection.settings_dict, "NAME": str(tmp_path / "wal.sqlite3")}
    wrapper = type(connections[DEFAULT_DB_ALIAS])(settings_dict, alias="wal-check")
    try:
        with wrapper.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
            cursor.execute("PRAGMA busy_timeout")
            assert cursor.fetchone()[0] == connection.settings_dict["OPTIONS"]["timeout"] * 1000
            cursor.execute("PRAGMA foreign_keys")
            assert cursor.fetchone()[0] == 1
    finally:
        wrapper.close()
    if connection.settings_dict["TEST"]["NAME"]:
        # A file test database (DJANGO_TEST_SQLITE_NAME): the live connection itself.
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"


def test_collectstatic_works_with_the_production_storage(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())
    hashed = manifest["paths"]["admin/css/base.css"]
    assert hashed != "admin/css/base.css"
    assert (tmp_path / hashed).is_file()
    assert (tmp_path / f"{hashed}.gz").is_file()
    assert static("admin/css/base.css") == f"/static/{hashed}"
