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

import django_filters
from django import forms
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django_filters.fields import MultipleChoiceField

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
from .models.base import YEAR_MAX, YEAR_MIN
from .text import fold

#: The longest search text accepted; longer input is an error, not a slow query.
MAX_QUERY_LENGTH = 200


class SearchField(forms.CharField):
    default_error_messages = {
        "control": "The search text cannot contain control characters.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", MAX_QUERY_LENGTH)
        kwargs.setdefault("strip", True)
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
            raise forms.ValidationError(self.error_messages["control"], code="control")


class SearchFilter(django_filters.CharFilter):
    field_class = SearchField


class YearFilter(django_filters.NumberFilter):
    """A whole year within the archive's range; letters or 1e9 are a clear error."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", YEAR_MIN)
        kwargs.setdefault("max_value", YEAR_MAX)
        super().__init__(*args, **kwargs)


class CodeChoiceField(forms.ModelMultipleChoiceField):
    """Several codes or slugs; case does not matter for ISO codes (``kr`` is ``KR``)."""

    def __init__(self, *args, case=None, **kwargs):
        self.case = case
        super().__init__(*args, **kwargs)

    def clean(self, value):
        # An empty repeat (``country=``) means no filter, as an empty text field does.
        value = [str(item) for item in value or [] if str(item).strip()]
        if self.case:
            value = [getattr(item, self.case)() for item in value]
        return super().clean(value)


class ChoicesField(MultipleChoiceField):
    """Several fixed choices ("any of"); empty repeats are ignored."""

    def clean(self, value):
        return super().clean([item for item in value or [] if str(item).strip()])


class ChoicesFilter(django_filters.MultipleChoiceFilter):
    field_class = ChoicesField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("distinct", False)
        super().__init__(*args, **kwargs)


class CodesFilter(django_filters.ModelMultipleChoiceFilter):
    """ "Any of" several records by code or slug; ``case="upper"`` folds ``kr`` to ``KR``.

    ``unknown`` words the error for a value that names no record.
    """

    field_class = CodeChoiceField

    def __init__(self, *args, unknown=None, **kwargs):
        kwargs.setdefault("distinct", False)
        if not unknown:
            label = kwargs.get("label", "record").lower()
            unknown = f"There is no {label} “%(value)s” in the archive."
        kwargs["error_messages"] = {"invalid_choice": unknown, "invalid_pk_value": unknown}
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(**{f"{self.field_name}__in": ids(value)})


class RelatedFilter(CodesFilter):
    """ "Any of" several related records, as a ``pk__in`` sub-query (no join, no DISTINCT).

    ``subquery(values)`` returns the primary keys of the rows to keep.
    """

    def __init__(self, *args, subquery, **kwargs):
        self.subquery = subquery
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(pk__in=self.subquery(ids(value)))


def ids(records):
    """The primary keys of the records a code field chose (read already: no query)."""
    return sorted(record.pk for record in records)


class SortFilter(django_filters.ChoiceFilter):
    """``sort=<key>``: each key is an ordering with a unique tie-breaker and a label."""

    def __init__(self, *args, options, default, **kwargs):
        self.options = options
        self.default = default
        kwargs["choices"] = [(key, label) for key, (label, _) in options.items()]
        kwargs.setdefault("empty_label", None)
        kwargs.setdefault(
            "error_messages",
            {"invalid_choice": f"Unknown sort “%(value)s”: use one of {', '.join(options)}."},
        )
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        return qs.order_by(*self.options[value or self.default][1])

    def label_for(self, value):
        return self.options[value or self.default][0]


class ArchiveFilterSet(django_filters.FilterSet):
    """Shared behaviour. A FilterSet gives its rows two ways, both from the valid
    parameters only (invalid ones are left out; the form's errors say why):

    - :meth:`selection`: the rows to read, in the chosen order (``qs`` is this);
    - :meth:`matches`: the same rows to count, in no order, leaving out the filters a facet
      sets. A filter may say how it is best counted (``filter_matches``): reading a page
      in order and counting every match can call for different SQL.
    """

    sort_param = "sort"

    def filter_queryset(self, queryset):
        return self.selection(queryset)

    def valid_data(self):
        if not self.is_bound:
            return {}
        self.form.is_valid()  # cleaned_data then holds the valid parameters only
        return self.form.cleaned_data

    def selection(self, queryset=None):
        queryset = self.queryset.all() if queryset is None else queryset
        data = self.valid_data()
        for name, value in data.items():
            queryset = self.filters[name].filter(queryset, value)
        if self.sort_param not in data:
            # An invalid sort falls back to the default order.
            queryset = self.filters[self.sort_param].filter(queryset, None)
        return queryset

    def matches(self, exclude=()):
        queryset = self.queryset.all()
        for name, value in self.valid_data().items():
            if name == self.sort_param or name in exclude:
                continue
            filter_ = self.filters[name]
            queryset = getattr(filter_, "filter_matches", filter_.filter)(queryset, value)
        return queryset.order_by()

    @property
    def sort_label(self):
        value = self.form.cleaned_data.get(self.sort_param) if self.is_bound else None
        return self.filters[self.sort_param].label_for(value)


class FilmRelationFilter(RelatedFilter):
    """Films in any of the chosen countries (or genres).

    Counted, they are gathered through the link table (``filter_matches``). Read in order,
    the cheaper way depends on how many films the chosen records have (one count on the link
    table's index, remembered by this filter for the rest of the request):

    - few: gather the linked films, then sort them;
    - many (``walk_min_links`` or more): read the films along the list's sort index and keep
      each one that has a link (``EXISTS``), stopping at the page's end.

    PostgreSQL plans either shape well with its per-value statistics; SQLite has none, so
    the shape is chosen here. Both give the same rows in the same order (a test holds them
    to it).
    """

    walk_min_links = 1_000

    def __init__(self, *args, relation, **kwargs):
        self.through, self.column = Film.link_table(relation)
        self.link_counts = {}
        super().__init__(*args, subquery=_films_in(relation), **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        chosen = tuple(ids(value))
        links = self.through.objects.filter(**{f"{self.column}__in": chosen})
        if chosen not in self.link_counts:
            self.link_counts[chosen] = links.count()
        if self.link_counts[chosen] >= self.walk_min_links:
            return qs.filter(Exists(links.filter(film_id=OuterRef("pk"))))
        return self.filter_matches(qs, value)

    def filter_matches(self, qs, value):
        return super().filter(qs, value)


def _films_in(model_field):
    through, column = Film.link_table(model_field)

    def subquery(values):
        return through.objects.filter(**{f"{column}__in": values}).values("film_id")

    return subquery


class FilmFilter(ArchiveFilterSet):
    q = SearchFilter(method="search", label="Title or character")
    year_min = YearFilter(field_name="year", lookup_expr="gte", label="From year")
    year_max = YearFilter(field_name="year", lookup_expr="lte", label="To year")
    country = FilmRelationFilter(
        queryset=Country.objects.all(),
        to_field_name="code",
        relation="countries",
        case="upper",
        unknown="No country has the code “%(value)s”: use an ISO 3166-1 code such as KR.",
        label="Country",
    )
    language = CodesFilter(
        field_name="original_language",
        queryset=Language.objects.all(),
        to_field_name="code",
        case="lower",
        unknown="No language has the code “%(value)s”: use an ISO 639-1 code such as ko.",
        label="Language",
    )
    genre = FilmRelationFilter(
        queryset=Genre.objects.all(),
        to_field_name="slug",
        relation="genres",
        case="lower",
        label="Genre",
    )
    status = ChoicesFilter(choices=Film.Status.choices, label="Status")
    person = RelatedFilter(
        queryset=Person.objects.all(),
        to_field_name="slug",
        case="lower",
        subquery=lambda people: Role.objects.filter(person__in=people).values("film_id"),
        label="Person",
    )
    adapted = django_filters.ChoiceFilter(
        choices=[("yes", "Has adaptations"), ("no", "Has no adaptations")],
        method="filter_adapted",
        label="Adaptations",
    )
    sort = SortFilter(
        options={
            "-year": ("newest first", [F("year").desc(nulls_last=True), "title", "pk"]),
            "year": ("oldest first", [F("year").asc(nulls_last=True), "title", "pk"]),
            "title": ("by title", ["title", F("year").desc(nulls_last=True), "pk"]),
            "-title": ("by title, Z to A", ["-title", F("year").desc(nulls_last=True), "pk"]),
            "-updated": ("recently changed first", ["-updated_at", "pk"]),
        },
        default="-year",
        label="Sort",
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
    q = SearchFilter(method="search", label="Name")
    role = ChoicesFilter(choices=Role.Kind.choices, method="filter_role", label="Credit")
    film = RelatedFilter(
        queryset=Film.objects.all(),
        to_field_name="slug",
        case="lower",
        subquery=lambda films: Role.objects.filter(film__in=films).values("person_id"),
        label="Film",
    )
    sort = SortFilter(
        options={
            "name": ("by name", ["name", "pk"]),
            "-name": ("by name, Z to A", ["-name", "-pk"]),
            "-updated": ("recently changed first", ["-updated_at", "pk"]),
        },
        default="name",
        label="Sort",
    )

    class Meta:
        model = Person
        fields = []

    def search(self, queryset, name, value):
        return queryset.search(value)

    def filter_role(self, queryset, name, value):
        return queryset.filter(pk__in=Role.objects.filter(kind__in=value).values("person_id"))


class AdaptationFilter(ArchiveFilterSet):
    q = SearchFilter(method="search", label="Title")
    kind = ChoicesFilter(choices=Adaptation.Kind.choices, label="Kind")
    country = RelatedFilter(
        queryset=Country.objects.all(),
        to_field_name="code",
        subquery=lambda codes: Adaptation.objects.filter(
            adaptation__in=_films_in("countries")(codes)
        ).values("pk"),
        case="upper",
        unknown="No country has the code “%(value)s”: use an ISO 3166-1 code such as KR.",
        label="Country",
    )
    language = CodesFilter(
        field_name="adaptation__original_language",
        queryset=Language.objects.all(),
        to_field_name="code",
        case="lower",
        unknown="No language has the code “%(value)s”: use an ISO 639-1 code such as ko.",
        label="Language",
    )
    year_min = YearFilter(field_name="adaptation__year", lookup_expr="gte", label="From year")
    year_max = YearFilter(field_name="adaptation__year", lookup_expr="lte", label="To year")
    source = RelatedFilter(
        queryset=Film.objects.all(),
        to_field_name="slug",
        case="lower",
        subquery=lambda films: Adaptation.objects.filter(source__in=films).values("pk"),
        label="Source film",
    )
    sort = SortFilter(
        options={
            "year": (
                "oldest first",
                [F("adaptation__year").asc(nulls_last=True), "adaptation__title", "pk"],
            ),
            "-year": (
                "newest first",
                [F("adaptation__year").desc(nulls_last=True), "adaptation__title", "pk"],
            ),
            "title": (
                "by title",
                ["adaptation__title", F("adaptation__year").asc(nulls_last=True), "pk"],
            ),
        },
        default="year",
        label="Sort",
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
    q = SearchFilter(method="search", label="Category, film or person")
    ceremony = CodesFilter(
        queryset=Ceremony.objects.all(), to_field_name="slug", case="lower", label="Ceremony"
    )
    year = YearFilter(label="Year")
    category = SearchFilter(method="filter_category", label="Category")
    result = django_filters.ChoiceFilter(choices=Award.Result.choices, label="Result")
    person = CodesFilter(
        queryset=Person.objects.all(), to_field_name="slug", case="lower", label="Person"
    )
    film = CodesFilter(
        queryset=Film.objects.all(), to_field_name="slug", case="lower", label="Film"
    )
    sort = SortFilter(
        options={
            "-year": ("newest first", ["-year", CEREMONY_NAME, "category", "pk"]),
            "year": ("oldest first", ["year", CEREMONY_NAME, "category", "pk"]),
            "ceremony": ("by ceremony", ["ceremony__name", "-year", "category", "pk"]),
            "category": ("by category", ["category", "-year", "pk"]),
        },
        default="-year",
        label="Sort",
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
