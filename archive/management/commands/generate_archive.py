"""Fill the database with a deterministic synthetic archive (see :mod:`archive.synthetic`).

The same ``--seed`` and ``--films`` make the same records; ``--batch-size`` and
``--parallel`` change how they are made and inserted, never the records.
"""

import argparse
import time

from django.core.management.base import BaseCommand, CommandError

from archive.synthetic.errors import GenerationError
from archive.synthetic.parallel import CAN_FORK
from archive.synthetic.run import generate

BAR_WIDTH = 30


def _plain(text):
    """No style: stderr would otherwise show the progress bar in the error colour."""
    return text


class Command(BaseCommand):
    help = (
        "Fill the database with a deterministic synthetic archive for load tests: films, "
        "people, credits, titles in several scripts, remakes, awards and box office. The same "
        "--seed and --films make the same records. Generated slugs start with 'gen-'. Refuses "
        "to run when generated films or people exist already: use a fresh database."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--films",
            type=int,
            required=True,
            help="How many films to make (about 10 credits each).",
        )
        parser.add_argument("--seed", type=int, default=1, help="The random seed (default 1).")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=5000,
            help="Films per transaction (default 5000); it does not change the records.",
        )
        parser.add_argument(
            "--parallel",
            action=argparse.BooleanOptionalAction,
            default=CAN_FORK,
            help="Make the records in a second process while this one inserts them (default "
            "where the system can fork); the records are the same either way.",
        )

    def handle(self, *args, films, seed, batch_size, parallel, verbosity, **options):
        if films < 1:
            raise CommandError("--films must be at least 1.")
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        if parallel and not CAN_FORK:
            raise CommandError("--parallel needs a system that can fork; use --no-parallel.")
        started = time.monotonic()

        def progress(done, totals):
            if verbosity:
                self.progress(done, films, totals, started)

        try:
            totals = generate(films, seed, batch_size, parallel, progress)
        except GenerationError as error:
            raise CommandError(str(error)) from error
        elapsed = time.monotonic() - started
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Generated {totals['films']:,} films, {totals['people']:,} people, "
                    f"{totals['roles']:,} credits, {totals['titles']:,} titles, "
                    f"{totals['adaptations']:,} adaptations, {totals['awards']:,} awards and "
                    f"{totals['figures']:,} box-office figures in {elapsed:.1f} s "
                    f"(seed {seed})."
                )
            )

    def progress(self, done, total, totals, started):
        """A progress bar on stderr: redrawn in place on a terminal, else a line a batch."""
        elapsed = max(time.monotonic() - started, 1e-6)
        rate = done / elapsed
        filled = BAR_WIDTH * done // total
        line = (
            f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done:,}/{total:,} films "
            f"{done / total:4.0%} | {totals['people']:,} people, "
            f"{totals['roles']:,} credits | {rate:,.0f} films/s, {elapsed:.0f} s"
        )
        if done < total:
            line += f", about {(total - done) / rate:.0f} s to go"
        if self.stderr.isatty():
            ending = "\n" if done == total else ""
            self.stderr.write("\r" + line, style_func=_plain, ending=ending)
        else:
            self.stderr.write(line, style_func=_plain)
        self.stderr.flush()
