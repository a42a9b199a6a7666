from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "Film archive"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
