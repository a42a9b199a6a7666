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

This module runs the soak; its parts are in benchmarks/soaking/.
"""

import argparse
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Run as a script (`make soak`), Python puts benchmarks/ first on the path, not the project's
# root that the package below is imported from.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.soaking.browser import Browser, Tally, form_fields
from benchmarks.soaking.clients import Writer, start_client
from benchmarks.soaking.common import REQUEST_TIMEOUT, USER_PREFIX, SoakError, log_to_stderr
from benchmarks.soaking.database import is_postgres, scratch_database, server_env, sibling_database
from benchmarks.soaking.report import render, summarize
from benchmarks.soaking.server import Server
from benchmarks.soaking.tasks import in_django, verify

#: The soak as archive/tests/test_concurrency.py uses it.
__all__ = [
    "Browser",
    "Tally",
    "Writer",
    "form_fields",
    "is_postgres",
    "render",
    "run",
    "sibling_database",
    "verify",
]


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
