"""The list of awards and nominations."""

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
    noun = ("award or nomination", "awards and nominations")
    heading = "Awards and nominations"
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
