"""FilterSets for the public lists and their exports.

Every parameter a list takes is a filter here; the views never read ``request.GET`` by
hand. A FilterSet is a declaration: it turns valid parameters into a queryset and reads
nothing else (no request, no cache, no mode). Repeatable parameters
(``country=KR&country=TR``) mean "any of".

Filters on related rows use ``pk__in`` sub-queries rather than joins, so no list needs
``DISTINCT`` and every filter combines with every other. The chosen records go into the SQL
as their ids (the form has read them already), not as a nested ``SELECT ... WHERE code IN
(...)``: with the ids in hand the planner can use its statistics per value and the link
table's index.
"""

from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _

from .filter_types import (
    ArchiveFilterSet,
    ChoiceFilter,
    ChoicesFilter,
    CodesFilter,
    FilmRelationFilter,
    RelatedFilter,
    SearchFilter,
    SortFilter,
    YearFilter,
    films_in,
)
from .models import (
    Adaptation,
    Award,
    Ceremony,
    Country,
    Film,
    Genre,
    Language,
    Person,
    Role,
)
from .text import fold


class FilmFilter(ArchiveFilterSet):
    q = SearchFilter(method="search", label=_("Title or character"))
    year_min = YearFilter(field_name="year", lookup_expr="gte", label=_("From year"))
    year_max = YearFilter(field_name="year", lookup_expr="lte", label=_("To year"))
    country = FilmRelationFilter(
        queryset=Country.objects.all(),
        to_field_name="code",
        relation="countries",
        case="upper",
        unknown=_("No country has the code “%(value)s”: use an ISO 3166-1 code such as KR."),
        label=_("Country"),
    )
    language = CodesFilter(
        field_name="original_language",
        queryset=Language.objects.all(),
        to_field_name="code",
        case="lower",
        unknown=_("No language has the code “%(value)s”: use an ISO 639-1 code such as ko."),
        label=_("Language"),
    )
    genre = FilmRelationFilter(
        queryset=Genre.objects.all(),
        to_field_name="slug",
        relation="genres",
        case="lower",
        named=True,
        unknown=_("There is no genre “%(value)s” in the archive."),
        label=_("Genre"),
    )
    status = ChoicesFilter(choices=Film.Status.choices, label=_("Status"))
    person = RelatedFilter(
        queryset=Person.objects.all(),
        to_field_name="slug",
        case="lower",
        subquery=lambda people: Role.objects.filter(person__in=people).values("film_id"),
        unknown=_("There is no person “%(value)s” in the archive."),
        label=_("Person"),
    )
    adapted = ChoiceFilter(
        choices=[("yes", _("Has adaptations")), ("no", _("Has no adaptations"))],
        method="filter_adapted",
        label=_("Adaptations"),
    )
    sort = SortFilter(
        options={
            "-year": (_("newest first"), [F("year").desc(nulls_last=True), "title", "pk"]),
            "year": (_("oldest first"), [F("year").asc(nulls_last=True), "title", "pk"]),
            "title": (_("by title"), ["title", F("year").desc(nulls_last=True), "pk"]),
            "-title": (_("by title, Z to A"), ["-title", F("year").desc(nulls_last=True), "pk"]),
            "-updated": (_("recently changed first"), ["-updated_at", "pk"]),
        },
        default="-year",
        label=_("Sort"),
    )

    class Meta:
        model = Film
        fields = []

    def search(self, queryset, name, value):
        return queryset.search(value)

    def filter_adapted(self, queryset, name, value):
        has = Exists(Adaptation.objects.filter(source=OuterRef("pk")))
        return queryset.filter(has if value == "yes" else ~has)


class PersonFilter(ArchiveFilterSet):
    q = SearchFilter(method="search", label=_("Name"))
    role = ChoicesFilter(choices=Role.Kind.choices, method="filter_role", label=_("Credit"))
    film = RelatedFilter(
        queryset=Film.objects.all(),
        to_field_name="slug",
        case="lower",
        subquery=lambda films: Role.objects.filter(film__in=films).values("person_id"),
        unknown=_("There is no film “%(value)s” in the archive."),
        label=_("Film"),
    )
    sort = SortFilter(
        options={
            "name": (_("by name"), ["name", "pk"]),
            "-name": (_("by name, Z to A"), ["-name", "-pk"]),
            "-updated": (_("recently changed first"), ["-updated_at", "pk"]),
        },
        default="name",
        label=_("Sort"),
    )

    class Meta:
        model = Person
        fields = []

    def search(self, queryset, name, value):
        return queryset.search(value)

    def filter_role(self, queryset, name, value):
        return queryset.filter(pk__in=Role.objects.filter(kind__in=value).values("person_id"))


