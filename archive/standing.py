"""How much each film and person matters, and what tells namesakes apart, kept in their own
columns so that search can rank by them and every list can show them without a query.

- ``Film.importance``: its credits, plus 10 for each adaptation made from it and 5 for each
  award or nomination.
- ``Person.importance``: their credits, plus 5 for each award or nomination.
- ``Person.first_year``, ``last_year``: the years of their films (years active).
- ``Person.known_for_title``, ``known_for_year``, ``known_for_film``: their best-known film,
  the most important of their films (then their best billing, then the newest).

Each is one SQL ``UPDATE`` with sub-queries, for a few records after an edit (``signals.py``)
or for the whole archive after a bulk load (the generator). A person's best-known film
depends on their films' importance, so films are brought up to date first. Code that saves
or deletes many rows at once (a fixture load, an admin page with its rows) does so inside
:func:`batched`, which refreshes once, at the end, for all of them.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from . import entries
from .models import Adaptation, Award, Film, FilmTitle, Person, Role

#: Beyond this many films and people to refresh, one refresh of the whole archive is
#: cheaper than naming them all in one statement.
BY_ID_LIMIT = 1000

#: The films and people that changes inside :func:`batched` touched, or None outside it.
_batch = ContextVar("standing_batch", default=None)


def _count(queryset, field):
    counted = queryset.order_by().values(field).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def film_importance(role=Role, adaptation=Adaptation, award=Award):
    """(The models are parameters so that a migration can pass its historical ones.)"""
    roles = _count(role.objects.filter(film=OuterRef("pk")), "film")
    adaptations = _count(adaptation.objects.filter(source=OuterRef("pk")), "source")
    awards = _count(award.objects.filter(film=OuterRef("pk")), "film")
    return roles + adaptations * 10 + awards * 5


def best_known(role=Role):
    """A person's credits, the one of their best-known film first."""
    return role.objects.filter(person=OuterRef("pk")).order_by(
        F("film__importance").desc(),
        F("billing").asc(nulls_last=True),
        F("film__year").desc(nulls_last=True),
        "film_id",
    )


def person_standing(role=Role, award=Award, person=Person):
    """The columns of :class:`Person` this module keeps, as expressions: those that
    ``person`` has (a migration's historical model may come before a column)."""
    credits = role.objects.filter(person=OuterRef("pk"))
    dated = credits.filter(film__year__isnull=False)
    best = best_known(role)
    columns = {
        "importance": _count(credits, "person")
        + _count(award.objects.filter(person=OuterRef("pk")), "person") * 5,
        "first_year": Subquery(dated.order_by("film__year").values("film__year")[:1]),
        "last_year": Subquery(dated.order_by("-film__year").values("film__year")[:1]),
        "known_for_title": Coalesce(Subquery(best.values("film__title")[:1]), Value("")),
        "known_for_year": Subquery(best.values("film__year")[:1]),
        "known_for_film": Subquery(best.values("film_id")[:1]),
    }
    kept = {field.name for field in person._meta.get_fields()}
    return {name: value for name, value in columns.items() if name in kept}


def changed(instance):
    """``instance`` (a credit, adaptation, award or film) was saved or deleted: refresh what
    it touches now, or at the end of the current :func:`batched` block."""
    films, people = touched(instance)
    batch = _batch.get()
    if batch is not None:
        batch[0].update(films)
        batch[1].update(people)
    elif films or people:
        refresh(films=films, people=people)


@contextmanager
def batched():
    """Refresh once, when the block ends without an error, for every change inside it
    (a block inside another adds to the outer one)."""
    if _batch.get() is not None:
        yield
        return
    films, people = set(), set()
    token = _batch.set((films, people))
    try:
        yield
    finally:
        _batch.reset(token)
    if len(films) + len(people) > BY_ID_LIMIT:
        refresh_all()
    elif films or people:
        refresh(films=films, people=people)


def touched(instance):
    """``(films, people)``: the ids whose columns or search entries (``entries.py``) a
    change of ``instance`` affects."""
    if isinstance(instance, (Role, Award)):
        return [instance.film_id], [instance.person_id]
    if isinstance(instance, Adaptation):
        return [instance.source_id], []
    if isinstance(instance, FilmTitle):
        return [instance.film_id], []
    if isinstance(instance, Film):
        return [instance.pk], []
    if isinstance(instance, Person):
        return [], [instance.pk]
    return [], []


def refresh(films=(), people=()):
    """Bring the columns and the search entries up to date for the films and people with
    these ids, and for everyone credited on those films (their best-known film may have
    changed)."""
    films = [pk for pk in films if pk is not None]
    people = [pk for pk in people if pk is not None]
    # One transaction: the rows the UPDATEs lock stay locked while their entries are
    # rebuilt, so two edits that touch one record rebuild its entries one after the other
    # (else both could delete the old entries, then both insert the same keys).
    with transaction.atomic(savepoint=False):
        if films:
            Film.objects.filter(pk__in=films).update(importance=film_importance())
            credited = Role.objects.filter(film_id__in=films).values("person_id")
            everyone = Person.objects.filter(Q(pk__in=credited) | Q(pk__in=people))
            everyone.update(**person_standing())
            # The ids of people since deleted too: their entries go.
            people = {*people, *everyone.values_list("pk", flat=True)}
        elif people:
            Person.objects.filter(pk__in=people).update(**person_standing())
        entries.refresh(films=films, people=people)


def refresh_all(apps=None):
    """Every film, then every person, then the search entries: after a bulk load, which
    sends no signals (``apps``: a migration's historical models; a migration rebuilds the
    entries itself, once their table is there)."""
    get = apps.get_model if apps else lambda app, name: globals()[name]
    role, award = get("archive", "Role"), get("archive", "Award")
    get("archive", "Film").objects.update(
        importance=film_importance(role, get("archive", "Adaptation"), award)
    )
    person = get("archive", "Person")
    person.objects.update(**person_standing(role, award, person))
    if apps is None:
        entries.refresh_all()
