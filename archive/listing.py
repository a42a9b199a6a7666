"""The shared machinery of the public lists: the plain-sentence summary, active filters
with their remove links, facet counts, pagination and the choice of output format.

Each list view is a :class:`ArchiveListView` with a FilterSet, its facets and its export
columns; see ``views.py``.
"""

from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpResponse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.views.generic import ListView

from . import cache, exports
from .cache import canonical_query

#: How many values a facet shows at most (the most frequent first).
FACET_LIMIT = 12


class ListControlsForm(forms.Form):
    """The parameters a list has besides its filters: page and output format."""

    page = forms.IntegerField(
        label="Page",
        required=False,
        min_value=1,
        error_messages={
            "invalid": "The page must be a whole number; showing page 1.",
            "min_value": "Pages start at 1; showing page 1.",
        },
    )
    format = forms.ChoiceField(
        label="Format",
        required=False,
        choices=[("html", "HTML"), ("csv", "CSV"), ("json", "JSON")],
        error_messages={"invalid_choice": "Unknown format “%(value)s”: use html, csv or json."},
    )


def query_url(params, **changes):
    """``?`` + ``params`` (a QueryDict) with some parameters replaced (a list) or removed."""
    data = {key: [v for v in params.getlist(key) if v.strip()] for key in params}
    data.pop("page", None)
    for key, values in changes.items():
        if values in (None, [], ""):
            data.pop(key, None)
        else:
            data[key] = values if isinstance(values, list) else [values]
    data = {key: values for key, values in data.items() if values}
    return "?" + urlencode(data, doseq=True) if data else "?"


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class Facet:
    """One facet of a list: its parameter(s), heading, and how to count it.

    ``count(queryset)`` gets the selection without this facet's own filters and returns
    ``(value, label, count)`` rows; ``link(value)`` gives the parameters that select one
    value (by default: add it to the parameter's "any of" list).
    """

    title: str
    params: tuple
    count: object
    link: object = None
    values: list = field(default_factory=list)

    def build(self, filterset, request, cap, remember):
        """The facet's values with their counts: ``remember(name, compute, leave_out)``
        keeps the counts per selection (see ``cache.remember``)."""

        def counts():
            selection = filterset.qs_without(*self.params)
            # Count among the first `cap` matches (by primary key): bounded work at any size.
            queryset = selection.model.objects.filter(
                pk__in=selection.order_by("pk").values("pk")[:cap]
            )
            return [tuple(row) for row in self.count(queryset)[:FACET_LIMIT]]

        selected = set(request.GET.getlist(self.params[0]))
        self.values = []
        for value, label, number in remember(f"facet {self.title}", counts, self.params):
            value = str(value)
            if self.link:
                changes = self.link(value)
                is_selected = all(request.GET.get(k) == str(v) for k, v in changes.items())
                if is_selected:
                    changes = dict.fromkeys(changes)
            else:
                is_selected = value in selected or value.lower() in {s.lower() for s in selected}
                current = request.GET.getlist(self.params[0])
                if is_selected:
                    changes = {self.params[0]: [v for v in current if v.lower() != value.lower()]}
                else:
                    changes = {self.params[0]: [*current, value]}
            self.values.append(
                FacetValue(value, label, number, is_selected, query_url(request.GET, **changes))
            )
        return self


class CappedPage(Page):
    def has_next(self):
        if not self.paginator.capped:
            return super().has_next()
        # Past the cap the total is unknown: look one row ahead (one small query).
        start = self.number * self.paginator.per_page
        return self.paginator.object_list[start : start + 1].exists()


class CappedPaginator(Paginator):
    """Counts at most ``cap`` + 1 rows: past the cap the list says "more than N" and the
    pages go on (Next is shown while there is a next row) without a total."""

    def __init__(self, *args, cap, found, **kwargs):
        self.cap = cap
        self._found = found
        super().__init__(*args, **kwargs)

    @cached_property
    def found(self):
        """How many rows match, up to ``cap`` + 1: ``found()`` as the view counts them."""
        return self._found()

    @cached_property
    def count(self):
        return min(self.found, self.cap)

    @property
    def capped(self):
        return self.found > self.cap

    def _get_page(self, *args, **kwargs):
        return CappedPage(*args, **kwargs)

    def page_exists(self, number):
        if number <= self.num_pages:
            return True
        if not self.capped:
            return False
        start = (number - 1) * self.per_page
        return self.object_list[start : start + 1].exists()

    def validate_number(self, number):
        if self.capped and int(number) >= 1:
            # The total past the cap is unknown; page_exists() decides (a 404 past the end).
            return int(number)
        return super().validate_number(number)

    def page(self, number):
        if number > self.num_pages and self.capped:
            bottom = (number - 1) * self.per_page
            return self._get_page(self.object_list[bottom : bottom + self.per_page], number, self)
        return super().page(number)


