"""The public archive: home, four lists and two record pages.

Lists share :class:`archive.listing.ArchiveListView` (filters, facets, pagination,
exports); each view here says what it lists, how it reads and what it exports.
"""

from itertools import groupby

from django.db.models import Count, F, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.http import JsonResponse
from django.views.generic import DetailView, TemplateView

from . import cache, exports
from .charts import admissions_chart
from .filters import AdaptationFilter, AwardFilter, FilmFilter, PersonFilter
from .jsonld import film_jsonld, person_jsonld
from .listing import ArchiveListView, Facet, names
from .models import (
    Adaptation,
    Award,
    BoxOfficeFigure,
    Film,
    FilmTitle,
    Person,
    Role,
)


def _m2m_counts(model_field, queryset, key, label):
    through = Film._meta.get_field(model_field).remote_field.through
    target = Film._meta.get_field(model_field).m2m_reverse_field_name()
    return list(
        through.objects.filter(film_id__in=queryset.values("pk"))
        .values_list(f"{target}__{key}", f"{target}__{label}")
        .annotate(n=Count("film_id"))
        .order_by("-n", f"{target}__{label}")
    )


def _choice_counts(queryset, field, choices):
    labels = dict(choices)
    rows = queryset.order_by().values_list(field).annotate(n=Count("pk")).order_by("-n", field)
    return [(value, labels.get(value, value), n) for value, n in rows]


class HomeView(TemplateView):
    template_name = "archive/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Whole-table counts and the grouping over the adaptations: kept in the count
        # cache until the next edit (a COUNT of a million credits is not free).
        totals = cache.remember(
            self.request,
            ("home", "totals"),
            lambda: [model.objects.count() for model in (Film, Person, Role, Adaptation, Award)],
        )
        links = (
            ("films", "archive:film-list"),
            ("people", "archive:person-list"),
            ("credits", "archive:person-list"),
            ("adaptations", "archive:adaptation-list"),
            ("awards and nominations", "archive:award-list"),
        )
        context["counts"] = [(noun, n, url) for (noun, url), n in zip(links, totals, strict=True)]
        context["recent_films"] = Film.objects.for_list().order_by("-updated_at", "pk")[:6]
        context["recent_people"] = Person.objects.order_by("-updated_at", "pk")[:6]
        # Grouped over the adaptations (a few per cent of the films), not over every film.
        top = cache.remember(
            self.request,
            ("home", "most adapted"),
            lambda: list(
                Adaptation.objects.values("source_id")
                .annotate(n=Count("pk"))
                .order_by("-n", "source_id")
                .values_list("source_id", "n")[:5]
            ),
        )
        films = Film.objects.in_bulk([source for source, _ in top])
        context["most_adapted"] = [(films[source], n) for source, n in top if source in films]
        return context


