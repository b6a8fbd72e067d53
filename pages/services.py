"""Writes with rules: e-mail into the outbox in the recipient's language, and translation statuses."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from post_office import mail
from post_office.models import PRIORITY, Email

from pages.workflow import TranslationStatus, TranslationWorkflow


def queue_email(*, to: str, language: str, template: str, context: dict) -> Email:
    """Store a message rendered from <template>_subject.txt and <template>_body.txt; the worker sends it."""
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
    return mail.send(
        recipients=[to],
        sender=settings.DEFAULT_FROM_EMAIL,
        subject=subject,
        message=body,
        priority=PRIORITY.medium,
        headers={"Content-Language": language},
    )


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
