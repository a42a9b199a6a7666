"""The soak's scratch database and the settings the server runs with."""

import os
import tempfile
import urllib.parse
from contextlib import contextmanager
from pathlib import Path

from benchmarks.soaking.common import ROOT


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
