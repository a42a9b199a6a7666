"""Add images to the archive in bulk: files named on the command line, or folders with a
CSV manifest.

    manage.py import_images poster.jpg --film miracle-in-cell-no-7-2013 --kind poster \\
        --alt "Poster: a father and his daughter" --credit "NEW" --licence "Fair use"
    manage.py import_images stills/          # stills/manifest.csv names each file

A manifest (``manifest.csv`` in the folder, UTF-8, a header row) has the columns ``file``
(relative to the folder), ``film`` or ``person`` (a slug), ``kind``, ``alt``, and optionally
``caption``, ``credit``, ``licence``, ``source`` (an address) and ``main`` (``yes``).

All or nothing: every file is checked first, as the admin checks an upload (type, size,
pixels, a whole file), with its record, kind and alt text; if any is refused, each refused
file is listed on a line of its own with the reason, and nothing is added. Then every
file is cleaned, resized and stored, and the records are added in one transaction.
"""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator
from django.db import transaction

from archive.images import clean_image, record_fields, store_image
from archive.models import Film, Image, Person
from archive.models.image import FILM_KINDS, PERSON_KINDS

MANIFEST = "manifest.csv"
COLUMNS = ("file", "film", "person", "kind", "alt", "caption", "credit", "licence", "source")
TRUE = {"1", "yes", "true", "y", "on"}
BAR_WIDTH = 30


@dataclass
class Row:
    path: Path
    where: str  # how a refusal names it: the file, or the manifest's line
    film: str = ""
    person: str = ""
    kind: str = ""
    alt: str = ""
    caption: str = ""
    credit: str = ""
    licence: str = ""
    source: str = ""
    main: bool = False
    owner: object = None
    fields: dict = field(default_factory=dict)


class Command(BaseCommand):
    help = (
        "Add images from files (with --film or --person, --kind and --alt) or from folders "
        "with a manifest.csv; all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER")
        owner = parser.add_mutually_exclusive_group()
        owner.add_argument("--film", default="", help="The film's slug, for files named here.")
        owner.add_argument("--person", default="", help="The person's slug.")
        parser.add_argument("--kind", default="", help="poster, still, portrait or other.")
        parser.add_argument("--alt", default="", help="What the picture shows (required).")
        parser.add_argument("--caption", default="")
        parser.add_argument("--credit", default="", help="Who made the picture.")
        parser.add_argument("--licence", default="", help='e.g. "CC BY-SA 4.0".')
        parser.add_argument("--source", default="", help="The address it came from.")
        parser.add_argument("--main", action="store_true", help="Make it the record's main image.")

    def handle(self, *args, paths, **options):
        rows, refused = [], []
        for name in paths:
            path = Path(name)
            if path.is_dir():
                rows.extend(self.manifest_rows(path, refused))
            else:
                rows.append(self.option_row(path, options))
        checked = self.check(rows, refused)
        if refused:
            for line in refused:
                self.stderr.write(line)
            raise CommandError(
                f"Nothing was imported: {len(refused)} of {len(rows)} files refused."
            )
        if not rows:
            raise CommandError("No file to import.")
        with transaction.atomic():
            for number, row in enumerate(checked, 1):
                with row.path.open("rb") as handle:
                    stored = store_image(clean_image(handle))
                Image.objects.create(
                    film=row.owner if row.film else None,
                    person=row.owner if row.person else None,
                    kind=row.kind,
                    alt=row.alt,
                    caption=row.caption,
                    credit=row.credit,
                    licence=row.licence,
                    source_url=row.source,
                    is_main=row.main,
                    **stored,
                )
                self.progress("Storing ", number, len(checked))
        self.stdout.write(self.style.SUCCESS(f"Imported {len(checked)} images."))

    # Reading ------------------------------------------------------------------------------

    def option_row(self, path, options):
        return Row(
            path=path,
            where=str(path),
            film=options["film"],
            person=options["person"],
            kind=options["kind"],
            alt=options["alt"],
            caption=options["caption"],
            credit=options["credit"],
            licence=options["licence"],
            source=options["source"],
            main=options["main"],
        )

    def manifest_rows(self, folder, refused):
        manifest = folder / MANIFEST
        try:
            text = manifest.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            refused.append(f"{manifest}: cannot be read ({error})")
            return []
        reader = csv.DictReader(io.StringIO(text))
        missing = {"file", "kind", "alt"} - set(reader.fieldnames or ())
        if missing:
            refused.append(f"{manifest}: no column {', '.join(sorted(missing))}")
            return []
        rows = []
        for line, values in enumerate(reader, 2):
            values = {k: (v or "").strip() for k, v in values.items() if k}
            rows.append(
                Row(
                    path=folder / values["file"],
                    where=f"{manifest}, line {line} ({values['file'] or 'no file'})",
                    main=values.get("main", "").lower() in TRUE,
                    **{name: values.get(name, "") for name in COLUMNS[1:]},
                )
            )
        return rows

    # Checking -----------------------------------------------------------------------------

    def check(self, rows, refused):
        """The rows that pass every check; a line in ``refused`` for each that does not."""
        films, people = self.owners(rows)
        passed, names, mains = [], {}, set()
        for number, row in enumerate(rows, 1):
            problem = self.problem(row, films, people, names, mains)
            if problem:
                refused.append(f"Refused {row.where}: {problem}")
            else:
                passed.append(row)
            self.progress("Checking", number, len(rows))
        return passed

    def owners(self, rows):
        films = Film.objects.in_bulk([r.film for r in rows if r.film], field_name="slug")
        people = Person.objects.in_bulk([r.person for r in rows if r.person], field_name="slug")
        return films, people

    def problem(self, row, films, people, names, mains):
        if bool(row.film) == bool(row.person):
            return "name a film or a person (a slug), not both"
        if row.film:
            row.owner = films.get(row.film)
            kinds = FILM_KINDS
            if row.owner is None:
                return f"no film with the slug {row.film!r}"
        else:
            row.owner = people.get(row.person)
            kinds = PERSON_KINDS
            if row.owner is None:
                return f"no person with the slug {row.person!r}"
        if row.kind not in kinds:
            return f"the kind must be one of {', '.join(kinds)}, not {row.kind!r}"
        if not row.alt:
            return "no alt text (what the picture shows, for a screen reader)"
        if row.source:
            try:
                URLValidator()(row.source)
            except ValidationError:
                return f"the source {row.source!r} is not an address"
        if row.main:
            key = (row.film, row.person)
            owner_images = row.owner.images.filter(is_main=True)
            if key in mains or owner_images.exists():
                return "its record has a main image already"
            mains.add(key)
        try:
            with row.path.open("rb") as handle:
                clean = clean_image(handle)
        except OSError as error:
            return f"cannot be read ({error.strerror or error})"
        except ValidationError as error:
            return error.messages[0]
        name = record_fields(clean)["file"]
        if name in names:
            return f"the same picture as {names[name]}"
        if Image.objects.filter(file=name).exists():
            return "this picture is already in the archive"
        names[name] = row.where
        return None

    def progress(self, label, done, total):
        """A progress bar on a terminal; nothing in a log."""
        if not self.stdout.isatty():
            return
        filled = BAR_WIDTH * done // total
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        self.stdout.write(f"\r{label} [{bar}] {done}/{total}", ending="\n" if done == total else "")
