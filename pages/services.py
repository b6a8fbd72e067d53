"""Writes with rules: e-mail into the outbox in the recipient's language, and translation statuses."""

from collections.abc import Callable

from django.conf import settings
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from post_office import mail
from post_office.models import PRIORITY, Email

from pages.workflow import TranslationStatus, TranslationWorkflow


def queue_email(*, to: str, language: str, template: str, context: Callable[[], dict] | dict) -> Email:
    """Store a message rendered from <template>_subject.txt and <template>_body.txt; the worker sends it.

    Everything in the message is in the recipient's language, whoever caused it. Pass `context` as a function
    that loads what the message shows: it is called inside the recipient's language, so translated objects
    (parler fixes an object's language when it is loaded), labels, dates and links come out in it. A plain dict
    may hold plain values only: a model object loaded earlier keeps the language of the request that loaded it.
    """
    with translation.override(language):
        values = context() if callable(context) else _plain_values(context)
        subject = " ".join(render_to_string(f"{template}_subject.txt", values).split())
        body = render_to_string(f"{template}_body.txt", values)
    return mail.send(
        recipients=[to],
        sender=settings.DEFAULT_FROM_EMAIL,
        subject=subject,
        message=body,
        priority=PRIORITY.medium,
        headers={"Content-Language": language},
    )


def _plain_values(context: dict) -> dict:
    for name, value in context.items():
        if isinstance(value, models.Model | models.QuerySet):
            raise TypeError(
                f"queue_email: {name!r} is a database object loaded in another language; "
                "pass a function that loads it as the context"
            )
    return context


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
