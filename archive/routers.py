"""Read replicas: anonymous public reads go to a replica, everything else to the primary.

With ``DATABASE_REPLICA_URLS`` set, the settings add one database alias per replica
(``replica_1``, ``replica_2``, ...; ``settings.DATABASE_REPLICAS``) and install
:class:`ReplicaRouter`. A database router sees queries, not requests, so
:class:`ReplicaReadMiddleware` marks the requests whose reads may go to a replica (a
context variable, so it holds for this request's thread or task only):

- ``GET`` or ``HEAD`` of a public page (not the admin) without a session cookie, i.e. an
  anonymous visitor or crawler. Signed-in editors carry a session cookie and always read
  from the primary, so an editor sees their own save at once (read-your-writes).
- Everything else reads from the primary: the admin, editors, every write, and all that runs
  outside a request (migrations, ``manage.py`` commands, the shell). Once a request writes,
  its later reads go to the primary too.

A replica is used only when it is usable and up to date:

- **health**: one query on the replica measures its replay lag; a replica that cannot be
  reached, or lags more than ``REPLICA_MAX_LAG_SECONDS``, is skipped. The verdict is kept in
  the process for ``REPLICA_CHECK_SECONDS``, so the check costs one query per replica per
  process per interval, not one per request;
- **the archive's version**: every change to the archive increases a number in the
  database (``archive.cache``, the page cache's key), read from the primary once per
  request. A replica is used for a request only when it has replayed that version, so a
  page built from a replica (and kept in the page cache under that version) never misses
  an edit the primary already holds. The version a replica was last seen at is remembered
  with its health verdict: while nobody edits, this costs no query.

When a replica fails during a request (it stopped since the last check), the failure is
caught (:meth:`ReplicaReadMiddleware.process_exception`), the replica is marked down for the
check interval, and the view runs again on the primary: the visitor gets the page, not a 5xx.
A streamed export reads its rows from the same database while it is sent; a replica that
fails in the middle of one cannot be retried (the answer has begun), and is skipped from the
next request on.
"""

import contextlib
import contextvars
import logging
import random
import time

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, InterfaceError, OperationalError
from django.db import connections as django_connections

from . import cache

logger = logging.getLogger(__name__)

#: The state of the current request when its reads may go to a replica, else None.
_request_state = contextvars.ContextVar("archive_replica_reads", default=None)

#: alias -> (usable, when checked (time.monotonic()), the archive version seen there)
_verdicts = {}

LAG_QUERY = """
SELECT CASE
    WHEN NOT pg_is_in_recovery() THEN 0
    WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
    ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0)
END
"""


class ReadState:
    """Where one request's reads go: ``alias`` is chosen at its first read."""

    def __init__(self, request):
        self.request = request
        self.alias = None


def replica_lag(alias):
    """Seconds the replica is behind the primary (0 when it is not a streaming standby:
    SQLite, or the test database mirrored under a replica's alias)."""
    connection = django_connections[alias]
    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute(LAG_QUERY)
        return float(cursor.fetchone()[0])


