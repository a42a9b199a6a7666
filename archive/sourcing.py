"""What is unsourced, counted in SQL: the admin's "unsourced facts" columns and filters, a
record's missing sources, and the public sourcing report (``/about/sources/``). What a page
cites is ``citations.py``."""

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext

from .citations import FILM_FIELDS, FILM_ROWS, Fact
from .models import Award, Film, FilmFact, Person, Role

# Counting what is unsourced, in SQL --------------------------------------------------------


def _sourced_row(model):
    """EXISTS a source of the ``model`` row in the outer query."""
    through = model.sources.through
    return Exists(through.objects.filter(**{model.sources.field.m2m_field_name(): OuterRef("pk")}))


def _sourced_field(name):
    """EXISTS a source for the film's field ``name`` (its preferred value)."""
    return Exists(
        FilmFact.sources.through.objects.filter(
            filmfact__film=OuterRef("pk"), filmfact__field=name, filmfact__value=""
        )
    )


def _one_if(condition):
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def unsourced_field(name, has_value):
    """1 when the film shows a value for field ``name`` that no source vouches for, else 0."""
    return _one_if(has_value & ~Q(_sourced_field(name)))


def _unsourced_rows(model, link, outer="pk"):
    """How many of the outer record's ``model`` rows (joined by ``link``) have no source."""
    rows = (
        model.objects.filter(**{link: OuterRef(outer)})
        .filter(~Q(_sourced_row(model)))
        .order_by()
        .values(link)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def film_unsourced():
    """An annotation: how many facts the film's page shows without a source."""
    total = Value(0)
    for name, has_value in FILM_FIELDS:
        total = total + unsourced_field(name, has_value)
    for _kind, _label, model, link in FILM_ROWS:
        total = total + _unsourced_rows(model, link)
    return total


def person_names_unsourced():
    """1 for each of the person's names shown (name, name in original script, other names)
    when the person has no source."""
    shown = Value(1) + _one_if(~Q(name_original="")) + _one_if(~Q(other_names=""))
    return Case(
        When(Q(_sourced_row(Person)), then=Value(0)), default=shown, output_field=IntegerField()
    )


def person_unsourced():
    """An annotation: how many facts the person's page shows without a source (names,
    credits, awards)."""
    return (
        person_names_unsourced()
        + _unsourced_rows(Role, "person")
        + _unsourced_rows(Award, "person")
    )


def missing_sources(film):
    """The labels of the facts of ``film`` that no source vouches for, for the admin's note
    (one query per kind of row: the admin form of one film)."""
    missing = []
    sourced_fields = set(
        FilmFact.objects.filter(film=film, value="", sources__isnull=False).values_list(
            "field", flat=True
        )
    )
    shown = Film.objects.filter(pk=film.pk).aggregate(
        **{name: Count("pk", filter=has_value) for name, has_value in FILM_FIELDS}
    )
    for name, _has_value in FILM_FIELDS:
        if shown[name] and name not in sourced_fields:
            missing.append(Fact(name).label)
    for _kind, label, model, link in FILM_ROWS:
        count = model.objects.filter(**{link: film}).filter(~Q(_sourced_row(model))).count()
        if count:
            missing.append(f"{label} ({count})")
    return missing


# The sourcing report ------------------------------------------------------------------------

#: How many records of each kind the report lists, most unsourced facts first.
REPORT_TOP = 10


def _share(total, unsourced):
    sourced = total - unsourced
    return {
        "total": total,
        "sourced": sourced,
        "unsourced": unsourced,
        "percent": round(100 * sourced / total) if total else None,
    }


def sourcing_report():
    """How much of the archive is sourced, per kind of fact, and the records with the most
    unsourced facts: a fixed number of queries (one for the film fields, one per kind of
    row, one for people's names, one per list of records), whatever the archive's size."""
    kinds = []
    fields = Film.objects.aggregate(
        **{f"{name}__shown": Count("pk", filter=has_value) for name, has_value in FILM_FIELDS},
        **{
            f"{name}__unsourced": Count("pk", filter=has_value & ~Q(_sourced_field(name)))
            for name, has_value in FILM_FIELDS
        },
    )
    for name, _has_value in FILM_FIELDS:
        kinds.append(
            {
                "label": gettext("Films: %(fact)s") % {"fact": str(Fact(name).label).lower()},
                **_share(fields[f"{name}__shown"], fields[f"{name}__unsourced"]),
            }
        )
    for _kind, label, model, _link in FILM_ROWS:
        counts = model.objects.aggregate(
            total=Count("pk"), unsourced=Count("pk", filter=~Q(_sourced_row(model)))
        )
        kinds.append({"label": label, **_share(counts["total"], counts["unsourced"])})
    names = Person.objects.aggregate(
        total=Count("pk"), unsourced=Count("pk", filter=~Q(_sourced_row(Person)))
    )
    kinds.append({"label": gettext("People: names"), **_share(names["total"], names["unsourced"])})
    total = sum(kind["total"] for kind in kinds)
    unsourced = sum(kind["unsourced"] for kind in kinds)
    return {
        "kinds": kinds,
        "all": _share(total, unsourced),
        "films": list(
            Film.objects.annotate(unsourced=film_unsourced())
            .filter(unsourced__gt=0)
            .order_by("-unsourced", "title", "slug")
            .values("slug", "title", "year", "unsourced")[:REPORT_TOP]
        ),
        "people": list(
            Person.objects.annotate(unsourced=person_unsourced())
            .filter(unsourced__gt=0)
            .order_by("-unsourced", "name", "slug")
            .values("slug", "name", "unsourced")[:REPORT_TOP]
        ),
    }


def missing_person_sources(person):
    """The labels of the facts of ``person``'s page that no source vouches for."""
    missing = []
    if not person.sources.exists():
        missing.append(gettext("Names"))
    for label, model in ((gettext("Credits"), Role), (gettext("Awards and nominations"), Award)):
        count = model.objects.filter(person=person).filter(~Q(_sourced_row(model))).count()
        if count:
            missing.append(f"{label} ({count})")
    return missing
