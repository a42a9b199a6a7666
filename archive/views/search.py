"""``/search/``: every kind of record from one box, grouped by kind, best match first; and
``/search/suggest/``: the best few as JSON while a visitor types (``static/archive/search.js``
turns the header's box into a combobox; without JavaScript the box submits to ``/search/``).

The ranking is ``archive.ranking``; near misses ("Did you mean …?") are ``archive.near``.
Both pages are ordinary anonymous ``GET``s, so the page cache keeps them
(``cache.PublicPageCacheMiddleware``), and each makes a fixed number of queries.
"""

import unicodedata

from django import forms
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.http import urlencode
from django.utils.translation import gettext, gettext_lazy, ngettext_lazy
from django.views import View
from django.views.generic import TemplateView

from .. import cache, near, ranking
from ..filter_types import SearchField
from ..ranking import SUGGESTIONS
from ..text import fold
from .records import page_field

#: Hits shown in each group on one page.
PER_GROUP = 10
#: Suggestions start at this many characters.
SUGGEST_FROM = 2
#: How many of each kind, in words: ``count`` in words, its plural form by the number ``n``.
NOUNS = {
    "films": ngettext_lazy("%(count)s film", "%(count)s films", "n"),
    "people": ngettext_lazy("%(count)s person", "%(count)s people", "n"),
    "companies": ngettext_lazy("%(count)s company", "%(count)s companies", "n"),
    "ceremonies": ngettext_lazy("%(count)s awards ceremony", "%(count)s awards ceremonies", "n"),
}
#: Groups count their records up to this many ("more than 10,000 films").
COUNT_CAP = 10_000


class SearchText(SearchField):
    """The search text: at most 200 characters, no control characters, no lone surrogates."""

    def validate(self, value):
        super().validate(value)
        if any(unicodedata.category(ch) == "Cs" for ch in value):
            raise forms.ValidationError(
                gettext("The search text is not valid Unicode."), code="surrogate"
            )


class SearchForm(forms.Form):
    q = SearchText(label=gettext_lazy("Search"), required=False)
    page = page_field()


def search_text(params):
    """The valid search text of a query and its error messages."""
    form = SearchForm(params)
    form.is_valid()
    messages = [
        f"{form.fields[name].label} ({name}): {error}"
        for name, errors in form.errors.items()
        for error in errors
    ]
    return form.cleaned_data.get("q") or "", form.cleaned_data.get("page") or 1, messages


def list_url(name, text):
    return reverse(name) + "?" + urlencode({"q": text})


class SearchView(TemplateView):
    template_name = "archive/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        text, page, messages = search_text(self.request.GET)
        folded = fold(text)
        context.update(query=text, messages=messages, groups=[], page=page, total=0)
        if not folded:
            if not messages and "q" in self.request.GET:
                messages.append(gettext("Type a title, a name or a character to search for."))
            return context
        start = (page - 1) * PER_GROUP
        # The hits up to this page's and one more (is there a next page?), at most as deep
        # as the ranking reads.
        wanted = min(start + PER_GROUP + 1, ranking.CANDIDATES)
        groups = [
            self.group(
                "films",
                gettext("Films"),
                ranking.films(folded, wanted),
                self.count("films", folded, ranking.film_count),
                list_url("archive:film-list", text),
                start,
                folded,
            ),
            self.group(
                "people",
                gettext("People"),
                ranking.people(folded, wanted),
                self.count("people", folded, ranking.person_count),
                list_url("archive:person-list", text),
                start,
                folded,
            ),
        ]
        companies, ceremonies = ranking.small_tables(text)
        for name, heading, hits in (
            ("companies", gettext("Companies"), companies),
            ("ceremonies", gettext("Awards ceremonies"), ceremonies),
        ):
            groups.append(self.group(name, heading, hits, len(hits), None, start, None))
        # The films' titles in the visitor's language, and those of the people's best-known
        # films, for every group at once (the hits are changed in place).
        ranking.in_visitor_language([hit for group in groups for hit in group["hits"]])
        if page > 1 and not any(group["hits"] for group in groups):
            raise Http404(
                gettext("There is no page %(page)s of results for this search.") % {"page": page}
            )
        more = any(group["more"] for group in groups)
        context.update(
            groups=groups,
            total=sum(group["count"] for group in groups),
            previous_url=self.page_url(text, page - 1) if page > 1 else None,
            next_url=self.page_url(text, page + 1) if more else None,
        )
        return context

    def count(self, name, folded, counter):
        return cache.remember(
            self.request, f"search {name} total", folded, lambda: counter(folded, COUNT_CAP)
        )

    @staticmethod
    def group(name, heading, hits, count, see_all, start, folded):
        shown = hits[start : start + PER_GROUP]
        capped = count > COUNT_CAP
        counted = (
            gettext("more than %(count)s")
            % {"count": number_format(COUNT_CAP, force_grouping=True)}
            if capped
            else number_format(count, force_grouping=True)
        )
        return {
            "name": name,
            "counted": counted,
            "counted_words": NOUNS[name] % {"n": count, "count": counted},
            "heading": heading,
            "hits": shown,
            "count": count,
            "capped": capped,
            "see_all": see_all if count else None,
            "more": len(hits) > start + PER_GROUP,
            # Near misses are looked for in the groups that found nothing at all.
            "near": [
                (text, list_url("archive:search", text)) for text in near.closest(name, folded)
            ]
            if folded and not count and name in near.SOURCES
            else [],
        }

    def page_url(self, text, page):
        params = {"q": text}
        if page > 1:
            params["page"] = page
        return reverse("archive:search") + "?" + urlencode(params)


class SuggestView(View):
    """``[{"kind", "label", "detail", "url"}]``, at most ``SUGGESTIONS``, best first; ``[]``
    for under ``SUGGEST_FROM`` characters or a text the search page would refuse. ``kind``
    and ``url`` are for machines; ``label`` and ``detail`` are the words shown, in the
    visitor's language (the detail says "Film" in it, so no label of the kind is added)."""

    def get(self, request):
        text, _, messages = search_text(request.GET)
        folded = fold(text)
        if messages or len(folded) < SUGGEST_FROM:
            return JsonResponse([], safe=False)
        hits = ranking.films(folded, SUGGESTIONS) + ranking.people(folded, SUGGESTIONS)
        hits.sort(key=lambda hit: hit.key)
        hits = ranking.in_visitor_language(hits[:SUGGESTIONS])
        return JsonResponse(
            [
                {
                    # A machine code, the same in every language.
                    "kind": hit.kind,
                    # In the visitor's language, the archive's own title or name after it.
                    "label": hit.label,
                    "detail": " · ".join(
                        part for part in (hit.own_label, hit.detail, hit.reason) if part
                    ),
                    "url": hit.url,
                }
                for hit in hits
            ],
            safe=False,
        )
