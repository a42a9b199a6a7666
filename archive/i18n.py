"""The archive in several languages: which language a request is answered in, and the
addresses of a page in the other languages.

English is the default and unprefixed (``/films/``); every other language of
``settings.LANGUAGES`` answers the same paths under its code (``/ko/films/``,
``/tr/films/``): ``i18n_patterns`` in ``config/urls.py``. A fourth language is a new entry in
``LANGUAGES`` and a new catalogue under ``locale/``.

- The language of a public page is its address, never a cookie or a header, so a link reads
  the same for everybody and a cached page is cached under its own address
  (Django's ``LocaleMiddleware`` with ``prefix_default_language=False``).
- The one exception is the home page ``/``: a visitor's first request there goes to their
  language (``Accept-Language``), and a language chosen with the switcher (Django's
  ``set_language`` view, which sets the language cookie) is remembered there
  (:class:`HomeLanguageMiddleware`).
- The admin has no language in its address: it answers in the editor's language, the
  cookie first, then ``Accept-Language`` (:class:`ArchiveLocaleMiddleware`).
"""

import functools

from django.conf import settings
from django.dispatch import receiver
from django.http import HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.test.signals import setting_changed
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse, translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers


def language_versions(request):
    """``[(code, name, path)]``: the current page (with its query, so its filters) in each
    language of ``settings.LANGUAGES``, the current language included. Worked out once per
    request (kept on it): the page's head and its language switch both list them."""
    versions = getattr(request, "archive_language_versions", None)
    if versions is None:
        full_path = request.get_full_path()
        match = getattr(request, "resolver_match", None)
        where = (get_urlconf(), get_script_prefix())
        versions = [
            (code, name, address_in(full_path, request.path, match, code, where))
            for code, name in settings.LANGUAGES
        ]
        request.archive_language_versions = versions
    return versions


def address_in(full_path, path, match, language, where):
    """What ``translate_url`` gives for the page ``full_path`` (its path ``path``, its URL
    match ``match``) in ``language``, from the URL match rather than by resolving the
    address again. ``where`` is the URL configuration and script prefix in use."""
    if match is not None and match.url_name:
        translated = _reversed(
            match.view_name, tuple(match.args), tuple(sorted(match.kwargs.items())), language, where
        )
        if translated is not None:
            return translated + full_path[len(path) :]
    return translate_url(full_path, language)


@receiver(setting_changed)
def forget_addresses(*, setting, **kwargs):
    """A test that changes the URLs or the languages gets addresses made with them."""
    if setting in ("ROOT_URLCONF", "FORCE_SCRIPT_NAME", "LANGUAGES", "LANGUAGE_CODE"):
        _reversed.cache_clear()


@functools.lru_cache(maxsize=1024)
def _reversed(view_name, args, kwargs, language, where):
    """A view's address in ``language`` (None when it has none there): the same for every
    request of the same page, while the URL configuration and script prefix are the same."""
    with translation.override(language):
        try:
            return reverse(view_name, urlconf=where[0], args=args, kwargs=dict(kwargs))
        except NoReverseMatch:
            return None


def default_language_path(request):
    """The current page's address in the default language: the ``next`` of the language
    switcher. Django's ``set_language`` translates ``next`` while the default language is
    active (its own address has no prefix), and so only recognises an unprefixed path."""
    # Django's checks (translation.E004) make sure LANGUAGES holds LANGUAGE_CODE.
    return next(p for code, _, p in language_versions(request) if code == settings.LANGUAGE_CODE)


def admin_prefix():
    return reverse("admin:index")


class ArchiveLocaleMiddleware(LocaleMiddleware):
    """Django's ``LocaleMiddleware``; in the admin, whose addresses have no language, the
    editor's language (cookie, then ``Accept-Language``) instead of the default one."""

    def process_request(self, request):
        super().process_request(request)
        if not translation.get_language_from_path(request.path_info) and (
            request.path_info.startswith(admin_prefix())
        ):
            translation.activate(translation.get_language_from_request(request))
            request.LANGUAGE_CODE = translation.get_language()


class HomeLanguageMiddleware:
    """Sends a ``GET`` of the unprefixed home page ``/`` to the home page in the visitor's
    language: the one chosen with the switcher (the language cookie), else the first of
    ``Accept-Language`` the archive speaks. A visitor who chose English stays on ``/``.

    It runs before the page cache, so the cached English home page is only ever served to
    visitors who would get English; the answer varies on both headers for any cache on the
    way."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != "/" or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        language = translation.get_language_from_request(request)
        if language != settings.LANGUAGE_CODE:
            with translation.override(language):
                address = reverse("archive:home")
            query = request.META.get("QUERY_STRING", "")
            response = HttpResponseRedirect(f"{address}?{query}" if query else address)
        else:
            response = self.get_response(request)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response


def page_language(request):
    """The language a public page's address asks for (the default when unprefixed): what
    the page cache keys on, known before ``LocaleMiddleware`` has run."""
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
