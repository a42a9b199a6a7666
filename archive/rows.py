"""The rows of the public lists and their exports, read as values.

A list shows 25 rows and an export thousands; neither needs model instances. A
:class:`Reader` reads an ordered queryset of its model as plain dicts: one ``values()``
query for the rows, then one query per related list (countries, genres, directors) for all
the rows at once, and the words and links each row shows. An export reads the same way, a
chunk at a time, so memory stays flat at any size.
"""

from collections import defaultdict
from dataclasses import dataclass
from itertools import islice

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from .models import Adaptation, Ceremony, Film, Role
from .models.award import ceremony_label
from .models.base import slug_urls
from .models.film import display_title
from .models.person import distinction, name_lines, person_years
from .models.reference import local_genre_name
from .pictures import adaptation_posters, attach_portraits, attach_posters
from .titles import localize

#: Rows an export reads at a time.
CHUNK_SIZE = 1000

STATUS_LABELS = dict(Film.Status.choices)
ADAPTATION_KIND_LABELS = dict(Adaptation.Kind.choices)
ROLE_KIND_LABELS = dict(Role.Kind.choices)


def film_links(relation, film_ids, *fields):
    """``{film id: [(field values...), ...]}`` for a film many-to-many relation, in the
    related model's order. A field is the name of a field of the related model, or a
    function of the relation's name that gives an expression (a genre's name in the
    visitor's language)."""
    through, target = Film.link_table(relation)
    ordering = through._meta.get_field(target).related_model._meta.ordering
    rows = (
        # ``film__id__in``, not ``film_id__in``: the same SQL, but Django prepares an export
        # chunk's thousand ids as plain numbers instead of as possible Film instances.
        through.objects.filter(film__id__in=film_ids)
        .order_by(*(f"{target}__{name}" for name in ordering))
        .values_list(
            "film_id",
            *(name(target) if callable(name) else f"{target}__{name}" for name in fields),
        )
    )
    links = defaultdict(list)
    for film_id, *values in rows:
        links[film_id].append(tuple(values))
    return links


def attach_films(rows, key="pk"):
    """Adds to each film row its countries and genres ((code, name) pairs, a genre's name in
    the visitor's language): two queries for all the rows."""
    ids = [row[key] for row in rows]
    countries = film_links("countries", ids, "code", "name")
    genres = film_links("genres", ids, "slug", local_genre_name)
    for row in rows:
        row["countries"] = countries.get(row[key], [])
        row["genres"] = genres.get(row[key], [])
    return rows


FILM_FIELDS = (
    "pk",
    "slug",
    "title",
    "year",
    "release_date",
    "status",
    "runtime",
    "original_language__code",
    "original_language__name",
)


def finish_films(rows):
    film_url = slug_urls("archive:film-detail")
    for row in rows:
        row["display_title"] = display_title(row["title"])
        row["status_label"] = STATUS_LABELS.get(row["status"], row["status"])
        row["url"] = film_url(row["slug"])
    return attach_films(rows)


