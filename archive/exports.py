"""CSV and JSON exports, streamed row by row so that memory stays flat at any size.

A small export (``buffered``: the list decides, by the selection's size) is sent whole
instead, as a plain response, which the public page cache can keep like a page.

An export holds every row the filters select, not one page. Columns are
``(name, function of a row)`` pairs declared by each list view; the film and person
pages' ``format=json`` records are built here too.
"""

import csv

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, StreamingHttpResponse

from . import citations
from .models import FilmFact

#: The film's own fields whose sources the JSON record always lists, empty or not.
SHOWN_FIELDS = {name for name, _ in citations.FILM_FIELDS}


class _Echo:
    """A file-like object whose write() hands the line back to the csv writer's caller."""

    def write(self, value):
        return value


def _disposition(filename):
    return f'attachment; filename="{filename}"'


def _response(parts, content_type, filename, buffered):
    if buffered:
        response = HttpResponse("".join(parts), content_type=content_type)
    else:
        response = StreamingHttpResponse(parts, content_type=content_type)
    response["Content-Disposition"] = _disposition(filename)
    return response


def csv_response(rows, columns, filename, buffered=False):
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff"  # a byte-order mark, so spreadsheet programs read UTF-8
        yield writer.writerow([name for name, _ in columns])
        for row in rows:
            yield writer.writerow([_cell(value(row)) for _, value in columns])

    return _response(lines(), "text/csv; charset=utf-8", filename, buffered)


def json_response(rows, columns, filename, buffered=False):
    encoder = DjangoJSONEncoder(ensure_ascii=False)

    def chunks():
        yield "[\n"
        first = True
        for row in rows:
            record = {name: value(row) for name, value in columns}
            yield ("" if first else ",\n") + encoder.encode(record)
            first = False
        yield "\n]\n"

    return _response(chunks(), "application/json; charset=utf-8", filename, buffered)


def _cell(value):
    if value is None:
        return ""
    if type(value) is str:
        return _safe(value)
    if isinstance(value, (list, tuple)):
        # Each value of a joined cell is neutralised, not only the cell's start: a
        # spreadsheet splitting the cell on ";" would otherwise run the later ones.
        return ";".join([_safe(str(item)) for item in value])
    return _safe(str(value))


#: The first characters that make a spreadsheet run a cell as a formula (OWASP's list).
FORMULA_STARTS = frozenset("=+-@\t\r")


def _safe(text):
    """A text a spreadsheet would run as a formula is kept as text."""
    if text and text[0] in FORMULA_STARTS and not _is_number(text):
        return "'" + text
    return text


def _is_number(text):
    try:
        float(text)
    except ValueError:
        return False
    return True


# The whole record of one film or person, for format=json on their pages.


def film_record(film, families, request):
    """The whole record of a film. Each fact carries the keys of its ``sources`` (a field
    of the film: under ``facts``, with the other values other sources give); ``citation``
    describes every source cited."""

    def url(obj):
        return request.build_absolute_uri(obj.get_absolute_url())

    def keys(row):
        return [s.key for s in citations.sources_of(row)]

    facts = citations.film_facts(film)

    return {
        "slug": film.slug,
        "url": url(film),
        "title": film.title,
        "year": film.year,
        "release_date": film.release_date,
        "status": film.status,
        "runtime_minutes": film.runtime,
        "countries": [{"code": c.code, "name": c.name} for c in film.countries.all()],
        "original_language": (
            {"code": film.original_language.code, "name": film.original_language.name}
            if film.original_language
            else None
        ),
        "genres": [g.slug for g in film.genres.all()],
        "summary": film.summary,
        "synopsis": film.synopsis,
        "based_on": film.based_on,
        "box_office_summary": film.box_office_summary,
        "titles": [
            {
                "text": t.text,
                "kind": t.kind,
                "language": t.language.code if t.language else None,
                "note": t.note,
                "sources": keys(t),
            }
            for t in film.titles.all()
        ],
        "credits": [
            {
                "person": r.person.slug,
                "name": r.person.name,
                "url": url(r.person),
                "kind": r.kind,
                "character": r.character,
                "note": r.note,
                "billing": r.billing,
                "sources": keys(r),
            }
            for r in film.roles.all()
        ],
        "companies": [
            {"company": c.company.name, "kind": c.kind, "note": c.note, "sources": keys(c)}
            for c in film.company_credits.all()
        ],
        "adaptation_family": [
            {
                "source": a.source.slug,
                "adaptation": a.adaptation.slug,
                "title": a.adaptation.title,
                "year": a.adaptation.year,
                "kind": a.kind,
                "note": a.note,
                "sources": keys(a),
            }
            for family in families
            for a in family["adaptations"]
        ],
        "awards": [{**_award(a), "sources": keys(a)} for a in film.awards.all()],
        "box_office": [
            {
                "kind": f.kind,
                "key": f.key,
                "value": f.value,
                "currency": f.currency,
                "qualifier": f.qualifier,
                "reported_on": f.reported_on,
                "days_since_release": f.days_since_release,
                "note": f.note,
                "sources": keys(f),
            }
            for f in film.figures.all()
        ],
        "links": [
            {"site": link.site, "label": link.label, "url": link.url} for link in film.links.all()
        ],
        "notes": [
            {
                "kind": n.kind,
                "topic": n.topic,
                "text": n.text,
                "sources": keys(n),
            }
            for n in film.notes.all()
        ],
        "facts": {
            name: citations.fact_record(facts[name])
            for name in FilmFact.Field.values
            if name in facts or name in SHOWN_FIELDS
        },
        "sources": [{"key": s.key, "title": s.title, "url": s.url} for s in film.sources.all()],
        "citation": [citations.source_record(s) for s in citations.film_sources(film, families)],
        "updated_at": film.updated_at,
    }


def person_record(person, credits, awards, request, sources=()):
    """The whole record of a person; ``credits`` and ``awards`` as the person page reads
    them (values, with the keys of their ``sources``); ``sources``: every source the page
    cites (``citation``)."""
    return {
        "slug": person.slug,
        "url": request.build_absolute_uri(person.get_absolute_url()),
        "name": person.name,
        "name_original": person.name_original,
        "other_names": person.other_name_list,
        "birth_date": person.birth_date,
        "death_date": person.death_date,
        "place_of_birth": person.place_of_birth,
        "biography": person.biography,
        "credits": [
            {
                "film": c["film__slug"],
                "title": c["film__title"],
                "year": c["film__year"],
                "url": request.build_absolute_uri(c["film_url"]),
                "kind": c["kind"],
                "character": c["character"],
                "note": c["note"],
                "sources": [s.key for s in c["sources"]],
            }
            for c in credits
        ],
        "awards": [
            {
                "ceremony": a["ceremony__name"],
                "edition": a["edition"],
                "year": a["year"],
                "category": a["category"],
                "result": a["result"],
                "film": a["film__slug"],
                "person": a["person__slug"],
                "note": a["note"],
                "sources": [s.key for s in a["sources"]],
            }
            for a in awards
        ],
        "name_sources": [s.key for s in person.sources.all()],
        "citation": [citations.source_record(s) for s in sources],
        "updated_at": person.updated_at,
    }


def _award(award):
    return {
        "ceremony": award.ceremony.name,
        "edition": award.edition,
        "year": award.year,
        "category": award.category,
        "result": award.result,
        "film": award.film.slug,
        "person": award.person.slug if award.person_id else None,
        "note": award.note,
    }
