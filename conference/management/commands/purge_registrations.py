"""Anonymise the personal data of registrations for conferences that ended long enough ago; counts stay."""

from django.core.management.base import BaseCommand

from conference.services import purge_registrations


class Command(BaseCommand):
    help = "Erase names, e-mails and notes of registrations for conferences older than --older-than DAYS."

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, default=90, metavar="DAYS")

    def handle(self, *args, older_than, **options):
        count = purge_registrations(older_than_days=older_than)
        self.stdout.write(f"{count} registrations anonymised.")
