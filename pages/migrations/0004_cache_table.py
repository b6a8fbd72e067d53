"""The database cache's table: `migrate` alone then sets up everything the site needs, on every instance."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("pages", "0003_translation_workflow")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop, elidable=False)]
