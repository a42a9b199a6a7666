"""The Jinja2 environment of the public pages.

The public pages render with Jinja2 (through Django's own ``Jinja2`` backend); the admin
and django-axes' pages stay on Django templates. The pages were written for Django's
template language, so the environment offers what they use from it under the same names
and with the same output: ``url``, ``static`` and ``querystring`` as globals, and Django's
``date``, ``pluralize``, ``linebreaks``, ``truncatechars`` and ``capfirst`` filters. Jinja2's
own ``join``, ``length`` and ``lower`` already behave as Django's do. ``number`` groups a
count's digits in the active language's way (``number_format`` with grouping).

Translation: Jinja2's own ``i18n`` extension with Django's ``gettext`` family installed as
its callables (new-style: ``_("%(n)s films", n=3)`` formats and escapes), so ``_()``,
``ngettext()`` and ``{% trans %}`` read the catalogues of ``locale/`` in the active language.
``language_code()``, ``language_versions(request)`` and ``default_language_path(request)``
serve ``<html lang>``, the ``hreflang`` alternates and the language switcher;
``country_name(code, name)`` and ``language_name(code, name)`` the names of a row's countries
and language in the active language (archive/names.py); ``film_name()`` and ``person_name()``
a film by its title in the visitor's language (archive/titles.py) and a person by their name
in that language's script, each with the archive's own beside it where it differs;
``suggestion_statuses()`` what the header box's suggestions say of their number
(archive/ranking.py).

A page rendered for a request gets these helpers from :func:`page_helpers` instead (a context
processor: the page's own names shadow the environment's), bound once to the language, URL
configuration and script prefix the request is answered in: Django keeps each of those per
thread and per task, and looking one up costs more than the translation it serves, which a
page asks for dozens of times. They give exactly what the environment's own would.
"""

import functools
from collections.abc import Iterable

from django.dispatch import receiver
from django.template import defaultfilters
from django.templatetags.static import static as django_static
from django.test.signals import setting_changed
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.formats import FORMAT_SETTINGS, number_format
from django.utils.timezone import template_localtime
from jinja2 import Environment, pass_context, pass_eval_context
from markupsafe import Markup, escape

from . import citations, i18n, names, ranking


@pass_context
def querystring(context, query_dict=None, **changes):
    """Django's ``{% querystring %}``: the current query (``request.GET``, or ``query_dict``)
    with the named parameters replaced (a list sets every value, ``None`` removes the
    parameter) and every other parameter kept, as ``?...``; ``""`` for an empty query."""
    if query_dict is None:
        query_dict = context["request"].GET
    params = query_dict.copy()
    for key, value in changes.items():
        if value is None:
            if key in params:
                del params[key]
        elif isinstance(value, Iterable) and not isinstance(value, str):
            params.setlist(key, value)
        else:
            params[key] = value
    if not params and not query_dict:
        return ""
    return f"?{params.urlencode()}"


def url(viewname, *args, **kwargs):
    """``reverse()``; a view's address without arguments (every page's navigation asks a
    dozen) is reversed once per URL configuration, script prefix and language (the public
    addresses carry the language), not on every render."""
    if args or kwargs:
        return reverse(viewname, *args, **kwargs)
    return _plain_url(viewname, get_urlconf(), get_script_prefix(), translation.get_language())


@functools.lru_cache(maxsize=256)
def _plain_url(viewname, urlconf, prefix, language):
    with translation.override(language):
        return reverse(viewname, urlconf=urlconf)


def static(path):
    """Django's ``static()``, looked up once per file and script prefix: the storage's
    address of a static file (its hashed name from the manifest) does not change while the
    settings do not."""
    return _static(path, get_script_prefix())


@functools.lru_cache(maxsize=64)
def _static(path, prefix):
    return django_static(path)


@receiver(setting_changed)
def forget_addresses(*, setting, **kwargs):
    """A test that changes the static storage, the URLs, the catalogues or the number formats
    gets what they make now."""
    if setting in ("STORAGES", "STATIC_URL", "STATIC_ROOT", "ROOT_URLCONF", "FORCE_SCRIPT_NAME"):
        _static.cache_clear()
        _plain_url.cache_clear()
    if setting in ("LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS"):
        _translated.cache_clear()
        _suggestion_statuses.cache_clear()
    if setting in FORMAT_SETTINGS or setting == "FORMAT_MODULE_PATH":  # as Django's own cache
        _grouped.cache_clear()


@functools.lru_cache(maxsize=4096)
def _translated(language, context, message):
    """``message`` (in ``context``, if any) in ``language``, as the markup Jinja2's new-style
    ``gettext`` makes of it on an escaping environment. The catalogues do not change while
    the process runs."""
    with translation.override(language):
        if context is None:
            return Markup(translation.gettext(message))
        return Markup(translation.pgettext(context, message))


