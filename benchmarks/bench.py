"""`make bench`: CPU time per request of each page, as a ratio to a bare view, in-process.

1. Makes (or reuses) a generated archive of --films films (seed fixture, then
   ``generate_archive --films N --seed 1``) on SQLite (benchmarks/data/archive.sqlite3)
   and on PostgreSQL (database ``archive_bench`` on 127.0.0.1, created if missing), and a
   smaller one of --small-films films beside it, to compare the query counts.
2. On each database, benchmarks/measure.py asks every page and the bare view (25 films,
   one query: benchmarks/urls.py) in rounds through the whole middleware stack with
   Django's test client, page cache off and count cache on as deployed, and takes the
   median CPU time (``time.process_time``) and wall time per request. On PostgreSQL the CPU
   time leaves out the server's work; the wall time includes it.
3. Prints the table (page, queries at both sizes, median CPU ms, ratio to the bare view,
   target, met?) and writes it, with the machine and the date, into docs/benchmarks.md,
   with a cProfile summary of every page that misses its target.

Every page is measured in every language (benchmarks/prepare.py): "home", "home (ko)",
"home (tr)", each with the English page's target.

``--profile PAGE`` only prints where that page spends its CPU time; ``--load`` adds a
short load test of the same pages under gunicorn with wrk (benchmarks/load.py).
The admin's film form is measured too, against the same film's form without its parts
(benchmarks/admin_forms.py), into a part of the docs of its own; ``--admin-only`` measures
only that, on any archive (``--films 2000``).
Run as ``python -m benchmarks.bench`` from the project's root (``make bench`` does).
"""

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

from benchmarks import admin_forms, load

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
PYTHON = sys.executable
PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_BENCH_DB = "archive_bench"
#: The size other engineers' tools expect under the plain names (archive.sqlite3, archive_bench).
DEFAULT_FILMS = 100_000
DOCS = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- make bench: start -->", "<!-- make bench: end -->"
#: The most each page's median CPU time may be, in multiples of the bare view's.
TARGETS = {
    "home": 3,
    "films": 6,
    "films filtered": 6,
    "search": 5,
    "search everything": 8,
    "suggestions": 3,
    "film page": 5,
    "person page": 10,
    "awards": 6,
    "CSV export": 25,
}


#: A page in another language: its English page's key and the language's code, "home (ko)".
IN_LANGUAGE = re.compile(r" \((?P<language>[a-z]{2,3}(?:-[a-z0-9]+)?)\)$")


def english_key(key):
    """The key of a page's English version: "home" for "home (ko)" (and for "home")."""
    return IN_LANGUAGE.sub("", key)


def target(key):
    """The most a page's median CPU time may be, in multiples of the bare view's: a page in
    another language has its English version's budget. None for the references."""
    return TARGETS.get(english_key(key))


def log(message):
    print(message, file=sys.stderr, flush=True)


