"""Citations: which source says each fact a film or person page shows, numbered as the page
cites them, and how much of the archive is sourced.

Every fact the public pages show is one of two things:

- a row of its own (a title, a credit, a company credit, an award, a remake link, a
  box-office figure, a note), whose ``sources`` vouch for it;
- a field of the film record (status, release date, runtime, countries, ...), vouched for
  by the film's ``FilmFact`` row for that field with an empty value; the rows of that field
  with a value are what other sources say (``archive/models/citation.py``).

A person's names are vouched for by the person's own ``sources``.

:class:`Footnotes` numbers the sources of one page in the order the page cites them,
as Wikipedia does; :func:`film_facts` gathers a film's field facts from what
``Film.objects.with_details()`` prefetched. :func:`film_unsourced` and
:func:`person_unsourced` count, in SQL, the facts of each record that no source vouches
for (the admin's column and filter, and the sourcing report in ``views/sources.py``).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, IntegerField, OuterRef, Q, Value
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from markupsafe import Markup, escape

from .models import (
    Adaptation,
    Award,
    BoxOfficeFigure,
    CompanyCredit,
    Film,
    FilmFact,
    FilmNote,
    FilmTitle,
    Role,
    Source,
)

Fact = FilmFact.Field

#: The film's own fields a page shows, each with the condition under which the film has a
#: value for it (a fact without a value is "not recorded", not unsourced).
FILM_FIELDS = (
    (Fact.TITLE, ~Q(title="")),
    (Fact.STATUS, Q(pk__isnull=False)),
    (Fact.RELEASED, Q(year__isnull=False) | Q(release_date__isnull=False)),
    (Fact.RUNTIME, Q(runtime__isnull=False)),
    (Fact.COUNTRIES, Q(Exists(Film.countries.through.objects.filter(film_id=OuterRef("pk"))))),
    (Fact.LANGUAGE, Q(original_language__isnull=False)),
    (Fact.GENRES, Q(Exists(Film.genres.through.objects.filter(film_id=OuterRef("pk"))))),
    (Fact.SUMMARY, ~Q(summary="")),
    (Fact.BASED_ON, ~Q(based_on="")),
)

#: The facts that are rows of their own: (kind, label, model, the row's link to its film).
#: A remake link counts on the remake's side, where it is the film's "adapted from" fact.
FILM_ROWS = (
    ("titles", _("Titles"), FilmTitle, "film"),
    ("credits", _("Credits"), Role, "film"),
    ("companies", _("Company credits"), CompanyCredit, "film"),
    ("awards", _("Awards and nominations"), Award, "film"),
    ("adaptations", _("Remake and adaptation links"), Adaptation, "adaptation"),
    ("figures", _("Box-office figures"), BoxOfficeFigure, "film"),
    ("notes", _("Notes"), FilmNote, "film"),
)


# A page's footnotes -------------------------------------------------------------------------


def unsourced():
    """The mark of a fact no source vouches for, in the language of the request."""
    return Markup('<sup class="unsourced">[{}]</sup>').format(gettext("unsourced"))


@dataclass
class Mark:
    """One footnote mark: ``[number]`` linking to the source, with its own id to come back to."""

    number: int
    key: str
    ref_id: str


@dataclass
class Note:
    """One numbered source at the foot of a page, and the marks that cite it."""

    number: int
    source: object
    refs: list = field(default_factory=list)


class Footnotes:
    """The numbered sources of one page, numbered in the order the page first cites them.

    The template calls :meth:`cite` where it shows a fact, and lists :attr:`notes` at the
    foot of the page, after every fact (so every mark is numbered by then)."""

    def __init__(self):
        self._notes = {}

    def cite(self, sources):
        """The marks for a fact vouched for by ``sources`` (Source objects); [] when none."""
        marks = []
        for source in sources:
            note = self._notes.get(source.key)
            if note is None:
                note = self._notes[source.key] = Note(len(self._notes) + 1, source)
            ref_id = f"cite-ref-{note.number}-{len(note.refs) + 1}"
            note.refs.append(ref_id)
            marks.append(Mark(note.number, source.key, ref_id))
        return marks

    def marks(self, sources):
        """:meth:`cite` as the page shows it (the template's ``cite``): a linked ``[n]`` for
        each source, or "[unsourced]". Written here rather than as a template macro: a
        person page cites hundreds of credits, and a macro call is heavier than the marks."""
        marks = self.cite(sources)
        if not marks:
            return unsourced()
        return Markup(
            "".join(
                f'<sup class="cite"><a href="#source-{escape(mark.key)}" '
                f'id="{escape(mark.ref_id)}">[{mark.number}]</a></sup>'
                for mark in marks
            )
        )

    @property
    def notes(self):
        return list(self._notes.values())

    def __contains__(self, key):
        """Whether the page cites the source with this key."""
        return key in self._notes


def cite(notes, sources):
    """The template's ``cite(notes, sources)`` (``includes/_cite.html``)."""
    return notes.marks(sources)


# A film's field facts -----------------------------------------------------------------------


@dataclass
class Other:
    """A value other sources give for a fact, and those sources."""

    value: str
    sources: list
    note: str = ""


@dataclass
class FieldFact:
    """The sources of one field of a film, and the other values other sources give."""

    sources: list = field(default_factory=list)
    note: str = ""
    others: list = field(default_factory=list)


class FilmFacts(dict):
    """Field name → :class:`FieldFact`; a field nobody has sourced reads as an empty one."""

    def __missing__(self, key):
        return FieldFact()


def sources_of(row):
    """A row's sources in their order: the list :func:`attach_sources` gave it, or, for a
    row read otherwise, its ``sources``."""
    listed = getattr(row, "source_list", None)
    return listed if listed is not None else list(row.sources.all())


def attach_sources(*groups):
    """Gives every row of ``groups`` (rows of models with ``sources``: a film's titles,
    credits, awards, ...) its sources as ``row.source_list``, in their order, in two
    queries: the links of every kind of row at once (one ``UNION ALL`` of the link
    tables), then the sources, where a prefetch per kind of row would be a query each."""
    rows = defaultdict(lambda: defaultdict(list))  # model -> pk -> the row's instances
    for group in groups:
        for row in group:
            rows[type(row)][row.pk].append(row)
    models = list(rows)
    parts = [
        model.sources.through.objects.filter(
            **{f"{model.sources.field.m2m_field_name()}_id__in": list(rows[model])}
        )
        .order_by()
        .values_list(
            Value(index, output_field=IntegerField()),
            f"{model.sources.field.m2m_field_name()}_id",
            "source_id",
        )
        for index, model in enumerate(models)
    ]
    links = list(parts[0].union(*parts[1:], all=True)) if parts else []
    # The sources in their own order (Source.Meta.ordering), which each row's list keeps.
    sources = {s.pk: s for s in Source.objects.filter(pk__in={link[2] for link in links})}
    rank = {pk: number for number, pk in enumerate(sources)}
    found = defaultdict(list)
    for index, row_pk, source_pk in links:
        found[index, row_pk].append(source_pk)
    for index, model in enumerate(models):
        for pk, instances in rows[model].items():
            listed = [sources[s] for s in sorted(found.get((index, pk), ()), key=rank.get)]
            for row in instances:
                row.source_list = listed


def attach_film_sources(film, families=()):
    """:func:`attach_sources` for a film read by ``Film.objects.with_details()``: its
    titles, credits, company credits, awards, figures, notes, field facts and remake links,
    and the adaptations of the page's ``families``."""
    attach_sources(
        film.titles.all(),
        film.roles.all(),
        film.company_credits.all(),
        film.awards.all(),
        film.figures.all(),
        film.notes.all(),
        film.facts.all(),
        film.adapted_from.all(),
        *(family["adaptations"] for family in families),
    )


def film_facts(film):
    """The film's field facts, from the prefetched ``film.facts`` (no query)."""
    facts = FilmFacts()
    for row in film.facts.all():
        fact = facts.setdefault(row.field, FieldFact())
        sources = sources_of(row)
        if row.value:
            fact.others.append(Other(row.value, sources, row.note))
        else:
            fact.sources = sources
            fact.note = row.note
    return facts


def fact_record(fact):
    """A field fact for the JSON export: its sources' keys and the other values."""
    return {
        "sources": [s.key for s in fact.sources],
        "other_values": [
            {"value": o.value, "sources": [s.key for s in o.sources], "note": o.note}
            for o in fact.others
        ],
    }


def source_record(source):
    return {
        "key": source.key,
        "title": source.title,
        "url": source.url,
        "publisher": source.publisher,
    }


def unique_sources(*groups):
    """Every source of ``groups`` once, in the order first met."""
    seen = {}
    for group in groups:
        for source in group:
            seen.setdefault(source.key, source)
    return list(seen.values())


def film_sources(film, families=()):
    """Every source of the film's facts, its general sources last, from what
    ``Film.objects.with_details()`` (and the page's adaptation ``families``) prefetched."""
    rows = [
        *film.titles.all(),
        *film.roles.all(),
        *film.company_credits.all(),
        *film.awards.all(),
        *film.adapted_from.all(),
        *(a for family in families for a in family["adaptations"] if a.source_id == film.pk),
        *film.figures.all(),
        *film.notes.all(),
    ]
    facts = film_facts(film).values()
    return unique_sources(
        *(fact.sources for fact in facts),
        *(other.sources for fact in facts for other in fact.others),
        *(sources_of(row) for row in rows),
        film.sources.all(),
    )


def row_sources(model, pks):
    """``{row pk: [Source, ...]}`` for the ``model`` rows ``pks`` (ids, or a query of
    them), in one query: the pages that read their rows as values (the person page's
    credits and awards). Each row's sources in their own order (Source.Meta.ordering), as
    :func:`attach_sources` gives them."""
    link = model.sources.field.m2m_field_name()
    found = {}
    through = model.sources.through.objects.filter(**{f"{link}_id__in": pks})
    ordering = [f"source__{field}" for field in Source._meta.ordering]
    for row in through.select_related("source").order_by(f"{link}_id", *ordering):
        found.setdefault(getattr(row, f"{link}_id"), []).append(row.source)
    return found
