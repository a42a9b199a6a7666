"""Text folding for search: case, accents and look-alike letters do not matter.

``fold("7. Koğuştaki Mucize") == fold("7. KOGUSTAKI MUCIZE") == "7. kogustaki mucize"``.
Scripts without case or accents (Hangul, Han, Kannada) pass through unchanged (their vowel
signs and viramas are letters, not accents), so a title in its own script is found by the
same text.
"""

import unicodedata

# Letters that Unicode does not decompose into a base letter plus a mark.
_EXTRA = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ł": "l",
        "Ł": "l",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "þ": "th",
        "ð": "d",
        "ŏ": "o",
        "ŭ": "u",
    }
)


#: The combining blocks that hold accents (Latin, Greek, Cyrillic); the vowel signs and
#: viramas of Indic scripts are parts of letters and stay.
_ACCENT_RANGES = (
    (0x0300, 0x036F),
    (0x1AB0, 0x1AFF),
    (0x1DC0, 0x1DFF),
    (0x20D0, 0x20FF),
    (0xFE20, 0xFE2F),
)


def _is_accent(ch):
    code = ord(ch)
    return any(low <= code <= high for low, high in _ACCENT_RANGES)


def fold(text):
    """Return ``text`` lower-cased, without accents, with its white space collapsed."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text).translate(_EXTRA))
    bare = "".join(ch for ch in decomposed if not _is_accent(ch))
    folded = unicodedata.normalize("NFKC", bare).casefold().translate(_EXTRA)
    return " ".join(folded.split())