def replica_version(alias):
    with django_connections[alias].cursor() as cursor:
        cursor.execute(f"SELECT version FROM {cache.VERSION_TABLE} WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else 0


def forget_connection(alias):
    """Drop a failed connection, so that the next use opens a new one."""
    with contextlib.suppress(DatabaseError):
        django_connections[alias].close()


def mark_down(alias):
    _verdicts[alias] = (False, time.monotonic(), None)
    forget_connection(alias)


def check(alias):
    """The replica's verdict: (usable, checked at, version seen), measured at most once per
    ``REPLICA_CHECK_SECONDS``."""
    verdict = _verdicts.get(alias)
    if verdict is not None and time.monotonic() - verdict[1] < settings.REPLICA_CHECK_SECONDS:
        return verdict
    try:
        lag = replica_lag(alias)
    except DatabaseError:
        logger.warning("Replica %s cannot be reached; reading from the primary.", alias)
        mark_down(alias)
        return _verdicts[alias]
    usable = lag <= settings.REPLICA_MAX_LAG_SECONDS
    if not usable:
        logger.warning("Replica %s lags %.1f s behind; reading from the primary.", alias, lag)
    _verdicts[alias] = (usable, time.monotonic(), None)
    return _verdicts[alias]


def has_version(alias, wanted):
    """Whether the replica has replayed the archive's version ``wanted``."""
    usable, checked, seen = check(alias)
    if not usable:
        return False
    if seen is not None and seen >= wanted:
        return True
    try:
        seen = replica_version(alias)
    except DatabaseError:
        logger.warning("Replica %s failed; reading from the primary.", alias)
        mark_down(alias)
        return False
    _verdicts[alias] = (usable, checked, seen)
    return seen >= wanted


def choose(request):
    """A usable, up-to-date replica for this request, else the primary."""
    aliases = list(settings.DATABASE_REPLICAS)
    random.shuffle(aliases)
    wanted = None
    for alias in aliases:
        if not check(alias)[0]:
            continue
        if wanted is None:
            wanted = cache.request_version(request)
        if has_version(alias, wanted):
            return alias
    return DEFAULT_DB_ALIAS


class ReplicaRouter:
    """Reads of marked requests to a replica; every write, and every migration, to the
    primary (``settings.DATABASE_ROUTERS``)."""

    def db_for_read(self, model, **hints):
        state = _request_state.get()
        if state is None:
            return None
        if state.alias is None:
            state.alias = choose(state.request)
        return state.alias

    def db_for_write(self, model, **hints):
        state = _request_state.get()
        if state is not None:
            state.alias = DEFAULT_DB_ALIAS  # this request's later reads see its write
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # A replica holds the primary's rows: a record read from either may point at the other.
        aliases = {DEFAULT_DB_ALIAS, *settings.DATABASE_REPLICAS}
        if obj1._state.db in aliases and obj2._state.db in aliases:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        if db in settings.DATABASE_REPLICAS:
            return False  # a replica replays the primary's migrations
        return None


def reading_on(state, content):
    """``content``, read with this request's choice of database. A replica that fails here
    cannot be retried (the answer has begun); the next request skips it."""
    _request_state.set(state)
    try:
        yield from content
    except (OperationalError, InterfaceError):
        if state.alias not in (None, DEFAULT_DB_ALIAS):
            mark_down(state.alias)
        raise
    finally:
        # Not reset(): the server may iterate in another context than the one that set it.
        _request_state.set(None)


class ReplicaReadMiddleware(cache.PublicVisitorMiddleware):
    """Marks the requests whose reads may go to a replica (see the module's text)."""

    RETRIED = (OperationalError, InterfaceError)

    def eligible(self, request):
        return (
            bool(settings.DATABASE_REPLICAS)
            and request.method in ("GET", "HEAD")
            and self.from_public_visitor(request)
        )

    def __call__(self, request):
        if not self.eligible(request):
            return self.get_response(request)
        state = ReadState(request)
        token = _request_state.set(state)
        try:
            response = self.get_response(request)
        finally:
            _request_state.reset(token)
        if response.streaming:
            # A streamed export reads its rows while it is sent, after this returns.
            response.streaming_content = reading_on(state, response.streaming_content)
        return response

    def process_exception(self, request, exception):
        """A replica that failed during the request: mark it down and answer from the
        primary (the view runs again: only reads of anonymous visitors come here)."""
        state = _request_state.get()
        if state is None or state.alias in (None, DEFAULT_DB_ALIAS):
            return None
        if not isinstance(exception, self.RETRIED):
            return None
        logger.warning("Replica %s failed in a request; answering from the primary.", state.alias)
        mark_down(state.alias)
        state.alias = DEFAULT_DB_ALIAS
        match = request.resolver_match
        response = match.func(request, *match.args, **match.kwargs)
        if callable(getattr(response, "render", None)):
            response = response.render()
        return response