def base_env(database_url, settings="config.settings"):
    """The environment of a child process: debug off, the deployed defaults, one database."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "GUNICORN_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE=settings,
        DJANGO_SECRET_KEY="benchmark-only-" + "x" * 40,
        DJANGO_LOG_LEVEL="ERROR",
        DATABASE_URL=database_url,
        PYTHONPATH=str(ROOT),
    )
    return env


def run(env, *args):
    """A Python child's output; its errors go to this process's stderr, to be read."""
    return subprocess.run(
        [PYTHON, *args], cwd=ROOT, env=env, check=True, text=True, stdout=subprocess.PIPE
    ).stdout


def manage(env, *args):
    return run(env, "manage.py", *args)


def measure(database_url, *args):
    """What benchmarks/measure.py prints, run on one database."""
    return run(base_env(database_url, "benchmarks.settings"), "-m", "benchmarks.measure", *args)


def measure_json(database_url, *args):
    return json.loads(measure(database_url, *args).strip().splitlines()[-1])


def film_count(env):
    code = "from archive.models import Film; print(Film.objects.count())"
    return int(manage(env, "shell", "-v", "0", "-c", code).strip() or 0)


def ensure_postgres_database(name):
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def database_url(engine, films):
    """Where the archive of ``films`` films lives: the default size under the plain names."""
    suffix = "" if films == DEFAULT_FILMS else f"-{films}"
    if engine == "sqlite":
        DATA.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{DATA / f'archive{suffix}.sqlite3'}"
    name = PG_BENCH_DB + suffix.replace("-", "_")
    ensure_postgres_database(name)
    return PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


def ensure_archive(url, films, seed):
    env = base_env(url)
    manage(env, "migrate", "-v", "0")
    count = film_count(env)
    if count >= films:
        log(f"  reusing {count:,} films at {url}")
        return
    if count == 0:
        manage(env, "loaddata", "-v", "0", "miracle_in_cell_no_7")
    log(f"  generate_archive --films {films} --seed {seed} at {url} (a few minutes)")
    started = time.monotonic()
    manage(env, "generate_archive", "--films", str(films), "--seed", str(seed))
    log(f"  generated in {time.monotonic() - started:.0f} s")


def machine():
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import django

    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} cores"
        f"{f' ({model})' if model else ''}, Python {platform.python_version()}, "
        f"Django {django.get_version()}"
    )


def load_average():
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def render_database(name, big, small):
    bare = big["pages"]["bare view"]
    queries_header = "queries"
    if small:
        queries_header += f" ({small['films']:,} / {big['films']:,} films)"
    lines = [
        f"### {name} ({big['database']}; {big['films']:,} films, {big['credits']:,} credits)",
        "",
        f"| page | {queries_header} | median CPU ms "
        "| ratio | target | met? | median wall ms | requests |",
        "|---|---|---:|---:|---:|---|---:|---:|",
    ]
    missed, grown, repeated = [], [], []
    for key, page in big["pages"].items():
        few = small["pages"][key]["queries"] if small else None
        queries = f"{few} / {page['queries']}" if small else str(page["queries"])
        if small and few != page["queries"]:
            queries += " **grows**" if few < page["queries"] else " **differs**"
            grown.append(key)
        if page["repeated"]:
            queries += f" ({page['repeated']} repeated)"
            repeated.append(key)
        ratio = page["cpu_ms"] / bare["cpu_ms"]
        budget = target(key)
        if budget is None:
            target_text = met = ""
        else:
            target_text = f"≤ {budget}×"
            met = "yes" if ratio <= budget else "**NO**"
            if ratio > budget:
                missed.append(key)
        label = page["label"]
        if english_key(key) == "CSV export":
            label += f" ({page['lines'] - 1:,} rows)"
        lines.append(
            f"| {label} | {queries} | {page['cpu_ms']:.1f} | {ratio:.1f}× | {target_text} "
            f"| {met} | {page['wall_ms']:.1f} | {page['requests']} |"
        )
    lines.append("")
    if grown:
        lines += [
            f"Finding: the query count of {', '.join(grown)} differs between the "
            f"{small['films']:,}- and the {big['films']:,}-film archives.",
            "",
        ]
    if repeated:
        lines += [
            "Finding: these pages run the same SQL more than once in one request "
            f'("repeated": the copies): {", ".join(repeated)}.',
            "",
        ]
    return lines, missed


def profiled(missed):
    """The pages to profile among those that ``missed`` their target: a page in another
    language only when its English version met its own (else the English profile says it,
    the code being the same)."""
    return [key for key in missed if english_key(key) == key or english_key(key) not in missed]


def render(results, profiles, args, started, load_text):
    lines = [
        START,
        "",
        f"Run of {started} UTC: {machine()}. Load average {results['load_before']} before "
        f"the run, {results['load_after']} after. `--rounds {args.rounds} --warmup "
        f"{args.warmup}`.",
        "",
    ]
    for name, (big, small) in results["databases"].items():
        table, _ = render_database(name, big, small)
        lines += table
    if profiles:
        lines += [
            "### Where the time goes in the pages that miss their target",
            "",
            "cProfile (`make bench ARGS=\"--profile 'PAGE'\"`), CPU time; functions whose "
            "cumulative time is nearly the whole request (handler, middleware) left out.",
            "",
        ]
        for (name, key), text in profiles.items():
            lines += [f"#### {name}: {key}", "", text.strip(), ""]
    if load_text:
        lines += [load_text.strip(), ""]
    lines.append(END)
    return "\n".join(lines) + "\n"


INTRO = """# Benchmarks

`make bench` (benchmarks/bench.py) measures the CPU time the server spends on each page,
in-process, as a ratio to a bare Django view that lists 25 films from one query
(benchmarks/urls.py), measured in the same run, on a generated archive of 100,000 films.

How it measures: every page goes through the whole middleware stack with Django's test
client (benchmarks/measure.py), with the deployed settings (debug off) except the page
cache, which is off (benchmarks/settings.py), so that every request builds its page; the
count cache is on, as deployed, and warm after a few unmeasured requests. The pages are
asked in rounds, each page once or more per round, and the table gives the median of
`time.process_time()` per request. SQLite runs inside the process, so there the CPU time
includes the database's work; on PostgreSQL it leaves out the database server's own work,
so the table also gives the median wall time. The query counts are
those of one request at each of two archive sizes; a count that differs between them grows
with the archive.

Every page is measured in each language of the archive: in English, then under `/ko/` and
`/tr/` (`home (ko)`, `film page (tr)`, ...), each with its English version's target.

The machine is shared and noisy: compare the ratios within one run, not the milliseconds
between runs.

Run it:

```
make bench                                 # both databases, writes this file's table
make bench ARGS="--databases sqlite"       # SQLite only
make bench ARGS="--profile 'person page'"  # where one page spends its time (cProfile)
make bench ARGS="--load"                   # also a short wrk load test under gunicorn
```

The first run generates the archives (a few minutes each): SQLite in
`benchmarks/data/archive.sqlite3` (and `archive-10000.sqlite3`), PostgreSQL in the
databases `archive_bench` and `archive_bench_10000` on 127.0.0.1; later runs reuse them.

