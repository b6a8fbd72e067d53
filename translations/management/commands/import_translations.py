"""Import a translated .po file: apply what is translated, report conflicts and unknown entries."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from translations.po import MAX_UPLOAD_BYTES, import_catalogue


class Command(BaseCommand):
    help = "Apply a translated .po file; the language comes from its header unless --lang is given."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--lang", choices=[code for code, _name in settings.LANGUAGES])

    def handle(self, *args, path, lang, **options):
        try:
            with path.open("rb") as upload:
                content = upload.read(MAX_UPLOAD_BYTES + 1)
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from error
        language = lang or _header_language(content)
        try:
            summary = import_catalogue(content=content, language=language)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(f"Applied: {len(summary.applied)}; untranslated or fuzzy: {summary.not_translated}")
        for item in summary.conflicts:
            self.stdout.write(f"Conflict (source changed since export): {item}")
        for item in summary.changed_on_site:
            self.stdout.write(f"Conflict (translation changed on the site since export): {item}")
        for item in summary.unknown:
            self.stdout.write(f"Unknown entry: {item}")
        if summary.conflicts or summary.changed_on_site or summary.unknown:
            raise CommandError("Some entries were not applied; see above.")


def _header_language(content: bytes) -> str:
    for line in content.decode("utf-8", "replace").splitlines()[:40]:
        if line.startswith('"Language:'):
            return line.split(":", 1)[1].strip().strip('"').replace("\\n", "").strip().split("_")[0]
    return ""
