"""The soak (``benchmarks/soak.py``): readers and editors at once, in real processes,
against the production server. Its tests live beside it, as every module's tests mirror it.

The first test is ``benchmarks/soak.py`` (``make soak``, a minute long) run for a few
seconds: gunicorn with four sync workers, debug off and the page cache on, serving a
database of its own (a temporary SQLite file; when the suite runs on PostgreSQL, a database
created beside the suite's and dropped afterwards: the server is another process and could
not see the test transaction), with two client processes reading public pages and three
signing in through the login form and saving admin change forms, some on one shared film.
It is one test, not one per finding: pytest-xdist may send a module's tests to different
workers, and each would start its own server and clients.

The others prove, in this process, that the soak's checks can fail: its clients post an
admin form as a browser does, see a 5xx and "database is locked", and its verification
finds a lost save.
"""

import http.server
import os
import secrets
import threading
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client

from archive.models import Film
from archive.tests import factories
from archive.tests.admin_helpers import change_url, form_errors
from benchmarks import soak

SECONDS = 5


def database_beside_the_suites():
    """A new PostgreSQL database on the suite's server when the suite runs on PostgreSQL;
    otherwise None: the soak makes a temporary SQLite file."""
    suite = os.environ.get("DATABASE_URL", "")
    if soak.is_postgres(suite):
        return soak.sibling_database(suite, f"soak_{secrets.token_hex(4)}")
    return None


@pytest.mark.long
@pytest.mark.slow
def test_readers_and_editors_at_once_get_no_error_and_lose_no_save():
    report = soak.run(
        database_url=database_beside_the_suites(), duration=SECONDS, workers=4, readers=2, writers=3
    )
    figures = soak.render(report)
    print(figures)  # shown with pytest -rP

    assert report["server_errors"] == 0, figures
    assert report["locked"] == 0, figures
    assert report["server_log_alarms"] == [], figures
    assert set(report["statuses"]) <= {"200", "302"}, figures
    # Every accepted save is in the database, no refused one; versions and history agree.
    assert report["unsaved"] == [], figures
    assert report["stale"] == 0, figures
    assert report["failures"] == [], figures
    # Real work was done: pages read, and each writer had its own first save accepted and
    # one of its two tabs on the shared film refused as an edit conflict (the form back
    # with the conflict message, status 200). The bar for reads is low on purpose: this is
    # not a speed test, and CI's two cores run the browser tests beside it.
    assert report["reads"] >= 5 * report["readers"], figures
    assert report["accepted"] >= report["writers"], figures
    assert report["refused"] >= report["writers"], figures


# The soak's own checks --------------------------------------------------------------------


FORM = """
<form id="search"><input name="q" value="not this form"></form>
<form method="post" id="film_form" novalidate>
  <input type="hidden" name="csrfmiddlewaretoken" value="token">
  <input type="text" name="title" value="Tom &amp; Jerry">
  <input name="year" value="2013">
  <input type="text" name="off" value="x" disabled>
  <textarea name="summary">
First line &lt;b&gt;
second line</textarea>
  <textarea name="synopsis">
</textarea>
  <select name="status"><option value="released">Released</option>
    <option value="announced" selected>Announced</option></select>
  <select name="original_language"><option value="">---------</option>
    <option value="ko">Korean</option></select>
  <select name="countries" multiple><option value="1" selected>KR</option>
    <option value="2">TR</option><option value="3" selected>PH</option></select>
  <select name="kind"><option selected>Actor</option></select>
  <input type="checkbox" name="roles-0-DELETE">
  <input type="checkbox" name="public" checked>
  <input type="radio" name="result" value="won" checked>
  <input type="radio" name="result" value="nominated">
  <input type="submit" name="_continue" value="Save and continue">
</form>
"""


def test_the_soak_reads_a_form_as_a_browser_submits_it():
    assert soak.form_fields(FORM, "film_form") == [
        ("csrfmiddlewaretoken", "token"),
        ("title", "Tom & Jerry"),
        ("year", "2013"),
        ("summary", "First line <b>\nsecond line"),
        ("synopsis", ""),
        ("status", "announced"),
        ("original_language", ""),
        ("countries", "1"),
        ("countries", "3"),
        ("kind", "Actor"),
        ("public", "on"),
        ("result", "won"),
    ]
    assert soak.form_fields(FORM, "person_form") is None


