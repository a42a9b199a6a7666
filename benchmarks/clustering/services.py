"""The cluster test's services, each on a free loopback port under one temporary folder: a
PostgreSQL primary, its streaming replica (``pg_basebackup -R``) and a Redis.

PostgreSQL's ``initdb`` refuses to run as root: as root, every PostgreSQL program runs as
the machine's ``postgres`` user (``runuser``), in a folder that user owns.
"""

import glob
import os
import pwd
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

import psycopg

from benchmarks.soaking.common import SoakError
from benchmarks.soaking.server import free_port, stop_group

DATABASE = "archive"
#: Seconds any one PostgreSQL or Redis command may take.
COMMAND_TIMEOUT = 60


def postgres_bin():
    """The folder of the newest PostgreSQL installed (Debian: /usr/lib/postgresql/N/bin)."""
    found = [
        path for path in glob.glob("/usr/lib/postgresql/*/bin") if Path(path, "initdb").exists()
    ]
    if not found:
        raise SoakError("no PostgreSQL server programs under /usr/lib/postgresql/*/bin")
    return max(found, key=lambda path: int(re.sub(r"\D", "", Path(path).parent.name) or 0))


def as_postgres(command):
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def give_to_postgres(path):
    """As root, the folder belongs to the ``postgres`` user (else it is the caller's)."""
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        account = pwd.getpwnam("postgres")
        os.chown(path, account.pw_uid, account.pw_gid)


def run(command, **kwargs):
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=COMMAND_TIMEOUT, check=False, **kwargs
    )
    if result.returncode != 0:
        raise SoakError(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    return result


class PostgresServer:
    """One PostgreSQL server: a data folder, a port, a log."""

    def __init__(self, folder, name):
        self.bin = postgres_bin()
        self.data = folder / name
        self.log = folder / f"{name}.log"
        self.socket_dir = folder
        self.port = free_port()
        self.started = False

    def program(self, name, *arguments):
        return run(as_postgres([f"{self.bin}/{name}", *arguments]))

    def url(self, database=DATABASE):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def connect(self, database=DATABASE):
        return psycopg.connect(self.url(database), autocommit=True, connect_timeout=5)

    def configure(self, **settings):
        lines = "".join(f"{name} = {value}\n" for name, value in settings.items())
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write(lines)

    def start(self):
        self.program("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "start")
        self.started = True

    def stop(self, mode="fast"):
        if self.started:
            self.started = False
            self.program("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")

    def init_primary(self):
        self.program(
            "initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
            "--locale=C.UTF-8",
        )  # fmt: skip
        self.configure(
            listen_addresses="'127.0.0.1'",
            port=self.port,
            unix_socket_directories=f"'{self.socket_dir}'",
            shared_preload_libraries="'pg_stat_statements'",
            # A scratch cluster: durability does not matter, time does.
            fsync="off",
            full_page_writes="off",
            wal_level="replica",
            max_wal_senders=4,
        )
        self.start()
        with self.connect("postgres") as connection:
            connection.execute(f"CREATE DATABASE {DATABASE}")
        with self.connect() as connection:
            connection.execute("CREATE EXTENSION pg_stat_statements")

    def init_replica(self, primary):
        """A streaming standby of ``primary``: its base backup with the standby's settings
        written by ``-R``, on a port of its own."""
        self.program(
            "pg_basebackup", "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres",
            "-D", str(self.data), "-R", "-X", "stream", "-c", "fast",
        )  # fmt: skip
        self.configure(port=self.port, hot_standby="on")
        self.start()

    def query(self, sql, *params):
        with self.connect() as connection:
            return connection.execute(sql, params).fetchone()


#: SELECT statements run in the archive's database, by pg_stat_statements (on a standby it
#: counts the standby's own statements). Left out: the measuring query itself, and Django's
#: connection health check (``SELECT 1``, once per request on each database it uses).
READS = """
SELECT COALESCE(SUM(calls), 0)::bigint,
       COALESCE(SUM(calls) FILTER (WHERE query LIKE '%%archive_version%%'), 0)::bigint
FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
WHERE d.datname = %s AND s.query ILIKE 'select%%' AND s.query NOT LIKE '%%pg_stat_statements%%'
  AND s.query <> 'SELECT $1'
"""


def reads(server):
    """(SELECT statements, of which reads of the archive's version) so far on ``server``."""
    return tuple(server.query(READS, DATABASE))


class Redis:
    def __init__(self, folder):
        self.folder = folder
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server", "--bind", "127.0.0.1", "--port", str(self.port),
                "--save", "", "--appendonly", "no", "--dir", str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                self.command("PING")
                return
            except OSError:
                time.sleep(0.1)
        raise SoakError("redis-server did not answer")

    def command(self, *words):
        """One command in Redis' protocol; its answer line."""
        request = f"*{len(words)}\r\n" + "".join(f"${len(w)}\r\n{w}\r\n" for w in words)
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as sock:
            sock.sendall(request.encode())
            return sock.recv(4096).decode().split("\r\n")[0]

    def keys(self):
        return int(self.command("DBSIZE").lstrip(":"))

    def stop(self):
        if self.process is not None:
            stop_group(self.process)


def remove(folder):
    shutil.rmtree(folder, ignore_errors=True)
