"""Search every kind of record and rank it: best match first.

A record's match is the best of its texts (a film's titles in every script and its
characters; a person's names): the whole text (or one whole line of a multi-line column:
a person's names, a character's two spellings), then its start, then anywhere. Ties go to
the record that matters more (``standing.py``: credits, adaptations, awards), then the newer.

Films and people are searched in the search index's entries (``entries.py``: one row per
text of a record, keyed in the order equal matches rank), one query a kind: the entries
whose text is the search text, those that start with it, and those that contain it, the
first few of each tier in key order, joined to the record's own row for what a hit shows.
On SQLite each tier is an FTS5 query read in rowid (key) order that stops at the few it
needs, however many entries match; PostgreSQL finds every match by the trigram index and
sorts their keys (a walk in key order would read a whole kind for a rare text). Every hit
says why it matched when that is not its shown title or name
("alternative title: …", "character: Ye-sung").
"""

from dataclasses import dataclass

from django.db import connections, router
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext, ngettext, pgettext

from . import entries, names, titles
from .models import Company, Film, FilmTitle, Person, SearchEntry
from .models.base import slug_url
from .models.film import display_title
from .models.person import distinction, name_lines
from .text import fold

#: The most rows read from each searched column (and so the deepest a group can page).
CANDIDATES = 100
#: Suggestions offered while typing, at most.
SUGGESTIONS = 8
#: Entries read for each record wanted: a record may match by several of its texts.
LINES_PER_RECORD = 4
#: The most companies or ceremonies a search reads (small tables).
SMALL_TABLE_ROWS = 1000

EXACT, PREFIX, ANYWHERE = 0, 1, 2
TITLE_KINDS = dict(FilmTitle.Kind.choices)


@dataclass
class Hit:
    kind: str  # "film", "person", "company", "ceremony"
    label: str  # what the hit is shown by
    url: str
    tier: int
    importance: int = 0
    year: int | None = None
    detail: str = ""
    reason: str = ""
    #: Shown beside the label: a person's name in its own script, or the archive's own
    #: title or name when the label is in the visitor's language.
    also: str = ""
    #: The record's id (a film's: its title in the visitor's language is read by it).
    pk: int | None = None
    #: The archive's own title or name when the label is in the visitor's language; hits
    #: rank by the archive's, so they come in the same order in every language.
    own_label: str = ""
    #: A person's best-known film, ``(its id, the arguments of models.person.distinction
    #: but its title)``, so the detail can name it in the visitor's language.
    known_for: tuple = ()

    @property
    def key(self):
        label = self.own_label or self.label
        return (self.tier, -self.importance, -(self.year or 0), label.casefold())


def in_visitor_language(hits):
    """Films shown by their titles in the visitor's language, the archive's title beside
    them, and people's best-known films named by theirs (``titles.local_titles``: one
    query for every film of ``hits``, none in the default language). People are named in
    it as their hits are made (``person_hit``)."""
    found = titles.local_titles(
        [hit.pk for hit in hits if hit.kind == "film"]
        + [hit.known_for[0] for hit in hits if hit.known_for]
    )
    for hit in hits:
        if hit.kind == "film":
            local = found.get(hit.pk)
            if local and local != hit.label:
                hit.own_label = hit.also = hit.label
                hit.label = local
        elif hit.known_for and (local := found.get(hit.known_for[0])):
            first_year, last_year, year, birth_date = hit.known_for[1:]
            hit.detail = distinction(first_year, last_year, local, year, birth_date)
    return hits


def text_tier(text, folded):
    """The tier of one text (in Python), or None when it does not contain ``folded``."""
    best = None
    for line in fold(text).split("\n") if text else ():
        if line == folded:
            return EXACT
        if line.startswith(folded):
            best = PREFIX
        elif folded in line and best is None:
            best = ANYWHERE
    return best


