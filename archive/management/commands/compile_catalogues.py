"""Compile the translation catalogues (``locale/*/LC_MESSAGES/django.po``) into the
``.mo`` files Django reads, with Babel: no GNU gettext needed. Only catalogues newer than
their ``.mo`` are compiled, unless ``--force``. ``make run``, ``make test`` and ``make
serve`` run it first."""

from django.core.management.base import BaseCommand

from archive import catalogues


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/django.po into django.mo (Babel, no msgfmt needed)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Compile every catalogue.")

    def handle(self, *args, force, **options):
        written = catalogues.compile_all(force=force)
        for path in written:
            self.stdout.write(self.style.SUCCESS(f"Compiled {path}"))
        if not written:
            self.stdout.write("The compiled catalogues are up to date.")
