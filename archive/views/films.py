"""The film list and the film page."""

from itertools import groupby

from django.db.models import F, prefetch_related_objects
from django.utils.translation import get_language, gettext_lazy, ngettext_lazy
from django.views.generic import DetailView

from .. import exports, pictures, rows, titles
from ..charts import admissions_chart
from ..citations import Footnotes, attach_film_sources, film_facts
from ..facets import FILM_FACETS
from ..filters import FilmFilter
from ..jsonld import film_jsonld
from ..models import Adaptation, BoxOfficeFigure, Film, FilmTitle, Role
from .lists import ArchiveListView
from .records import JsonFormatMixin, LowercaseSlugMixin, plural


class FilmListView(ArchiveListView):
    model = Film
    filterset_class = FilmFilter
    reader = rows.FILMS
    facets = FILM_FACETS
    list_name = "films"
    counted = ngettext_lazy("%(count)s film", "%(count)s films", "n")
    counted_more = ngettext_lazy("more than %(count)s film", "more than %(count)s films", "n")
    show_label = gettext_lazy("Show films")
    download_label = gettext_lazy("Download these films:")
    heading = gettext_lazy("Films")
    form_fields = ("q", "year_min", "year_max", "sort")
    template_name = "archive/film_list.html"
    export_columns = (
        ("slug", lambda f: f["slug"]),
        ("title", lambda f: f["title"]),
        ("year", lambda f: f["year"]),
        ("release_date", lambda f: f["release_date"]),
        ("status", lambda f: f["status"]),
        ("runtime_minutes", lambda f: f["runtime"]),
        ("countries", lambda f: [code for code, _ in f["countries"]]),
        ("original_language", lambda f: f["original_language__code"]),
        ("genres", lambda f: [slug for slug, _ in f["genres"]]),
        ("path", lambda f: f["url"]),
    )


class FilmDetailView(LowercaseSlugMixin, JsonFormatMixin, DetailView):
    model = Film
    template_name = "archive/film_detail.html"

    def get_queryset(self):
        return Film.objects.with_details()

    def get_families(self):
        """The adaptation families this film belongs to, in one query.

        A family is a source film and all its adaptations; it reads the same on the
        source's page and on each adaptation's page. A remake shows its source's family,
        and, if it was remade in turn, its own family too.
        """
        film = self.object
        sources = [a.source for a in film.adapted_from.all()]
        roots = [*sources, film]
        adaptations = (
            Adaptation.objects.filter(source__in=roots)
            .select_related("adaptation", "adaptation__original_language")
            .prefetch_related("adaptation__countries")
            .order_by(F("adaptation__year").asc(nulls_last=True), "adaptation__title", "pk")
        )
        by_pk = {root.pk: root for root in roots}
        by_source = {}
        for adaptation in adaptations:
            adaptation.source = by_pk[adaptation.source_id]
            by_source.setdefault(adaptation.source_id, []).append(adaptation)
        # The roots are the film (its countries prefetched with the page) and its sources
        # (read with it, with their language): only the sources' countries are left to read.
        prefetch_related_objects([root for root in sources if root.pk in by_source], "countries")
        return [
            {"root": root, "adaptations": by_source[root.pk]}
            for root in roots
            if root.pk in by_source
        ]

    def family_titles(self, families, local_title):
        """``{film id: its title in the visitor's language}`` for the films of the page's
        adaptation families that have one other than the title the archive shows: one query
        (none in the default language); the page's own film's is ``local_title``, read
        with the page."""
        shown = {family["root"].pk: family["root"] for family in families}
        shown.update(
            (item.adaptation_id, item.adaptation)
            for family in families
            for item in family["adaptations"]
        )
        shown.pop(self.object.pk, None)
        found = titles.local_titles(shown)
        local = {pk: text for pk, text in found.items() if text != shown[pk].display_title}
        if local_title is not None:
            local[self.object.pk] = local_title.text
        return local

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        film = self.object
        roles = list(film.roles.all())
        context["families"] = self.get_families()
        attach_film_sources(film, context["families"])
        context["cast"] = [r for r in roles if r.kind == Role.Kind.ACTOR]
        crew = sorted(
            (r for r in roles if r.kind != Role.Kind.ACTOR),
            key=lambda r: (list(Role.Kind.values).index(r.kind), r.billing or 999),
        )
        context["crew"] = [
            (plural(kind_label, len(group)), group)
            for kind_label, group in (
                (label, list(items)) for label, items in groupby(crew, key=lambda r: r.kind)
            )
        ]
        companies = list(film.company_credits.all())
        context["companies"] = [
            (plural(label, len(group)), group)
            for label, group in (
                (label, list(items))
                for label, items in groupby(
                    sorted(companies, key=lambda c: (c.kind, c.company.name)),
                    key=lambda c: c.kind,
                )
            )
        ]
        awards = list(film.awards.all())
        context["award_groups"] = [
            (label, list(group))
            for label, group in groupby(
                sorted(awards, key=lambda a: (-a.year, a.ceremony.name, a.category, a.pk)),
                key=lambda a: f"{a.ceremony_label} ({a.year})",
            )
        ]
        figures = list(film.figures.all())
        context["figures"] = figures
        context["chart"] = admissions_chart(
            [f for f in figures if f.kind == BoxOfficeFigure.Kind.ADMISSIONS],
            release_date=film.release_date,
            id_prefix=f"chart-{film.pk}",
        )
        context["titles"] = sorted(
            film.titles.all(), key=lambda t: (list(FilmTitle.Kind.values).index(t.kind), t.pk)
        )
        context["local_title"], context["original_title"] = titles.page_titles(
            film, context["titles"], get_language()
        )
        context["family_titles"] = self.family_titles(context["families"], context["local_title"])
        context["pictures"] = pictures.film_pictures(film.pk)
        context["og_picture"] = context["pictures"]["main"]
        context["portraits"] = pictures.portraits({role.person_id for role in context["cast"]})
        context["facts"] = film_facts(film)
        # Numbered by the template, in the order it shows the facts.
        context["notes"] = Footnotes()
        context["jsonld"] = film_jsonld(
            film, self.request, picture=context["og_picture"], families=context["families"]
        )
        return context

    def get_record(self, context):
        return exports.film_record(self.object, context["families"], self.request)
