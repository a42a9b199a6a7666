"""Text folding for search: case, accents and look-alike letters do not matter.

``fold("7. Koğuştaki Mucize") == fold("7. KOGUSTAKI MUCIZE") == "7. kogustaki mucize"``.
Scripts without case or accents (Hangul, Han, Kannada) pass through unchanged, so a title
in its own script is found by the same text.
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


def fold(text):
    """Return ``text`` lower-cased, without accents, with its white space collapsed."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text).translate(_EXTRA))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = unicodedata.normalize("NFKC", bare).casefold().translate(_EXTRA)
    return " ".join(folded.split())
