"""Writes with rules of the translation workflow: every translation's status after an editor's save."""

from django.db import transaction
from django.utils import timezone

from translations.models import TranslationStatus, TranslationWorkflow


def record_translation_save(
    *,
    obj: TranslationWorkflow,
    language: str,
    user=None,
    text_changed: bool,
    minor_edit: bool = False,
    machine: bool = False,
) -> None:
    """After an editor saved one language of obj: keep every translation's status honest.

    A real change to the source text makes all other translations outdated; a minor edit (a typo) does not.
    Saving any other language makes that translation up to date again, or machine-translated if so marked.
    """
    now = timezone.now()
    with transaction.atomic():
        if language == obj.source_language:
            if text_changed and not minor_edit:
                type(obj).objects.filter(pk=obj.pk).update(source_changed_at=now)
                obj.source_changed_at = now
                obj.translations.exclude(language_code=language).update(translation_status=TranslationStatus.OUTDATED)
            status = TranslationStatus.UP_TO_DATE
        else:
            status = TranslationStatus.MACHINE if machine else TranslationStatus.UP_TO_DATE
        obj.translations.filter(language_code=language).update(
            translation_status=status, translated_by=user, translated_at=now
        )
