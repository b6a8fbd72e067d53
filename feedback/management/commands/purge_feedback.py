"""Remove the personal fields of closed reports older than a number of days; the statistics stay."""

from django.core.management.base import BaseCommand

from feedback.services import purge_feedback


class Command(BaseCommand):
    help = "Erase names, e-mails, places and messages of closed reports older than --older-than DAYS."

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, default=365, metavar="DAYS")

    def handle(self, *args, older_than, **options):
        count = purge_feedback(older_than_days=older_than)
        self.stdout.write(f"{count} reports anonymised.")
