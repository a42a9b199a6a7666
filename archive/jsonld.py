"""schema.org JSON-LD for the film and person pages, for search engines and other readers.

Design: each page gets a ready, escaped string. In the view::

    context["jsonld"] = film_jsonld(self.object, self.request)

and in the template, inside ``<head>`` (or anywhere in the page)::

    <script type="application/ld+json">{{ jsonld }}</script>

:func:`film_jsonld` and :func:`person_jsonld` return a ``SafeString`` in which ``<``, ``>``
and ``&`` (and the line separators U+2028, U+2029) are written as ``\\u003C``-style escapes,
as Django's ``json_script`` does, so that no text in the archive (a title containing
``</script>``) can end the script element. Django's ``json_script`` filter itself is not used
because it always writes ``type="application/json"``, and JSON-LD must be
``application/ld+json``. :func:`film_jsonld_data` and :func:`person_jsonld_data` return the
plain dicts, for tests and for anything that wants to embed them elsewhere.

Only prefetched data is read, never the database:

- a film from ``Film.objects.with_details()`` (roles with their people, titles, countries,
  genres, links, company credits with their companies, the original language);
- a person, with their credits read as values (``views.people.person_credits``).

Keys without a value (no runtime, no summary, no known link) are left out, not sent empty.
URLs are absolute when a request is given, else paths from the site root.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

from .citations import film_sources
from .models import CompanyCredit, Role

CONTEXT = "https://schema.org"

_SCRIPT_ESCAPES = {
    ord("<"): "\\u003C",
    ord(">"): "\\u003E",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}

# Crew credits that schema.org's CreativeWork and Movie name; the cast goes under "actor".
_CREW_PROPERTIES = {
    Role.Kind.DIRECTOR: "director",
    Role.Kind.WRITER: "author",
    Role.Kind.PRODUCER: "producer",
    Role.Kind.COMPOSER: "musicBy",
}


def to_script_json(data):
    """``data`` as JSON that is safe between ``<script>`` and ``</script>``."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=None)
    return mark_safe(text.translate(_SCRIPT_ESCAPES))


def _url(obj, request):
    path = obj.get_absolute_url()
    return request.build_absolute_uri(path) if request is not None else path


def _unique(values):
    """The values in their order, without repeats or empty ones."""
    seen, result = set(), []
    for value in values:
        if value and value not in seen:
            seen.add(value)
            result.append(value)
    return result


def _compact(data):
    """``data`` without the keys whose value is empty (None, "", [])."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _person(person, request):
    return {"@type": "Person", "name": person.name, "url": _url(person, request)}


def _image(picture, request):
    """schema.org ``ImageObject`` for a picture (``archive.pictures.picture``), or None."""
    if not picture:
        return None
    url = picture["share_url"]
    if request is not None and url.startswith("/"):
        url = request.build_absolute_uri(url)
    return _compact(
        {
            "@type": "ImageObject",
            "contentUrl": url,
            "width": picture["width"],
            "height": picture["height"],
            "caption": picture["alt"],
            "creditText": picture["credit"],
            "license": picture["licence"] if picture["licence"].startswith("http") else None,
        }
    )


def citation(sources):
    """schema.org ``citation``: the works the record's facts come from."""
    return [
        _compact(
            {
                "@type": "CreativeWork",
                "name": source.title,
                "url": source.url,
                "publisher": {"@type": "Organization", "name": source.publisher}
                if source.publisher
                else None,
            }
        )
        for source in sources
    ]


def film_jsonld_data(film, request=None, picture=None, families=()):
    """The schema.org ``Movie`` for ``film``, as a dict; ``picture`` its main image;
    ``citation`` lists the sources of its facts (with the page's adaptation ``families``,
    its remakes' too)."""
    name = film.display_title
    crew = {prop: [] for prop in _CREW_PROPERTIES.values()}
    crew_seen = set()
    actors = []
    for role in film.roles.all():
        if role.kind == Role.Kind.ACTOR:
            actors.append(
                _compact(
                    {
                        "@type": "PerformanceRole",
                        "actor": _person(role.person, request),
                        "characterName": role.character,
                    }
                )
            )
        elif role.kind in _CREW_PROPERTIES and (role.kind, role.person_id) not in crew_seen:
            crew_seen.add((role.kind, role.person_id))
            crew[_CREW_PROPERTIES[role.kind]].append(_person(role.person, request))

    if film.release_date:
        published = film.release_date.isoformat()
    elif film.year:
        published = str(film.year)
    else:
        published = None

    data = {
        "@context": CONTEXT,
        "@type": "Movie",
        "name": name,
        "alternateName": _unique(t.text for t in film.titles.all() if t.text != name),
        "url": _url(film, request),
        "datePublished": published,
        "duration": f"PT{film.runtime}M" if film.runtime else None,
        "inLanguage": film.original_language.code if film.original_language else None,
        "countryOfOrigin": [
            {"@type": "Country", "name": country.name, "identifier": country.code}
            for country in film.countries.all()
        ],
        "genre": [genre.name for genre in film.genres.all()],
        "description": film.summary,
        **crew,
        "actor": actors,
        "productionCompany": [
            {"@type": "Organization", "name": credit.company.name}
            for credit in film.company_credits.all()
            if credit.kind == CompanyCredit.Kind.PRODUCTION
        ],
        "sameAs": _unique(link.url for link in film.links.all()),
        "image": _image(picture, request),
        "citation": citation(film_sources(film, families)),
    }
    if film.status != film.Status.RELEASED:
        data["creativeWorkStatus"] = film.get_status_display()
    return _compact(data)


def film_jsonld(film, request=None, picture=None, families=()):
    """The film's JSON-LD, escaped for a ``<script type="application/ld+json">`` element."""
    return to_script_json(film_jsonld_data(film, request, picture, families))


def person_jsonld_data(person, credits, request=None, picture=None, sources=()):
    """The schema.org ``Person`` for ``person``, with the films they acted in, as a dict.

    ``credits`` are the person's credits as values (``views.people.person_credits``);
    ``sources``, the sources of the facts the person's page shows (``citation``)."""
    films, seen = [], set()
    for credit in credits:
        if credit["kind"] == Role.Kind.ACTOR and credit["film_id"] not in seen:
            seen.add(credit["film_id"])
            url = credit["film_url"]
            films.append(
                {
                    "@type": "Movie",
                    "name": credit["film_title"],
                    "url": request.build_absolute_uri(url) if request is not None else url,
                }
            )
    data = {
        "@context": CONTEXT,
        "@type": "Person",
        "name": person.name,
        "alternateName": _unique(
            name for name in (person.name_original, *person.other_name_list) if name != person.name
        ),
        "url": _url(person, request),
        # ISO 8601 dates of reduced precision (1970, 1970-03), as schema.org's Date allows.
        "birthDate": person.birth_date,
        "deathDate": person.death_date,
        "birthPlace": (
            {"@type": "Place", "name": person.place_of_birth} if person.place_of_birth else None
        ),
        "description": person.biography,
        "performerIn": films,
        "image": _image(picture, request),
        "citation": citation(sources),
    }
    return _compact(data)


def person_jsonld(person, credits, request=None, picture=None, sources=()):
    """The person's JSON-LD, escaped for a ``<script type="application/ld+json">`` element."""
    return to_script_json(person_jsonld_data(person, credits, request, picture, sources))