class FilmListView(ArchiveListView):
    model = Film
    filterset_class = FilmFilter
    noun = ("film", "films")
    form_fields = ("q", "year_min", "year_max", "sort")
    export_name = "films"
    template_name = "archive/film_list.html"
    export_columns = (
        ("slug", lambda f: f.slug),
        ("title", lambda f: f.title),
        ("year", lambda f: f.year),
        ("release_date", lambda f: f.release_date),
        ("status", lambda f: f.status),
        ("runtime_minutes", lambda f: f.runtime),
        ("countries", lambda f: [c.code for c in f.countries.all()]),
        ("original_language", lambda f: f.original_language.code if f.original_language else None),
        ("genres", lambda f: [g.slug for g in f.genres.all()]),
        ("path", lambda f: f.get_absolute_url()),
    )

    def get_base_queryset(self):
        return Film.objects.for_list()

    def get_facets(self):
        return [
            Facet(
                "Country",
                ("country",),
                lambda qs: _m2m_counts("countries", qs, "code", "name"),
            ),
            Facet(
                "Language",
                ("language",),
                lambda qs: list(
                    qs.order_by()
                    .filter(original_language__isnull=False)
                    .values_list("original_language__code", "original_language__name")
                    .annotate(n=Count("pk"))
                    .order_by("-n", "original_language__name")
                ),
            ),
            Facet("Genre", ("genre",), lambda qs: _m2m_counts("genres", qs, "slug", "name")),
            Facet(
                "Decade",
                ("year_min", "year_max"),
                lambda qs: [
                    (decade, f"{decade}s", n)
                    for decade, n in qs.order_by()
                    .filter(year__isnull=False)
                    .annotate(decade=F("year") / 10 * 10)
                    .values_list("decade")
                    .annotate(n=Count("pk"))
                    .order_by("-decade")
                ],
                link=lambda decade: {"year_min": decade, "year_max": int(decade) + 9},
            ),
            Facet(
                "Status", ("status",), lambda qs: _choice_counts(qs, "status", Film.Status.choices)
            ),
        ]

    def describe(self, data):
        phrases = []
        if data.get("q"):
            phrases.append(f"matching “{data['q']}”")
        if data.get("country"):
            phrases.append(f"from {names(data['country'])}")
        if data.get("language"):
            phrases.append(f"in {names(data['language'])}")
        if data.get("genre"):
            phrases.append(f"in the genre {names(data['genre'])}")
        if data.get("status"):
            labels = dict(Film.Status.choices)
            phrases.append(f"with status {names([labels[s].lower() for s in data['status']])}")
        if data.get("person"):
            phrases.append(f"with {names(data['person'])}")
        phrases.extend(_year_phrase(data.get("year_min"), data.get("year_max"), "released"))
        if data.get("adapted") == "yes":
            phrases.append("with adaptations")
        elif data.get("adapted") == "no":
            phrases.append("without adaptations")
        return phrases


def _year_phrase(year_min, year_max, verb):
    if year_min and year_max:
        if year_min == year_max:
            return [f"{verb} in {year_min}"]
        return [f"{verb} {year_min}–{year_max}"]
    if year_min:
        return [f"{verb} in {year_min} or later"]
    if year_max:
        return [f"{verb} in {year_max} or earlier"]
    return []