class AdaptationFilter(ArchiveFilterSet):
    q = SearchFilter(method="search", label=_("Title"))
    kind = ChoicesFilter(choices=Adaptation.Kind.choices, label=_("Kind"))
    country = RelatedFilter(
        queryset=Country.objects.all(),
        to_field_name="code",
        subquery=lambda codes: Adaptation.objects.filter(
            adaptation__in=films_in("countries")(codes)
        ).values("pk"),
        case="upper",
        unknown=_("No country has the code “%(value)s”: use an ISO 3166-1 code such as KR."),
        label=_("Country"),
    )
    language = CodesFilter(
        field_name="adaptation__original_language",
        queryset=Language.objects.all(),
        to_field_name="code",
        case="lower",
        unknown=_("No language has the code “%(value)s”: use an ISO 639-1 code such as ko."),
        label=_("Language"),
    )
    year_min = YearFilter(field_name="adaptation__year", lookup_expr="gte", label=_("From year"))
    year_max = YearFilter(field_name="adaptation__year", lookup_expr="lte", label=_("To year"))
    source = RelatedFilter(
        queryset=Film.objects.all(),
        to_field_name="slug",
        case="lower",
        subquery=lambda films: Adaptation.objects.filter(source__in=films).values("pk"),
        unknown=_("There is no source film “%(value)s” in the archive."),
        label=_("Source film"),
    )
    sort = SortFilter(
        options={
            "year": (
                _("oldest first"),
                [F("adaptation__year").asc(nulls_last=True), "adaptation__title", "pk"],
            ),
            "-year": (
                _("newest first"),
                [F("adaptation__year").desc(nulls_last=True), "adaptation__title", "pk"],
            ),
            "title": (
                _("by title"),
                ["adaptation__title", F("adaptation__year").asc(nulls_last=True), "pk"],
            ),
        },
        default="year",
        label=_("Sort"),
    )

    class Meta:
        model = Adaptation
        fields = []

    def search(self, queryset, name, value):
        films = Film.objects.search(value).values("pk")
        return queryset.filter(Q(adaptation__in=films) | Q(source__in=films))


#: The ceremony's name as a sub-query, not a join: with it the year sorts read the awards in
#: the order of their year index and sort only within a year; a join leads both databases
#: to read every award of every ceremony and sort them all.
CEREMONY_NAME = Subquery(Ceremony.objects.filter(pk=OuterRef("ceremony_id")).values("name"))


class AwardFilter(ArchiveFilterSet):
    q = SearchFilter(method="search", label=_("Category, film or person"))
    ceremony = CodesFilter(
        queryset=Ceremony.objects.all(),
        to_field_name="slug",
        case="lower",
        unknown=_("There is no ceremony “%(value)s” in the archive."),
        label=_("Ceremony"),
    )
    year = YearFilter(label=_("Year"))
    category = SearchFilter(method="filter_category", label=_("Category"))
    result = ChoiceFilter(choices=Award.Result.choices, label=_("Result"))
    person = CodesFilter(
        queryset=Person.objects.all(),
        to_field_name="slug",
        case="lower",
        unknown=_("There is no person “%(value)s” in the archive."),
        label=_("Person"),
    )
    film = CodesFilter(
        queryset=Film.objects.all(),
        to_field_name="slug",
        case="lower",
        unknown=_("There is no film “%(value)s” in the archive."),
        label=_("Film"),
    )
    sort = SortFilter(
        options={
            "-year": (_("newest first"), ["-year", CEREMONY_NAME, "category", "pk"]),
            "year": (_("oldest first"), ["year", CEREMONY_NAME, "category", "pk"]),
            "ceremony": (_("by ceremony"), ["ceremony__name", "-year", "category", "pk"]),
            "category": (_("by category"), ["category", "-year", "pk"]),
        },
        default="-year",
        label=_("Sort"),
    )

    class Meta:
        model = Award
        fields = []

    def search(self, queryset, name, value):
        folded = fold(value)
        films = Film.objects.search(value).values("pk")
        people = Person.objects.search(value).values("pk")
        return queryset.filter(
            Q(category__icontains=value)
            | Q(note__icontains=value)
            | Q(film__in=films)
            | Q(person__in=people)
            | Q(ceremony__name__icontains=folded)
        )

    def filter_category(self, queryset, name, value):
        return queryset.filter(category__icontains=value)
