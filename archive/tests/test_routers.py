"""The read-replica router: anonymous public reads to a replica, everything else to the
primary; a replica that is down, lags or has not replayed the latest edit is skipped
without an error.

The replica is the ``replica`` alias, a mirror of the test database (conftest.py): a second
connection to it. On PostgreSQL it sees what is committed, not what the test's open
transaction wrote: a change made in a test is on the "primary" and not yet on the
"replica", as with a replica that has not replayed it yet.
"""

import json
import os
import subprocess
import sys
import time

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import User
from django.db import OperationalError, connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive import cache, routers
from archive.models import Film

from . import factories as f

REPLICA = "replica"

pytestmark = pytest.mark.django_db(databases=["default", REPLICA])


@pytest.fixture(scope="module", autouse=True)
def close_the_replica_connection():
    """The mirror's connection is not the test database's own: left open, it would keep
    PostgreSQL from dropping the test database at the end of the run."""
    yield
    connections[REPLICA].close()


@pytest.fixture(autouse=True)
def replicas(settings):
    settings.DATABASE_REPLICAS = [REPLICA]
    settings.PAGE_CACHE_SECONDS = 300
    routers._verdicts.clear()
    yield
    routers._verdicts.clear()


class Queries:
    """The queries each database ran during the block."""

    def __enter__(self):
        self.contexts = {
            alias: CaptureQueriesContext(connections[alias]) for alias in ("default", REPLICA)
        }
        for context in self.contexts.values():
            context.__enter__()
        return self

    def __exit__(self, *exc):
        for context in self.contexts.values():
            context.__exit__(*exc)

    def on(self, alias, table="archive_"):
        """The queries on ``alias`` that read the archive's tables (not its version)."""
        return [
            query["sql"]
            for query in self.contexts[alias].captured_queries
            if table in query["sql"] and cache.VERSION_TABLE not in query["sql"]
        ]


def test_outside_a_request_reads_and_writes_go_to_the_primary():
    router = routers.ReplicaRouter()
    assert router.db_for_read(Film) is None  # Django's default: the primary
    assert router.db_for_write(Film) == "default"
    assert Film.objects.all().db == "default"
    assert router.allow_migrate(REPLICA, "archive") is False
    assert router.allow_migrate("default", "archive") is None


def test_an_anonymous_public_read_goes_to_the_replica(client):
    with Queries() as queries:
        response = f.get(client, reverse("archive:film-list"))
    assert response.status_code == 200
    assert queries.on(REPLICA)
    assert not queries.on("default")


def test_a_streamed_export_reads_its_rows_from_the_replica(client, tune):
    tune(export_buffer_rows=-1)  # streamed even when empty, as the replica's archive is
    with Queries() as queries:
        response = f.get(client, reverse("archive:film-list"), data={"format": "csv"})
        assert response.streaming
        b"".join(response.streaming_content)
    assert any("archive_film" in query for query in queries.on(REPLICA))
    assert not queries.on("default")


def test_without_replicas_every_read_goes_to_the_primary(client, settings):
    settings.DATABASE_REPLICAS = []
    with Queries() as queries:
        assert f.get(client, reverse("archive:film-list")).status_code == 200
    assert queries.on("default")
    assert not queries.on(REPLICA, table="")


def test_an_editor_signed_in_reads_from_the_primary(client):
    editor = User.objects.create_user("editor", password="a-long-password-1", is_staff=True)
    client.force_login(editor)
    with Queries() as queries:
        assert f.get(client, reverse("archive:film-list")).status_code == 200
    assert queries.on("default")
    assert not queries.on(REPLICA, table="")


def test_the_admin_and_writes_use_the_primary(client):
    with Queries() as queries:
        assert f.get(client, reverse("admin:login")).status_code == 200
        client.post(reverse("admin:login"), {"username": "nobody", "password": "wrong"})
    assert not queries.on(REPLICA, table="")