def _match_sql(vendor, kind, folded, rows):
    """The keys of the entries of ``kind`` that match ``folded``, ``rows`` at most of each
    tier, best first within each: ``SELECT tier, key``. On SQLite each tier reads an index
    in key order (``entries.py``) and stops at ``rows``, however many match."""
    low, high = entries.kind_range(kind)
    table = entries.TABLE
    keys = "key >= %s AND key < %s ORDER BY key LIMIT %s"
    exact = (f"SELECT 0 AS tier, key FROM {table} WHERE folded = %s AND {keys}", [folded])
    if vendor == "postgresql":
        like = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        if len(folded) >= 3:
            # Every match first (the trigram index), then the best: PostgreSQL cannot know
            # how far a walk in key order would go before it met the first few, and for a
            # rare text it would read every entry of the kind. The kind is written out, as
            # in the condition of its part of the index (search.PARTS).
            matching = (
                "WITH every AS MATERIALIZED (SELECT key FROM {table} WHERE folded LIKE %s "
                f"AND kind = {int(kind)} AND key >= %s AND key < %s) "
                "SELECT {tier}, key FROM every ORDER BY key LIMIT %s"
            ).format
        else:
            # No trigram index helps: the first entries in key order that match.
            matching = "SELECT {tier}, key FROM {table} WHERE folded LIKE %s AND {keys}".format
        prefix = (matching(tier=1, table=table, keys=keys), [like + "%"])
        inside = (matching(tier=2, table=table, keys=keys), [f"%{like}%"])
    elif len(folded) >= 3:
        # FTS5 reads its matches in rowid (key) order; ^ anchors the phrase at the start.
        fts = f"{table}_fts"
        phrase = '"' + folded.replace('"', '""') + '"'
        keys_fts = keys.replace("key", "rowid")
        where = f"SELECT {{}}, rowid FROM {fts} WHERE {fts} MATCH %s AND {keys_fts}".format
        prefix = (where(1), ["^" + phrase])
        inside = (where(2), [phrase])
    else:
        # Under three characters no trigram helps: the first rows in key order that match.
        prefix = (
            f"SELECT 1, key FROM {table} WHERE folded >= %s AND folded < %s AND {keys}",
            [folded, folded + "\U0010ffff"],
        )
        inside = (f"SELECT 2, key FROM {table} WHERE instr(folded, %s) > 0 AND {keys}", [folded])
    parts, params = [], []
    for number, (sql, args) in enumerate((exact, prefix, inside)):
        parts.append(f"SELECT * FROM ({sql}) AS tier{number}")
        params += [*args, low, high, rows]
    return " UNION ALL ".join(parts), params


def _best(kind, folded, limit, columns, join, order):
    """One query: the rows of the best ``limit`` records of ``kind`` (``columns`` of the
    record's table, ``join``ed as ``r``), each with the entry that matched it best, sorted
    by ``order(row)`` (as ``Hit.key`` sorts)."""
    connection = connections[router.db_for_read(SearchEntry)]
    matches, params = _match_sql(connection.vendor, kind, folded, limit * LINES_PER_RECORD)
    sql = (
        f"SELECT m.tier, e.record, e.source, e.text, e.other, {columns} FROM ({matches}) AS m "
        f"JOIN {entries.TABLE} e ON e.key = m.key JOIN {join} r ON r.id = e.record "
        "ORDER BY m.tier, m.key"
    )
    best = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for row in cursor.fetchall():
            best.setdefault(row[1], row)
    return sorted(best.values(), key=order)[:limit]


# Films ----------------------------------------------------------------------------------


def films(folded, limit=CANDIDATES):
    """The films whose title (any, in any script) or character contains ``folded``, best
    first: one query."""
    hits = []
    rows = _best(
        entries.FILM,
        folded,
        limit,
        "r.slug, r.title, r.year, r.importance",
        "archive_film",
        lambda row: (row[0], -row[8], -(row[7] or 0), display_title(row[6]).casefold()),
    )
    for rank, pk, source, text, other, slug, title, year, importance in rows:
        if source == "title":
            reason = ""
        elif source == "character":
            reason = gettext("character: %(text)s") % {"text": text} + (
                f" ({other})" if other else ""
            )
        else:
            kind = str(TITLE_KINDS.get(source, gettext("title"))).lower()
            reason = f"{kind}: {text}"
        hits.append(
            Hit(
                "film",
                display_title(title),
                slug_url("archive:film-detail", slug),
                rank,
                importance,
                year,
                detail=gettext("Film, %(year)s") % {"year": year} if year else gettext("Film"),
                reason=reason,
                pk=pk,
            )
        )
    return hits


def film_count(folded, cap):
    return Film.objects.search(folded).order_by().values("pk")[: cap + 1].count()


# People ---------------------------------------------------------------------------------

PERSON_FIELDS = (
    "pk",
    "slug",
    "name",
    "name_original",
    "other_names",
    "importance",
    "first_year",
    "last_year",
    "known_for_title",
    "known_for_year",
    "birth_date",
    "known_for_film_id",
)