## Last run

"""


def write_docs(section):
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else INTRO + START + "\n" + END
    head, rest = text.split(START, 1)
    tail = rest.split(END, 1)[1]
    DOCS.parent.mkdir(exist_ok=True)
    DOCS.write_text(head + section.rstrip("\n") + tail.rstrip("\n") + "\n", encoding="utf-8")


def bench_admin(chosen, engines, urls, args, measure_args, started):
    """The admin's film form against the same film's form without its parts, on every
    database; written to its part of the docs (benchmarks/admin_forms.py)."""
    before = load_average()
    databases = {}
    for engine in chosen:
        name = engines[engine]
        log(f"[{name}] the admin's film form, {args.rounds} rounds")
        rounds = ["--rounds", str(args.rounds)]
        facts = measure_json(urls[engine][0], *measure_args, *rounds, "--admin")
        databases[name] = (facts, facts["films"])
    load_text = f"{before} before the run, {load_average()} after"
    section, missed = admin_forms.render(started, machine(), load_text, args, databases)
    print(section)
    for name, keys in missed.items():
        log(f"[{name}] misses its target: {', '.join(keys)} (ARGS=\"--profile 'film form'\")")
    if not args.no_write:
        admin_forms.write(DOCS, section)
        log(f"the admin's table written to {DOCS.relative_to(ROOT)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--films", type=int, default=DEFAULT_FILMS)
    parser.add_argument("--small-films", type=int, default=10_000, help="0: no comparison")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--profile", metavar="PAGE", help="print one page's profile and stop")
    parser.add_argument("--load", action="store_true", help="also load-test with wrk")
    parser.add_argument("--no-write", action="store_true", help="leave docs/benchmarks.md")
    parser.add_argument(
        "--admin-only", action="store_true", help="only the admin's film form, any archive size"
    )
    args = parser.parse_args()
    engines = {"sqlite": "SQLite", "postgres": "PostgreSQL"}
    chosen = [name for name in args.databases.split(",") if name]
    if unknown := [name for name in chosen if name not in engines]:
        sys.exit(f"--databases: unknown {', '.join(unknown)}; use sqlite and/or postgres")
    started = time.strftime("%Y-%m-%d %H:%M", time.gmtime())

    urls = {}
    for engine in chosen:
        log(f"[{engines[engine]}] archives")
        compare = args.small_films and not args.admin_only
        sizes = [args.films] + ([args.small_films] if compare else [])
        urls[engine] = [database_url(engine, films) for films in sizes]
        for url, films in zip(urls[engine], sizes, strict=True):
            ensure_archive(url, films, args.seed)
    log("collectstatic")
    manage(base_env(urls[chosen[0]][0]), "collectstatic", "--noinput", "-v", "0")

    measure_args = ["--warmup", str(args.warmup)]
    if args.profile:
        for engine in chosen:
            log(f"[{engines[engine]}] profile of {args.profile}")
            print(f"## {engines[engine]}\n")
            admin = ["--admin"] if args.profile in admin_forms.PAGES else []
            print(measure(urls[engine][0], *measure_args, "--profile", args.profile, *admin))
        return
    if args.admin_only:
        bench_admin(chosen, engines, urls, args, measure_args, started)
        return

    results = {"load_before": load_average(), "databases": {}}
    for engine in chosen:
        name = engines[engine]
        log(f"[{name}] measuring {args.films:,} films, {args.rounds} rounds")
        big = measure_json(urls[engine][0], *measure_args, "--rounds", str(args.rounds))
        small = None
        if args.small_films:
            log(f"[{name}] query counts at {args.small_films:,} films")
            small = measure_json(urls[engine][1], "--queries-only")
        results["databases"][name] = (big, small)
    results["load_after"] = load_average()

    # Profiled on the first database only, to keep the report short: the Python code is the
    # same on both (on SQLite the profile also shows the SQL, which runs in this process).
    profiles = {}
    first = engines[chosen[0]]
    big, small = results["databases"][first]
    for key in profiled(render_database(first, big, small)[1]):
        log(f"[{first}] profile of {key} (misses its target)")
        profiles[(first, key)] = measure(urls[chosen[0]][0], *measure_args, "--profile", key)

    load_text = ""
    if args.load:
        # The English pages only: each is loaded for seconds, and the other languages run
        # the same code (the table above compares them).
        databases = {
            engines[e]: (
                base_env(urls[e][0], "benchmarks.settings"),
                {
                    key: page
                    for key, page in results["databases"][engines[e]][0]["pages"].items()
                    if english_key(key) == key
                },
            )
            for e in chosen
        }
        load_text = load.run(ROOT, PYTHON, databases)
    section = render(results, profiles, args, started, load_text)
    print(section)
    if not args.no_write:
        write_docs(section)
        log(f"written to {DOCS.relative_to(ROOT)}")
    bench_admin(chosen, engines, urls, args, measure_args, started)


if __name__ == "__main__":
    main()
