"""Search indexes: FTS5 trigram tables with triggers on SQLite, pg_trgm GIN on PostgreSQL.

See archive/search.py. A later migration that makes SQLite rebuild one of the searched
tables drops its triggers: run ``python manage.py install_search`` after it (the system
check ``archive.W001`` reports it, and a test fails).
"""

from django.db import migrations


def install(apps, schema_editor):
    from archive import search

    search.install(schema_editor.connection)


def uninstall(apps, schema_editor):
    from archive import search

    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for table, column in search.SEARCHED.items():
            if connection.vendor == "sqlite":
                for op in ("insert", "delete", "update"):
                    cursor.execute(f'DROP TRIGGER IF EXISTS "{table}_fts_{op}"')
                cursor.execute(f'DROP TABLE IF EXISTS "{table}_fts"')
            elif connection.vendor == "postgresql":
                cursor.execute(f'DROP INDEX IF EXISTS "{table}_{column}_trgm"')


class Migration(migrations.Migration):
    dependencies = [("archive", "0003_editors_group")]

    operations = [migrations.RunPython(install, uninstall)]