class PersonListView(ArchiveListView):
    model = Person
    filterset_class = PersonFilter
    noun = ("person", "people")
    export_name = "people"
    template_name = "archive/person_list.html"
    export_columns = (
        ("slug", lambda p: p.slug),
        ("name", lambda p: p.name),
        ("name_original", lambda p: p.name_original),
        ("other_names", lambda p: p.other_name_list),
        ("credits", lambda p: p.credit_count),
        ("path", lambda p: p.get_absolute_url()),
    )

    def get_base_queryset(self):
        credits = (
            Role.objects.filter(person=OuterRef("pk"))
            .order_by()
            .values("person")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return Person.objects.annotate(credit_count=Coalesce(Subquery(credits), 0))

    def get_facets(self):
        def role_counts(qs):
            rows = (
                Role.objects.filter(person__in=qs.values("pk"))
                .order_by()
                .values_list("kind")
                .annotate(n=Count("person", distinct=True))
                .order_by("-n", "kind")
            )
            labels = dict(Role.Kind.choices)
            return [(kind, labels.get(kind, kind), n) for kind, n in rows]

        return [Facet("Credit", ("role",), role_counts)]

    def describe(self, data):
        phrases = []
        if data.get("q"):
            phrases.append(f"named “{data['q']}”")
        if data.get("role"):
            labels = dict(Role.Kind.choices)
            phrases.append(f"credited as {names([labels[k].lower() for k in data['role']])}")
        if data.get("film"):
            phrases.append(f"in {names(data['film'])}")
        return phrases


class AdaptationListView(ArchiveListView):
    model = Adaptation
    filterset_class = AdaptationFilter
    noun = ("adaptation", "adaptations")
    form_fields = ("q", "year_min", "year_max", "sort")
    export_name = "adaptations"
    template_name = "archive/adaptation_list.html"
    export_columns = (
        ("source", lambda a: a.source.slug),
        ("source_title", lambda a: a.source.title),
        ("adaptation", lambda a: a.adaptation.slug),
        ("title", lambda a: a.adaptation.title),
        ("year", lambda a: a.adaptation.year),
        ("status", lambda a: a.adaptation.status),
        ("countries", lambda a: [c.code for c in a.adaptation.countries.all()]),
        (
            "language",
            lambda a: (
                a.adaptation.original_language.code if a.adaptation.original_language else None
            ),
        ),
        ("kind", lambda a: a.kind),
        ("note", lambda a: a.note),
    )

    def get_base_queryset(self):
        return Adaptation.objects.for_list().prefetch_related(
            Prefetch(
                "adaptation__roles",
                Role.objects.filter(kind=Role.Kind.DIRECTOR).select_related("person"),
                to_attr="directors",
            )
        )

    def get_export_queryset(self):
        return self.get_queryset().prefetch_related(None).prefetch_related("adaptation__countries")

    def get_facets(self):
        def country_counts(qs):
            return _m2m_counts(
                "countries",
                Film.objects.filter(pk__in=qs.values("adaptation_id")),
                "code",
                "name",
            )

        return [
            Facet(
                "Kind", ("kind",), lambda qs: _choice_counts(qs, "kind", Adaptation.Kind.choices)
            ),
            Facet("Country", ("country",), country_counts),
        ]

    def describe(self, data):
        phrases = []
        if data.get("q"):
            phrases.append(f"matching “{data['q']}”")
        if data.get("source"):
            phrases.append(f"of {names(data['source'])}")
        if data.get("kind"):
            labels = dict(Adaptation.Kind.choices)
            phrases.append(f"of the kind {names([labels[k].lower() for k in data['kind']])}")
        if data.get("country"):
            phrases.append(f"from {names(data['country'])}")
        if data.get("language"):
            phrases.append(f"in {names(data['language'])}")
        phrases.extend(_year_phrase(data.get("year_min"), data.get("year_max"), "made"))
        return phrases


class AwardListView(ArchiveListView):
    model = Award
    filterset_class = AwardFilter
    noun = ("award or nomination", "awards and nominations")
    form_fields = ("q", "year", "category", "sort")
    export_name = "awards"
    template_name = "archive/award_list.html"
    export_columns = (
        ("ceremony", lambda a: a.ceremony.slug),
        ("edition", lambda a: a.edition),
        ("year", lambda a: a.year),
        ("category", lambda a: a.category),
        ("result", lambda a: a.result),
        ("film", lambda a: a.film.slug),
        ("person", lambda a: a.person.slug if a.person_id else None),
        ("note", lambda a: a.note),
    )

    def get_base_queryset(self):
        return Award.objects.for_list()

    def get_facets(self):
        def ceremony_counts(qs):
            return list(
                qs.order_by()
                .values_list("ceremony__slug", "ceremony__name")
                .annotate(n=Count("pk"))
                .order_by("-n", "ceremony__name")
            )

        def year_counts(qs):
            rows = qs.order_by().values_list("year").annotate(n=Count("pk")).order_by("-year")
            return [(year, str(year), n) for year, n in rows]

        return [
            Facet("Ceremony", ("ceremony",), ceremony_counts),
            Facet("Year", ("year",), year_counts, link=lambda year: {"year": year}),
            Facet(
                "Result",
                ("result",),
                lambda qs: _choice_counts(qs, "result", Award.Result.choices),
                link=lambda result: {"result": result},
            ),
        ]

    def describe(self, data):
        phrases = []
        if data.get("q"):
            phrases.append(f"matching “{data['q']}”")
        if data.get("ceremony"):
            phrases.append(f"at the {names(data['ceremony'])}")
        if data.get("year"):
            phrases.append(f"in {data['year']}")
        if data.get("category"):
            phrases.append(f"in a category matching “{data['category']}”")
        if data.get("result"):
            phrases.append("won" if data["result"] == Award.Result.WON else "nominated only")
        if data.get("person"):
            phrases.append(f"for {names(data['person'])}")
        if data.get("film"):
            phrases.append(f"for the film {names(data['film'])}")
        return phrases


def _plural(label, count):
    """ "Writer" → "Writers", "Production company" → "Production companies"."""
    if count == 1:
        return label
    if label.endswith("y") and label[-2:-1] not in "aeiou":
        return label[:-1] + "ies"
    return label + "s"


def _cited_sources(*groups):
    """Every source cited on a page, once each, in the order first cited."""
    seen = {}
    for group in groups:
        for source in group:
            seen.setdefault(source.key, source)
    return list(seen.values())


class JsonFormatMixin:
    """``?format=json`` on a record page answers the whole record as JSON."""

    def render_to_response(self, context, **response_kwargs):
        output = self.request.GET.get("format") or "html"
        if output == "json":
            return JsonResponse(
                self.get_record(context),
                json_dumps_params={"ensure_ascii": False, "indent": 2},
            )
        if output != "html":
            context["errors"] = [f"Unknown format “{output}”: use html or json."]
        return super().render_to_response(context, **response_kwargs)


class FilmDetailView(JsonFormatMixin, DetailView):
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
            .select_related("adaptation", "adaptation__original_language", "source")
            .prefetch_related("adaptation__countries", "source__countries")
            .order_by(F("adaptation__year").asc(nulls_last=True), "adaptation__title", "pk")
        )
        by_source = {}
        for adaptation in adaptations:
            by_source.setdefault(adaptation.source_id, []).append(adaptation)
        return [
            {"root": by_source[root.pk][0].source, "adaptations": by_source[root.pk]}
            for root in roots
            if root.pk in by_source
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        film = self.object
        roles = list(film.roles.all())
        context["families"] = self.get_families()
        context["cast"] = [r for r in roles if r.kind == Role.Kind.ACTOR]
        crew = sorted(
            (r for r in roles if r.kind != Role.Kind.ACTOR),
            key=lambda r: (list(Role.Kind.values).index(r.kind), r.billing or 999),
        )
        context["crew"] = [
            (_plural(kind_label, len(group)), group)
            for kind_label, group in (
                (label, list(items))
                for label, items in groupby(crew, key=lambda r: r.get_kind_display())
            )
        ]
        companies = list(film.company_credits.all())
        context["companies"] = [
            (_plural(label, len(group)), group)
            for label, group in (
                (label, list(items))
                for label, items in groupby(
                    sorted(companies, key=lambda c: (c.kind, c.company.name)),
                    key=lambda c: c.get_kind_display(),
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
        context["jsonld"] = film_jsonld(film, self.request)
        context["sources"] = _cited_sources(
            film.sources.all(),
            *(item.sources.all() for item in (*context["titles"], *figures, *awards)),
            *(note.sources.all() for note in film.notes.all()),
        )
        return context

    def get_record(self, context):
        return exports.film_record(self.object, context["families"], self.request)


class PersonDetailView(JsonFormatMixin, DetailView):
    model = Person
    template_name = "archive/person_detail.html"

    def get_queryset(self):
        return Person.objects.prefetch_related(
            Prefetch(
                "roles",
                Role.objects.select_related("film", "film__original_language").order_by(
                    F("film__year").desc(nulls_first=True), "film__title", "kind", "pk"
                ),
            ),
            Prefetch(
                "awards",
                Award.objects.select_related("ceremony", "film").order_by(
                    "-year", "ceremony__name", "category", "pk"
                ),
            ),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        roles = list(self.object.roles.all())
        context["filmography"] = [
            (film, list(group)) for film, group in groupby(roles, key=lambda r: r.film)
        ]
        context["jsonld"] = person_jsonld(self.object, self.request)
        return context

    def get_record(self, context):
        return exports.person_record(self.object, self.request)
