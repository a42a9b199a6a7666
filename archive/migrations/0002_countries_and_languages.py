"""Create every ISO 3166-1 country and every ISO 639-1 language (plus Filipino, "fil").

The names come from pycountry, a dependency, so nothing is downloaded. Filters and the
fixture refer to these rows by their codes.
"""

import pycountry
from django.db import migrations

#: Languages that have no ISO 639-1 code but appear in the archive, by ISO 639-2 code.
EXTRA_LANGUAGES = {"fil": "Filipino"}


def create(apps, schema_editor):
    Country = apps.get_model("archive", "Country")
    Language = apps.get_model("archive", "Language")
    countries = [
        Country(code=c.alpha_2, name=getattr(c, "common_name", None) or c.name)
        for c in pycountry.countries
    ]
    Country.objects.bulk_create(countries, ignore_conflicts=True)
    languages = [
        Language(code=lang.alpha_2, name=lang.name)
        for lang in pycountry.languages
        if hasattr(lang, "alpha_2")
    ]
    languages += [Language(code=code, name=name) for code, name in EXTRA_LANGUAGES.items()]
    Language.objects.bulk_create(languages, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [("archive", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
