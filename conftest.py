"""Test-wide set-up.

Tests use the plain static files storage: the production storage (whitenoise's compressed
manifest) needs ``collectstatic`` first; ``test_settings.py`` proves that path on its own.
The test client speaks plain HTTP, so the HTTPS redirect that is on by default with debug off
is turned off here; ``test_security.py`` proves the production defaults on their own.
Passwords are hashed with a fast hasher, as Django's testing guide advises: the production
hasher is slow on purpose, and the suite creates and signs in accounts in hundreds of tests.
A database alias ``replica`` mirrors the test database, as a read replica would.
"""

import pytest


def pytest_configure(config):
    from pathlib import Path

    from django.conf import settings

    # The translation catalogues compiled (only those changed since), once, before any
    # worker starts: the pages are tested in every language.
    if not hasattr(config, "workerinput"):
        from archive.catalogues import compile_all

        compile_all()

    # whitenoise warns about a missing STATIC_ROOT on every request; tests need none.
    Path(settings.STATIC_ROOT).mkdir(exist_ok=True)

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.SECURE_SSL_REDIRECT = False
    # Uploaded images go to a folder of this test process, never the checkout's media/
    # (tests that look at the files use the ``media`` fixture: a folder of their own).
    import tempfile

    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="film-archive-media-")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # A read replica's alias pointed at the test database (TEST MIRROR), for the router's
    # tests (archive/tests/test_routers.py); it takes reads only where a test lists it in
    # settings.DATABASE_REPLICAS.
    # On SQLite both connections share one in-memory database, whose locks are per table:
    # the replica takes none (a DEFERRED transaction, reads without read locks), so it never
    # blocks the primary's test transaction, and it sees that transaction's rows.
    default = settings.DATABASES["default"]
    replica = {**default, "TEST": {**default.get("TEST", {}), "MIRROR": "default"}}
    if default["ENGINE"] == "django.db.backends.sqlite3":
        options = default.get("OPTIONS", {})
        replica["OPTIONS"] = {
            **options,
            "transaction_mode": "DEFERRED",
            "init_command": options.get("init_command", "") + " PRAGMA read_uncommitted=1;",
        }
    settings.DATABASES.setdefault("replica", replica)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Every transactional test must restore what the migrations wrote (serialized_rollback),
    and the long tests run first.

    A transactional test ends with a flush. Without ``serialized_rollback`` that flush runs
    the post-migrate signal, which writes the content types and permissions again under new
    ids; the next serialized test then fails at set-up, restoring rows that clash with them
    ("UNIQUE constraint failed: django_content_type..."), and only when the two tests share
    a worker, so the failure comes and goes with test order. This refuses such a test at
    collection, whatever the order.
    """
    from django.test import TestCase, TransactionTestCase

    offenders = []
    order = {}
    for item in items:
        marker = item.get_closest_marker("django_db")
        names = getattr(item, "fixturenames", ())
        transactional = (
            "transactional_db" in names
            or "live_server" in names
            or (marker is not None and marker.kwargs.get("transaction", False))
        )
        if transactional and not (marker and marker.kwargs.get("serialized_rollback", False)):
            offenders.append(item.nodeid)
        uses_db = marker is not None or "db" in names
        cls = getattr(item, "cls", None)
        if cls is not None and issubclass(cls, TransactionTestCase):  # Django's test cases
            uses_db, transactional = True, not issubclass(cls, TestCase)
        group = 0 if not uses_db else 2 if transactional else 1
        order[item] = (group, item.get_closest_marker("long") is None)
    if offenders:
        raise pytest.UsageError(
            "Transactional tests need @pytest.mark.django_db(transaction=True, "
            "serialized_rollback=True): " + ", ".join(offenders)
        )
    # The order: tests without the test database first (the soak's own servers among them),
    # then those in a transaction, then the transactional ones (browsers, live servers): those
    # flush the database when they end, and each restores what the migrations wrote only
    # when it starts, so they must come last, as pytest-django and Django order them. Within
    # each group the tests marked ``long`` go first, so that no worker is left running one
    # alone at the end while the other has finished.
    items.sort(key=order.__getitem__)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Every test starts with an empty cache, so a cached page never leaks between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def tune(monkeypatch):
    """``tune(paginate_by=2, count_cap=3, export_buffer_rows=0)``: the public lists' tuning
    constants, changed for one test."""
    from archive.views.lists import ArchiveListView

    def change(**values):
        for name, value in values.items():
            assert hasattr(ArchiveListView, name), name
            monkeypatch.setattr(ArchiveListView, name, value)

    return change


@pytest.fixture(params=["caches on", pytest.param("caches off", marks=pytest.mark.slow)])
def every_cache_mode(request, settings):
    """Runs a test twice: with the page and count caches on (as deployed) and with both off,
    since a page must be right without them and a cache may only make it faster. The quick
    run (``-m "not slow"``) keeps the first; the whole suite runs both."""
    if request.param == "caches off":
        settings.PAGE_CACHE_SECONDS = 0
        settings.COUNT_CACHE_SECONDS = 0
    else:
        settings.PAGE_CACHE_SECONDS = 300
        settings.COUNT_CACHE_SECONDS = 600
    return request.param


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language. A request activates its page's language
    for the rest of the thread (Django's LocaleMiddleware never deactivates it), and a test
    that reads a model's name or reverses an address after a Korean request must not read
    Korean."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()
