"""The outbox: every e-mail is stored first, in the recipient's language (queue_email); a worker then sends the
queue one message at a time, each marked sent as soon as the mail server took it.

post_office's own send_queued() sends a whole batch and marks it sent afterwards, so a worker killed in the middle
sends the batch again. Here a message is claimed, handed to the mail server and marked sent (with its Log row) in
one short step, committed before the next one starts: a crash repeats at most the one message in flight.

Workers of one site never send the same message and workers of different sites never wait for each other:
- on PostgreSQL each worker locks the message it is sending (FOR UPDATE SKIP LOCKED), so several workers, on any
  machines, share the queue without waiting;
- SQLite has no row locks, so a worker holds a lock file next to the database file for its round: a second worker
  of the same database waits for the next round, a worker of another checkout's database is not concerned.
"""

import fcntl
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from post_office import mail
from post_office.connections import connections as mail_connections
from post_office.models import PRIORITY, STATUS, Email, Log
from post_office.settings import get_log_level, get_max_retries, get_retry_timedelta, get_sending_order

logger = logging.getLogger(__name__)


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


class OutboxLocked(Exception):
    """Another worker of the same database is sending right now."""


@dataclass
class Round:
    """What one round of the worker did."""

    sent: int = 0
    requeued: int = 0
    failed: int = 0


def due_emails() -> QuerySet[Email]:
    """The messages to send now, in sending order: post_office's get_queued(), without its batch slice."""
    now = timezone.now()
    return Email.objects.filter(
        Q(scheduled_time__lte=now) | Q(scheduled_time=None),
        Q(expires_at__gt=now) | Q(expires_at=None),
        status__in=[STATUS.queued, STATUS.requeued],
    ).order_by(*get_sending_order(), "id")


def lock_file_path() -> Path | None:
    """The lock file of this site's outbox, or None where the database itself keeps workers apart."""
    if connection.features.has_select_for_update_skip_locked:
        return None  # PostgreSQL: the row locks
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        return None  # no other process can see this database
    return Path(f"{connection.settings_dict['NAME']}.outbox.lock")


@contextmanager
def outbox_lock() -> Iterator[None]:
    """Held for a round where the database has no row locks; raises OutboxLocked if another worker holds it."""
    path = lock_file_path()
    if path is None:
        yield
        return
    with path.open("a") as handle:
        try:
            # flock, not a pid file: the kernel drops it when its holder dies, even of SIGKILL.
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutboxLocked(str(path)) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def send_queued_emails(*, keep_going: Callable[[], bool] = lambda: True, log_level: int | None = None) -> Round:
    """Send every due message, one at a time, until none is left or keep_going() says stop.

    One connection to the mail server serves the whole round (post_office keeps it per thread); after a failure
    the next message opens a fresh one.
    """
    log_level = get_log_level() if log_level is None else log_level
    result = Round()
    failed_this_round: set[int] = set()  # with RETRY_INTERVAL 0 a failed message is due again at once
    with outbox_lock():
        try:
            while keep_going():
                outcome = _send_next(skip=failed_this_round, log_level=log_level)
                if outcome is None:
                    break
                email_id, status = outcome
                if status == STATUS.sent:
                    result.sent += 1
                else:
                    failed_this_round.add(email_id)
                    if status == STATUS.requeued:
                        result.requeued += 1
                    else:
                        result.failed += 1
        finally:
            _close_mail_connections()
    return result


def _send_next(*, skip: set[int], log_level: int) -> tuple[int, int] | None:
    """Claim the next due message, send it and record the outcome; None when nothing is due."""
    row_locks = connection.features.has_select_for_update_skip_locked
    # On PostgreSQL the claim's transaction lasts until the outcome is stored, so no other worker can take the
    # message meanwhile. SQLite (under the outbox lock) sends outside a transaction: a read transaction held
    # during the send could not be turned into a write one if a request wrote in between.
    with transaction.atomic() if row_locks else nullcontext():
        email = due_emails().exclude(id__in=skip).select_for_update(skip_locked=True).first()
        if email is None:
            return None
        try:
            # post_office's own delivery: renders the message, sends it over the per-thread connection, and
            # raises on failure (commit=False), storing nothing itself. On PostgreSQL in a savepoint, so that a
            # database error while rendering leaves the claim's transaction usable for recording the failure.
            with transaction.atomic() if row_locks else nullcontext():
                email.dispatch(commit=False, disconnect_after_delivery=False)
        except Exception as error:  # noqa: BLE001 (any failure, e.g. a template error, must not lose the message)
            logger.exception("Failed to send email #%s", email.id)
            _close_mail_connections()  # the connection may be broken: the next message opens a new one
            return email.id, _record_failure(email, error=error, log_level=log_level)
        _record_sent(email, log_level=log_level)
    return email.id, STATUS.sent


def _close_mail_connections() -> None:
    for backend in list(mail_connections.all()):
        try:
            backend.close()
        except Exception:  # noqa: BLE001 (a server that hangs up rudely must not stop the round)
            logger.exception("Failed to close the connection to the mail server")
    mail_connections.close()  # now only forgets them, so that the next message opens a new connection


def _record_sent(email: Email, *, log_level: int) -> None:
    with transaction.atomic():
        # update(), not save(): Email.save() runs full_clean(), which must not be able to stop a sent message
        # from being marked sent.
        Email.objects.filter(pk=email.pk).update(status=STATUS.sent, last_updated=timezone.now())
        if log_level == 2:  # post_office's levels: 0 nothing, 1 failures, 2 successes as well
            Log.objects.create(email_id=email.pk, status=STATUS.sent, message="")


def _record_failure(email: Email, *, error: Exception, log_level: int) -> int:
    """Requeue the message for RETRY_INTERVAL later, or give up after MAX_RETRIES, as post_office does."""
    now = timezone.now()
    retries = email.number_of_retries or 0
    if retries < get_max_retries():
        changes = {
            "status": STATUS.requeued,
            "number_of_retries": retries + 1,
            "scheduled_time": now + get_retry_timedelta(),
        }
    else:
        changes = {"status": STATUS.failed}
    with transaction.atomic():
        Email.objects.filter(pk=email.pk).update(**changes, last_updated=now)
        if log_level >= 1:
            Log.objects.create(
                email_id=email.pk, status=STATUS.failed, message=str(error), exception_type=type(error).__name__
            )
    return changes["status"]


# --- The right of access and erasure (core.personal_data) ------------------------------------------------------


def emails_to(address: str) -> list[Email]:
    """Every message of the outbox sent or to be sent to the address, in any case, oldest first."""
    from core.personal_data import matches

    # Narrowed by the part before the @ (ASCII): the domain may be stored in another case or in its xn-- form.
    local = address.strip().rpartition("@")[0]
    candidates = Email.objects.filter(to__icontains=f"{local}@").order_by("created", "id")
    return [email for email in candidates if matches(email.to, address)]


def export_emails(address: str) -> dict:
    return {
        "emails": [
            {
                "subject": email.subject,
                "body": email.message,
                "language": (email.headers or {}).get("Content-Language", ""),
                "status": STATUS._fields[email.status] if email.status is not None else "",
                "created": email.created.isoformat(),
                "last_updated": email.last_updated.isoformat(),
            }
            for email in emails_to(address)
        ]
    }


def erase_emails(address: str) -> int:
    """Delete the messages to the address, sent or waiting, with their logs: their bodies are personal data."""
    ids = [email.pk for email in emails_to(address)]
    Email.objects.filter(pk__in=ids).delete()
    return len(ids)