def test_a_page_after_an_edit_is_read_from_the_primary_until_the_replica_has_it(
    client, monkeypatch
):
    """The edit is on the primary only (this test's transaction): the replica is behind the
    archive's version, so the page comes from the primary and shows the new film."""
    before = cache.current_version()
    film = f.film("Replica Lag Test", 2001)
    if connections[REPLICA].vendor == "sqlite":
        # SQLite's mirror reads the test's uncommitted rows (conftest.py): stand in the
        # version of a replica that has not replayed the edit. PostgreSQL's mirror is behind
        # for real.
        monkeypatch.setattr(routers, "replica_version", lambda alias: before)
    with Queries() as queries:
        response = f.get(client, film.get_absolute_url())
    assert response.status_code == 200
    assert "Replica Lag Test" in response.content.decode()
    assert queries.on("default")
    assert not queries.on(REPLICA)


def test_a_lagging_replica_is_skipped_and_the_verdict_kept(client, monkeypatch, settings):
    settings.REPLICA_MAX_LAG_SECONDS = 10
    measured = []

    def lag(alias):
        measured.append(alias)
        return 60.0

    monkeypatch.setattr(routers, "replica_lag", lag)
    with Queries() as queries:
        assert f.get(client, reverse("archive:film-list")).status_code == 200
        assert f.get(client, reverse("archive:person-list")).status_code == 200
    assert not queries.on(REPLICA, table="")
    assert measured == [REPLICA]  # checked once for both requests

    settings.REPLICA_CHECK_SECONDS = 0
    monkeypatch.setattr(routers, "replica_lag", lambda alias: 0.5)
    with Queries() as queries:
        assert f.get(client, reverse("archive:film-list")).status_code == 200
    assert queries.on(REPLICA)


def test_a_replica_that_cannot_be_reached_is_skipped(client, monkeypatch):
    def unreachable(alias):
        raise OperationalError("connection refused")

    monkeypatch.setattr(routers, "replica_lag", unreachable)
    with Queries() as queries:
        response = f.get(client, reverse("archive:film-list"))
    assert response.status_code == 200
    assert queries.on("default")
    assert routers._verdicts[REPLICA][0] is False


def test_a_replica_failing_during_a_request_is_answered_from_the_primary(client):
    """Healthy at the last check, it fails on the page's first query: the page still comes,
    from the primary, and the replica is skipped until the next check."""
    routers._verdicts[REPLICA] = (True, time.monotonic(), 10**9)

    def failing(execute, sql, params, many, context):
        raise OperationalError("server closed the connection unexpectedly")

    with connections[REPLICA].execute_wrapper(failing), Queries() as queries:
        response = f.get(client, reverse("archive:film-list"))
    assert response.status_code == 200
    assert queries.on("default")
    assert routers._verdicts[REPLICA][0] is False


def test_each_replica_url_becomes_an_alias_that_mirrors_the_primary_in_tests():
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps({'replicas': settings.DATABASE_REPLICAS, 'databases': "
        "{a: [d['HOST'], d['PORT'], d['OPTIONS'], d['TEST']['MIRROR']] "
        "for a, d in settings.DATABASES.items()}, 'middleware': settings.MIDDLEWARE}))"
    )
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_SECRET_KEY": "a-key-for-this-test-only",
        "DATABASE_URL": "postgres://films@db0:5432/films",
        "DATABASE_REPLICA_URLS": "postgres://films@db1:5432/films, postgres://films@db2/films",
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    found = json.loads(result.stdout)
    assert found["replicas"] == ["replica_1", "replica_2"]
    assert found["databases"]["replica_1"] == ["db1", 5432, {"connect_timeout": 2}, "default"]
    assert found["databases"]["replica_2"][0] == "db2"
    middleware = found["middleware"]
    assert middleware.index("archive.routers.ReplicaReadMiddleware") < middleware.index(
        "archive.cache.PublicPageCacheMiddleware"
    )
