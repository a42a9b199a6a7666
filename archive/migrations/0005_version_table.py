"""The archive's version counter for the page cache (see archive/cache.py).

A plain one-row table rather than a model: it is server state, not archive data, so it
stays out of ``dumpdata``, fixtures and backups.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("archive", "0004_search_indexes")]

    operations = [
        migrations.RunSQL(
            [
                "CREATE TABLE archive_version (id integer PRIMARY KEY, version bigint NOT NULL)",
                "INSERT INTO archive_version (id, version) VALUES (1, 0)",
            ],
            "DROP TABLE archive_version",
        )
    ]
