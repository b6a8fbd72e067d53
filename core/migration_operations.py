"""Migration operations of our own."""

from django.db import migrations


class PostgreSQLOnly(migrations.RunSQL):
    """SQL that only PostgreSQL has (GIN indexes, text search configurations); SQLite skips it."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
