"""Text folding for search: case, accents and look-alike letters do not matter.

``fold("7. Koğuştaki Mucize") == fold("7. KOGUSTAKI MUCIZE") == "7. kogustaki mucize"``.
Scripts without case or accents (Hangul, Han, Kannada) pass through unchanged (their vowel
signs and viramas are letters, not accents), so a title in its own script is found by the
same text.
"""

import re
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
_ACCENTS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text):
    """Return ``text`` lower-cased, without accents, with its white space collapsed."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text).translate(_EXTRA))
    bare = _ACCENTS.sub("", decomposed)
    folded = unicodedata.normalize("NFKC", bare).casefold().translate(_EXTRA)
    return " ".join(folded.split())
