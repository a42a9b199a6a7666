"""Sources for each fact of a film (``FilmFact``), with the other values where sources
disagree; the "Editors" group may view, add and change them, as every archive record."""

from django.contrib.auth.management import create_permissions

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


GROUP = "Editors"


def give_permissions(apps, schema_editor):
    # Permissions are normally created after the whole migrate run; create them now.
    app_config = apps.get_app_config("archive")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="archive",
                codename__in=[
                    "view_filmfact",
                    "add_filmfact",
                    "change_filmfact",
                    "view_historicalfilmfact",
                ],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0014_person_life_and_credit_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="film",
            name="sources",
            field=models.ManyToManyField(
                blank=True,
                help_text="Sources about the film as a whole, listed at the foot of its page. Each fact's own sources go with the fact: under Sources of the film's facts below, and on each title, credit, award, figure and note.",
                related_name="films",
                to="archive.source",
            ),
        ),
        migrations.CreateModel(
            name="FilmFact",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "field",
                    models.CharField(
                        choices=[
                            ("title", "Title"),
                            ("status", "Status"),
                            ("released", "Release date and year"),
                            ("runtime", "Runtime"),
                            ("countries", "Countries"),
                            ("original_language", "Original language"),
                            ("genres", "Genres"),
                            ("summary", "Summary"),
                            ("based_on", "Based on"),
                            ("cast", "Cast and billing order"),
                            ("adaptation", "Adapted from"),
                            ("box_office", "Box office"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "value",
                    models.CharField(
                        blank=True,
                        help_text='Leave empty when these sources give the value the film\'s record holds. Where a source disagrees, write the value it gives here (e.g. 2020), with that source: the page shows it as "other sources say …".',
                        max_length=300,
                        verbose_name="other value",
                    ),
                ),
                (
                    "note",
                    models.CharField(
                        blank=True,
                        help_text='e.g. "the year the remake was announced".',
                        max_length=300,
                    ),
                ),
                (
                    "film",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="facts",
                        to="archive.film",
                    ),
                ),
                (
                    "sources",
                    models.ManyToManyField(
                        blank=True, related_name="film_facts", to="archive.source"
                    ),
                ),
            ],
            options={
                "verbose_name": "source of a fact",
                "verbose_name_plural": "sources of the film's facts",
                "ordering": ["film_id", "field", "value", "pk"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalFilmFact",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "field",
                    models.CharField(
                        choices=[
                            ("title", "Title"),
                            ("status", "Status"),
                            ("released", "Release date and year"),
                            ("runtime", "Runtime"),
                            ("countries", "Countries"),
                            ("original_language", "Original language"),
                            ("genres", "Genres"),
                            ("summary", "Summary"),
                            ("based_on", "Based on"),
                            ("cast", "Cast and billing order"),
                            ("adaptation", "Adapted from"),
                            ("box_office", "Box office"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "value",
                    models.CharField(
                        blank=True,
                        help_text='Leave empty when these sources give the value the film\'s record holds. Where a source disagrees, write the value it gives here (e.g. 2020), with that source: the page shows it as "other sources say …".',
                        max_length=300,
                        verbose_name="other value",
                    ),
                ),
                (
                    "note",
                    models.CharField(
                        blank=True,
                        help_text='e.g. "the year the remake was announced".',
                        max_length=300,
                    ),
                ),
                ("history_change_reason", models.TextField(null=True)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "film",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="archive.film",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical source of a fact",
                "verbose_name_plural": "historical sources of the film's facts",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalFilmFact_sources",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "filmfact",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="archive.filmfact",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="archive.historicalfilmfact",
                    ),
                ),
                (
                    "source",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="archive.source",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalFilmFact_sources",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddConstraint(
            model_name="filmfact",
            constraint=models.UniqueConstraint(
                fields=("film", "field", "value"),
                name="film_fact_unique_value",
                violation_error_message="This film already has this value for this fact.",
            ),
        ),
        migrations.AddConstraint(
            model_name="filmfact",
            constraint=models.CheckConstraint(
                condition=models.Q(("field", ""), _negated=True), name="film_fact_field_not_empty"
            ),
        ),
        migrations.RunPython(give_permissions, migrations.RunPython.noop),
    ]
