from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "Film archive"

    def ready(self):
        from . import checks, signals  # noqa: F401  (registers the checks and receivers)