def with_credit_counts(people):
    credits = (
        Role.objects.filter(person=OuterRef("pk"))
        .order_by()
        .values("person")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return people.annotate(credit_count=Coalesce(Subquery(credits), 0))


PERSON_FIELDS = (
    "pk",
    "slug",
    "name",
    "name_original",
    "other_names",
    "credit_count",
    "first_year",
    "last_year",
    "known_for_title",
    "known_for_year",
    "birth_date",
    "known_for_film_id",
)


def finish_people(rows):
    person_url = slug_urls("archive:person-detail")
    for row in rows:
        row["url"] = person_url(row["slug"])
        # What tells namesakes apart: years active (or the birth year) and best-known film.
        row["years"] = person_years(row["first_year"], row["last_year"], row["birth_date"])
        row["distinction"] = distinction(
            row["first_year"],
            row["last_year"],
            row["known_for_title"],
            row["known_for_year"],
            row["birth_date"],
        )
        row["other_name_list"] = name_lines(row["other_names"])
    return rows


ADAPTATION_FIELDS = (
    "pk",
    "kind",
    "note",
    "source__slug",
    "source__title",
    "source__year",
    "source_id",
    "adaptation_id",
    "adaptation__slug",
    "adaptation__title",
    "adaptation__year",
    "adaptation__status",
    "adaptation__original_language__code",
    "adaptation__original_language__name",
)


def finish_adaptations(rows):
    film_url, person_url = slug_urls("archive:film-detail"), slug_urls("archive:person-detail")
    attach_films(rows, key="adaptation_id")
    directors = defaultdict(list)
    for film_id, slug, name, name_original, note in (
        Role.objects.filter(
            film_id__in=[row["adaptation_id"] for row in rows], kind=Role.Kind.DIRECTOR
        )
        .order_by("film_id", "billing", "pk")
        .values_list("film_id", "person__slug", "person__name", "person__name_original", "note")
    ):
        directors[film_id].append(
            {"name": name, "name_original": name_original, "note": note, "url": person_url(slug)}
        )
    for row in rows:
        row["kind_label"] = ADAPTATION_KIND_LABELS.get(row["kind"], row["kind"])
        row["directors"] = directors.get(row["adaptation_id"], [])
        row["title"] = display_title(row["adaptation__title"])
        row["status_label"] = STATUS_LABELS.get(row["adaptation__status"], "")
        row["url"] = film_url(row["adaptation__slug"])
        row["source_title"] = display_title(row["source__title"])
        row["source_url"] = film_url(row["source__slug"])
    return rows


AWARD_FIELDS = (
    "pk",
    "year",
    "edition",
    "category",
    "result",
    "note",
    "ceremony_id",
    "film_id",
    "film__slug",
    "film__title",
    "person__slug",
    "person__name",
    "person__name_original",
)


def finish_awards(rows):
    """Adds each award's ceremony (read apart: a join would change how the list is sorted,
    see ``filters.CEREMONY_NAME``; rows read with ``ceremony__slug`` and ``ceremony__name``
    keep theirs), its label and links."""
    wanted = {row["ceremony_id"] for row in rows if "ceremony__name" not in row}
    ceremonies = (
        {
            pk: (slug, name)
            for pk, slug, name in Ceremony.objects.filter(pk__in=wanted).values_list(
                "pk", "slug", "name"
            )
        }
        if wanted
        else {}
    )
    film_url, person_url = slug_urls("archive:film-detail"), slug_urls("archive:person-detail")
    for row in rows:
        if "ceremony__name" not in row:
            row["ceremony__slug"], row["ceremony__name"] = ceremonies[row["ceremony_id"]]
        row["ceremony_label"] = ceremony_label(row["ceremony__name"], row["edition"])
        row["film_title"] = display_title(row["film__title"])
        row["film_url"] = film_url(row["film__slug"])
        if row["person__slug"]:
            row["person_url"] = person_url(row["person__slug"])
    return rows


def localize_films(rows):
    return localize(rows, ("pk", "title", "local_title"))


def localize_adaptations(rows):
    return localize(
        rows,
        ("adaptation_id", "adaptation__title", "local_title"),
        ("source_id", "source__title", "source_local_title"),
    )


def localize_people(rows):
    return localize(rows, ("known_for_film_id", "known_for_title", "known_for_local_title"))


def localize_awards(rows):
    return localize(rows, ("film_id", "film__title", "film_local_title"))


@dataclass(frozen=True)
class Reader:
    """How a list reads its rows: the ``fields`` of one ``values()`` query (after
    ``prepare``, e.g. an annotation), then ``finish(rows)``, which adds related lists and
    display values to the rows in a fixed number of queries."""

    fields: tuple
    finish: object
    prepare: object = None
    #: What a page's rows add that exports leave out (the films' posters, their titles in
    #: the visitor's language: exports read the same in every language).
    page_extra: tuple = ()

    def values(self, queryset):
        if self.prepare:
            queryset = self.prepare(queryset)
        return queryset.values(*self.fields)

    def read(self, queryset):
        """The rows of ``queryset`` (a page: already sliced, or a ``values()`` page)."""
        rows = self.finish(queryset if isinstance(queryset, list) else list(queryset))
        for extra in self.page_extra:
            rows = extra(rows)
        return rows

    def read_all(self, queryset):
        """Every row of ``queryset``, ``CHUNK_SIZE`` at a time."""
        values = self.values(queryset).iterator(chunk_size=CHUNK_SIZE)
        while chunk := list(islice(values, CHUNK_SIZE)):
            yield from self.finish(chunk)


FILMS = Reader(FILM_FIELDS, finish_films, page_extra=(localize_films, attach_posters))
PEOPLE = Reader(
    PERSON_FIELDS,
    finish_people,
    prepare=with_credit_counts,
    page_extra=(localize_people, attach_portraits),
)
ADAPTATIONS = Reader(
    ADAPTATION_FIELDS, finish_adaptations, page_extra=(localize_adaptations, adaptation_posters)
)
AWARDS = Reader(AWARD_FIELDS, finish_awards, page_extra=(localize_awards,))
