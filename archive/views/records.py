"""What the film and person pages share: ``?format=json`` and lower-case addresses."""

from django import forms
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy, npgettext_lazy

#: What a page answers to a format it does not give, for each set of formats a page takes.
UNKNOWN_FORMAT = {
    ("html", "json"): gettext_lazy("Unknown format “%(value)s”: use html or json."),
    ("html", "csv", "json"): gettext_lazy("Unknown format “%(value)s”: use html, csv or json."),
}


def format_field(*formats):
    """The ``format`` parameter of a page: one of ``formats``, html when absent."""
    return forms.ChoiceField(
        label=gettext_lazy("Format"),
        required=False,
        choices=[(name, name.upper()) for name in formats],
        error_messages={"invalid_choice": UNKNOWN_FORMAT[formats]},
    )


def page_field():
    """The ``page`` parameter of a paged page: a whole number from 1; a bad one shows page 1
    with a message."""
    return forms.IntegerField(
        label=gettext_lazy("Page"),
        required=False,
        min_value=1,
        error_messages={
            "invalid": gettext_lazy("The page must be a whole number; showing page 1."),
            "min_value": gettext_lazy("Pages start at 1; showing page 1."),
        },
    )


class RecordFormatForm(forms.Form):
    format = format_field("html", "json")


class LowercaseSlugMixin:
    """Slugs are lower case; an address that spells one with capitals is sent, for good, to
    the lower-case address (with its query)."""

    def get(self, request, *args, **kwargs):
        slug = kwargs["slug"]
        if slug != slug.lower():
            url = reverse(request.resolver_match.view_name, kwargs={"slug": slug.lower()})
            if request.META.get("QUERY_STRING"):
                url += "?" + request.META["QUERY_STRING"]
            return HttpResponsePermanentRedirect(url)
        return super().get(request, *args, **kwargs)


class JsonFormatMixin:
    """``?format=json`` on a record page answers the whole record as JSON
    (``get_record(context)``); any other format but html is a message on the page."""

    def render_to_response(self, context, **response_kwargs):
        form = RecordFormatForm(self.request.GET)
        if form.is_valid() and form.cleaned_data["format"] == "json":
            return JsonResponse(
                self.get_record(context),
                json_dumps_params={"ensure_ascii": False, "indent": 2},
            )
        if not form.is_valid():
            context["errors"] = form.errors["format"]
        return super().render_to_response(context, **response_kwargs)


#: The heading of a film's credits of one kind, singular or plural by how many there are
#: (with a context of its own: a plural message and the kind's choice label may share a text).
CREDIT_HEADINGS = {
    "director": npgettext_lazy("credits", "Director", "Directors", "n"),
    "writer": npgettext_lazy("credits", "Writer", "Writers", "n"),
    "producer": npgettext_lazy("credits", "Producer", "Producers", "n"),
    "cinematographer": npgettext_lazy("credits", "Cinematographer", "Cinematographers", "n"),
    "editor": npgettext_lazy("credits", "Editor", "Editors", "n"),
    "composer": npgettext_lazy("credits", "Composer", "Composers", "n"),
    "actor": npgettext_lazy("credits", "Actor", "Actors", "n"),
    "production": npgettext_lazy("credits", "Production company", "Production companies", "n"),
    "distribution": npgettext_lazy("credits", "Distributor", "Distributors", "n"),
}


def plural(kind, count):
    """The heading of ``count`` credits of ``kind`` ("Writer", "Writers"), in the language of
    the request."""
    return CREDIT_HEADINGS[kind] % {"n": count}
