"""A title concept rendered in each language, with its grammar.

A concept is (noun, adjective, second noun) as indexes into the word tables of
:mod:`.vocabulary`, -1 for "none"; each ``title_*`` function returns (title, romanization
or None).
"""

from .romanize import romanize_el, romanize_ru
from .vocabulary import (
    ADJECTIVES_EL,
    ADJECTIVES_EN,
    ADJECTIVES_ES,
    ADJECTIVES_FR,
    ADJECTIVES_HI,
    ADJECTIVES_JA,
    ADJECTIVES_KO,
    ADJECTIVES_RU,
    ADJECTIVES_TR,
    ADJECTIVES_ZH,
    ARTICLES_EL,
    NOUNS_EL,
    NOUNS_EN,
    NOUNS_ES,
    NOUNS_FR,
    NOUNS_HI,
    NOUNS_JA,
    NOUNS_KO,
    NOUNS_RU,
    NOUNS_TR,
    NOUNS_ZH,
)


def _capitalize(text):
    return text[:1].upper() + text[1:]


def _title_words(text):
    return " ".join(_capitalize(word) for word in text.split(" "))


def title_en(noun, adjective, other):
    if adjective >= 0:
        return f"The {ADJECTIVES_EN[adjective]} {NOUNS_EN[noun]}", None
    if other >= 0:
        return f"The {NOUNS_EN[noun]} and the {NOUNS_EN[other]}", None
    return f"The {NOUNS_EN[noun]}", None


def _has_final_consonant(hangul):
    return (ord(hangul[-1]) - 0xAC00) % 28 != 0


def title_ko(noun, adjective, other):
    text, latin = NOUNS_KO[noun]
    if adjective >= 0:
        word, word_latin = ADJECTIVES_KO[adjective]
        return f"{word} {text}", _title_words(f"{word_latin} {latin}")
    if other >= 0:
        text2, latin2 = NOUNS_KO[other]
        particle, particle_latin = ("과", "gwa") if _has_final_consonant(text) else ("와", "wa")
        return f"{text}{particle} {text2}", _title_words(f"{latin}-{particle_latin} {latin2}")
    return text, _capitalize(latin)


def _unspaced(nouns, adjectives, conjunction, noun, adjective, other):
    """A title in a script written without spaces (Japanese, Chinese); its romanization
    capitalizes the words but not the particles (Shizuka na Kawa, Chénmò de Hé)."""
    text, latin = nouns[noun]
    if adjective >= 0:
        word, word_latin = adjectives[adjective]
        return f"{word}{text}", f"{_capitalize(word_latin)} {_capitalize(latin)}"
    if other >= 0:
        text2, latin2 = nouns[other]
        joined, joined_latin = conjunction
        return (
            f"{text}{joined}{text2}",
            f"{_capitalize(latin)} {joined_latin} {_capitalize(latin2)}",
        )
    return text, _capitalize(latin)


def title_ja(noun, adjective, other):
    return _unspaced(NOUNS_JA, ADJECTIVES_JA, ("と", "to"), noun, adjective, other)


def title_zh(noun, adjective, other):
    return _unspaced(NOUNS_ZH, ADJECTIVES_ZH, ("与", "yǔ"), noun, adjective, other)


_GENDER_INDEX = {"m": 0, "f": 1, "n": 2}


def title_ru(noun, adjective, other):
    text, gender = NOUNS_RU[noun]
    if adjective >= 0:
        text = f"{ADJECTIVES_RU[adjective][_GENDER_INDEX[gender]]} {text}"
    elif other >= 0:
        text = f"{text} и {NOUNS_RU[other][0]}"
    text = _capitalize(text)
    return text, romanize_ru(text)


def title_el(noun, adjective, other):
    text, gender = NOUNS_EL[noun]
    if adjective >= 0:
        text = f"{ADJECTIVES_EL[adjective][_GENDER_INDEX[gender]]} {text}"
    text = f"{ARTICLES_EL[gender]} {text}"
    if other >= 0:
        text2, gender2 = NOUNS_EL[other]
        text = f"{text} και {ARTICLES_EL[gender2]} {text2}"
    text = _capitalize(text)
    return text, romanize_el(text)


def title_hi(noun, adjective, other):
    text, gender, latin = NOUNS_HI[noun]
    if adjective >= 0:
        adjective_m, adjective_f, latin_m, latin_f = ADJECTIVES_HI[adjective]
        if gender == "f":
            return f"{adjective_f} {text}", f"{latin_f} {latin}"
        return f"{adjective_m} {text}", f"{latin_m} {latin}"
    if other >= 0:
        text2, _, latin2 = NOUNS_HI[other]
        return f"{text} और {text2}", f"{latin} Aur {latin2}"
    return text, latin


def title_tr(noun, adjective, other):
    if adjective >= 0:
        return f"{ADJECTIVES_TR[adjective]} {NOUNS_TR[noun]}", None
    if other >= 0:
        return f"{NOUNS_TR[noun]} ve {NOUNS_TR[other]}", None
    return NOUNS_TR[noun], None


def _french_article(gender, next_word):
    if next_word[0] in "aeiouyéèêîôâh":
        return "l'"
    return "la " if gender == "f" else "le "


def _french_phrase(noun, adjective=-1):
    """The noun phrase with its article and French title capitals (La Rivière silencieuse)."""
    text, gender = NOUNS_FR[noun]
    if adjective < 0:
        return _french_article(gender, text) + _capitalize(text)
    masculine, feminine, before_vowel, before = ADJECTIVES_FR[adjective]
    word = feminine if gender == "f" else masculine
    if before:
        if gender == "m" and before_vowel and text[0] in "aeiouyéèêîôâh":
            word = before_vowel
        return f"{_french_article(gender, word)}{_capitalize(word)} {_capitalize(text)}"
    return f"{_french_article(gender, text)}{_capitalize(text)} {word}"


def title_fr(noun, adjective, other):
    text = _french_phrase(noun, adjective)
    if other >= 0:
        second = _french_phrase(other)
        text = f"{text} et {second[:1].lower()}{second[1:]}"
    return _capitalize(text), None


def _spanish_phrase(noun, adjective=-1):
    text, gender = NOUNS_ES[noun]
    article = "la" if gender == "f" else "el"
    if adjective < 0:
        return f"{article} {text}"
    masculine, feminine, before = ADJECTIVES_ES[adjective]
    word = feminine if gender == "f" else masculine
    return f"{article} {word} {text}" if before else f"{article} {text} {word}"


def title_es(noun, adjective, other):
    text = _spanish_phrase(noun, adjective)
    if other >= 0:
        text = f"{text} y {_spanish_phrase(other)}"
    return _capitalize(text), None
