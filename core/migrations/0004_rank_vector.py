import core.models
from django.db import migrations

from core.migration_operations import PostgreSQLOnly


class Migration(migrations.Migration):
    """A small, uncompressed vector to rank matches by, and a planner that always matches through the GIN index.

    Without statistics on the search vector PostgreSQL assumes a match is rare (0.5% of rows) and uses the GIN
    index; with them, a common word (a third of the rows) made it read the whole table and unpack every vector,
    ten times slower. The index's entries are emptied so that migrate's index_if_empty writes them again, with
    their rank vectors."""

    dependencies = [
        ("core", "0003_search_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="rank_vector",
            field=core.models.LexemeVectorField(null=True),
        ),
        migrations.RunSQL("DELETE FROM core_searchentry;", migrations.RunSQL.noop),
        # Changing the column's type (to itself) also drops the statistics an earlier ANALYZE gathered.
        PostgreSQLOnly(
            "ALTER TABLE core_searchentry ALTER COLUMN search_vector TYPE tsvector;"
            "ALTER TABLE core_searchentry ALTER COLUMN search_vector SET STATISTICS 0;",
            "ALTER TABLE core_searchentry ALTER COLUMN search_vector SET STATISTICS -1;",
        ),
        # Ranking unpacked every compressed rank vector (or fetched it from beside the table) again: kept plain,
        # in the row, ranking 3,000 matches takes 2 ms instead of 7. core.search.analysis keeps it under 3 KB.
        PostgreSQLOnly(
            "ALTER TABLE core_searchentry ALTER COLUMN rank_vector SET STORAGE PLAIN;",
            "ALTER TABLE core_searchentry ALTER COLUMN rank_vector SET STORAGE EXTENDED;",
        ),
        # A GIN index keeps what is written in a pending list that every search then reads through, until
        # (auto)vacuum tidies it: after a rebuild or a busy day of editing, searches slowed down several times.
        PostgreSQLOnly(
            "ALTER INDEX core_searchentry_vector SET (fastupdate = off);",
            "ALTER INDEX core_searchentry_vector RESET (fastupdate);",
        ),
    ]
