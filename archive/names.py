"""Names in the visitor's language: countries and languages from the CLDR data that Babel
ships (no table of names is kept here), and people's names in the script of that language.

The archive stores one name per country and language (its English name, which editors may
word, as "Türkiye"). In English that stored name is shown; in any other language the CLDR
name for the code is, and the stored name when CLDR has none. Filters, links and exports
keep the codes, which are the same in every language.

A person's name is stored in Latin letters (``name``) and, where the archive has it, in its
own script (``name_original``). A visitor whose language is written in that script reads
the name in it first, the Latin name beside it (류승룡 for a Korean visitor); everyone else
reads the Latin name, as in English. The script of a language is CLDR's likely script for it
(Babel's ``likely_subtags``: ko → Kore, tr → Latn); the script of a letter is read from its
Unicode name (``unicodedata``: "HANGUL SYLLABLE RYU" is Hangul), matched against CLDR's
English names of the scripts. So a new language needs no code here.
"""

import functools
import unicodedata

from babel import Locale, UnknownLocaleError
from babel.core import get_global, parse_locale
from django.conf import settings
from django.utils.translation import get_language, to_locale


@functools.lru_cache(maxsize=16)
def _locale(language):
    try:
        return Locale.parse(to_locale(language))
    except (UnknownLocaleError, ValueError):
        return None


def visitor_language():
    """The active language's code when it is not the default language, else None: in the
    default language every page shows the archive's own names and titles."""
    language = get_language() or settings.LANGUAGE_CODE
    return None if language == settings.LANGUAGE_CODE else language


def record_language_code(language):
    """The ISO 639 code the archive's records use for ``language`` (a language code of
    ``settings.LANGUAGES``, which may carry a region or script: "pt-br" → "pt")."""
    return language.split("-")[0].lower()


def _cldr():
    """The CLDR locale of the active language; None for the default language (whose names
    are the archive's own)."""
    language = visitor_language()
    return None if language is None else _locale(language)


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


# Scripts ---------------------------------------------------------------------------------

#: ISO 15924's codes for scripts used together, by the scripts they combine: Korean is
#: written in Hangul and Han, Japanese in Han, Hiragana and Katakana.
COMBINED_SCRIPTS = {
    "Kore": frozenset({"Hang", "Hani"}),
    "Jpan": frozenset({"Hani", "Hira", "Kana"}),
    "Hrkt": frozenset({"Hira", "Kana"}),
    "Hans": frozenset({"Hani"}),
    "Hant": frozenset({"Hani"}),
    "Hanb": frozenset({"Hani", "Bopo"}),
}

#: Where Unicode's character names call a script otherwise than CLDR's English name for it
#: ("CJK UNIFIED IDEOGRAPH-4E00" is Han; CLDR says "Bangla" and "Odia").
UNICODE_SCRIPT_NAMES = {
    "Hani": ("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH"),
    "Beng": ("BENGALI",),
    "Orya": ("ORIYA",),
}


@functools.cache
def _script_prefixes():
    """``{first word: [(name, script code)]}``: how the names of the letters of each script
    begin, longest first."""
    names = [(name.upper(), code) for code, name in Locale("en").scripts.items()]
    names += [(name, code) for code, aliases in UNICODE_SCRIPT_NAMES.items() for name in aliases]
    prefixes = {}
    for name, code in sorted(names, key=lambda pair: -len(pair[0])):
        prefixes.setdefault(name.split(" ", 1)[0], []).append((name, code))
    return prefixes


@functools.lru_cache(maxsize=8192)
def letter_script(letter):
    """The ISO 15924 code of the script of ``letter`` ("류" → "Hang"), from its Unicode
    name; None when no script's name begins it."""
    name = unicodedata.name(letter, "")
    for prefix, code in _script_prefixes().get(name.split(" ", 1)[0], ()):
        if name.startswith(prefix) and name[len(prefix) : len(prefix) + 1] in ("", " ", "-"):
            return code
    return None


@functools.lru_cache(maxsize=16)
def language_scripts(language):
    """The scripts ``language`` is written in: the script its code names ("zh-hant"), else
    CLDR's likely script for it (ko → Kore: Hangul and Han)."""
    locale = _locale(language)
    if locale is None:
        return frozenset()
    script = locale.script
    if script is None:
        likely = get_global("likely_subtags").get(locale.language)
        script = parse_locale(likely)[2] if likely else None
    if script is None:
        return frozenset()
    return COMBINED_SCRIPTS.get(script, frozenset({script}))


@functools.lru_cache(maxsize=4096)
def written_in(text, scripts):
    """Whether every letter of ``text`` (and it has one) is of one of ``scripts``; spaces,
    digits and punctuation do not count."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(letter_script(ch) in scripts for ch in letters)


def own_script_name(name, name_original):
    """The name a person is shown by first in the active language when it is not their
    Latin ``name``: ``name_original`` when it is written in the script of that language
    (류승룡 on a Korean page); "" otherwise, and always in the default language."""
    if not name_original or name_original == name:
        return ""
    language = visitor_language()
    if language is None:
        return ""
    return name_original if written_in(name_original, language_scripts(language)) else ""
