"""System checks: ``manage.py check --database default`` reports missing search indexes."""

from django.core.checks import Tags, Warning, register
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder

from . import search


@register(Tags.database)
def search_indexes_present(app_configs, databases=None, **kwargs):
    problems = []
    for alias in databases or []:
        connection = connections[alias]
        applied = MigrationRecorder(connection).applied_migrations()
        if ("archive", "0004_search_indexes") not in applied:
            continue  # not migrated yet: migrate creates them
        missing = search.missing(connection)
        if missing:
            problems.append(
                Warning(
                    f"Search indexes missing on database {alias!r}: {', '.join(missing)}.",
                    hint="Run: python manage.py install_search",
                    id="archive.W001",
                )
            )
    return problems