def suggestion_statuses():
    """``ranking.suggestion_statuses()`` in the active language, worded once per
    language (every page's header writes them)."""
    return _suggestion_statuses(translation.get_language())


@functools.lru_cache(maxsize=16)
def _suggestion_statuses(language):
    with translation.override(language):
        return tuple(ranking.suggestion_statuses())


def page_helpers(request):
    """A context processor: the page's translation callables, ``url`` and ``language_code``,
    bound to what the request is answered in (the module's docstring says why).

    The callables behave as Jinja2's new-style ones (``env.install_gettext_callables`` with
    ``newstyle=True``) on this autoescaping environment: the translation is trusted markup,
    its placeholders are filled from the keyword arguments (escaped), ``num`` and
    ``context`` are among them."""
    language = translation.get_language()
    urlconf, prefix = get_urlconf(), get_script_prefix()

    # Positional-only: a template may name a placeholder ``num``, ``context`` or ``message``.
    def gettext(message, /, **variables):
        return _translated(language, None, message) % variables

    def pgettext(context, message, /, **variables):
        variables.setdefault("context", context)
        return _translated(language, context, message) % variables

    def ngettext(singular, plural, num, /, **variables):
        variables.setdefault("num", num)
        return Markup(translation.ngettext(singular, plural, num)) % variables

    def npgettext(context, singular, plural, num, /, **variables):
        variables.setdefault("context", context)
        variables.setdefault("num", num)
        return Markup(translation.npgettext(context, singular, plural, num)) % variables

    def url(viewname, *args, **kwargs):
        if args or kwargs:
            return reverse(viewname, *args, **kwargs)
        return _plain_url(viewname, urlconf, prefix, language)

    return {
        "_": gettext,
        "gettext": gettext,
        "pgettext": pgettext,
        "ngettext": ngettext,
        "npgettext": npgettext,
        "url": url,
        "language_code": lambda: language,
    }


def date(value, arg=None):
    """Django's ``date`` filter, which expects an aware datetime already in the current
    time zone: Django's template engine converts it before the filter runs."""
    return defaultfilters.date(template_localtime(value), arg)


def number(value):
    """A count grouped as the active language groups digits: 12,345 in English and Korean,
    12.345 in Turkish (Django's formats; the pages' summaries do the same in Python). Each
    count is written once per language: a list's facets show the same counts request after
    request (the count cache keeps them), and ``number_format`` is most of a facet link's
    cost."""
    return _grouped(value, translation.get_language())


@functools.lru_cache(maxsize=4096)
def _grouped(value, language):
    return number_format(value, force_grouping=True)


@pass_eval_context
def linebreaks(eval_ctx, value):
    """Django's ``linebreaks``: escapes the text (unless autoescape is off) and returns
    safe markup of paragraphs and ``<br>``."""
    return defaultfilters.linebreaks_filter(value, autoescape=eval_ctx.autoescape)


def _named(url, shown, also):
    link = f'<a href="{escape(url)}">{escape(shown)}</a>' if url else escape(shown)
    return Markup(f'{link} <span class="also">{escape(also)}</span>' if also else link)


def film_name(title, local=None, url=None):
    """A film by its title in the visitor's language (``local``, read by
    ``titles.localize``) with the archive's ``title`` beside it, or by ``title`` alone; the
    shown title a link to ``url`` when given."""
    return _named(url, local, title) if local else _named(url, title, None)


def person_name(name, name_original, url=None):
    """A person by their name in the script of the visitor's language with the Latin
    ``name`` beside it (names.own_script_name), or by ``name`` alone; the shown name a link
    to ``url`` when given."""
    own = names.own_script_name(name, name_original)
    return _named(url, own, name) if own else _named(url, name, None)


def environment(**options):
    extensions = [*options.pop("extensions", ()), "jinja2.ext.i18n"]
    env = Environment(extensions=extensions, **options)
    env.install_gettext_callables(
        gettext=translation.gettext,
        ngettext=translation.ngettext,
        pgettext=translation.pgettext,
        npgettext=translation.npgettext,
        newstyle=True,
    )
    env.globals.update(
        url=url,
        static=static,
        querystring=querystring,
        cite_marks=citations.cite,
        language_code=translation.get_language,
        language_versions=i18n.language_versions,
        default_language_path=i18n.default_language_path,
        country_name=names.country_name,
        language_name=names.language_name,
        film_name=film_name,
        person_name=person_name,
        own_script_name=names.own_script_name,
        suggestion_statuses=suggestion_statuses,
    )
    env.filters.update(
        date=date,
        pluralize=defaultfilters.pluralize,
        linebreaks=linebreaks,
        number=number,
        truncatechars=defaultfilters.truncatechars,
        capfirst=defaultfilters.capfirst,
    )
    return env
