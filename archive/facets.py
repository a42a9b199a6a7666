"""Facet counts: plain functions of a queryset.

Each counting function takes the selection (a queryset of the list's model, already
filtered) and returns ``(value, label, count)`` rows, the most frequent first. A
:class:`Facet` names the parameter(s) it sets and how a value becomes a link; the list view
hands each facet the selection without the facet's own parameters, and turns the rows into
links with :func:`facet_links`.
"""

from dataclasses import dataclass

from django.db.models import Count, F
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import names
from .links import query_url
from .models import Adaptation, Award, Film, Role
from .models.reference import local_genre_name

#: How many values a facet shows at most (the most frequent first).
FACET_LIMIT = 12


@dataclass(frozen=True)
class Facet:
    """One facet of a list: its heading, the parameter(s) it sets, the function that counts
    it, and ``link(value)``: the parameters that select one value (by default, the value is
    added to the first parameter's "any of" list)."""

    title: str
    params: tuple
    count: object
    link: object = None


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    url: str


def facet_links(facet, rows, params):
    """The facet's counted ``rows`` as links that add (or, when chosen, remove) each value
    from the current query ``params``."""
    name = facet.params[0]
    current = params.getlist(name)
    chosen = {value.lower() for value in current}
    values = []
    for value, label, number in rows:
        value = str(value)
        if facet.link:
            changes = facet.link(value)
            selected = all(params.get(key) == str(v) for key, v in changes.items())
            if selected:
                changes = dict.fromkeys(changes)
        else:
            selected = value.lower() in chosen
            if selected:
                changes = {name: [v for v in current if v.lower() != value.lower()]}
            else:
                changes = {name: [*current, value]}
        values.append(FacetValue(value, str(label), number, selected, query_url(params, **changes)))
    return values


# The counting functions.


def named(count, name_of):
    """``count`` with each row's label replaced by ``name_of(value, label)``: a country's or a
    language's name in the active language (archive/names.py)."""

    def named_count(queryset):
        return [(value, name_of(value, label), n) for value, label, n in count(queryset)]

    return named_count


def film_m2m_counts(relation, key, label):
    """Counts of a film many-to-many relation (countries, genres) over the films selected."""
    through, target = Film.link_table(relation)

    def count(films):
        return list(
            through.objects.filter(film_id__in=films.values("pk"))
            .values_list(f"{target}__{key}", f"{target}__{label}")
            .annotate(n=Count("film_id"))
            .order_by("-n", f"{target}__{label}")[:FACET_LIMIT]
        )

    return count


def film_genre_counts(films):
    """Counts of the films' genres, each named in the visitor's language (in the same
    query). The genre's id is grouped on too: its name in a language is a sub-query on it."""
    through, target = Film.link_table("genres")
    name = local_genre_name(target)
    rows = (
        through.objects.filter(film_id__in=films.values("pk"))
        .annotate(label=F(name) if isinstance(name, str) else name)
        .values_list(target, f"{target}__slug", "label")
        .annotate(n=Count("film_id"))
        .order_by("-n", "label", f"{target}__slug")[:FACET_LIMIT]
    )
    return [(slug, label, n) for _, slug, label, n in rows]


def choice_counts(field, choices):
    """Counts of a field with fixed choices, labelled with the choices' labels."""
    labels = dict(choices)

    def count(queryset):
        rows = (
            queryset.order_by()
            .values_list(field)
            .annotate(n=Count("pk"))
            .order_by("-n", field)[:FACET_LIMIT]
        )
        # The label in words of the active language, not a lazy translation: the rows are
        # kept in the count cache per language, and a lazy one is rebuilt on each reading.
        return [(value, str(labels.get(value, value)), n) for value, n in rows]

    return count


def film_language_counts(films):
    return list(
        films.order_by()
        .filter(original_language__isnull=False)
        .values_list("original_language__code", "original_language__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "original_language__name")[:FACET_LIMIT]
    )


def film_decade_counts(films):
    rows = (
        films.order_by()
        .filter(year__isnull=False)
        .annotate(decade=F("year") / 10 * 10)
        .values_list("decade")
        .annotate(n=Count("pk"))
        .order_by("-decade")[:FACET_LIMIT]
    )
    return [(decade, gettext("%(decade)ss") % {"decade": decade}, n) for decade, n in rows]


def decade_link(decade):
    return {"year_min": decade, "year_max": int(decade) + 9}


def person_credit_counts(people):
    labels = dict(Role.Kind.choices)
    rows = (
        Role.objects.filter(person__in=people.values("pk"))
        .order_by()
        .values_list("kind")
        .annotate(n=Count("person", distinct=True))
        .order_by("-n", "kind")[:FACET_LIMIT]
    )
    return [(kind, str(labels.get(kind, kind)), n) for kind, n in rows]


def adaptation_country_counts(adaptations):
    films = Film.objects.filter(pk__in=adaptations.values("adaptation_id"))
    return film_m2m_counts("countries", "code", "name")(films)


def award_ceremony_counts(awards):
    return list(
        awards.order_by()
        .values_list("ceremony__slug", "ceremony__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "ceremony__name")[:FACET_LIMIT]
    )


def award_year_counts(awards):
    rows = (
        awards.order_by()
        .values_list("year")
        .annotate(n=Count("pk"))
        .order_by("-year")[:FACET_LIMIT]
    )
    return [(year, str(year), n) for year, n in rows]


FILM_FACETS = (
    Facet(
        _("Country"),
        ("country",),
        named(film_m2m_counts("countries", "code", "name"), names.country_name),
    ),
    Facet(_("Language"), ("language",), named(film_language_counts, names.language_name)),
    Facet(_("Genre"), ("genre",), film_genre_counts),
    Facet(_("Decade"), ("year_min", "year_max"), film_decade_counts, link=decade_link),
    Facet(_("Status"), ("status",), choice_counts("status", Film.Status.choices)),
)

PERSON_FACETS = (Facet(_("Credit"), ("role",), person_credit_counts),)

ADAPTATION_FACETS = (
    Facet(_("Kind"), ("kind",), choice_counts("kind", Adaptation.Kind.choices)),
    Facet(_("Country"), ("country",), named(adaptation_country_counts, names.country_name)),
)

AWARD_FACETS = (
    Facet(_("Ceremony"), ("ceremony",), award_ceremony_counts),
    Facet(_("Year"), ("year",), award_year_counts, link=lambda year: {"year": year}),
    Facet(
        _("Result"),
        ("result",),
        choice_counts("result", Award.Result.choices),
        link=lambda result: {"result": result},
    ),
)
