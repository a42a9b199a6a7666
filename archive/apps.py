from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class ArchiveAdminConfig(admin_apps.AdminConfig):
    """Django's admin app with the archive's admin site (its name, groups, recent changes)."""

    default = False  # named in INSTALLED_APPS; "archive" itself is ArchiveConfig
    default_site = "archive.admin_site.ArchiveAdminSite"


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = _("Film archive")

    def ready(self):
        from . import checks, signals  # noqa: F401  (registers the checks and receivers)
