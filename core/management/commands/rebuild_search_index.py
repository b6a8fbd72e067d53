"""Write the site search's index anew from every published page, news entry, document, session, speaker and venue.

Saves keep the index up to date by themselves; this is for content loaded without them (raw fixtures, SQL)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from core.search.index import rebuild


class Command(BaseCommand):
    help = "Rebuild the site search's index."

    def handle(self, *args, **options):
        with transaction.atomic():
            written = rebuild()
        self.stdout.write(f"Search index: {written} entries.")