@pytest.mark.django_db
@pytest.mark.slow
def test_a_film_form_as_the_soak_posts_it_changes_only_the_marked_field(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    factories.load_archive()
    film = Film.objects.get(slug=factories.ORIGINAL)  # every kind of row on its page
    client = Client()
    client.force_login(User.objects.create_superuser("soaker", password="not-used-1"))
    fields = soak.form_fields(client.get(change_url(film)).content.decode(), "film_form")
    fields = [(name, f"{value} marker" if name == "summary" else value) for name, value in fields]

    response = client.post(
        change_url(film), urlencode(fields), content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 302, form_errors(response)
    film.refresh_from_db()
    assert film.summary.endswith(" marker")
    assert film.history.first().history_change_reason == "Changed Summary."


class Broken(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(500)
        self.end_headers()
        self.wfile.write(b"OperationalError: database is locked")

    def log_message(self, *args):
        pass


def test_the_soak_counts_a_server_error_and_a_locked_database():
    server = http.server.HTTPServer(("127.0.0.1", 0), Broken)
    thread = threading.Thread(target=server.handle_request)
    thread.start()
    tally = soak.Tally()
    try:
        answer = soak.Browser(f"http://127.0.0.1:{server.server_port}", tally).request("read", "/")
    finally:
        thread.join(10)
        server.server_close()
    assert answer.status == 500
    assert (tally.server_errors, tally.locked, tally.failure_count) == (1, 1, 2)


@pytest.mark.django_db
def test_the_soak_finds_a_lost_save_and_a_refused_one_that_was_stored():
    call_command("loaddata", factories.FIXTURE, verbosity=0)
    film = Film.objects.get(slug=factories.ORIGINAL)
    target = {
        "model": "film",
        "pk": film.pk,
        "label": "the film",
        "field": "summary",
        "version": film.version,
        "changes": 0,
    }
    film.summary += " refused-1"
    film.save()  # one version more, with the marker of a refused save

    result = soak.verify(
        [target],
        accepted=[{"model": "film", "pk": film.pk, "marker": "accepted-1"}],
        refused=[{"model": "film", "pk": film.pk, "marker": "refused-1"}],
    )

    assert result["failures"] == [
        "the film: 1 of 1 accepted saves are missing from the database (first: accepted-1)",
        "the film: 1 refused saves are in the database",
    ]


class ScriptedWriter(soak.Writer):
    """A writer whose tabs open at given versions and whose saves answer as scripted."""

    def __init__(self, opened_versions, answers):
        super().__init__({"base": "http://127.0.0.1:9", "seed": 1, "run": 1, "name": "w"}, None)
        self.tally = soak.Tally()
        self.opened_versions = list(opened_versions)
        self.answers = list(answers)

    def open(self, target):
        return [("opened_version", str(self.opened_versions.pop(0)))]

    def save(self, target, fields, own):
        return self.answers.pop(0)


@pytest.mark.parametrize(
    ("opened_versions", "answers", "failures"),
    [
        # Both tabs on version 3; the first save makes it 4: the second tab is stale.
        ((3, 3), ("accepted", "accepted"), 1),
        ((3, 3), ("accepted", "refused"), 0),
        # Another editor saved between the two openings: the first tab is stale, the
        # second is not, and its save may go through.
        ((3, 4), ("refused", "accepted"), 0),
        ((3, 3), ("refused", "refused"), 0),
    ],
)
def test_the_soak_fails_a_stale_tabs_save_only_after_the_other_tab_saved(
    opened_versions, answers, failures
):
    writer = ScriptedWriter(opened_versions, answers)
    writer.two_tabs({"label": "the shared film"})
    assert writer.answers == []  # both tabs saved
    assert writer.tally.failure_count == failures, writer.tally.failures
    if failures:
        assert writer.tally.failures == [
            "the shared film: a save from a stale tab (opened at version 3, before the other "
            "tab's accepted save) was accepted"
        ]
