"""The public page cache, and the count cache.

Anonymous ``GET`` requests for public pages are answered from Django's cache (Redis when
``REDIS_URL`` is set, local memory otherwise) for ``DJANGO_PAGE_CACHE_SECONDS``. The cache
key holds the archive's version, a number in a one-row table (``archive_version``, made by
migration 0005; not a model, so it is never dumped with the archive's data) that every save
or delete of an archive record increases: an editor's change shows on the very next
request, in every server process, whatever the cache backend. Requests that carry a session
cookie (editors signed in) and the admin are never cached.

The count cache (:func:`remember`) keeps what costs most to work out and is the same for
every visitor — a list's capped total, its facet counts, the home page's figures — for
``DJANGO_COUNT_CACHE_SECONDS``, under the same archive version: counts are never stale
either, and they are kept also when the page cache is off or the visitor is signed in.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.urls import reverse

VERSION_TABLE = "archive_version"


def current_version():
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT version FROM {VERSION_TABLE} WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else 0


def request_version(request):
    """The archive's version, read once per request (the page cache may have read it)."""
    if not hasattr(request, "archive_version"):
        request.archive_version = current_version()
    return request.archive_version


def remember(request, parts, compute):
    """``compute()``, kept in the cache under ``parts`` and the archive's version.

    ``parts`` name the value (strings); the key is their digest, so any text fits.
    """
    seconds = settings.COUNT_CACHE_SECONDS
    if not seconds:
        return compute()
    text = "\x1f".join(parts)
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    key = f"counts:{request_version(request)}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value


def canonical_query(params, leave_out=()):
    """A query string's parameters as one text, in a fixed order, without ``leave_out``:
    the same selection, however its link spells the order of its parameters."""
    return "&".join(
        f"{name}={value}"
        for name in sorted(params)
        if name not in leave_out
        for value in sorted(params.getlist(name))
    )


def bump_version():
    """Make every cached public page stale (called after each change to a record)."""
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {VERSION_TABLE} SET version = version + 1 WHERE id = 1")


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def cacheable(self, request):
        if not settings.PAGE_CACHE_SECONDS or request.method != "GET":
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return False
        if self.admin_prefix is None:
            self.admin_prefix = reverse("admin:index")
        return not request.path.startswith(self.admin_prefix)

    def __call__(self, request):
        if not self.cacheable(request):
            return self.get_response(request)
        address = request.build_absolute_uri()
        digest = hashlib.sha256(address.encode("utf-8", "surrogatepass")).hexdigest()
        key = f"page:{request_version(request)}:{digest}"
        response = cache.get(key)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "Cookie" not in response.get("Vary", "")
        ):
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
