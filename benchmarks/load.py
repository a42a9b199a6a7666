"""`make bench ARGS=--load`: a short load test of the benchmark's pages under gunicorn.

The production server (gunicorn.conf.py, debug off, benchmarks/wsgi.py: page cache off,
count cache on) on a free loopback port; wrk, a separate process, loads each page for a
warm-up and then for ``duration`` seconds, and reads requests/s, p50 and p99. It shows what
the in-process ratios become with concurrency and the database server on the same cores.
"""

import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

WARM_UP_SECONDS = 2
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_ready(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn at {url} did not answer in {seconds} s")


def milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * _UNITS[unit]


def wrk(url, duration, clients):
    command = ["wrk", "-t2", f"-c{clients}", "--timeout", "30s", "--latency", url]
    subprocess.run([*command, f"-d{WARM_UP_SECONDS}s"], capture_output=True, check=True)
    text = subprocess.run(
        [*command, f"-d{duration}s"],
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 60,
    ).stdout
    found = {
        name: re.search(pattern, text)
        for name, pattern in (
            ("rps", r"Requests/sec:\s+([\d.]+)"),
            ("p50", r"\s50%\s+(\S+)"),
            ("p99", r"\s99%\s+(\S+)"),
            ("bad", r"Non-2xx or 3xx responses:\s+(\d+)"),
        )
    }
    return (
        float(found["rps"].group(1)),
        milliseconds(found["p50"].group(1)) if found["p50"] else float("nan"),
        milliseconds(found["p99"].group(1)) if found["p99"] else float("nan"),
        int(found["bad"].group(1)) if found["bad"] else 0,
    )


def serve_and_load(root, python, env, pages, duration, clients):
    port = free_port()
    env = {**env, "DJANGO_SECURE_SSL_REDIRECT": "0", "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}
    command = [python, "-m", "gunicorn", "benchmarks.wsgi:application", "--bind"]
    server = subprocess.Popen(
        [*command, f"127.0.0.1:{port}"],
        cwd=root,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_ready(f"http://127.0.0.1:{port}/bench/ceiling/")
        return {
            key: wrk(f"http://127.0.0.1:{port}{page['path']}", duration, clients)
            for key, page in pages.items()
        }
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def run(root, python, databases, duration=5, clients=4):
    """A Markdown table per database; ``databases`` maps a name to (environment, pages)."""
    if not shutil.which("wrk"):
        raise SystemExit("--load needs wrk: apt-get install -y wrk")
    lines = [
        f"### Load test (gunicorn, wrk: {clients} connections, {duration} s per page)",
        "",
    ]
    for name, (env, pages) in databases.items():
        results = serve_and_load(root, python, env, pages, duration, clients)
        lines += [
            f"{name}:",
            "",
            "| page | requests/s | p50 ms | p99 ms | non-2xx |",
            "|---|---:|---:|---:|---:|",
        ]
        for key, (rps, p50, p99, bad) in results.items():
            lines.append(f"| {pages[key]['label']} | {rps:.0f} | {p50:.1f} | {p99:.1f} | {bad} |")
        lines.append("")
    return "\n".join(lines)
