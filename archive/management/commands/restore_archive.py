"""Load a dump written by ``backup_archive`` into an empty archive, all or nothing.

It refuses a database that already holds films (restoring on top of other records would
mix two archives); ``--force`` overrides that for a merge by natural keys.
"""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from archive.models import Film


class Command(BaseCommand):
    help = "Restore a backup_archive dump (.json or .json.gz) into an empty archive."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The dump to load.")
        parser.add_argument(
            "--force", action="store_true", help="Load even if the archive is not empty."
        )

    def handle(self, *args, file, force, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No backup file at {path}.")
        if Film.objects.exists() and not force:
            raise CommandError(
                "The archive is not empty: restore into a freshly migrated database "
                "(or pass --force to merge by natural keys)."
            )
        call_command("loaddata", str(path.resolve()), verbosity=0)
        self.stdout.write(
            self.style.SUCCESS(f"Restored {path}: {Film.objects.count():,} films in the archive.")
        )
