"""`make cluster-test`: the several-machines shape, started for real on this machine.

1. Under one temporary folder, on free loopback ports: a PostgreSQL primary (``initdb``),
   a streaming replica of it (``pg_basebackup -R``), a Redis, and two gunicorn servers, A
   and B, with ``DATABASE_URL`` (the primary), ``DATABASE_REPLICA_URLS`` (the replica) and
   ``REDIS_URL``, debug off, the page cache on. The archive is migrated on the primary and
   holds the seed fixture and a small generated archive.
2. Checks, each of which fails the run when it does not hold:
   - **one archive across servers**: B's public page of a film is in the page cache (a
     hit); an editor saves the film through A's admin; B's very next answer shows it;
   - **reads on the replica**: anonymous public pages through both servers; the SELECT
     statements counted by ``pg_stat_statements`` on the replica and on the primary give
     the replica's share of the reads, which must be the greater;
   - **replica down**: with the replica stopped, anonymous pages (not in the page cache)
     still answer 200, from the primary; it measures the time from the stop to the first
     answer and the slowest answer after it;
   - **Redis down**: with Redis stopped, pages still answer 200 and the editor, still
     signed in (sessions are in the database), saves again; B shows that save and the
     primary holds both saves.
3. Stops everything it started and removes the folder, on success, failure or time-out
   (``--timeout``), and prints what it measured. Exit status 1 on a failed check.

Run as root it runs PostgreSQL's programs as the ``postgres`` user. Nothing listens on
anything but 127.0.0.1.
"""

import argparse
import os
import secrets
import signal
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.clustering.services import (
    PostgresServer,
    Redis,
    give_to_postgres,
    reads,
    remove,
)
from benchmarks.soaking.browser import Browser, Tally, form_fields, sign_in
from benchmarks.soaking.common import SoakError, log_to_stderr
from benchmarks.soaking.database import server_env
from benchmarks.soaking.server import Server
from benchmarks.soaking.tasks import in_django

WORKERS = 2  # per app server: the machine runs two servers and two databases at once
#: Public pages (none yet in the page cache) read through each server to count the reads.
READ_PAGES = 20


class TimedOut(Exception):
    pass


def fetch(base, path):
    """(status, X-Page-Cache, text, seconds) of an anonymous GET, without cookies."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    started = time.perf_counter()
    try:
        with opener.open(base + path, timeout=30) as response:
            status, headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, error.headers, error.read()
    except OSError:
        return None, "", "", time.perf_counter() - started
    text = body.decode("utf-8", "replace")
    return status, headers.get("X-Page-Cache", ""), text, time.perf_counter() - started


class Editor:
    """An editor signed in on one server, saving a film's summary through the admin."""

    def __init__(self, base, plan, password):
        self.tally = Tally()
        self.browser = Browser(base, self.tally)
        self.target = plan["shared"]
        sign_in(self.browser, plan["login"], "soak-editor-1", password)

    def save(self, marker):
        target = self.target
        answer = self.browser.request(None, target["admin"])
        fields = form_fields(answer.text, target["form"]) if answer else None
        if not fields:
            raise SoakError(f"no change form at {target['admin']}")
        fields = [
            (name, f"{value} {marker}" if name == target["field"] else value)
            for name, value in fields
        ] + [("_save", "Save")]
        answer = self.browser.request(None, target["admin"], fields)
        return answer is not None and answer.status == 302


def check_edit_across_servers(report, a, b, editor, run_id):
    public = editor.target["public"]
    fetch(b.base, public)
    status, cached, _, _ = fetch(b.base, public)
    report.check(
        status == 200 and cached == "hit", f"B's film page is in the page cache ({cached})"
    )
    marker = f"[{run_id}-a]"
    saved = editor.save(marker)
    report.check(saved, "the editor's save through A is accepted")
    started = time.perf_counter()
    status, cached, text, _ = fetch(b.base, public)
    seen = status == 200 and marker in text
    report.check(seen, "B's next answer shows the save made through A")
    report.figures["edit seen on B"] = (
        f"on the first request after the save ({(time.perf_counter() - started) * 1000:.0f} ms,"
        f" page cache {cached or 'not used'})"
    )
    return marker


def check_replica_reads(report, a, b, primary, replica, urls):
    replica_before, primary_before = reads(replica), reads(primary)
    statuses = [fetch(server.base, url)[0] for url in urls for server in (a, b)]
    replica_reads = reads(replica)[0] - replica_before[0]
    primary_after = reads(primary)
    primary_reads = primary_after[0] - primary_before[0]
    versions = primary_after[1] - primary_before[1]
    share = replica_reads / max(1, replica_reads + primary_reads)
    report.check(all(s == 200 for s in statuses), f"{len(statuses)} public pages answer 200")
    report.check(share > 0.5, "most reads of anonymous pages go to the replica")
    report.figures["replica share of reads"] = (
        f"{share:.0%} ({replica_reads} SELECT statements on the replica, {primary_reads} on the "
        f"primary, of which {versions} read the archive's version) for {len(statuses)} pages"
    )


def check_replica_down(report, a, b, primary, replica, run_id):
    # Every worker opens its connection to the replica first, so the stop breaks them.
    for n in range(WORKERS * 3):
        for server in (a, b):
            fetch(server.base, f"/films/?q=warm{run_id}{n}")
    primary_before = reads(primary)[0]
    replica.stop(mode="immediate")
    stopped = time.perf_counter()
    first, slowest, statuses = None, 0.0, []
    for n in range(WORKERS * 6):
        for server in (a, b):
            status, _, _, seconds = fetch(server.base, f"/films/?q=down{run_id}{n}")
            statuses.append(status)
            slowest = max(slowest, seconds)
            if status == 200 and first is None:
                first = time.perf_counter() - stopped
    report.check(all(s == 200 for s in statuses), f"replica down: {len(statuses)} pages answer 200")
    report.check(reads(primary)[0] > primary_before, "replica down: the primary answers the reads")
    report.figures["failover (replica stopped)"] = (
        f"first answer {first * 1000 if first else float('nan'):.0f} ms after the stop, slowest "
        f"{slowest * 1000:.0f} ms, statuses {sorted(set(map(str, statuses)))}"
    )


