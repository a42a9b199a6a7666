"""The list of awards and nominations."""

from django.utils.translation import gettext_lazy, ngettext_lazy

from .. import rows
from ..facets import AWARD_FACETS
from ..filters import AwardFilter
from ..models import Award
from .lists import ArchiveListView


class AwardListView(ArchiveListView):
    model = Award
    filterset_class = AwardFilter
    reader = rows.AWARDS
    facets = AWARD_FACETS
    list_name = "awards"
    counted = ngettext_lazy(
        "%(count)s award or nomination", "%(count)s awards and nominations", "n"
    )
    counted_more = ngettext_lazy(
        "more than %(count)s award or nomination",
        "more than %(count)s awards and nominations",
        "n",
    )
    show_label = gettext_lazy("Show awards and nominations")
    download_label = gettext_lazy("Download these awards and nominations:")
    heading = gettext_lazy("Awards and nominations")
    form_fields = ("q", "year", "category", "sort")
    template_name = "archive/award_list.html"
    export_columns = (
        ("ceremony", lambda a: a["ceremony__slug"]),
        ("edition", lambda a: a["edition"]),
        ("year", lambda a: a["year"]),
        ("category", lambda a: a["category"]),
        ("result", lambda a: a["result"]),
        ("film", lambda a: a["film__slug"]),
        ("person", lambda a: a["person__slug"]),
        ("note", lambda a: a["note"]),
    )
