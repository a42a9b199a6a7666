"""Search every kind of record and rank it: best match first.

A record's match is the best of its texts (a film's titles in every script and its
characters; a person's names): the whole text (or one whole line of a multi-line column:
a person's names, a character's two spellings), then its start, then anywhere. Ties go to
the record that matters more (``standing.py``: credits, adaptations, awards), then the newer.

Each searched column is read once, narrowed by its trigram index (``search.matching``) and
already ranked by the database, at most ``CANDIDATES`` rows: so the best ``CANDIDATES``
records of each kind come out in the right order, at any size of archive, in a fixed
number of queries. Every hit says why it matched when that is not its shown title or name
("alternative title: …", "character: Ye-sung").
"""

from dataclasses import dataclass, field

from django.db.models import Case, F, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils.http import urlencode

from .models import Ceremony, Company, Film, FilmTitle, Person, Role
from .models.base import slug_url
from .models.film import display_title
from .models.person import distinction, name_lines
from .search import matching
from .text import fold

#: The most rows read from each searched column (and so the deepest a group can page).
CANDIDATES = 100
#: The most companies or ceremonies a search reads (small tables).
SMALL_TABLE_ROWS = 1000

EXACT, PREFIX, ANYWHERE = 0, 1, 2
TITLE_KINDS = dict(FilmTitle.Kind.choices)


@dataclass
class Hit:
    kind: str  # "film", "person", "company", "ceremony"
    label: str
    url: str
    tier: int
    importance: int = 0
    year: int | None = None
    detail: str = ""
    reason: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def key(self):
        return (self.tier, -self.importance, -(self.year or 0), self.label.casefold())


def tier(column, folded, lines=False):
    """0 when ``column`` is ``folded`` (or, with ``lines``, one of its lines is), 1 when it
    (or a line) starts with it, 2 otherwise."""
    exact = Q(**{column: folded})
    prefix = Q(**{f"{column}__startswith": folded})
    if lines:
        exact |= (
            Q(**{f"{column}__startswith": folded + "\n"})
            | Q(**{f"{column}__endswith": "\n" + folded})
            | Q(**{f"{column}__contains": "\n" + folded + "\n"})
        )
        prefix |= Q(**{f"{column}__contains": "\n" + folded})
    return Case(
        When(exact, then=Value(EXACT)),
        When(prefix, then=Value(PREFIX)),
        default=Value(ANYWHERE),
        output_field=IntegerField(),
    )


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


def _ranked(queryset, column, folded, order, fields, lines=False, limit=CANDIDATES):
    rows = matching(queryset, column, folded).annotate(tier=tier(column, folded, lines))
    return list(rows.order_by("tier", *order).values("tier", *fields)[:limit])


# Films ----------------------------------------------------------------------------------

FILM_ORDER = (F("importance").desc(), F("year").desc(nulls_last=True), "pk")
RELATED_FILM_ORDER = (
    F("film__importance").desc(),
    F("film__year").desc(nulls_last=True),
    "film_id",
)
RELATED_FILM_FIELDS = ("film_id", "film__slug", "film__title", "film__year", "film__importance")


