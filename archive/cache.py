"""The public page cache and the count cache, on Django's cache framework.

Both are only ever a shortcut: every page is built right with them off
(``PAGE_CACHE_SECONDS = 0``, ``COUNT_CACHE_SECONDS = 0``).

Keys. A key is made from the selection, never from loosely joined text: the query's
parameters, sorted and percent-encoded by :func:`selection_key`, so two different selections
can never share a key however their values are spelled (a ``q`` that contains ``&`` or ``=``
stays inside its own parameter).

Versions. Every key carries the archive's version, a number in a one-row table
(``archive_version``, made by migration 0005; not a model, so it is never dumped with the
archive's data). Every save or delete of an archive record increases it (``signals.py``).
The database is the one place every server process reads, whatever the cache backend is
(Redis shared by several servers, or local memory in each process), so an editor's change
shows on the very next request everywhere; old entries simply expire.

Languages. A page's key holds the language its address asks for (``/ko/films/``: Korean;
unprefixed: English, archive/i18n.py), known before Django's ``LocaleMiddleware`` runs, and
a count's key the language it was counted in, since facet rows carry their labels in words.

Requests that carry a session cookie (editors signed in) and the admin are never served from
the page cache; the counts are the same for everybody and are kept for them too.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language

from .i18n import page_language

VERSION_TABLE = "archive_version"

logger = logging.getLogger(__name__)


def cache_get(key):
    """The cached value, or None when the cache cannot be reached: a cache that is down
    makes pages slower, never wrong and never an error."""
    try:
        return cache.get(key)
    except Exception:
        logger.warning("The cache could not be read; the page is built without it.", exc_info=True)
        return None


def cache_set(key, value, seconds):
    """Keeps the value; says whether it could."""
    try:
        cache.set(key, value, seconds)
    except Exception:
        logger.warning("The cache could not be written.", exc_info=True)
        return False
    return True


def current_version():
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT version FROM {VERSION_TABLE} WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else 0


def bump_version():
    """Make every cached page and count stale (called after each change to a record)."""
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {VERSION_TABLE} SET version = version + 1 WHERE id = 1")


def request_version(request):
    """The archive's version, read once per request and remembered on it."""
    if not hasattr(request, "archive_version"):
        request.archive_version = current_version()
    return request.archive_version


def selection_key(params, leave_out=()):
    """The parameters of a query (a ``QueryDict``) as one percent-encoded text in a fixed
    order, without ``leave_out``: the same selection gives the same text whatever order its
    link spells, and different selections never give the same text."""
    pairs = sorted(
        (name, value) for name in params if name not in leave_out for value in params.getlist(name)
    )
    return urlencode(pairs)


def _key(kind, version, *parts):
    text = "\x1f".join(parts)
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{kind}:{version}:{digest}"


def remember(request, name, selection, compute):
    """``compute()``, kept under the list's ``name``, the ``selection`` (from
    :func:`selection_key`) and the archive's version."""
    seconds = settings.COUNT_CACHE_SECONDS
    if not seconds:
        return compute()
    # The language too: a count's rows carry labels (country names, kinds) in words.
    key = _key("counts", request_version(request), name, selection, get_language() or "")
    value = cache_get(key)
    if value is None:
        value = compute()
        cache_set(key, value, seconds)
    return value


class PublicVisitorMiddleware:
    """The base of the middleware that treat an anonymous visitor's public page apart (the
    page cache, the replica router): no session, and not the admin."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def from_public_visitor(self, request):
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return False
        if self.admin_prefix is None:
            # Reversed once, on the first request: the URL configuration is loaded by then.
            self.admin_prefix = reverse("admin:index")
        return not request.path.startswith(self.admin_prefix)


class PublicPageCacheMiddleware(PublicVisitorMiddleware):
    """Answers anonymous ``GET`` requests for public pages from the cache."""

    def cacheable(self, request):
        return (
            bool(settings.PAGE_CACHE_SECONDS)
            and request.method == "GET"
            and self.from_public_visitor(request)
        )

    def __call__(self, request):
        if not self.cacheable(request):
            return self.get_response(request)
        key = _key(
            "page",
            request_version(request),
            request.get_host(),
            request.path,
            selection_key(request.GET),
            page_language(request),
        )
        response = cache_get(key)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        storable = (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "Cookie" not in response.get("Vary", "")
        )
        if storable and cache_set(key, response, settings.PAGE_CACHE_SECONDS):
            response["X-Page-Cache"] = "miss"
        return response
