"""A whole run: refuse a second archive, then generate, insert, and leave the database ready."""

from django.db import connection, reset_queries, transaction

from archive import search, standing
from archive.cache import bump_version
from archive.models import Film, Person

from .errors import ArchiveNotEmpty
from .generator import Generator
from .loader import Loader
from .parallel import CAN_FORK, forked_batches
from .records import SLUG_PREFIX


def refuse_a_second_archive():
    """A second run would mix two archives, and there is deliberately no way to delete or
    overwrite one: a fresh database is the only way to start again."""
    films = Film.objects.filter(slug__startswith=SLUG_PREFIX).count()
    people = Person.objects.filter(slug__startswith=SLUG_PREFIX).count()
    if films or people:
        raise ArchiveNotEmpty(
            f"The database already holds generated data ({films:,} films and {people:,} "
            f"people with slugs starting '{SLUG_PREFIX}'); refusing to add another archive. "
            "Run it on a fresh database (a new DATABASE_URL, migrated)."
        )


def generate(films, seed, batch_size=5000, parallel=CAN_FORK, progress=None):
    """Generate and insert ``films`` films, each batch in its own transaction; return the
    totals by kind of record. ``progress(films done, totals)`` is called after each batch."""
    refuse_a_second_archive()
    with transaction.atomic():
        loader = Loader(seed, films)
    generator = Generator(seed, films)
    batches = forked_batches(generator, batch_size) if parallel else generator.batches(batch_size)
    # The search indexes are built once at the end, not row by row (archive.search).
    with search.deferred(connection):
        for batch in batches:
            with transaction.atomic():
                loader.insert(batch)
            del batch
            reset_queries()  # with DEBUG on, the query log would grow with every batch
            if progress:
                progress(len(loader.film_pks), loader.totals)
    # The statistics first: else PostgreSQL plans the ranking's UPDATE over every record
    # for the empty tables it saw before the load (a nested loop per record).
    refresh_statistics()
    # bulk_create sends no signal: rank the records and make the cached pages and counts
    # stale here.
    standing.refresh_all()
    bump_version()
    refresh_statistics()
    return {"films": len(loader.film_pks), **loader.totals}


def refresh_statistics():
    """Give the query planner the new tables' statistics (and PostgreSQL its visibility map,
    for index-only scans): without them it plans for the empty tables it saw before."""
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        statement = "VACUUM ANALYZE"
    else:
        statement = "ANALYZE"
    with connection.cursor() as cursor:
        cursor.execute(statement)
