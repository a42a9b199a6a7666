"""The list of people and the person page."""

from itertools import groupby

from django.db.models import F
from django.utils.translation import gettext_lazy, ngettext_lazy
from django.views.generic import DetailView

from .. import exports, names, pictures, rows, titles
from ..citations import Footnotes, row_sources, unique_sources
from ..facets import PERSON_FACETS
from ..filters import PersonFilter
from ..jsonld import person_jsonld
from ..models import Award, Person, Role
from ..models.base import slug_urls
from ..models.film import display_title
from .lists import ArchiveListView
from .records import JsonFormatMixin, LowercaseSlugMixin


class PersonListView(ArchiveListView):
    model = Person
    filterset_class = PersonFilter
    reader = rows.PEOPLE
    facets = PERSON_FACETS
    list_name = "people"
    counted = ngettext_lazy("%(count)s person", "%(count)s people", "n")
    counted_more = ngettext_lazy("more than %(count)s person", "more than %(count)s people", "n")
    show_label = gettext_lazy("Show people")
    download_label = gettext_lazy("Download these people:")
    heading = gettext_lazy("People")
    template_name = "archive/person_list.html"
    export_columns = (
        ("slug", lambda p: p["slug"]),
        ("name", lambda p: p["name"]),
        ("name_original", lambda p: p["name_original"]),
        ("other_names", lambda p: p["other_name_list"]),
        ("credits", lambda p: p["credit_count"]),
        ("path", lambda p: p["url"]),
    )


def person_credits(person):
    """The person's credits as values, newest film first, each with its film's title and
    link: one query, however many credits."""
    roles = Role.objects.filter(person=person)
    credits = list(
        roles.order_by(F("film__year").desc(nulls_first=True), "film__title", "kind", "pk").values(
            "pk",
            "film_id",
            "film__slug",
            "film__title",
            "film__year",
            "film__status",
            "kind",
            "character",
            "note",
        )
    )
    # The credits as a sub-query, not hundreds of ids for Django to prepare one by one.
    sources = row_sources(Role, roles.values("pk"))
    film_url = slug_urls("archive:film-detail")
    for credit in credits:
        credit["sources"] = sources.get(credit["pk"], [])
        credit["film_title"] = display_title(credit["film__title"])
        credit["film_url"] = film_url(credit["film__slug"])
        credit["kind_label"] = rows.ROLE_KIND_LABELS.get(credit["kind"], credit["kind"])
    return credits


def person_awards(person):
    person_awards = Award.objects.filter(person=person)
    awards = list(
        # Sorted by the ceremony's name, so joined to it: its name and slug come along.
        person_awards.order_by("-year", "ceremony__name", "category", "pk").values(
            *rows.AWARD_FIELDS, "ceremony__slug", "ceremony__name"
        )
    )
    if not awards:
        return awards  # most people: nothing to look up
    sources = row_sources(Award, person_awards.values("pk"))
    for award in awards:
        award["sources"] = sources.get(award["pk"], [])
    return rows.finish_awards(awards)


def filmography(credits):
    """The credits grouped by film: one row a film, with every credit the person had on it."""
    return [
        {
            "title": group[0]["film_title"],
            "local_title": group[0]["local_title"],
            "year": group[0]["film__year"],
            "status_label": rows.STATUS_LABELS.get(group[0]["film__status"], ""),
            "url": group[0]["film_url"],
            "credits": group,
        }
        for group in (list(items) for _, items in groupby(credits, key=lambda c: c["film_id"]))
    ]


class PersonDetailView(LowercaseSlugMixin, JsonFormatMixin, DetailView):
    model = Person
    template_name = "archive/person_detail.html"

    def get_queryset(self):
        return Person.objects.prefetch_related("sources")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        credits = person_credits(person)
        awards = person_awards(person)
        # The films' titles in the visitor's language, for the credits and awards at once.
        found = titles.local_titles({row["film_id"] for row in (*credits, *awards)})
        titles.apply_titles(credits, found, ("film_id", "film__title", "local_title"))
        titles.apply_titles(awards, found, ("film_id", "film__title", "film_local_title"))
        context["credits"] = credits
        context["filmography"] = filmography(credits)
        context["awards"] = awards
        # The name in the script of the visitor's language first, the Latin name beside it.
        own = names.own_script_name(person.name, person.name_original)
        context["shown_name"] = own or person.name
        context["latin_name"] = person.name if own else ""
        context["portrait"] = context["og_picture"] = pictures.person_picture(self.object.pk)
        context["cited"] = unique_sources(
            self.object.sources.all(),
            *(row["sources"] for row in (*credits, *context["awards"])),
        )
        # Numbered by the template, in the order it shows the facts.
        context["notes"] = Footnotes()
        context["jsonld"] = person_jsonld(
            self.object,
            credits,
            self.request,
            picture=context["og_picture"],
            sources=context["cited"],
        )
        return context

    def get_record(self, context):
        return exports.person_record(
            self.object, context["credits"], context["awards"], self.request, context["cited"]
        )
