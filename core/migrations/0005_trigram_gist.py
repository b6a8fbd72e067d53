from django.db import migrations

from core.migration_operations import PostgreSQLOnly


class Migration(migrations.Migration):
    """Typo correction's index on the vocabulary as GiST rather than GIN.

    The correction asks, per query word, for the known words most like it, closest first. GIN cannot order by
    similarity, and with statistics on a vocabulary of tens of thousands of words PostgreSQL judged reading the
    whole table cheaper than it: about 0.1 s a word, 4 to 6 s for a 200-character query. A GiST index answers the
    same query in a few milliseconds a word."""

    dependencies = [
        ("core", "0004_rank_vector"),
    ]

    operations = [
        PostgreSQLOnly(
            "DROP INDEX core_searchword_trigram;"
            "CREATE INDEX core_searchword_trigram ON core_searchword USING gist (word gist_trgm_ops);",
            "DROP INDEX core_searchword_trigram;"
            "CREATE INDEX core_searchword_trigram ON core_searchword USING gin (word gin_trgm_ops);",
        ),
    ]
