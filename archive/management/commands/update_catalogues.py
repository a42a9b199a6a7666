"""Bring the translation catalogues in line with the strings marked in the code and the
public templates (archive/catalogues.py): new strings are added untranslated, strings no
longer used are dropped, translations are kept. Then translate the new entries in
``locale/<code>/LC_MESSAGES/django.po``; the test suite fails until every one is."""

from django.core.management.base import BaseCommand

from archive import catalogues


class Command(BaseCommand):
    help = "Update locale/*/LC_MESSAGES/django.po from the marked strings of code and templates."

    def handle(self, *args, **options):
        for path in catalogues.update():
            catalog = catalogues.read(path, path.parent.parent.name)
            left = catalogues.problems(catalogues.extract(), catalog)
            self.stdout.write(self.style.SUCCESS(f"{path}: {len(left)} to translate"))
