"""Write the whole archive to a timestamped, natural-key JSON dump.

The dump carries no database ids (``--natural-foreign --natural-primary``), so it loads
into any database, SQLite or PostgreSQL, with ``restore_archive``. Countries and languages
are included (migrations create them too; loading them again changes nothing).

The edit history (the ``Historical*`` tables) and the log of fixture loads are left out:
they point at this database's ids and user accounts, which a natural-key dump does not
carry, so they would not restore truthfully elsewhere. A restored archive starts a new
history (its first row: the ``FixtureLoad`` of the restore itself); to keep the old one,
back up the database itself (``pg_dump``, or a copy of the SQLite file).

The file is what ``dumpdata archive --format jsonl --natural-foreign --natural-primary``
writes without those models, one record a line with times to the microsecond
(``archive.serializers.jsonl``), read in a fixed number of queries per model
(``archive.backup``): a restore gives back every value exactly, and the same archive gives
the same file, byte for byte (the gzip header carries no name or time). A file named
``.json`` or ``.json.gz`` holds the same records in Django's JSON fixture format (one
array, what tools that read fixtures expect); ``restore_archive`` loads it as ``loaddata``
loads any fixture, more slowly.
"""

import gzip
import io
from contextlib import ExitStack, contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from archive.backup import write_backup

#: The names a backup may have: the format, then .gz for a compressed one.
FORMATS = (".jsonl", ".jsonl.gz", ".json", ".json.gz")


@contextmanager
def read_snapshot():
    """One transaction that only reads: every query of the backup sees the same archive,
    and editors go on saving meanwhile."""
    if connection.in_atomic_block:  # the caller's transaction (a test): read in it
        yield
        return
    if connection.vendor == "sqlite":
        # transaction.atomic() would BEGIN IMMEDIATE (the project's transaction_mode) and
        # hold the write lock for the whole backup: editors' saves would wait, then fail
        # with "database is locked". A deferred transaction that only reads takes no write
        # lock; in WAL mode it reads one snapshot while others write.
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("COMMIT")  # nothing was written: this ends the read
        return
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Every query sees the same snapshot (READ COMMITTED gives each its own).
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


class Command(BaseCommand):
    help = "Dump the archive with natural keys to backups/archive-<timestamp>.jsonl.gz."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="File to write: .jsonl (one record a line, what restore_archive reads "
            "fastest) or .json (Django's JSON fixture format, one array), compressed with "
            ".gz at the end; default backups/archive-<UTC time>.jsonl.gz.",
        )

    def handle(self, *args, output=None, **options):
        if output:
            path = Path(output)
            if not path.name.endswith(FORMATS):
                raise CommandError(
                    f"Cannot write the backup to {path}: the name must end in "
                    f"{', '.join(FORMATS)} (loaddata and restore_archive read the format "
                    "from it)."
                )
        else:
            stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
            path = Path(settings.BASE_DIR) / "backups" / f"archive-{stamp}.jsonl.gz"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(path.name + ".partial")
            # One read transaction: the dump is a consistent snapshot even while editors work.
            with read_snapshot(), ExitStack() as files:
                stream = files.enter_context(open(partial, "wb"))
                if path.suffix == ".gz":
                    # No file name or time in the header: the same text gives the same bytes.
                    stream = files.enter_context(
                        gzip.GzipFile(filename="", mode="wb", fileobj=stream, mtime=0)
                    )
                text = files.enter_context(io.TextIOWrapper(stream, encoding="utf-8"))
                write_backup(text, format=path.name.removesuffix(".gz").rpartition(".")[2])
            partial.replace(path)
        except OSError as error:
            raise CommandError(f"Cannot write the backup to {path}: {error.strerror}") from error
        except DatabaseError as error:
            raise CommandError(f"Unable to serialize database: {error}") from error
        size = path.stat().st_size
        self.stdout.write(self.style.SUCCESS(f"Wrote {path} ({size:,} bytes)."))
