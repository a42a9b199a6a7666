"""The archive's admin site (archive/admin_site.py): its name, an index grouped by what
editors do with the latest changes of every editor, "Credits", and dates as the site
writes them."""

import datetime

from django.utils import formats

from archive.models import Source
from archive.tests.admin_helpers import change_url, page_data


def test_the_index_is_grouped_named_and_lists_every_editors_latest_changes(archive, ana, ben):
    source = Source.objects.order_by("pk").first()
    data = page_data(ben.get(change_url(source)))
    data["publisher"] = "Ben's publisher"
    assert ben.post(change_url(source), data).status_code == 302

    response = ana.get("/admin/")
    assert response.context["site_header"] == "Film archive: editors"
    groups = [app["name"] for app in response.context["app_list"]]
    assert groups == ["Films and people", "Awards", "Reference data", "History and loads"]
    films_and_people = [m["name"] for m in response.context["app_list"][0]["models"]]
    assert films_and_people[:3] == ["Films", "People", "Credits"]
    recent = response.context["recent_changes"]
    assert (recent[0].user.username, recent[0].object_repr) == ("ben", str(source))
    assert "by ben" in response.content.decode()


def test_dates_are_written_as_the_public_site_writes_them(settings):
    moment = datetime.datetime(2026, 11, 22, 0, 0)
    assert formats.date_format(moment.date(), "DATE_FORMAT") == "22 November 2026"
    assert formats.date_format(moment, "DATETIME_FORMAT") == "22 November 2026, 00:00"
