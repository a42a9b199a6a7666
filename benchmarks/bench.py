"""`make bench`: the archive's throughput and latency, measured against two references.

1. Makes (or reuses) a synthetic archive of --films films on SQLite
   (benchmarks/data/archive.sqlite3) and on PostgreSQL (database ``archive_bench``):
   migrate, the seed fixture, ``generate_archive --films N --seed 1``, and one film with
   50 credits.
2. Starts the production server (gunicorn, debug off, whitenoise, gunicorn.conf.py) on
   loopback in three modes, on each database: uncached (page cache and count cache off:
   every count and facet counted on every request), cold (page cache off, count cache on:
   each page is built, its rows read, but a selection's total and facet counts are
   counted once per archive version) and warm (both on).
3. Drives load with wrk, a separate process, for --duration seconds per page at
   --clients concurrent connections, and reads requests/s, p50 and p99.
4. In the same run measures the references: Datasette serving the same SQLite file on its
   equivalent filtered table page, and a bare Django view (a constant template: the
   framework's ceiling; and 25 rows with one query).
5. Prints the table and the ratios, and writes them to benchmarks/results.md.

Only loopback addresses are used; every load run is bounded in time.
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
PYTHON = sys.executable
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
PG_BENCH_DB = "archive_bench"
#: (mode, page cache seconds, count cache seconds)
MODES = (("uncached", 0, 0), ("cold", 0, 600), ("warm", 300, 600))


def log(message):
    print(message, file=sys.stderr, flush=True)


def base_env(database_url, cache_seconds, count_seconds=600):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "GUNICORN_"))
    }
    env.update(
        DJANGO_SECRET_KEY="benchmark-only-" + "x" * 40,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_HSTS_SECONDS="0",
        DJANGO_PAGE_CACHE_SECONDS=str(cache_seconds),
        DJANGO_COUNT_CACHE_SECONDS=str(count_seconds),
        DJANGO_LOG_LEVEL="ERROR",
        DATABASE_URL=database_url,
        PYTHONPATH=str(ROOT),
    )
    return env


def manage(env, *args, capture=False):
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        capture_output=capture,
    )
    return result.stdout


def film_count(env):
    code = "from archive.models import Film; print(Film.objects.count())"
    return int(manage(env, "shell", "-v", "0", "-c", code, capture=True).strip() or 0)


def ensure_postgres_database():
    import psycopg

    with psycopg.connect(
        PG_ADMIN_URL.replace("postgres://", "postgresql://"), autocommit=True
    ) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (PG_BENCH_DB,)
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{PG_BENCH_DB}"')


def ensure_archive(name, database_url, films, seed):
    env = base_env(database_url, 0)
    log(f"[{name}] migrate")
    manage(env, "migrate", "-v", "0")
    count = film_count(env)
    if count < films:
        if count == 0:
            manage(env, "loaddata", "-v", "0", "miracle_in_cell_no_7")
        log(f"[{name}] generate_archive --films {films} --seed {seed}")
        started = time.monotonic()
        manage(env, "generate_archive", "--films", str(films), "--seed", str(seed))
        log(f"[{name}] generated in {time.monotonic() - started:.0f} s")
    else:
        log(f"[{name}] reusing {count} films")
    out = subprocess.run(
        [PYTHON, str(ROOT / "benchmarks" / "prepare.py")],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        capture_output=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_ready(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status < 500:
                    return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.3)
    raise RuntimeError(f"server at {url} did not answer in {seconds} s")


class Server:
    def __init__(self, command, env, ready_path="/"):
        self.port = free_port()
        self.command = [part.replace("{port}", str(self.port)) for part in command]
        self.env = env
        self.ready_path = ready_path

    def __enter__(self):
        self.process = subprocess.Popen(
            self.command,
            cwd=ROOT,
            env=self.env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            wait_ready(self.url(self.ready_path))
        except RuntimeError:
            self.__exit__()
            raise
        return self

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def __exit__(self, *exc):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def gunicorn(database_url, cache_seconds, count_seconds):
    env = base_env(database_url, cache_seconds, count_seconds)
    return Server(
        [PYTHON, "-m", "gunicorn", "benchmarks.wsgi:application", "--bind", "127.0.0.1:{port}"],
        env,
    )


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * _UNITS[unit]


#: Seconds each page is loaded, at the measured concurrency, before it is measured.
WARM_UP_SECONDS = 3


def load(url, duration, clients, timeout=30):
    """Requests per second, p50 and p99 in ms, and non-2xx count, measured by wrk.

    The page is loaded first for ``WARM_UP_SECONDS`` at the same concurrency, unmeasured:
    the local-memory cache is per worker process, so every worker must have built the page
    once before "warm" means warm (a one-second warm-up on two connections left some
    workers cold, and their first build, up to 0.8 s, showed as a warm p99 of 385 ms).
    """
    subprocess.run(
        ["wrk", "-t2", f"-c{clients}", f"-d{WARM_UP_SECONDS}s", "--timeout", f"{timeout}s", url],
        capture_output=True,
        text=True,
        check=True,
        timeout=WARM_UP_SECONDS + timeout + 30,
    )
    result = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{clients}",
            f"-d{duration}s",
            "--timeout",
            f"{timeout}s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 60,
    )
    text = result.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p50 = re.search(r"\s50%\s+(\S+)", text)
    p99 = re.search(r"\s99%\s+(\S+)", text)
    p50 = _ms(p50.group(1)) if p50 else float("nan")
    p99 = _ms(p99.group(1)) if p99 else float("nan")
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    errors = re.search(r"Socket errors:.*", text)
    return {
        "rps": rps,
        "p50": p50,
        "p99": p99,
        "non2xx": int(bad.group(1)) if bad else 0,
        "socket_errors": errors.group(0) if errors else "",
    }


def datasette_python():
    venv = ROOT / "benchmarks" / ".venv-datasette"
    python = venv / "bin" / "python"
    if not python.exists():
        log("installing Datasette into benchmarks/.venv-datasette")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "datasette"], check=True)
    return python


def datasette_filtered_path(country_code="KR", year_min=1990, year_max=2010):
    where = (
        "id in (select film_id from archive_film_countries where country_id = "
        f"(select id from archive_country where code = '{country_code}'))"
    )
    query = urllib.parse.urlencode(
        {"_where": where, "year__gte": year_min, "year__lte": year_max, "_sort_desc": "year"}
    )
    return f"/archive/archive_film?{query}"


def row(results, name, key):
    entry = results.get(key)
    if not entry:
        return f"| {name} | – | – | – |"
    return f"| {name} | {entry['rps']:.0f} | {entry['p50']:.1f} | {entry['p99']:.1f} |"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--films", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--output", default=str(ROOT / "benchmarks" / "results.md"))
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install -y wrk (make bench does this)")

    DATA.mkdir(parents=True, exist_ok=True)
    sqlite_path = DATA / "archive.sqlite3"
    databases = {}
    for name in args.databases.split(","):
        if name == "sqlite":
            databases["SQLite"] = f"sqlite:///{sqlite_path}"
        elif name == "postgres":
            ensure_postgres_database()
            databases["PostgreSQL"] = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{PG_BENCH_DB}"

    log("collectstatic")
    manage(base_env(next(iter(databases.values())), 0), "collectstatic", "--noinput", "-v", "0")

    results, prepared = {}, {}
    for db_name, url in databases.items():
        prepared[db_name] = info = ensure_archive(db_name, url, args.films, args.seed)
        for mode, page_seconds, count_seconds in MODES:
            with gunicorn(url, page_seconds, count_seconds) as server:
                for page, path in info["urls"].items():
                    log(f"[{db_name} {mode}] {page}: {path}")
                    results[(db_name, mode, page)] = load(
                        server.url(path), args.duration, args.clients
                    )
                if mode == "cold":
                    for ref, path in (
                        ("bare view: constant template", "/bench/ceiling/"),
                        ("bare view: 25 rows", "/bench/rows/"),
                    ):
                        log(f"[{db_name} {mode}] {ref}")
                        results[(db_name, mode, ref)] = load(
                            server.url(path), args.duration, args.clients
                        )

    if "SQLite" in databases:
        python = datasette_python()
        command = [
            str(python),
            "-m",
            "datasette",
            "serve",
            "-i",
            str(sqlite_path),
            "--host",
            "127.0.0.1",
            "--port",
            "{port}",
            "--setting",
            "sql_time_limit_ms",
            "10000",
        ]
        with Server(command, dict(os.environ), ready_path="/-/versions.json") as server:
            log("[Datasette] filtered table page")
            results[("Datasette", "", "filtered table page")] = load(
                server.url(datasette_filtered_path()), args.duration, args.clients
            )

    report = render(results, prepared, databases, args)
    Path(args.output).write_text(report, encoding="utf-8")
    print(report)


def render(results, prepared, databases, args):
    modes = [mode for mode, _, _ in MODES]
    lines = [
        f"Measured by `make bench` ({args.films:,} generated films; load: wrk, "
        f"{args.clients} connections, {args.duration} s per page, on loopback; "
        f"{os.cpu_count()} cores shared by server and load). Requests/s, p50 and p99 in ms. "
        "Uncached: page and count caches off; cold: page cache off, count cache on; "
        "warm: both on.",
        "",
    ]
    ratios = []
    for db_name in databases:
        info = prepared[db_name]
        header = " | ".join(f"{mode} req/s | {mode} p50 | {mode} p99" for mode in modes)
        lines += [
            f"### {db_name} ({info['films']:,} films, {info['credits']:,} credits)",
            "",
            f"| page | {header} | queries |",
            "|---" * (2 + 3 * len(modes)) + "|",
        ]
        for page in info["urls"]:
            cells = " | ".join(
                f"{r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f}"
                for r in (results[(db_name, mode, page)] for mode in modes)
            )
            lines.append(f"| {page} | {cells} | {info['counts'][page]['queries']} |")
        for ref in ("bare view: constant template", "bare view: 25 rows"):
            entry = results[(db_name, "cold", ref)]
            blank = " | " * 3 * (len(modes) - 1)
            lines.append(
                f"| {ref} | {entry['rps']:.0f} | {entry['p50']:.1f} | {entry['p99']:.1f}{blank}| |"
            )
        lines.append("")
        ceiling = results[(db_name, "cold", "bare view: constant template")]["rps"]
        rows = results[(db_name, "cold", "bare view: 25 rows")]["rps"]
        for mode in ("cold", "uncached"):
            filtered = results[(db_name, mode, "films filtered")]["rps"]
            ratios.append(
                (f"{db_name}: {mode} filtered list ÷ bare 25-row view", filtered / rows, 0.5)
            )
        warm_worst = min((results[(db_name, "warm", page)]["rps"], page) for page in info["urls"])
        ratios.append(
            (
                f"{db_name}: slowest warm page ({warm_worst[1]}) ÷ ceiling",
                warm_worst[0] / ceiling,
                0.5,
            )
        )
        for mode in modes:
            worst_p99 = max((results[(db_name, mode, page)]["p99"], page) for page in info["urls"])
            ratios.append((f"{db_name}: worst {mode} p99 ms ({worst_p99[1]})", worst_p99[0], None))
        non2xx = sum(
            results[(db_name, mode, page)]["non2xx"] for mode in modes for page in info["urls"]
        )
        ratios.append((f"{db_name}: non-2xx responses in all runs", non2xx, None))
    datasette = results.get(("Datasette", "", "filtered table page"))
    if datasette and "SQLite" in databases:
        lines.append(
            row(
                results,
                "Datasette: filtered table page (same SQLite file)",
                ("Datasette", "", "filtered table page"),
            ).replace("| –", "|")
        )
        lines.append("")
        for mode in ("uncached", "cold"):
            filtered = results[("SQLite", mode, "films filtered")]["rps"]
            ratios.insert(
                0,
                (
                    f"SQLite: {mode} filtered list ÷ Datasette filtered table",
                    # Datasette may finish no request in a short run: no ratio then.
                    filtered / datasette["rps"] if datasette["rps"] else float("nan"),
                    20,
                ),
            )
    lines += ["| target | measured | goal | met |", "|---|---|---|---|"]
    for name, value, goal in ratios:
        if goal is None:
            limit = 100 if "p99" in name else 0
            met = value < limit if "p99" in name else value == limit
            goal_text = f"< {limit}" if "p99" in name else "0"
        else:
            met = value >= goal
            goal_text = f"≥ {goal}"
        lines.append(f"| {name} | {value:.2f} | {goal_text} | {'yes' if met else 'NO'} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
