"""The archive's admin site: its name, its index grouped by what editors do, and the
latest changes of every editor on the index.

Installed as the default site through ``AdminConfig.default_site`` (``archive.apps``), so
``admin.site`` and ``@admin.register`` are this site. It lives outside the ``archive.admin``
package on purpose: importing the site must not import the admins, which register on it.
"""

from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.utils.translation import gettext_lazy as _

#: The index's groups, in order: (name, model names). A model of the archive not listed
#: goes to the last group; other apps (users and groups) keep their own.
GROUPS = (
    (
        _("Films and people"),
        (
            "film",
            "person",
            "role",
            "filmtitle",
            "adaptation",
            "boxofficefigure",
            "companycredit",
            "externallink",
            "filmnote",
        ),
    ),
    (_("Awards"), ("award", "ceremony")),
    (_("Reference data"), ("source", "company", "genre", "country", "language")),
    (_("History and loads"), ("fixtureload",)),
)

#: How many of the latest changes the index lists.
RECENT_CHANGES = 12


class ArchiveAdminSite(admin.AdminSite):
    site_header = _("Film archive: editors")
    site_title = _("Film archive editors")
    index_title = _("What to edit")

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        if app_label is not None:
            return apps
        grouped, others = [], []
        for app in apps:
            if app["app_label"] != "archive":
                others.append(app)  # accounts, for those who may manage them: last
                continue
            models = {model["object_name"].lower(): model for model in app["models"]}
            for name, members in GROUPS:
                rows = [models.pop(member) for member in members if member in models]
                if name is GROUPS[-1][0]:
                    rows += models.values()
                if rows:
                    grouped.append({**app, "name": name, "models": rows})
        return grouped + others

    def index(self, request, extra_context=None):
        recent = (
            LogEntry.objects.select_related("user", "content_type").order_by("-action_time")[
                :RECENT_CHANGES
            ]
            if self.has_permission(request)
            else []
        )
        return super().index(request, {"recent_changes": recent, **(extra_context or {})})
