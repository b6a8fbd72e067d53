"""Writes that talk to the outside world: e-mail goes into the outbox, in the recipient's language."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from post_office import mail
from post_office.models import PRIORITY, Email


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
