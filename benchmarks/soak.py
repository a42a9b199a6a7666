"""`make soak`: the production server under readers and editors at once, for a bounded time.

1. Makes a scratch database: a temporary SQLite file, or the database that --database-url
   names (a PostgreSQL database that does not exist is created, and dropped at the end; one
   that exists must be empty or an earlier soak's, since the soak edits its records).
   Migrates it, loads the seed fixture and a small generated archive, collects the static
   files and makes one staff account (group Editors) per writer.
2. Starts the production server on 127.0.0.1: gunicorn with gunicorn.conf.py and
   config.wsgi, debug off, whitenoise, the public page cache on, --workers sync workers.
3. Runs --readers and --writers client processes for --duration seconds. Readers fetch
   public pages anonymously (lists, filters, searches, film and person pages, an export),
   through the page cache. Writers sign in through the real login form (CSRF cookie and
   token), then, in turn, open the admin form of one of their own films or people (so the
   form's version is fresh), append a unique marker to the summary or other names, save,
   and read the public page back: the marker must show at once. Each writer also saves one
   film that every writer edits: once from two tabs opened at once (the second tab's save
   must be refused as an edit conflict), then every fifth turn with a pause between
   opening and saving, so writers collide. Each writer makes at least one save of its own
   and the two-tab one, even past the deadline.
4. Stops the server and checks through the ORM: every accepted save (a 302) is in its
   record and no refused one is; each record's version and edit history count exactly the
   accepted saves.
5. Prints requests, reads/s, writes/s, p50 and p99 latency of public reads, admin forms and
   saves, edit conflicts refused and errors. Exits 1 on any failure: a 5xx, "database is
   locked" in a response or in the server's log, an error in the server's log, a status
   other than the expected one, a save missing from the database, a stale public page, or
   a run that read or saved nothing.

Only loopback addresses are used. The clients are plain urllib, one process each. The
test suite runs this same code (:func:`run`) for a few seconds, on SQLite and, when the
suite runs on PostgreSQL, on a PostgreSQL database of its own
(archive/tests/test_concurrency.py).
"""

import argparse
import html
import http.client
import http.cookiejar
import json
import math
import os
import random
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, defaultdict
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
FIXTURE = "miracle_in_cell_no_7"
#: The film every writer edits, to make edit conflicts (the Turkish remake: its admin page
#: is of a common size; the 2013 original's, with every credit and award, is four times it).
SHARED_FILM = "7-kogustaki-mucize-2019"
#: The writers' accounts are this followed by their number.
USER_PREFIX = "soak-editor-"
#: Every n-th save of a writer goes to the shared film.
SHARED_EVERY = 5
#: Seconds a client waits for one answer (gunicorn's worker timeout is 30).
REQUEST_TIMEOUT = 30
#: The start of the message of a save refused as an edit conflict.
CONFLICT = "Not saved:"
LOCKED = "database is locked"
#: Lines of the server's log (gunicorn's and Django's) that fail the run.
LOG_ALARMS = (
    "Traceback",
    "Internal Server Error",
    LOCKED,
    "[ERROR]",
    "[CRITICAL]",
    "WORKER TIMEOUT",
)
#: The first error of a form the admin sends back.
ERROR_ITEM = re.compile(r'class="errorlist[^"]*"[^>]*>\s*<li>(.*?)</li>', re.S)
KINDS = {"read": "public reads", "form": "admin forms", "save": "saves"}


class SoakError(Exception):
    """The soak could not be set up (not a finding about the archive)."""


def log_to_stderr(message):
    print(message, file=sys.stderr, flush=True)


# The database -----------------------------------------------------------------------------


def is_postgres(database_url):
    return database_url.startswith(("postgres://", "postgresql://"))


