"""Let the "Editors" group see the edit history and the fixture loads.

Editors read a record's versions and revert them through the record's own admin (which asks
for the record's view and change permissions, given by 0003); this gives them the view
permission on the historical models and on fixture loads too, and nothing more: history and
fixture loads are never changed nor deleted by hand.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Editors"


def audit_view_permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="archive").filter(
        codename__startswith="view_historical"
    ) | Permission.objects.filter(content_type__app_label="archive", codename="view_fixtureload")


def give_view_permissions(apps, schema_editor):
    # Permissions are normally created after the whole migrate run; create them now.
    app_config = apps.get_app_config("archive")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*audit_view_permissions(apps))


def take_view_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(*audit_view_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0007_history_and_versions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(give_view_permissions, take_view_permissions)]