class ArchiveListView(ListView):
    """A public list: filtered by a FilterSet, paginated, faceted, exportable.

    Subclasses set ``filterset_class``, ``noun`` (singular, plural), ``get_facets()``,
    ``export_columns`` (name, function of a row) and ``export_name``.
    """

    filterset_class = None
    #: The parameters the list's form shows as inputs; the rest ride along as hidden inputs.
    form_fields = ("q", "sort")
    noun = ("record", "records")
    export_name = "records"
    export_columns = ()

    def get_paginate_by(self, queryset):
        return settings.ARCHIVE_PAGE_SIZE

    def get_base_queryset(self):
        return self.model.objects.all()

    def get_queryset(self):
        return self.filterset.qs

    def get_facets(self):
        return []

    def get(self, request, *args, **kwargs):
        self.filterset = self.filterset_class(
            request.GET, queryset=self.get_base_queryset(), request=request
        )
        self.controls = ListControlsForm(request.GET)
        self.controls.is_valid()
        output = self.controls.cleaned_data.get("format") or "html"
        if output != "html":
            return self.export(output)
        # An unknown format shows the HTML page with the message.
        return super().get(request, *args, **kwargs)

    @property
    def error_messages(self):
        messages = []
        for form in (self.filterset.form, self.controls):
            for name, errors in form.errors.items():
                label = form.fields[name].label or name if name in form.fields else name
                for error in errors:
                    messages.append(f"{label} ({name}): {error}")
        return messages

    def remember(self, name, compute, leave_out=()):
        """A count of this list's selection, kept per selection and archive version: the
        parameters that do not change it (page, format, sort, ``leave_out``) are left out
        of its key."""
        selection = canonical_query(self.request.GET, ("page", "format", "sort", *leave_out))
        parts = (type(self).__name__, name, selection)
        return cache.remember(self.request, parts, compute)

    def export(self, output):
        filter_errors = [m for m in self.error_messages if "(page)" not in m]
        if filter_errors:
            return HttpResponse(
                "Bad request:\n" + "\n".join(filter_errors) + "\n",
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        rows = self.get_export_queryset().iterator(chunk_size=1000)
        # A small selection is sent whole (and so kept by the page cache); a large one is
        # streamed, its memory flat. Its size is the list's own capped, remembered total.
        buffered = self.found() <= settings.ARCHIVE_EXPORT_BUFFER_ROWS
        filename = f"{self.export_name}.{output}"
        if output == "csv":
            return exports.csv_response(rows, self.export_columns, filename, buffered)
        return exports.json_response(rows, self.export_columns, filename, buffered)

    def get_export_queryset(self):
        return self.get_queryset()

    def found(self):
        """The selection's total, counted up to the cap + 1 in no order (the filters build
        it to be counted, see ``qs_without``) and remembered per selection."""

        def count():
            selection = self.filterset.qs_without().order_by()
            return selection[: settings.ARCHIVE_COUNT_CAP + 1].count()

        return self.remember("total", count)

    def paginate_queryset(self, queryset, page_size):
        paginator = CappedPaginator(
            queryset, page_size, cap=settings.ARCHIVE_COUNT_CAP, found=self.found
        )
        number = self.controls.cleaned_data.get("page") or 1
        if not paginator.page_exists(number):
            raise Http404(f"There is no page {number}: the last page is {paginator.num_pages}.")
        page = paginator.page(number)
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = context["paginator"]
        context.update(
            filterset=self.filterset,
            errors=self.error_messages,
            summary=self.summary(paginator.count, paginator.capped),
            capped=paginator.capped,
            cap=settings.ARCHIVE_COUNT_CAP,
            active_filters=self.active_filters(),
            facets=[
                facet.build(self.filterset, self.request, settings.ARCHIVE_COUNT_CAP, self.remember)
                for facet in self.get_facets()
            ],
            sort_options=self.sort_options(),
            export_links=[
                (label, query_url(self.request.GET, format=fmt))
                for label, fmt in (("CSV", "csv"), ("JSON", "json"))
            ],
            clear_url=self.request.path,
            hidden_params=[
                (name, value)
                for name, values in self.request.GET.lists()
                if name not in (*self.form_fields, "page", "format")
                for value in values
            ],
            values={name: self.request.GET.get(name, "") for name in self.form_fields},
            noun_plural=self.noun[1],
        )
        return context

    # The sentence above the list, and the filters it names.

    def describe(self, data):
        """Phrases for the active filters, e.g. ["from Turkey", "in Turkish"]."""
        return []

    def summary(self, count, capped=False):
        data = self.filterset.form.cleaned_data
        noun = self.noun[0] if count == 1 and not capped else self.noun[1]
        phrases = " ".join(self.describe(data))
        text = f"{'More than ' if capped else ''}{count:,} {noun}"
        if phrases:
            text += f" {phrases}"
        return f"{text}, {self.filterset.sort_label}."

    def active_filters(self):
        """Each active parameter value with a link that removes just it."""
        chips = []
        form = self.filterset.form
        for name in form.cleaned_data:
            if name == "sort" or name not in self.request.GET:
                continue
            values = [v for v in self.request.GET.getlist(name) if v.strip()]
            label = self.filterset.filters[name].label or name
            for value in values:
                remaining = [v for v in values if v != value]
                chips.append(
                    {
                        "label": label,
                        "value": self.value_label(name, value),
                        "url": query_url(self.request.GET, **{name: remaining}),
                    }
                )
        return chips

    def value_label(self, name, value):
        """How a parameter value reads on the page (a country's name for its code)."""
        cleaned = self.filterset.form.cleaned_data.get(name)
        if hasattr(cleaned, "__iter__") and not isinstance(cleaned, str):
            for item in cleaned:
                key = getattr(item, "code", None) or getattr(item, "slug", None) or item
                if str(key).lower() == value.lower():
                    if hasattr(item, "_meta"):
                        return str(item)
                    field = self.filterset.form.fields[name]
                    return dict(field.choices).get(item, value)
        field = self.filterset.form.fields.get(name)
        if field is not None and getattr(field, "choices", None) and isinstance(cleaned, str):
            return dict(field.choices).get(value, value)
        return value

    def sort_options(self):
        sort_filter = self.filterset.filters["sort"]
        current = self.filterset.form.cleaned_data.get("sort") or sort_filter.default
        return [
            {"value": key, "label": label, "selected": key == current}
            for key, (label, _) in sort_filter.options.items()
        ]


def names(items, attr=None, joiner="or"):
    """ "South Korea or Turkey" from model instances (or strings)."""
    words = [str(getattr(item, attr) if attr else item) for item in items]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {joiner} {words[-1]}"