def sibling_database(database_url, name):
    """``database_url`` with another database name: same server, same user."""
    parts = urllib.parse.urlsplit(database_url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


@contextmanager
def scratch_database(database_url=None):
    """The URL of the database to soak. Without ``database_url``, a new SQLite file in a
    temporary folder, deleted afterwards. A PostgreSQL database that does not exist yet is
    created, and dropped afterwards; any other database is used as it is, and kept."""
    if not database_url:
        with tempfile.TemporaryDirectory(prefix="soak-") as folder:
            yield f"sqlite:///{Path(folder) / 'soak.sqlite3'}"
        return
    if not is_postgres(database_url):
        yield database_url
        return
    import psycopg
    from psycopg import sql

    name = urllib.parse.urlsplit(database_url).path.lstrip("/")
    server = sibling_database(database_url, "postgres")  # libpq reads postgres:// URLs
    with psycopg.connect(server, autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
        created = found.fetchone() is None
        if created:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield database_url
    finally:
        if created:
            with psycopg.connect(server, autocommit=True) as connection:
                connection.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
                )


def server_env(database_url, secret_key):
    """The production settings on plain HTTP on loopback: debug off, page cache on."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "GUNICORN_"))
    }
    env.update(
        DJANGO_SECRET_KEY=secret_key,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_HSTS_SECONDS="0",
        DJANGO_PAGE_CACHE_SECONDS="300",
        DATABASE_URL=database_url,
        PYTHONPATH=str(ROOT),
    )
    return env


def in_django(env, task, **arguments):
    """Run ``task`` (a function of :data:`TASKS`) in a new process with the server's
    settings (this process may have other settings, e.g. pytest's) and return its result."""
    result = subprocess.run(
        [PYTHON, "-c", "import benchmarks.soak as soak; soak.task_main()", task],
        input=json.dumps(arguments),
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if result.returncode != 0:
        raise SoakError(f"{task} failed:\n{result.stderr.strip()}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def task_main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    result = TASKS[sys.argv[1]](**json.load(sys.stdin))
    print(json.dumps(result))


def prepare(writers, per_writer, films, password):
    """Runs in Django: the database, the static files, the accounts, and what each client
    does (the writers' records, the readers' pages)."""
    import io

    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.db import transaction
    from django.urls import reverse

    from archive.models import Film, Person
    from archive.models.history import FOUND_REASONS
    from archive.views.lists import ArchiveListView

    quiet = io.StringIO()
    steps, started = {}, time.monotonic()

    def step(name):
        nonlocal started
        steps[name] = time.monotonic() - started
        started = time.monotonic()

    call_command("migrate", verbosity=0, stdout=quiet)
    step("migrate")
    call_command("collectstatic", interactive=False, verbosity=0, stdout=quiet)
    step("collectstatic")
    soaked_before = User.objects.filter(username__startswith=USER_PREFIX).exists()
    if Film.objects.exists() and not soaked_before:
        sys.exit(
            "This database holds an archive that no soak made, and the soak edits records: "
            "point --database-url at a scratch database."
        )
    if not Film.objects.exists():
        call_command("loaddata", FIXTURE, verbosity=0, stdout=quiet)
        call_command(
            "generate_archive", films=films, seed=1, verbosity=0, stdout=quiet, stderr=quiet
        )
        step("archive")

    group = Group.objects.get(name="Editors")
    hashed = make_password(password)  # one slow hash for every account
    with transaction.atomic():
        for number in range(1, writers + 1):
            user, _ = User.objects.update_or_create(
                username=f"{USER_PREFIX}{number}",
                defaults={"is_staff": True, "is_active": True, "password": hashed},
            )
            user.groups.add(group)

    def target(record, field, separator):
        model = record._meta.model_name
        history = type(record).history.filter(id=record.pk)
        return {
            "model": model,
            "pk": record.pk,
            "label": str(record),
            "field": field,
            "separator": separator,
            "form": f"{model}_form",
            "admin": reverse(f"admin:archive_{model}_change", args=[record.pk]),
            "public": record.get_absolute_url(),
            "version": record.version,
            "changes": history.exclude(history_change_reason__in=FOUND_REASONS).count(),
        }

    shared = Film.objects.get(slug=SHARED_FILM)
    needed = writers * per_writer
    own_films = list(Film.objects.exclude(pk=shared.pk).order_by("pk")[:needed])
    own_people = list(Person.objects.order_by("pk")[:needed])
    if len(own_films) < needed or len(own_people) < needed:
        sys.exit(f"The archive has too few films or people for {writers} writers.")
    plans = [
        [target(film, "summary", " ") for film in own_films[number::writers]]
        + [target(person, "other_names", "\n") for person in own_people[number::writers]]
        for number in range(writers)
    ]

    film_count = Film.objects.count()
    words = sorted(
        {
            word
            for title in Film.objects.order_by("pk").values_list("title_folded", flat=True)[:200]
            for word in title.split()
            if len(word) >= 4
        }
    )
    films_url = reverse("archive:film-list")
    people_url = reverse("archive:person-list")
    urls = [
        reverse("archive:home"),
        films_url,
        f"{films_url}?country=KR",
        f"{films_url}?year_min=1990&year_max=2010",
        f"{films_url}?country=KR&format=csv",
        people_url,
        reverse("archive:adaptation-list"),
        reverse("archive:award-list"),
        shared.get_absolute_url(),
        f"{shared.get_absolute_url()}?format=json",
    ]
    if film_count > ArchiveListView.paginate_by:
        urls.append(f"{films_url}?page=2")
    urls += [f"{films_url}?q={urllib.parse.quote(word)}" for word in words[:8]]
    urls += [f"{people_url}?q={urllib.parse.quote(word)}" for word in words[8:12]]
    urls += [film.get_absolute_url() for film in Film.objects.order_by("-pk")[:10]]
    urls += [person.get_absolute_url() for person in Person.objects.order_by("-pk")[:10]]
    return {
        "login": reverse("admin:login"),
        "shared": target(shared, "summary", " "),
        "plans": plans,
        "urls": urls,
        "films": film_count,
        "people": Person.objects.count(),
        "steps": steps,
    }


def verify(targets, accepted, refused):
    """Runs in Django: every accepted save is in its record, no refused save is, and the
    record's version and its edit history counted exactly the accepted saves."""
    from archive.models import Film, Person
    from archive.models.history import FOUND_REASONS

    models = {"film": Film, "person": Person}
    saved, not_saved = defaultdict(list), defaultdict(list)
    for write in accepted:
        saved[(write["model"], write["pk"])].append(write["marker"])
    for write in refused:
        not_saved[(write["model"], write["pk"])].append(write["marker"])
    failures = []
    for target in targets:
        key = (target["model"], target["pk"])
        model = models[target["model"]]
        record = model.objects.get(pk=target["pk"])
        text = getattr(record, target["field"])
        markers = saved[key]
        missing = [marker for marker in markers if marker not in text]
        if missing:
            failures.append(
                f"{target['label']}: {len(missing)} of {len(markers)} accepted saves are "
                f"missing from the database (first: {missing[0]})"
            )
        kept = [marker for marker in not_saved[key] if marker in text]
        if kept:
            failures.append(f"{target['label']}: {len(kept)} refused saves are in the database")
        if record.version != target["version"] + len(markers):
            failures.append(
                f"{target['label']}: version {record.version}, expected "
                f"{target['version']} + {len(markers)} accepted saves"
            )
        changes = (
            model.history.filter(id=record.pk)
            .exclude(history_change_reason__in=FOUND_REASONS)
            .count()
        )
        if changes - target["changes"] != len(markers):
            failures.append(
                f"{target['label']}: {changes - target['changes']} versions in the edit "
                f"history for {len(markers)} accepted saves"
            )
    return {"failures": failures, "records": len(targets)}


TASKS = {"prepare": prepare, "verify": verify}


# The server -------------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn as ``make serve`` runs it (gunicorn.conf.py, config.wsgi) on a free loopback
    port; its standard error, gunicorn's log and Django's, goes to ``log_path``."""

    def __init__(self, env, workers, log_path):
        self.env = env
        self.workers = workers
        self.log_path = log_path
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        command = [
            PYTHON,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
        ]
        with open(self.log_path, "w") as log_file:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=log_file,
                start_new_session=True,
            )
        try:
            self.wait_ready()
        except SoakError:
            self.__exit__()
            raise
        return self

    def wait_ready(self, seconds=60):
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with opener.open(f"{self.base}/", timeout=5) as response:
                    if response.status == 200:
                        return
            except (OSError, http.client.HTTPException):
                time.sleep(0.2)
        log = Path(self.log_path).read_text(errors="replace")[-3000:]
        raise SoakError(f"gunicorn did not answer on {self.base} in {seconds} s:\n{log}")

    def __exit__(self, *exc):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


# The clients ------------------------------------------------------------------------------


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a save answers 302: the client looks at it, not where it leads


class Answer:
    def __init__(self, status, location, text):
        self.status = status
        self.location = location
        self.text = text


class Tally:
    """What one client saw: latencies by kind, statuses, failures."""

    def __init__(self):
        self.latency = {kind: [] for kind in KINDS}
        self.statuses = Counter()
        self.failures = []
        self.failure_count = 0
        self.server_errors = 0
        self.locked = 0
        self.stale = 0
        self.accepted = []
        self.refused = []

    def fail(self, message):
        self.failure_count += 1
        if len(self.failures) < 20:
            self.failures.append(message)

    def as_json(self):
        return {
            key: value if not isinstance(value, Counter) else dict(value)
            for key, value in vars(self).items()
        }


class Browser:
    """One visitor with its own cookies; no proxy; redirects are answers, not followed."""

    def __init__(self, base, tally):
        self.base = base
        self.tally = tally
        self.opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}),
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            _KeepRedirects(),
        )

    def request(self, kind, path, fields=None):
        """The answer to a GET, or to a POST of ``fields``; None when none came. Its time
        counts in the latencies of ``kind`` (one of :data:`KINDS`, or None)."""
        body = None if fields is None else urllib.parse.urlencode(fields).encode()
        method = "GET" if body is None else "POST"
        started = time.perf_counter()
        try:
            with self.opener.open(self.base + path, body, timeout=REQUEST_TIMEOUT) as response:
                status, headers, content = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, headers, content = error.code, error.headers, error.read()
        except (OSError, http.client.HTTPException) as error:
            self.tally.fail(f"{method} {path}: no answer ({error!r})")
            return None
        if kind is not None:
            self.tally.latency[kind].append((time.perf_counter() - started) * 1000)
        self.tally.statuses[str(status)] += 1
        text = content.decode("utf-8", "replace")
        if status >= 500:
            self.tally.server_errors += 1
            self.tally.fail(f"{method} {path}: {status}")
        if LOCKED in text:
            self.tally.locked += 1
            self.tally.fail(f"{method} {path}: '{LOCKED}' in the answer")
        return Answer(status, headers.get("Location", ""), text)


class FormFields(HTMLParser):
    """The name/value pairs a browser submits for the form with id ``form_id``."""

    SKIPPED_TYPES = {"submit", "button", "image", "reset", "file"}

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.found = False
        self.pairs = []
        self.select = None
        self.option = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.inside = attributes.get("id") == self.form_id
            self.found = self.found or self.inside
        elif not self.inside:
            return
        elif tag == "input":
            self.add_input(attributes)
        elif tag == "select":
            self.select = {
                "name": attributes.get("name"),
                "multiple": "multiple" in attributes,
                "disabled": "disabled" in attributes,
                "options": [],
            }
        elif tag == "option" and self.select is not None:
            self.close_option()
            self.option = {
                "value": attributes.get("value"),
                "selected": "selected" in attributes,
                "text": "",
            }
        elif tag == "textarea":
            disabled = "disabled" in attributes
            self.textarea = {"name": None if disabled else attributes.get("name"), "text": []}

    def add_input(self, attributes):
        kind = (attributes.get("type") or "text").lower()
        name = attributes.get("name")
        if not name or "disabled" in attributes or kind in self.SKIPPED_TYPES:
            return
        if kind in ("checkbox", "radio"):
            if "checked" in attributes:
                self.pairs.append((name, attributes.get("value") or "on"))
        else:
            self.pairs.append((name, attributes.get("value") or ""))

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea["text"].append(data)
        elif self.option is not None:
            self.option["text"] += data

    def close_option(self):
        if self.option is not None:
            value = self.option["value"]
            self.option["value"] = self.option["text"].strip() if value is None else value
            self.select["options"].append(self.option)
            self.option = None

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "option" and self.select is not None:
            self.close_option()
        elif tag == "select" and self.select is not None:
            self.close_option()
            select, self.select = self.select, None
            if not select["name"] or select["disabled"]:
                return
            chosen = [option for option in select["options"] if option["selected"]]
            if not chosen and not select["multiple"] and select["options"]:
                chosen = select["options"][:1]
            self.pairs += [(select["name"], option["value"]) for option in chosen]
        elif tag == "textarea" and self.textarea is not None:
            text = "".join(self.textarea["text"])
            # A browser drops the newline that follows <textarea> (Django writes one).
            text = text[2:] if text.startswith("\r\n") else text.removeprefix("\n")
            if self.textarea["name"]:
                self.pairs.append((self.textarea["name"], text))
            self.textarea = None


def form_fields(page, form_id):
    """The fields of form ``form_id`` in ``page`` as a browser posts them, or None."""
    parser = FormFields(form_id)
    parser.feed(page)
    parser.close()
    return parser.pairs if parser.found else None


def sign_in(browser, login_path, username, password):
    answer = browser.request(None, login_path)
    fields = form_fields(answer.text, "login-form") if answer else None
    if not fields:
        raise SoakError(f"no sign-in form at {login_path}")
    fields = [
        (name, {"username": username, "password": password}.get(name, value))
        for name, value in fields
    ]
    answer = browser.request(None, login_path, fields)
    if answer is None or answer.status != 302 or "login" in answer.location:
        raise SoakError(f"{username} could not sign in ({answer and answer.status})")


def reader(spec, tally):
    browser = Browser(spec["base"], tally)
    rng = random.Random(spec["seed"])
    urls = list(spec["urls"])
    while True:
        rng.shuffle(urls)
        for url in urls:
            if time.time() >= spec["stop_at"]:
                return
            answer = browser.request("read", url)
            if answer is not None and answer.status != 200:
                tally.fail(f"GET {url}: {answer.status}")


class Writer:
    """An editor: signs in, edits its own records, and the shared film now and then."""

    def __init__(self, spec, tally):
        self.spec = spec
        self.tally = tally
        self.browser = Browser(spec["base"], tally)
        self.visitor = Browser(spec["base"], tally)  # anonymous: reads through the cache
        self.rng = random.Random(spec["seed"])
        self.saves = 0

    def marker(self):
        """Unique in the run, and never part of another (``-w1-1]`` is not in ``-w1-12]``);
        brackets pass HTML escaping unchanged, so a public page shows it as it is."""
        self.saves += 1
        return f"[{self.spec['run']}-{self.spec['name']}-{self.saves}]"

    def open(self, target):
        answer = self.browser.request("form", target["admin"])
        if answer is None:
            return None
        fields = form_fields(answer.text, target["form"]) if answer.status == 200 else None
        if not fields or not any(name == "opened_version" for name, _ in fields):
            self.tally.fail(f"GET {target['admin']}: {answer.status}, no change form")
            return None
        return fields

    def save(self, target, fields, own):
        """'accepted', 'refused' (an edit conflict) or None (a failure)."""
        marker = self.marker()
        name, separator = target["field"], target["separator"]
        fields = [
            (key, f"{value}{separator}{marker}" if value else marker)
            if key == name
            else (key, value)
            for key, value in fields
        ]
        fields.append(("_save", "Save"))
        write = {"model": target["model"], "pk": target["pk"], "marker": marker}
        answer = self.browser.request("save", target["admin"], fields)
        if answer is None:
            return None
        if answer.status == 302 and "login" not in answer.location:
            self.tally.accepted.append(write)
            if own:
                self.read_back(target, marker)
            return "accepted"
        if answer.status == 200 and CONFLICT in answer.text:
            self.tally.refused.append(write)
            if own:
                self.tally.fail(f"{target['label']}: a save of the writer's own record refused")
            return "refused"
        error = ERROR_ITEM.search(answer.text)
        reason = html.unescape(error.group(1)) if error else "no form error shown"
        self.tally.fail(f"POST {target['admin']}: {answer.status} ({reason})")
        return None

    def read_back(self, target, marker):
        answer = self.visitor.request("read", target["public"])
        if answer is not None and answer.status == 200 and marker not in answer.text:
            self.tally.stale += 1
            self.tally.fail(f"GET {target['public']}: the page does not show the saved {marker}")
        elif answer is not None and answer.status != 200:
            self.tally.fail(f"GET {target['public']}: {answer.status}")

    def two_tabs(self, shared):
        """Open the shared film twice, save both: once the first tab's save is accepted, the
        second tab is stale and its save must be refused.

        When the first save is refused (another writer saved between the first opening and
        this save), the second tab may have been opened after that writer's save and be
        up to date, so its save may be accepted: then nothing is proved either way, and
        :func:`verify` still checks that every accepted save is stored and no refused one.
        """
        first, second = self.open(shared), self.open(shared)
        if first is None or second is None:
            return
        if self.save(shared, first, own=False) != "accepted":
            self.save(shared, second, own=False)
        elif self.save(shared, second, own=False) == "accepted":
            opened = dict(second).get("opened_version")
            self.tally.fail(
                f"{shared['label']}: a save from a stale tab (opened at version {opened}, "
                "before the other tab's accepted save) was accepted"
            )

    def run(self):
        """Turn 1 saves an own record, turn 2 the shared film from two tabs, then every
        fifth turn the shared film, the others the own records in turn. The first two
        turns are always made, even past the deadline: so each writer has at least one
        accepted and one refused save, however slow the machine."""
        spec = self.spec
        sign_in(self.browser, spec["login"], spec["username"], spec["password"])
        shared, targets = spec["shared"], spec["targets"]
        turn = 0
        while turn < 2 or time.time() < spec["stop_at"]:
            turn += 1
            if turn == 2:
                self.two_tabs(shared)
            elif turn % SHARED_EVERY == 0:
                fields = self.open(shared)
                if fields is not None:
                    time.sleep(self.rng.uniform(0, 0.3))  # another writer may save meanwhile
                    self.save(shared, fields, own=False)
            else:
                target = targets[turn % len(targets)]
                fields = self.open(target)
                if fields is not None:
                    self.save(target, fields, own=True)


def client_main():
    """A client process: runs the spec given as argument, prints its tally as JSON."""
    spec = json.loads(sys.argv[1])
    tally = Tally()
    try:
        if spec["role"] == "reader":
            reader(spec, tally)
        else:
            Writer(spec, tally).run()
    except Exception as error:  # the tally says so; the run fails
        traceback.print_exc()
        tally.fail(f"{spec['name']} stopped: {error!r}")
    print(json.dumps(tally.as_json()))


def start_client(spec):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [PYTHON, "-c", "import benchmarks.soak as soak; soak.client_main()", json.dumps(spec)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )


# The run ----------------------------------------------------------------------------------


def percentile(values, fraction):
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))]


def default_workers():
    return (os.cpu_count() or 1) * 2 + 1  # gunicorn.conf.py's rule


def run(
    database_url=None,
    duration=60,
    workers=None,
    readers=2,
    writers=3,
    per_writer=4,
    films=40,
    log=log_to_stderr,
):
    """Soak the archive; returns the figures and ``failures`` (empty when all is well)."""
    workers = workers or default_workers()
    run_id = f"soak{secrets.token_hex(3)}"
    password = secrets.token_urlsafe(18)
    report = {
        "database": None,
        "duration": duration,
        "workers": workers,
        "readers": readers,
        "writers": writers,
        "failures": [],
    }
    with scratch_database(database_url) as url, tempfile.TemporaryDirectory() as folder:
        report["database"] = "PostgreSQL" if is_postgres(url) else "SQLite"
        env = server_env(url, secrets.token_urlsafe(50))
        log(f"[soak] preparing {report['database']}: migrate, fixture, archive, static files")
        started = time.monotonic()
        plan = in_django(
            env, "prepare", writers=writers, per_writer=per_writer, films=films, password=password
        )
        report.update(
            setup_seconds=time.monotonic() - started,
            setup_steps=plan["steps"],
            films=plan["films"],
            people=plan["people"],
        )
        log_path = Path(folder) / "server.log"
        with Server(env, workers, log_path) as server:
            log(f"[soak] gunicorn, {workers} workers, on {server.base}: {duration} s of load")
            stop_at = time.time() + duration
            common = {"base": server.base, "stop_at": stop_at, "run": run_id}
            specs = [
                {**common, "role": "reader", "name": f"r{n}", "seed": n, "urls": plan["urls"]}
                for n in range(1, readers + 1)
            ] + [
                {
                    **common,
                    "role": "writer",
                    "name": f"w{n}",
                    "seed": 1000 + n,
                    "login": plan["login"],
                    "username": f"{USER_PREFIX}{n}",
                    "password": password,
                    "shared": plan["shared"],
                    "targets": plan["plans"][n - 1],
                }
                for n in range(1, writers + 1)
            ]
            load_started = time.monotonic()
            clients = [(spec["name"], start_client(spec)) for spec in specs]
            tallies = []
            for name, process in clients:
                wait = max(1, stop_at - time.time()) + 2 * REQUEST_TIMEOUT + 30
                try:
                    out, _ = process.communicate(timeout=wait)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.communicate()
                    report["failures"].append(f"client {name} did not finish in time")
                    continue
                if process.returncode != 0 or not out.strip():
                    report["failures"].append(f"client {name} exited with {process.returncode}")
                    continue
                tallies.append(json.loads(out.strip().splitlines()[-1]))
            report["elapsed"] = time.monotonic() - load_started
        server_log = log_path.read_text(errors="replace")
        accepted = [write for tally in tallies for write in tally["accepted"]]
        refused = [write for tally in tallies for write in tally["refused"]]
        log(f"[soak] verifying {len(accepted)} accepted and {len(refused)} refused saves")
        targets = [plan["shared"], *(target for own in plan["plans"] for target in own)]
        checked = in_django(env, "verify", targets=targets, accepted=accepted, refused=refused)
    summarize(report, tallies, accepted, refused, checked, server_log)
    return report


def summarize(report, tallies, accepted, refused, checked, server_log):
    latency = {
        kind: [value for tally in tallies for value in tally["latency"][kind]] for kind in KINDS
    }
    statuses = Counter()
    for tally in tallies:
        statuses.update(tally["statuses"])
    report.update(
        requests=sum(statuses.values()),
        statuses=dict(sorted(statuses.items())),
        reads=len(latency["read"]),
        forms=len(latency["form"]),
        saves=len(latency["save"]),
        accepted=len(accepted),
        refused=len(refused),
        server_errors=sum(tally["server_errors"] for tally in tallies),
        locked=sum(tally["locked"] for tally in tallies),
        stale=sum(tally["stale"] for tally in tallies),
        errors=sum(tally["failure_count"] for tally in tallies),
        verified_records=checked["records"],
        latency={
            kind: {"p50": percentile(values, 0.50), "p99": percentile(values, 0.99)}
            for kind, values in latency.items()
        },
    )
    failures = report["failures"]
    for tally in tallies:
        failures += tally["failures"]
    failures += checked["failures"]
    report["unsaved"] = checked["failures"]
    alarms = [line for line in server_log.splitlines() if any(a in line for a in LOG_ALARMS)]
    if alarms:
        failures.append(f"{len(alarms)} alarming lines in the server's log, first: {alarms[0]}")
    report["server_log_alarms"] = alarms[:20]
    if report["reads"] == 0 or report["accepted"] == 0:
        failures.append("the run read or saved nothing: it proves nothing")


def render(report):
    elapsed = report.get("elapsed") or report["duration"]

    def line(label, count, kind=None):
        text = f"{label:<14} {count:>8,}  {count / elapsed:8.1f}/s"
        if kind:
            figures = report["latency"][kind]
            text += f"   p50 {figures['p50']:7.1f} ms   p99 {figures['p99']:7.1f} ms"
        return text

    lines = [
        f"Soak on {report['database']} ({report['films']:,} films, {report['people']:,} "
        f"people): {elapsed:.0f} s, gunicorn with {report['workers']} sync workers, "
        f"{report['readers']} readers and {report['writers']} writers, "
        f"{os.cpu_count()} cores shared by all",
        f"{'setup':<14} {report['setup_seconds']:.0f} s ("
        + ", ".join(f"{name} {seconds:.0f} s" for name, seconds in report["setup_steps"].items())
        + ")",
        line("requests", report["requests"]),
        line("public reads", report["reads"], "read"),
        line("admin forms", report["forms"], "form"),
        line("saves", report["saves"], "save"),
        f"{'':<14} {report['accepted']:,} accepted, {report['refused']:,} refused as edit "
        "conflicts",
        f"{'statuses':<14} "
        + ", ".join(f"{status}: {count:,}" for status, count in report["statuses"].items()),
        f"{'errors':<14} {report['errors']:,} (5xx: {report['server_errors']}, "
        f"'{LOCKED}': {report['locked']}, stale public pages: {report['stale']})",
        f"{'verified':<14} {report['verified_records']} records: every accepted save stored, "
        "no refused one, versions and history counted"
        if not report["failures"]
        else f"{'FAILED':<14} " + "\n               ".join(report["failures"][:20]),
    ]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds of load (60)")
    parser.add_argument(
        "--database-url",
        help="the database to soak (default: a temporary SQLite file); a PostgreSQL "
        "database that does not exist is created and dropped afterwards",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=default_workers(),
        help=f"gunicorn sync workers ({default_workers()}: 2 × cores + 1)",
    )
    parser.add_argument("--readers", type=int, default=2, help="reading processes (2)")
    parser.add_argument("--writers", type=int, default=3, help="editing processes (3)")
    parser.add_argument(
        "--films", type=int, default=40, help="films generated into a new database (40)"
    )
    args = parser.parse_args()
    if min(args.duration, args.workers, args.readers, args.writers, args.films) < 1:
        parser.error("--duration, --workers, --readers, --writers and --films must be at least 1")
    try:
        report = run(
            database_url=args.database_url,
            duration=args.duration,
            workers=args.workers,
            readers=args.readers,
            writers=args.writers,
            films=args.films,
        )
    except SoakError as error:
        sys.exit(f"soak: {error}")
    print(render(report))
    sys.exit(1 if report["failures"] else 0)


if __name__ == "__main__":
    main()
