"""Create the search indexes again (SQLite FTS5 tables and triggers, PostgreSQL trigram
indexes) and rebuild their contents, the search entries (``archive.entries``) included.
Run it after a migration that rebuilt a searched table on SQLite; it is safe to run at any
time."""

from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from archive import entries, search


class Command(BaseCommand):
    help = "Create or repair the search indexes and rebuild their contents."

    def add_arguments(self, parser):
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, database, **options):
        connection = connections[database]
        with transaction.atomic(using=database):
            search.install(connection)
            entries.refresh_all(connection)
        self.stdout.write(
            self.style.SUCCESS(f"Search indexes are in place on {connection.vendor}.")
        )
