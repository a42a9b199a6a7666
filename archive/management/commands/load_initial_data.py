"""Load every fixture in ``FIXTURE_DIRS`` into an empty archive, and only then.

``make run`` calls this on every start. A second ``loaddata`` would overwrite what editors
changed in the records a fixture carries, so once the archive holds any film or person this
command leaves it alone and says so. To load a fixture into an archive that has data on
purpose, use ``python manage.py loaddata <name>``.
"""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from archive.models import Film, Person


def counted(count, singular, plural):
    return f"{count} {singular if count == 1 else plural}"


def fixture_paths():
    """Every ``*.json`` fixture in the fixture folders, in name order."""
    paths = []
    for folder in settings.FIXTURE_DIRS:
        paths.extend(sorted(Path(folder).glob("*.json")))
    return paths


class Command(BaseCommand):
    help = (
        "Load every fixture in the fixture folders when the archive holds no film and no "
        "person yet; otherwise do nothing."
    )

    def handle(self, *args, **options):
        films, people = Film.objects.count(), Person.objects.count()
        if films or people:
            self.stdout.write(
                f"The archive already holds {counted(films, 'film', 'films')} and "
                f"{counted(people, 'person', 'people')}; left it alone, no fixture was loaded."
            )
            return
        paths = fixture_paths()
        if not paths:
            folders = ", ".join(str(folder) for folder in settings.FIXTURE_DIRS) or "none"
            self.stdout.write(f"No fixture found (fixture folders: {folders}); nothing loaded.")
            return
        with transaction.atomic():
            # One loaddata call, so that a fixture may refer to records in another.
            call_command("loaddata", *(str(path) for path in paths), verbosity=0)
        names = ", ".join(path.name for path in paths)
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {names}: the archive now holds "
                f"{counted(Film.objects.count(), 'film', 'films')} and "
                f"{counted(Person.objects.count(), 'person', 'people')}."
            )
        )
