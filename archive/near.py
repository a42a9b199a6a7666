"""Near misses: when a search finds nothing, the closest names ("Did you mean Ye-sung?").

Closeness is trigram similarity, as PostgreSQL's pg_trgm measures it: each word is padded
("  ye ", "  sung "), cut into its three-letter pieces, and two texts are as close as the
share of pieces they have in common. A one-letter typo, a missing hyphen or two swapped
syllables keep most pieces, so they stay close.

The database finds the candidates on the trigram indexes search already has:

- PostgreSQL: pg_trgm's ``%`` (similarity of the whole text above
  ``pg_trgm.similarity_threshold``) or ``<%`` (of its closest run of words, above
  ``pg_trgm.word_similarity_threshold``), both served by the GIN ``gin_trgm_ops`` indexes;
- SQLite: the FTS5 ``trigram`` tables, asked for any of the query's three-letter pieces
  (four-letter ones for a longer query) and ranked by bm25 (rarer pieces weigh more).

Python then scores the few candidates the same way on both (:func:`similarity`, per line and
per run of words, so a close first name inside a long title counts), keeps those above
``THRESHOLD`` and gives the best.
"""

import re

from django.db import connection

#: The least similarity a near miss needs (pg_trgm's own default is 0.3 for whole texts).
THRESHOLD = 0.5
#: Candidates read from each searched column.
CANDIDATES = 40

_WORD = re.compile(r"\w+")


def trigrams(text):
    """pg_trgm's pieces of ``text`` (already folded): each word padded with two spaces before
    and one after."""
    pieces = set()
    for word in _WORD.findall(text):
        padded = f"  {word} "
        pieces.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return pieces


def similarity(query, text):
    """How close the folded ``query`` is to the closest part of the folded ``text``: each
    line, and each run of as many words as the query has or one more (pg_trgm's word
    similarity, near enough; never fewer, or "Ye-seung" would be close to any "Seung"),
    from 0 to 1."""
    wanted = trigrams(query)
    if not wanted:
        return 0.0
    size = max(1, len(_WORD.findall(query)))
    best = 0.0
    for line in text.split("\n"):
        words = _WORD.findall(line)
        spans = {" ".join(words[i : i + n]) for n in (size, size + 1)
                 for i in range(max(1, len(words) - n + 1))}  # fmt: skip
        spans.add(line)
        for span in spans:
            pieces = trigrams(span)
            if pieces:
                best = max(best, len(wanted & pieces) / len(wanted | pieces))
    return best


#: From this many characters on, SQLite's candidates share a four-character piece with the
#: query, not only three: a typo of one letter leaves most of them, and each is rarer, so
#: bm25 ranks far fewer rows (a trigram such as "ght" or "ung" is in thousands of names).
LONG_QUERY = 6


def _fts_query(folded):
    """Any of the three-character pieces of ``folded`` (four-character ones from
    ``LONG_QUERY`` characters on), as an FTS5 trigram query."""
    size = 4 if len(folded) >= LONG_QUERY else 3
    pieces = sorted({folded[i : i + size] for i in range(len(folded) - size + 1)})
    return " OR ".join('"' + piece.replace('"', '""') + '"' for piece in pieces)


def _sqlite(table, shown, folded):
    ids = (
        f'SELECT rowid FROM "{table}_fts" WHERE "{table}_fts" MATCH %s ORDER BY rank '
        f"LIMIT {CANDIDATES}"
    )
    return f'SELECT {shown} FROM "{table}" WHERE id IN ({ids})', [_fts_query(folded)]


def _postgresql(table, shown, column, folded):
    return (
        f'SELECT {shown} FROM "{table}" WHERE %s %% "{column}" OR %s <%% "{column}" '
        f'ORDER BY greatest(similarity(%s, "{column}"), word_similarity(%s, "{column}")) DESC '
        f"LIMIT {CANDIDATES}",
        [folded] * 4,
    )


#: kind -> (table, folded column, columns shown: the texts a near miss may offer).
SOURCES = {
    "films": (
        ("archive_film", "title_folded", "title, ''"),
        ("archive_filmtitle", "folded", "text, ''"),
        ("archive_role", "character_folded", "character, character_original"),
    ),
    "people": (
        ("archive_person", "names_folded", "name, name_original || char(10) || other_names"),
    ),
}


def closest(kind, folded, limit=3):
    """The texts of ``kind`` ("films": titles and characters; "people": names) closest to
    ``folded``, best first: one query. Nothing for a query of under three characters."""
    from .text import fold

    if len(folded) < 3 or connection.vendor not in ("sqlite", "postgresql"):
        return []
    parts, params = [], []
    for table, column, shown in SOURCES[kind]:
        if connection.vendor == "postgresql":
            shown = shown.replace("char(10)", "chr(10)")
            sql, args = _postgresql(table, shown, column, folded)
        else:
            sql, args = _sqlite(table, shown, folded)
        parts.append(f"SELECT * FROM ({sql}) AS t{len(parts)}")
        params.extend(args)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        rows = cursor.fetchall()
    scored = {}
    for row in rows:
        for text in (line for cell in row if cell for line in cell.split("\n") if line.strip()):
            score = similarity(folded, fold(text))
            if score >= THRESHOLD and fold(text) != folded:
                scored[text] = max(score, scored.get(text, 0))
    ranked = sorted(scored.items(), key=lambda item: (-item[1], item[0]))
    seen, best = set(), []
    for text, _ in ranked:
        if fold(text) not in seen:
            seen.add(fold(text))
            best.append(text)
    return best[:limit]
