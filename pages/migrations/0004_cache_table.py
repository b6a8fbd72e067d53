"""Made the database cache's table before core existed; core's migration 0001 makes it now (for databases that
ran this one, it finds the table there and leaves it)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("pages", "0003_translation_workflow")]

    operations = []
