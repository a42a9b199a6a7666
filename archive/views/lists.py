"""The flow every public list shares.

A request goes one way: URL -> view -> FilterSet -> queryset -> rows and facets ->
template or export. The view builds the FilterSet from the query, asks it for the
selection (and, for each facet, the selection without the facet's own parameters), reads
one page of rows as values (``rows.Reader``), counts what it must (capped, and kept in the
count cache under the selection's key) and renders. Nothing below the view calls back up.

A list is a subclass that names its FilterSet, its reader, its facets, its export columns
and its template; ``list_name`` picks its phrases (``phrases.py``).
"""

from django import forms
from django.http import Http404, HttpResponse
from django.utils.formats import number_format
from django.utils.translation import gettext, gettext_lazy, ngettext_lazy
from django.views.generic import ListView

from .. import cache, exports, phrases
from ..facets import facet_links
from ..links import query_url
from ..paging import CappedPaginator
from .records import format_field, page_field

#: The parameters that do not change which rows a list selects.
PRESENTATION_PARAMS = ("page", "format", "sort")


class ListControlsForm(forms.Form):
    """The parameters a list has besides its filters: page and output format."""

    page = page_field()
    format = format_field("html", "csv", "json")


class ArchiveListView(ListView):
    """A public list: filtered, paginated, faceted, exportable."""

    filterset_class = None
    #: The key of the list's phrases in ``phrases.PHRASES``, and the export's file name.
    list_name = "records"
    #: How the rows are read (a ``rows.Reader``).
    reader = None
    #: ``facets.Facet`` declarations.
    facets = ()
    #: ``(name, function of a row)`` pairs: the export's columns.
    export_columns = ()
    #: The parameters the list's form shows as inputs; the rest ride along as hidden inputs.
    form_fields = ("q", "sort")
    #: How many rows were found, in words: ``count`` written out, the plural form by the number
    #: ``n``; and the same for
    #: "more than" a capped count.
    counted = ngettext_lazy("%(count)s record", "%(count)s records", "n")
    counted_more = ngettext_lazy("more than %(count)s record", "more than %(count)s records", "n")
    #: The form's button and the exports' lead-in.
    show_label = gettext_lazy("Show records")
    download_label = gettext_lazy("Download these records:")
    heading = gettext_lazy("Records")
    template_name = "archive/list_base.html"
    paginate_by = 25
    #: Lists count matching rows up to this many ("more than 10,000 films") and count facets
    #: among the first this many matches, so no request counts a whole large table.
    count_cap = 10_000
    #: An export of at most this many rows is sent whole (and so kept by the page cache like
    #: a page); a larger one is streamed.
    export_buffer_rows = 2_000

    def get_base_queryset(self):
        return self.model.objects.all()

    def get(self, request, *args, **kwargs):
        self.filterset = self.filterset_class(request.GET, queryset=self.get_base_queryset())
        self.controls = ListControlsForm(request.GET)
        self.controls.is_valid()
        output = self.controls.cleaned_data.get("format") or "html"
        if output != "html":
            return self.export(output)
        # An unknown format shows the HTML page with the message.
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.filterset.qs

    # Counting: capped, and kept per selection.

    def selection_key(self, *leave_out):
        return cache.selection_key(self.request.GET, (*PRESENTATION_PARAMS, *leave_out))

    def found(self):
        """The selection's total, counted up to the cap + 1 in no order."""

        def count():
            return self.filterset.matches()[: self.count_cap + 1].count()

        return cache.remember(self.request, f"{self.list_name} total", self.selection_key(), count)

    def facet_rows(self, facet):
        """A facet's counts over the selection without its own parameters, among the first
        ``count_cap`` matches (bounded work at any size)."""

        def count():
            matches = self.filterset.matches(exclude=facet.params).order_by("pk")
            bounded = matches.model.objects.filter(pk__in=matches.values("pk")[: self.count_cap])
            return [tuple(row) for row in facet.count(bounded)]

        name = f"{self.list_name} facet {facet.params[0]}"
        return cache.remember(self.request, name, self.selection_key(*facet.params), count)

    # The page.

    def paginate_queryset(self, queryset, page_size):
        paginator = CappedPaginator(
            self.reader.values(queryset), page_size, cap=self.count_cap, found=self.found()
        )
        number = self.controls.cleaned_data.get("page") or 1
        if not paginator.page_exists(number):
            raise Http404(
                gettext("There is no page %(number)s: the last page is %(last)s.")
                % {"number": number, "last": paginator.num_pages}
            )
        page = paginator.page(number)
        page.object_list = self.reader.read(page.object_list)
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = context["paginator"]
        params = self.request.GET
        context.update(
            list_name=self.list_name,
            heading=self.heading,
            filterset=self.filterset,
            errors=self.error_messages(),
            summary=self.summary(paginator.count, paginator.capped),
            capped=paginator.capped,
            cap=self.count_cap,
            active_filters=self.active_filters(),
            facets=[
                (facet.title, facet_links(facet, self.facet_rows(facet), params))
                for facet in self.facets
            ],
            sort_options=self.sort_options(),
            export_links=[
                (label, query_url(params, format=fmt))
                for label, fmt in (("CSV", "csv"), ("JSON", "json"))
            ],
            clear_url=self.request.path,
            hidden_params=[
                (name, value)
                for name, values in params.lists()
                if name not in (*self.form_fields, "page", "format")
                for value in values
            ],
            values={name: params.get(name, "") for name in self.form_fields},
            show_label=self.show_label,
            download_label=self.download_label,
        )
        return context

    # Exports.

    def export(self, output):
        filter_errors = [m for m in self.error_messages() if "(page)" not in m]
        if filter_errors:
            return HttpResponse(
                gettext("Bad request:") + "\n" + "\n".join(filter_errors) + "\n",
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        rows = self.reader.read_all(self.filterset.qs)
        buffered = self.found() <= self.export_buffer_rows
        filename = f"{self.list_name}.{output}"
        if output == "csv":
            return exports.csv_response(rows, self.export_columns, filename, buffered)
        return exports.json_response(rows, self.export_columns, filename, buffered)

    # What the page says about the selection.

    def error_messages(self):
        messages = []
        for form in (self.filterset.form, self.controls):
            for name, errors in form.errors.items():
                label = form.fields[name].label or name if name in form.fields else name
                for error in errors:
                    messages.append(f"{label} ({name}): {error}")
        return messages

    def summary(self, count, capped=False):
        """ "12 films from South Korea, newest first.": the count, what selects them and
        their order, each language in its own words and order."""
        words = self.counted_more if capped else self.counted
        text = words % {"n": count, "count": number_format(count, force_grouping=True)}
        text = text[:1].upper() + text[1:]
        described = phrases.joined(phrases.describe(self.list_name, self.filterset.form))
        order = self.filterset.sort_label
        if described:
            return gettext("%(count)s %(selection)s, %(order)s.") % {
                "count": text,
                "selection": described,
                "order": order,
            }
        return gettext("%(count)s, %(order)s.") % {"count": text, "order": order}

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
        field = self.filterset.form.fields[name]
        if hasattr(cleaned, "model"):
            for record in cleaned:
                key = getattr(record, field.to_field_name or "pk")
                if str(key).lower() == value.lower():
                    return str(record)
            return value
        if getattr(field, "choices", None):
            return dict(field.choices).get(value, value)
        return value

    def sort_options(self):
        sort_filter = self.filterset.filters["sort"]
        current = self.filterset.form.cleaned_data.get("sort") or sort_filter.default
        return [
            {"value": key, "label": label, "selected": key == current}
            for key, (label, _) in sort_filter.options.items()
        ]
