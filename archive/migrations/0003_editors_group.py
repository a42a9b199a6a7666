"""Create the "Editors" group: may view, add and change archive records; may not delete
them, and has no right on users or groups (it holds no auth permission at all)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Editors"


def create_group(apps, schema_editor):
    # Permissions are normally created after the whole migrate run; create them now.
    app_config = apps.get_app_config("archive")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    allowed = Permission.objects.filter(content_type__app_label="archive").exclude(
        codename__startswith="delete_"
    )
    group.permissions.add(*allowed)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0002_countries_and_languages"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