def films(folded, limit=CANDIDATES):
    """The films whose title (any, in any script) or character contains ``folded``, best
    first: three queries."""
    found = {}

    def offer(pk, slug, title, year, importance, rank, reason=""):
        hit = found.get(pk)
        if hit is None or rank < hit.tier:
            found[pk] = Hit(
                "film",
                display_title(title),
                slug_url("archive:film-detail", slug),
                rank,
                importance,
                year,
                detail=f"Film, {year}" if year else "Film",
                reason=reason,
            )

    for row in _ranked(
        Film.objects.all(),
        "title_folded",
        folded,
        FILM_ORDER,
        ("pk", "slug", "title", "year", "importance"),
        limit=limit,
    ):
        offer(row["pk"], row["slug"], row["title"], row["year"], row["importance"], row["tier"])
    for row in _ranked(
        FilmTitle.objects.all(),
        "folded",
        folded,
        RELATED_FILM_ORDER,
        (*RELATED_FILM_FIELDS, "kind", "text"),
        limit=limit,
    ):
        same = fold(row["text"]) == fold(row["film__title"])
        reason = "" if same else f"{TITLE_KINDS.get(row['kind'], 'title').lower()}: {row['text']}"
        offer(*_film_of(row), row["tier"], reason)
    for row in _ranked(
        Role.objects.all(),
        "character_folded",
        folded,
        RELATED_FILM_ORDER,
        (*RELATED_FILM_FIELDS, "character", "character_original"),
        lines=True,
        limit=limit,
    ):
        spellings = [row["character"], row["character_original"]]
        matched = [s for s in spellings if s and text_tier(s, folded) is not None] or spellings
        names = [matched[0], *(s for s in spellings if s and s not in matched[:1])]
        shown = names[0] + (f" ({names[1]})" if len(names) > 1 else "")
        offer(*_film_of(row), row["tier"], f"character: {shown}")
    return sorted(found.values(), key=lambda hit: hit.key)[:limit]


def _film_of(row):
    return (
        row["film_id"],
        row["film__slug"],
        row["film__title"],
        row["film__year"],
        row["film__importance"],
    )


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
)


def person_hit(row, rank=EXACT, folded=""):
    """A person's row (``PERSON_FIELDS``) as a hit, with what tells namesakes apart."""
    reason = ""
    if folded and text_tier(row["name"], folded) is None:
        if row["name_original"] and text_tier(row["name_original"], folded) is not None:
            reason = f"name in original script: {row['name_original']}"
        else:
            others = [n for n in name_lines(row["other_names"]) if text_tier(n, folded) is not None]
            if others:
                reason = f"also known as: {others[0]}"
    detail = distinction(
        row["first_year"],
        row["last_year"],
        row["known_for_title"],
        row["known_for_year"],
        row["birth_date"],
    )
    return Hit(
        "person",
        row["name"],
        slug_url("archive:person-detail", row["slug"]),
        rank,
        row["importance"],
        row["last_year"],
        detail=detail,
        reason=reason,
        extra={"name_original": row["name_original"]},
    )


def people(folded, limit=CANDIDATES):
    """The people with ``folded`` in any of their names, best first: one query."""
    rows = _ranked(
        Person.objects.all(),
        "names_folded",
        folded,
        (F("importance").desc(), F("last_year").desc(nulls_last=True), "name", "pk"),
        PERSON_FIELDS,
        lines=True,
        limit=limit,
    )
    return [person_hit(row, row["tier"], folded) for row in rows]


def person_count(folded, cap):
    return Person.objects.search(folded).order_by().values("pk")[: cap + 1].count()


# Companies and ceremonies (small tables: read whole, one query each) -------------------


def _small(model, text, fields):
    rows = (
        model.objects.filter(name__icontains=text)
        .annotate(
            tier=Case(
                When(name__iexact=text, then=Value(EXACT)),
                When(name__istartswith=text, then=Value(PREFIX)),
                default=Value(ANYWHERE),
                output_field=IntegerField(),
            )
        )
        .order_by("tier", "name", "pk")
        .values("tier", *fields)[:SMALL_TABLE_ROWS]
    )
    return list(rows)


def companies(text):
    return [
        Hit(
            "company",
            row["name"],
            "",
            row["tier"],
            detail=f"Company, {row['country__name']}" if row["country__name"] else "Company",
        )
        for row in _small(Company, text, ("name", "country__name"))
    ]


def ceremonies(text):
    return [
        Hit(
            "ceremony",
            row["name"],
            reverse("archive:award-list") + "?" + urlencode({"ceremony": row["slug"]}),
            row["tier"],
            detail=f"Awards, {row['country__name']}" if row["country__name"] else "Awards",
        )
        for row in _small(Ceremony, text, ("name", "slug", "country__name"))
    ]
