"""Fill the translation memory from the translations already published, e.g. after loading demo data."""

from django.core.management.base import BaseCommand
from django.db import transaction

from translations.memory import rebuild
from translations.models import MemoryEntry


class Command(BaseCommand):
    help = "Remember every published translation segment by segment, so the workspace can offer it again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--clear", action="store_true", help="Forget the whole memory first (also segments no text uses now)."
        )

    def handle(self, *args, clear, **options):
        with transaction.atomic():
            if clear:
                MemoryEntry.objects.all().delete()
            count = rebuild()
        self.stdout.write(f"{count} segment pairs remembered.")
