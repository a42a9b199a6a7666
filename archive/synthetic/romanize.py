"""Romanization of Cyrillic and Greek (simplified BGN/PCGN and ELOT 743), for the romanized
titles and the Latin names of Russian and Greek people."""

import unicodedata

_RU_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
_EL_LATIN = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th",
    "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r",
    "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
}  # fmt: skip
# Pairs of letters read as one sound; the second value is the form at the start of a word.
_EL_PAIRS = {
    "ου": ("ou", "ou"),
    "αι": ("ai", "ai"),
    "ει": ("ei", "ei"),
    "οι": ("oi", "oi"),
    "αυ": ("av", "av"),
    "ευ": ("ev", "ev"),
    "γγ": ("ng", "ng"),
    "γκ": ("ng", "g"),
    "μπ": ("mb", "b"),
    "ντ": ("nt", "d"),
}


def _cased(latin, original):
    return latin[:1].upper() + latin[1:] if original.isupper() else latin


def romanize_ru(text):
    return "".join(_cased(_RU_LATIN.get(ch.lower(), ch), ch) for ch in text)


def romanize_el(text):
    bare = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    out, i = [], 0
    while i < len(bare):
        ch = bare[i]
        pair = bare[i : i + 2].lower()
        if pair in _EL_PAIRS:
            inside, initial = _EL_PAIRS[pair]
            latin = initial if i == 0 or not bare[i - 1].isalpha() else inside
            i += 2
        else:
            latin = _EL_LATIN.get(ch.lower(), ch)
            i += 1
        out.append(_cased(latin, ch))
    return "".join(out)
