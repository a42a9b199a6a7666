"""The list of remakes and adaptations."""

from django.utils.translation import gettext_lazy, ngettext_lazy

from .. import rows
from ..facets import ADAPTATION_FACETS
from ..filters import AdaptationFilter
from ..models import Adaptation
from .lists import ArchiveListView


class AdaptationListView(ArchiveListView):
    model = Adaptation
    filterset_class = AdaptationFilter
    reader = rows.ADAPTATIONS
    facets = ADAPTATION_FACETS
    list_name = "adaptations"
    counted = ngettext_lazy("%(count)s adaptation", "%(count)s adaptations", "n")
    counted_more = ngettext_lazy(
        "more than %(count)s adaptation", "more than %(count)s adaptations", "n"
    )
    show_label = gettext_lazy("Show adaptations")
    download_label = gettext_lazy("Download these adaptations:")
    heading = gettext_lazy("Remakes and adaptations")
    form_fields = ("q", "year_min", "year_max", "sort")
    template_name = "archive/adaptation_list.html"
    export_columns = (
        ("source", lambda a: a["source__slug"]),
        ("source_title", lambda a: a["source__title"]),
        ("adaptation", lambda a: a["adaptation__slug"]),
        ("title", lambda a: a["adaptation__title"]),
        ("year", lambda a: a["adaptation__year"]),
        ("status", lambda a: a["adaptation__status"]),
        ("countries", lambda a: [code for code, _ in a["countries"]]),
        ("language", lambda a: a["adaptation__original_language__code"]),
        ("kind", lambda a: a["kind"]),
        ("note", lambda a: a["note"]),
    )
