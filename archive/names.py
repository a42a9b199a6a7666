"""Country and language names in the visitor's language, from the CLDR data that Babel
ships (no table of names is kept here).

The archive stores one name per country and language (its English name, which editors may
word, as "Türkiye"). In English that stored name is shown; in any other language the CLDR
name for the code is, and the stored name when CLDR has none. Filters, links and exports
keep the codes, which are the same in every language.
"""

import functools

from babel import Locale, UnknownLocaleError
from django.conf import settings
from django.utils.translation import get_language, to_locale


@functools.lru_cache(maxsize=16)
def _locale(language):
    try:
        return Locale.parse(to_locale(language))
    except (UnknownLocaleError, ValueError):
        return None


def _cldr():
    """The CLDR locale of the active language; None for the default language (whose names
    are the archive's own)."""
    language = get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return None
    return _locale(language)


def country_name(code, default=""):
    """The name of the country ``code`` (ISO 3166-1 alpha-2) in the active language."""
    locale = _cldr()
    if locale is None or not code:
        return default
    return locale.territories.get(code.upper(), default)


def language_name(code, default=""):
    """The name of the language ``code`` (ISO 639-1, or 639-2 as "fil") in the active
    language."""
    locale = _cldr()
    if locale is None or not code:
        return default
    return locale.languages.get(code.lower(), default)