def person_hit(row, rank=EXACT, folded=""):
    """A person's row (``PERSON_FIELDS``) as a hit, with what tells namesakes apart: named
    in the script of the visitor's language when the archive has the name in it
    (``names.own_script_name``), the Latin name beside it; else by the Latin name, the name
    in its own script beside it."""
    name, original = row["name"], row["name_original"]
    own = names.own_script_name(name, original)
    reason = ""
    if folded and text_tier(name, folded) is None:
        if original and text_tier(original, folded) is not None:
            if not own:
                reason = gettext("name in original script: %(name)s") % {"name": original}
        else:
            others = [n for n in name_lines(row["other_names"]) if text_tier(n, folded) is not None]
            if others:
                reason = gettext("also known as: %(name)s") % {"name": others[0]}
    detail = distinction(
        row["first_year"],
        row["last_year"],
        row["known_for_title"],
        row["known_for_year"],
        row["birth_date"],
    )
    return Hit(
        "person",
        own or name,
        slug_url("archive:person-detail", row["slug"]),
        rank,
        row["importance"],
        row["last_year"],
        detail=detail,
        reason=reason,
        also=name if own else original,
        pk=row["pk"],
        own_label=name if own else "",
        known_for=(
            row["known_for_film_id"],
            row["first_year"],
            row["last_year"],
            row["known_for_year"],
            row["birth_date"],
        )
        if row["known_for_film_id"]
        else (),
    )


def people(folded, limit=CANDIDATES):
    """The people with ``folded`` in any of their names, best first: one query."""
    columns = ", ".join(f"r.{name}" if name != "pk" else "r.id" for name in PERSON_FIELDS)
    rows = _best(
        entries.PERSON,
        folded,
        limit,
        columns,
        "archive_person",
        # tier, importance, last year, name: as Hit.key
        lambda row: (row[0], -row[10], -(row[12] or 0), row[7].casefold()),
    )
    return [
        person_hit(dict(zip(PERSON_FIELDS, row[5:], strict=True)), row[0], folded) for row in rows
    ]


def person_count(folded, cap):
    return Person.objects.search(folded).order_by().values("pk")[: cap + 1].count()


# Companies and ceremonies (small tables: read whole, one query for both) ---------------


def _small_sql(vendor, table, kind):
    """A small table's rows whose name contains the text, case aside (as Django's
    ``icontains``): ``kind, tier, name, slug, country code, country``."""
    name = "UPPER(t.name::text)" if vendor == "postgresql" else "t.name"
    like = "LIKE UPPER(%s)" if vendor == "postgresql" else "LIKE %s ESCAPE '\\'"
    return (
        f"SELECT * FROM (SELECT '{kind}' AS kind, CASE WHEN {name} {like} THEN {EXACT} "
        f"WHEN {name} {like} THEN {PREFIX} ELSE {ANYWHERE} END AS tier, t.name, t.slug, "
        f"c.code, c.name AS country FROM {table} t "
        "LEFT JOIN archive_country c ON c.id = t.country_id "
        f"WHERE {name} {like} ORDER BY tier, t.name, t.id LIMIT {SMALL_TABLE_ROWS}) AS {kind}"
    )


def small_tables(text):
    """``(companies, ceremonies)``: the hits of each, best first (one query)."""
    connection = connections[router.db_for_read(Company)]
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    patterns = [escaped, escaped + "%", f"%{escaped}%"]
    sql = " UNION ALL ".join(
        _small_sql(connection.vendor, table, kind)
        for table, kind in (("archive_company", "company"), ("archive_ceremony", "ceremony"))
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, patterns * 2)
        rows = cursor.fetchall()
    found = {"company": [], "ceremony": []}
    awards = reverse("archive:award-list")
    for kind, tier, name, slug, code, country in rows:
        country = names.country_name(code, country)
        if kind == "company":
            detail = (
                gettext("Company, %(country)s") % {"country": country}
                if country
                else gettext("Company")
            )
            hit = Hit(kind, name, "", tier, detail=detail)
        else:
            url = awards + "?" + urlencode({"ceremony": slug})
            detail = (
                gettext("Awards, %(country)s") % {"country": country}
                if country
                else pgettext("an awards ceremony", "Awards")
            )
            hit = Hit(kind, name, url, tier, detail=detail)
        found[kind].append(hit)
    return found["company"], found["ceremony"]


def suggestion_statuses():
    """What the header box's live region says for 0 to ``SUGGESTIONS`` suggestions, in the
    active language: ``statuses[n]`` for ``n`` of them.

    The header template (through ``archive/jinja2.py``) writes them into the page
    (``data-suggest-status-<n>``) for ``static/archive/search.js``, so each language's
    plural forms come from its catalogue through ``ngettext``, and the suggestions' JSON
    stays the plain list that DESIGN.md documents."""
    return [gettext("No suggestions.")] + [
        ngettext(
            "%(count)s suggestion: use the up and down arrows to choose, Enter to open.",
            "%(count)s suggestions: use the up and down arrows to choose, Enter to open.",
            count,
        )
        % {"count": count}
        for count in range(1, SUGGESTIONS + 1)
    ]
