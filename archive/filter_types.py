"""The kinds of filter the public lists' FilterSets are declared with (``filters.py``).

Each turns a parameter's text into a clear form error or a queryset condition, and reads
nothing but its value: no request, no cache.
"""

import copy

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_filters.fields import MultipleChoiceField

from .models import Film
from .models.base import YEAR_MAX, YEAR_MIN

#: The longest search text accepted; longer input is an error, not a slow query.
MAX_QUERY_LENGTH = 200


class SearchField(forms.CharField):
    default_error_messages = {
        "control": _("The search text cannot contain control characters."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", MAX_QUERY_LENGTH)
        kwargs.setdefault("strip", True)
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
            raise forms.ValidationError(self.error_messages["control"], code="control")


class SharedSettingsMixin:
    """A filter whose copies share its settings (``extra``: its field's arguments, among
    them choices and a records' queryset). Every FilterSet deep-copies its class's filters,
    on every request; the settings are read and never changed (a queryset here is a
    queryset, never a function of the request, which django-filter would write back into
    them), so copying them, lazy labels, choices and SQL queries and all, would be waste."""

    def __deepcopy__(self, memo):
        return copy_sharing(self, memo, self.extra)


class SearchFilter(SharedSettingsMixin, django_filters.CharFilter):
    field_class = SearchField


class YearFilter(SharedSettingsMixin, django_filters.NumberFilter):
    """A whole year within the archive's range; letters or 1e9 are a clear error."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", YEAR_MIN)
        kwargs.setdefault("max_value", YEAR_MAX)
        super().__init__(*args, **kwargs)


class CodeChoiceField(forms.ModelMultipleChoiceField):
    """Several codes or slugs; case does not matter for ISO codes (``kr`` is ``KR``).

    ``named``: the chosen records are read with their names in the visitor's language
    (their queryset's ``named()``: genres), which the sentence above the list and the
    active filters show."""

    def __init__(self, *args, case=None, named=False, **kwargs):
        self.case = case
        self.named = named
        super().__init__(*args, **kwargs)

    def clean(self, value):
        # An empty repeat (``country=``) means no filter, as an empty text field does.
        value = [str(item) for item in value or [] if str(item).strip()]
        if self.named and value:
            # This form's own copy of the field; the language is the request's.
            self.queryset = self.queryset.named()
        if self.case:
            value = [getattr(item, self.case)() for item in value]
        if not value and not self.required:
            # No choice: an empty list rather than Django's empty queryset, which each "is
            # anything chosen?" (the filter's, the sentence's) would compile to SQL first.
            return []
        return super().clean(value)


class ChoicesField(MultipleChoiceField):
    """Several fixed choices ("any of"); empty repeats are ignored."""

    def clean(self, value):
        return super().clean([item for item in value or [] if str(item).strip()])


class ChoiceFilter(SharedSettingsMixin, django_filters.ChoiceFilter):
    pass


class ChoicesFilter(SharedSettingsMixin, django_filters.MultipleChoiceFilter):
    field_class = ChoicesField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("distinct", False)
        super().__init__(*args, **kwargs)


class CodesFilter(SharedSettingsMixin, django_filters.ModelMultipleChoiceFilter):
    """ "Any of" several records by code or slug; ``case="upper"`` folds ``kr`` to ``KR``.

    ``unknown`` words the error for a value that names no record.
    """

    field_class = CodeChoiceField

    def __init__(self, *args, unknown=None, **kwargs):
        kwargs.setdefault("distinct", False)
        if not unknown:
            unknown = _("There is nothing called “%(value)s” in the archive.")
        kwargs["error_messages"] = {"invalid_choice": unknown, "invalid_pk_value": unknown}
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(**{f"{self.field_name}__in": ids(value)})

    def __deepcopy__(self, memo):
        # The records' queryset is kept twice, in ``extra`` and as an attribute.
        return copy_sharing(self, memo, self.extra, self.queryset)


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


def copy_sharing(original, memo, *shared):
    """A deep copy of ``original`` (a filter) whose copy keeps the very objects ``shared``
    instead of copies of them."""
    for value in shared:
        memo[id(value)] = value
    clone = original.__class__.__new__(original.__class__)
    memo[id(original)] = clone
    clone.__dict__.update(copy.deepcopy(original.__dict__, memo))
    return clone


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
            {
                "invalid_choice": format_lazy(
                    _("Unknown sort “%(value)s”: use one of {keys}."), keys=", ".join(options)
                )
            },
        )
        super().__init__(*args, **kwargs)

    def __deepcopy__(self, memo):
        """As :class:`SharedSettingsMixin`'s, and the copies share ``options`` too: orderings
        that are read and never changed."""
        return copy_sharing(self, memo, self.extra, self.options)

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

    def get_form_class(self):
        """The form's class, built once per FilterSet class (django-filter's documented
        hook). django-filter builds it anew for every FilterSet from fields each filter
        builds anew, yet they are the same for every request, and a form works on copies of
        its class's fields."""
        cls = type(self)
        if "_form_class" not in cls.__dict__:
            cls._form_class = super().get_form_class()
        return cls._form_class

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


class FilmRelationFilter(CodesFilter):
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
        self.links = links_to(relation)
        self.link_counts = {}
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        chosen = tuple(ids(value))
        links = self.links(chosen)
        if chosen not in self.link_counts:
            self.link_counts[chosen] = links.count()
        if self.link_counts[chosen] >= self.walk_min_links:
            return qs.filter(Exists(links.filter(film_id=OuterRef("pk"))))
        return qs.filter(pk__in=links.values("film_id"))

    def filter_matches(self, qs, value):
        if not value:
            return qs
        return qs.filter(pk__in=self.links(ids(value)).values("film_id"))


def links_to(relation):
    """``links(ids)``: the rows of a film relation's link table (countries, genres) that
    point at the chosen records."""
    through, column = Film.link_table(relation)
    return lambda chosen: through.objects.filter(**{f"{column}__in": chosen})


def films_in(relation):
    """``subquery(ids)``: the films linked to any of the chosen records."""
    links = links_to(relation)
    return lambda chosen: links(chosen).values("film_id")
