"""The production server, gunicorn, on a free loopback port for the length of the soak."""

import http.client
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from benchmarks.soaking.common import PYTHON, ROOT, SoakError


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop_group(process):
    """Stop a process started in its own process group, and its children: politely, then
    after 20 s by force."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


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
        stop_group(self.process)
