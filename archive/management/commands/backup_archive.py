"""Write the whole archive to a timestamped, natural-key JSON dump.

The dump carries no database ids (``--natural-foreign --natural-primary``), so it loads
into any database, SQLite or PostgreSQL, with ``restore_archive``. Countries and languages
are included (migrations create them too; loading them again changes nothing).
"""

import gzip
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone


class Command(BaseCommand):
    help = "Dump the archive with natural keys to backups/archive-<timestamp>.json.gz."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="File to write (.json or .json.gz); default backups/archive-<UTC time>.json.gz.",
        )

    def handle(self, *args, output=None, **options):
        if output:
            path = Path(output)
        else:
            stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
            path = Path(settings.BASE_DIR) / "backups" / f"archive-{stamp}.json.gz"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(path.name + ".partial")
            opener = gzip.open if path.suffix == ".gz" else open
            # One read transaction: the dump is a consistent snapshot even while editors work.
            with transaction.atomic(), opener(partial, "wt", encoding="utf-8") as stream:
                call_command(
                    "dumpdata",
                    "archive",
                    natural_foreign=True,
                    natural_primary=True,
                    indent=1,
                    stdout=stream,
                )
            partial.replace(path)
        except OSError as error:
            raise CommandError(f"Cannot write the backup to {path}: {error.strerror}") from error
        size = path.stat().st_size
        self.stdout.write(self.style.SUCCESS(f"Wrote {path} ({size:,} bytes)."))