def check_redis_down(report, a, b, primary, redis, editor, run_id, first_marker, urls):
    report.check(redis.keys() > 0, "the servers' cache lives in Redis")
    redis.stop()
    statuses, slowest = [], 0.0
    for url in urls[:10]:
        for server in (a, b):
            status, _, _, seconds = fetch(server.base, url)
            statuses.append(status)
            slowest = max(slowest, seconds)
    report.check(all(s == 200 for s in statuses), f"Redis down: {len(statuses)} pages answer 200")
    marker = f"[{run_id}-redis-down]"
    report.check(editor.save(marker), "Redis down: the editor is still signed in and saves")
    status, _, text, _ = fetch(b.base, editor.target["public"])
    report.check(status == 200 and marker in text, "Redis down: B shows the save made through A")
    (summary,) = primary.query(
        "SELECT summary FROM archive_film WHERE id = %s", editor.target["pk"]
    )
    kept = first_marker in summary and marker in summary
    report.check(kept, "nothing lost: the primary holds both saves")
    report.figures["Redis stopped"] = f"slowest page {slowest * 1000:.0f} ms, no save lost"


class Report:
    def __init__(self, log):
        self.log = log
        self.failures = []
        self.figures = {}

    def check(self, condition, what):
        self.log(f"[cluster] {'ok  ' if condition else 'FAIL'} {what}")
        if not condition:
            self.failures.append(what)

    def render(self):
        lines = ["Cluster test: primary + streaming replica, Redis, two gunicorn servers"]
        lines += [f"  {name}: {value}" for name, value in self.figures.items()]
        lines.append(
            "  result: "
            + ("all checks passed" if not self.failures else "FAILED: " + "; ".join(self.failures))
        )
        return "\n".join(lines)


def cluster_env(primary, replica, redis):
    env = server_env(primary.url(), secrets.token_urlsafe(50))
    env.pop("DATABASE_REPLICA_URLS", None)
    env.update(DATABASE_REPLICA_URLS=replica.url(), REDIS_URL=redis.url)
    return env


def run(log=log_to_stderr):
    report = Report(log)
    run_id = secrets.token_hex(3)
    password = secrets.token_urlsafe(18)
    folder = Path(tempfile.mkdtemp(prefix="cluster-test-"))
    os.chmod(folder, 0o755)  # PostgreSQL's user reaches its folder inside
    pg_folder = folder / "postgres"
    give_to_postgres(pg_folder)
    primary = PostgresServer(pg_folder, "primary")
    replica = PostgresServer(pg_folder, "replica")
    redis = Redis(folder)
    started = time.monotonic()
    try:
        log(f"[cluster] PostgreSQL primary on {primary.port}, replica on {replica.port}")
        primary.init_primary()
        replica.init_replica(primary)
        report.check(replica.query("SELECT pg_is_in_recovery()")[0], "the replica is a standby")
        (streaming,) = primary.query("SELECT count(*) FROM pg_stat_replication")
        report.check(streaming == 1, "the primary streams to the replica")
        redis.start()
        env = cluster_env(primary, replica, redis)
        log("[cluster] migrate, fixture, archive, static files, an editor")
        plan = in_django(env, "prepare", writers=1, per_writer=1, films=10, password=password)
        steps = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in plan["steps"].items())
        report.figures["set-up"] = f"{time.monotonic() - started:.1f} s ({steps})"
        with (
            Server(env, WORKERS, folder / "a.log") as a,
            Server(env, WORKERS, folder / "b.log") as b,
        ):
            log(f"[cluster] app server A on {a.base}, B on {b.base}")
            editor = Editor(a.base, plan, password)
            first = check_edit_across_servers(report, a, b, editor, run_id)
            check_replica_reads(report, a, b, primary, replica, plan["urls"][:READ_PAGES])
            check_replica_down(report, a, b, primary, replica, run_id)
            check_redis_down(report, a, b, primary, redis, editor, run_id, first, plan["urls"])
        logs = "".join((folder / f"{name}.log").read_text(errors="replace") for name in "ab")
        report.check("Internal Server Error" not in logs, "no server error in the servers' logs")
        report.figures["replica failures caught"] = (
            f"{logs.count('failed in a request')} during a request (answered again from the "
            f"primary), {logs.count('cannot be reached')} at a check"
        )
    finally:
        redis.stop()
        for server in (replica, primary):
            try:
                server.stop(mode="immediate")
            except SoakError as error:
                log(f"[cluster] {error}")
        remove(folder)
    report.figures["total"] = f"{time.monotonic() - started:.1f} s"
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=int, default=240, help="seconds for the whole run (240)")
    args = parser.parse_args()

    def out_of_time(signum, frame):
        raise TimedOut(f"the cluster test took longer than {args.timeout} s")

    signal.signal(signal.SIGALRM, out_of_time)
    signal.alarm(args.timeout)
    try:
        report = run()
    except (SoakError, TimedOut) as error:
        sys.exit(f"cluster test: {error}")
    finally:
        signal.alarm(0)
    print(report.render())
    sys.exit(1 if report.failures else 0)


if __name__ == "__main__":
    main()
