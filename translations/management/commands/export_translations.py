"""Export editorial texts for one language as a .po file, for translators who work outside the admin."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from translations.models import TranslationStatus
from translations.po import export_catalogue


class Command(BaseCommand):
    help = "Write a .po file of the texts still to translate, e.g. --lang uk --status missing,outdated -o uk.po"

    def add_arguments(self, parser):
        parser.add_argument("--lang", required=True, choices=[code for code, _name in settings.LANGUAGES])
        parser.add_argument(
            "--status",
            default="missing,outdated",
            help="Comma-separated: " + ", ".join(TranslationStatus.values),
        )
        parser.add_argument("-o", "--output", help="File to write; standard output if omitted.")

    def handle(self, *args, lang, status, output, **options):
        statuses = {item.strip() for item in status.split(",") if item.strip()}
        if unknown := statuses - set(TranslationStatus.values):
            raise CommandError(f"Unknown status: {', '.join(sorted(unknown))}")
        catalogue = export_catalogue(language=lang, statuses=statuses)
        if output:
            catalogue.save(output)
            self.stderr.write(f"{len(catalogue)} entries written to {output}")
        else:
            self.stdout.write(str(catalogue))
