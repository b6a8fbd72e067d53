"""The e-mail outbox: messages are stored first, survive a dead mail server, and are sent exactly once."""

import socket
from datetime import timedelta
from email import message_from_bytes, policy
from io import StringIO

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation
from post_office.models import STATUS, Email, EmailTemplate

from core.outbox import queue_email

pytestmark = pytest.mark.integration


class CollectingHandler:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_outbox(settings, closed_port):
    """Deliver through real SMTP to 127.0.0.1:closed_port, retrying at once rather than after 30 minutes."""
    settings.EMAIL_BACKEND = "post_office.EmailBackend"  # pytest-django swaps in locmem; we test the real path
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port
    settings.EMAIL_TIMEOUT = 5
    settings.POST_OFFICE = {
        **settings.POST_OFFICE,
        "BACKENDS": {"default": "django.core.mail.backends.smtp.EmailBackend"},
        "RETRY_INTERVAL": timedelta(0),
    }
    return closed_port


def test_sending_only_queues_the_message(db, smtp_outbox):
    # The mail server is down, yet sending returns at once: nothing is delivered inside a request.
    mail.send_mail("Subject", "Body", "noreply@example.org", ["resident@example.org"])
    email = Email.objects.get()
    assert email.status == STATUS.queued
    assert email.to == ["resident@example.org"]
    assert not email.logs.exists()


def send_round():
    """One round of the outbox worker, as `manage.py outbox_worker` runs it every few seconds."""
    call_command("outbox_worker", once=True, stdout=StringIO())


def test_dead_mail_server_keeps_message_queued_then_sends_it_once(db, smtp_outbox):
    mail.send_mail("Twoje zgłoszenie", "Dziękujemy.", "noreply@example.org", ["resident@example.org"])

    # The server is down: the message stays in the outbox, with the error recorded.
    send_round()
    email = Email.objects.get()
    assert email.status == STATUS.requeued
    assert email.number_of_retries == 1
    log = email.logs.get()
    assert log.status == STATUS.failed
    assert "refused" in log.message.lower()

    # The server comes back on the same port: the message goes out, once.
    handler = CollectingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=smtp_outbox)
    controller.start()
    try:
        send_round()
        send_round()
    finally:
        controller.stop()
    email.refresh_from_db()
    assert email.status == STATUS.sent
    assert len(handler.messages) == 1
    assert handler.messages[0].rcpt_tos == ["resident@example.org"]
    received = message_from_bytes(handler.messages[0].content, policy=policy.default)
    assert received["Subject"] == "Twoje zgłoszenie"


def test_dead_mail_server_delays_the_message_by_the_retry_interval_and_gives_up_after_max_retries(
    db, smtp_outbox, settings
):
    settings.POST_OFFICE = {**settings.POST_OFFICE, "RETRY_INTERVAL": timedelta(minutes=30), "MAX_RETRIES": 1}
    mail.send_mail("Subject", "Body", "noreply@example.org", ["resident@example.org"])

    before = timezone.now()
    send_round()
    email = Email.objects.get()
    assert (email.status, email.number_of_retries) == (STATUS.requeued, 1)
    assert before + timedelta(minutes=30) <= email.scheduled_time <= timezone.now() + timedelta(minutes=30)

    send_round()  # not due yet: not tried again
    assert email.logs.count() == 1

    Email.objects.update(scheduled_time=timezone.now())  # half an hour later, the server still down
    send_round()
    email.refresh_from_db()
    assert email.status == STATUS.failed  # kept, with both attempts recorded, for an editor to see
    assert list(email.logs.values_list("status", flat=True)) == [STATUS.failed, STATUS.failed]


def test_one_message_that_cannot_be_rendered_does_not_hold_up_the_others(db, mailoutbox, settings):
    settings.EMAIL_BACKEND = "post_office.EmailBackend"  # queued, then delivered into mailoutbox by the worker
    broken = Email.objects.create(
        to=["broken@example.org"],
        status=STATUS.queued,
        from_email="noreply@example.org",
        template=EmailTemplate.objects.create(name="broken", subject="{% if %}"),
        context={},
    )
    mail.send_mail("Subject", "Body", "noreply@example.org", ["resident@example.org"])
    send_round()
    assert [message.to for message in mailoutbox] == [["resident@example.org"]]
    assert Email.objects.exclude(pk=broken.pk).get().status == STATUS.sent
    broken.refresh_from_db()
    assert broken.status == STATUS.requeued
    assert broken.logs.get().exception_type == "TemplateSyntaxError"


@pytest.fixture
def email_templates(settings, tmp_path):
    (tmp_path / "greeting_subject.txt").write_text('{% load i18n %}{% translate "Contact" %}: {{ name }}\n')
    (tmp_path / "greeting_body.txt").write_text('{% load i18n %}{% translate "Page not found" %}\n')
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    return "greeting"


@pytest.mark.parametrize(
    "language,subject,body",
    [("uk", "Контакти: Оксана", "Сторінку не знайдено"), ("pl", "Kontakt: Oksana", "Nie znaleziono strony")],
)
def test_queued_email_is_written_in_the_recipients_language(db, mailoutbox, email_templates, language, subject, body):
    with translation.override("en"):  # the request's language does not matter, the recipient's does
        queue_email(
            to="oksana@example.org", language=language, template=email_templates, context={"name": subject[-6:]}
        )
    assert mailoutbox == []  # stored, not sent
    send_round()
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == subject
    assert mailoutbox[0].body.strip() == body
    assert mailoutbox[0].extra_headers["Content-Language"] == language
    assert Email.objects.get().status == STATUS.sent
