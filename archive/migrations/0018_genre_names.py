"""A genre's names in other languages (``GenreName``), which the public pages of those
languages show; the "Editors" group may view, add and change them, as every archive
record."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.contrib.auth.management import create_permissions
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
                    "view_genrename",
                    "add_genrename",
                    "change_genrename",
                    "view_historicalgenrename",
                ],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0017_translated_labels"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="genre",
            name="name",
            field=models.CharField(
                help_text="The genre's name in English.",
                max_length=100,
                unique=True,
                verbose_name="name",
            ),
        ),
        migrations.AlterField(
            model_name="historicalgenre",
            name="name",
            field=models.CharField(
                db_index=True,
                help_text="The genre's name in English.",
                max_length=100,
                verbose_name="name",
            ),
        ),
        migrations.CreateModel(
            name="HistoricalGenreName",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        help_text="The genre's name in this language.",
                        max_length=100,
                        verbose_name="name",
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
                    "genre",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="archive.genre",
                        verbose_name="genre",
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
                (
                    "language",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="archive.language",
                        verbose_name="language",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical genre name",
                "verbose_name_plural": "historical genre names",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="GenreName",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        help_text="The genre's name in this language.",
                        max_length=100,
                        verbose_name="name",
                    ),
                ),
                (
                    "genre",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="names",
                        to="archive.genre",
                        verbose_name="genre",
                    ),
                ),
                (
                    "language",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="genre_names",
                        to="archive.language",
                        verbose_name="language",
                    ),
                ),
            ],
            options={
                "verbose_name": "genre name",
                "verbose_name_plural": "genre names",
                "ordering": ["genre_id", "language_id"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("genre", "language"),
                        name="genre_name_unique",
                        violation_error_message="This genre already has a name in this language.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("name", ""), _negated=True), name="genre_name_not_empty"
                    ),
                ],
            },
        ),
        migrations.RunPython(give_permissions, migrations.RunPython.noop),
    ]
