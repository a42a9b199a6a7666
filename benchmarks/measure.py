"""Run by bench.py inside Django: CPU time per request of each benchmark page, in-process.

``python -m benchmarks.measure`` (with ``DATABASE_URL`` set) asks every page through the
whole middleware stack with Django's test client, page cache off, count cache on
(benchmarks/settings.py), and prints one JSON object: for each page its path, status,
query count, size, and the medians of CPU time (``time.process_time``) and wall time per
request.

The pages are asked in rounds, every page once or more in each round, so that a slow spell
of the (shared) machine weighs on every page alike and the ratios to the bare view stay
fair. Cheap pages are asked several times a round, to get as many samples as the others'
time allows. ``--profile KEY`` instead prints where one page spends its CPU time.

``--admin`` measures the admin's pages instead (benchmarks/prepare.py, ``admin_pages``),
asked by a client signed in as a superuser, in the same way.
"""

import argparse
import cProfile
import json
import os
import pstats
import re
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from benchmarks import prepare  # noqa: E402

#: The reference: 25 films from one query, a plain template (benchmarks/urls.py).
BARE = "bare view"
REFERENCES = {
    BARE: ("/bench/rows/", "bare view: 25 films, one query"),
    "constant template": ("/bench/ceiling/", "bare view: constant template, no query"),
}
#: The project's root, to tell its own functions (archive/, templates/) in a profile.
PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep
#: CPU seconds of requests a page gets in a round, at least one request, at most MAX_REPEAT.
ROUND_SHARE = 0.05
MAX_REPEAT = 20


def all_pages():
    return {**REFERENCES, **prepare.pages()}


def pages_and_client(admin):
    """The pages to ask and who asks them: a visitor, or for ``admin`` a superuser."""
    if admin:
        return prepare.admin_pages(), prepare.admin_client()
    return all_pages(), Client()


def ask(client, path):
    """One request, its body read in full (an export streams); the status and the body."""
    response = client.get(path, secure=True)
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    return response.status_code, body


def timed(client, path):
    cpu, wall = time.process_time(), time.perf_counter()
    status, body = ask(client, path)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    if status != 200:
        sys.exit(f"{path} answered {status}: the benchmark measures only pages that work")
    return cpu, wall, body


def query_count(client, path):
    """How many queries one request makes, and how many of them repeat an earlier one."""
    with CaptureQueriesContext(connection) as queries:
        ask(client, path)
    statements = [query["sql"] for query in queries]
    return len(statements), len(statements) - len(set(statements))


def measure(pages, client, rounds, warmup):
    samples = {key: ([], []) for key in pages}
    last = {}
    facts = {}
    for key, (path, label) in pages.items():
        for _ in range(warmup):
            last[key], _, body = timed(client, path)
        facts[key] = {
            "path": path,
            "label": label,
            "bytes": len(body),
            "lines": body.count(b"\n"),
        }
        facts[key]["queries"], facts[key]["repeated"] = query_count(client, path)
    for _ in range(rounds):
        for key, (path, _) in pages.items():
            repeat = max(1, min(MAX_REPEAT, int(ROUND_SHARE / max(last[key], 1e-6))))
            for _ in range(repeat):
                cpu, wall, _ = timed(client, path)
                samples[key][0].append(cpu)
                samples[key][1].append(wall)
            last[key] = statistics.median(samples[key][0])
    for key, (cpu, wall) in samples.items():
        facts[key].update(
            requests=len(cpu),
            cpu_ms=statistics.median(cpu) * 1000,
            wall_ms=statistics.median(wall) * 1000,
        )
    return facts


def queries_only(pages, client):
    facts = {}
    for key, (path, label) in pages.items():
        ask(client, path)  # fills the count cache, as it is between two visits
        count, repeated = query_count(client, path)
        facts[key] = {"path": path, "label": label, "queries": count, "repeated": repeated}
    return facts


def profile(pages, client, key, requests, warmup, top):
    """The ``top`` functions by cumulative CPU time over ``requests`` requests of one page.

    Functions whose cumulative time is nearly the whole request (the handler and the
    middleware wrapping the view) are left out: they say nothing about where time goes.
    """
    path = pages[key][0]
    for _ in range(warmup):
        timed(client, path)
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for _ in range(requests):
        ask(client, path)
    profiler.disable()
    stats = pstats.Stats(profiler).get_stats_profile()
    total = stats.total_tt
    rows = [
        (name, func)
        for name, func in sorted(stats.func_profiles.items(), key=lambda item: -item[1].cumtime)
        if func.cumtime <= 0.9 * total
    ]
    ours = [
        (name, func)
        for name, func in rows
        if func.file_name.startswith(PROJECT) and "site-packages" not in func.file_name
    ]
    return "\n".join(
        [
            f"{key} `{path}`: {requests} requests, {total / requests * 1000:.1f} ms CPU each "
            "under the profiler. Per request, the top functions by cumulative time:",
            "",
            *profile_table(rows[:top], requests),
            "",
            "and the project's own functions among them:",
            "",
            *profile_table(ours[: max(5, top // 2)], requests),
        ]
    )


def profile_table(rows, requests):
    lines = ["| cumulative ms | own ms | calls | function |", "|---:|---:|---:|---|"]
    for name, func in rows:
        where = short_path(func.file_name)
        label = f"{where}:{func.line_number} {name}" if where != "~" else name
        label = re.sub(r" at 0x[0-9a-f]+", "", label)  # an address differs in every run
        calls = int(str(func.ncalls).split("/")[0]) / requests
        lines.append(
            f"| {func.cumtime / requests * 1000:.1f} | {func.tottime / requests * 1000:.1f} "
            f"| {calls:g} | `{label}` |"
        )
    return lines


def short_path(file_name):
    """A source file's path from its package down (site-packages/ or the project dropped)."""
    for marker in ("site-packages/", "lib/python3."):
        if marker in file_name:
            file_name = file_name.split(marker, 1)[1]
            if marker.startswith("lib/"):
                file_name = file_name.split("/", 1)[-1]
            return file_name
    return file_name.removeprefix(PROJECT)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=3, help="unmeasured requests per page")
    parser.add_argument("--queries-only", action="store_true")
    parser.add_argument("--profile", metavar="PAGE", help="a page's key, e.g. 'person page'")
    parser.add_argument("--profile-requests", type=int, default=5)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--admin", action="store_true", help="the admin's pages instead")
    args = parser.parse_args()
    pages, client = pages_and_client(args.admin)
    if args.profile:
        if args.profile not in pages:
            sys.exit(f"--profile: no page {args.profile!r}; the pages: {', '.join(pages)}")
        report = profile(pages, client, args.profile, args.profile_requests, args.warmup, args.top)
        print(report)
        return
    if args.queries_only:
        facts = queries_only(pages, client)
    else:
        facts = measure(pages, client, args.rounds, args.warmup)
    print(json.dumps({"pages": facts, "database": database(), **prepare.archive_size()}))


def database():
    """The database and its version, e.g. "sqlite 3.40.1" or "postgresql 15.8"."""
    query = "SELECT sqlite_version()" if connection.vendor == "sqlite" else "SHOW server_version"
    with connection.cursor() as cursor:
        cursor.execute(query)
        return f"{connection.vendor} {cursor.fetchone()[0]}"


if __name__ == "__main__":
    main()
