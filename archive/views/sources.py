"""``/about/sources/``: how much of the archive is sourced, per kind of fact, and the records
with the most unsourced facts, linked (``archive.sourcing.sourcing_report``)."""

from django.views.generic import TemplateView

from ..models.base import slug_url
from ..models.film import display_title
from ..sourcing import sourcing_report


class SourcesReportView(TemplateView):
    template_name = "archive/sources_report.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = sourcing_report()
        for film in report["films"]:
            film["display_title"] = display_title(film["title"])
            film["url"] = slug_url("archive:film-detail", film["slug"])
        for person in report["people"]:
            person["url"] = slug_url("archive:person-detail", person["slug"])
        context["report"] = report
        return context
