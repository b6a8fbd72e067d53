"""The database cache's table: `migrate` alone then sets up everything the site needs, on every instance.

Until core existed, pages' migration 0004 made it; createcachetable makes only what is missing, so a database
that ran that one is left as it is."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop, elidable=False)]
