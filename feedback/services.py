"""Writes with rules for resident feedback: store first, then tell; replies, states, rate limits, erasure."""

import datetime
import hashlib
import uuid
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.outbox import queue_email
from core.personal_data import of_address
from core.services import create_once
from feedback.models import Category, InternalNote, RateLimitHit, RateLimitSender, Report, ReportEvent

RATE_LIMIT_PER_MINUTE = 5


def over_rate_limit(*, ip: str | None, email: str = "") -> bool:
    """Record this attempt and say whether this IP or e-mail sent more than five in the last minute.

    Attempts that arrive at once, on any worker of any instance, are counted one after another: each holds its
    senders' rows locked while it counts and adds itself, so exactly five in a minute get through.
    """
    keys = [f"ip:{ip}"[:300]] if ip else []
    if email:  # unvalidated input: stored only as a fixed-length digest
        keys.append("email:" + hashlib.sha256(email.strip().lower().encode()).hexdigest())
    keys.sort()  # every attempt locks its senders in the same order, so two never wait on each other
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    # Outside the transaction below, so that tidying up holds no lock while the senders' rows are waited for.
    RateLimitHit.objects.filter(created_at__lt=an_hour_ago).delete()
    RateLimitSender.objects.filter(created_at__lt=an_hour_ago).delete()
    with transaction.atomic():
        while True:
            RateLimitSender.objects.bulk_create([RateLimitSender(key=key) for key in keys], ignore_conflicts=True)
            locked = RateLimitSender.objects.select_for_update().filter(key__in=keys).order_by("key")
            if len(locked) == len(keys):
                break  # else a sender idle for an hour was tidied away in between: add it again
        now = timezone.now()
        recent = RateLimitHit.objects.filter(created_at__gte=now - datetime.timedelta(minutes=1))
        limited = any(recent.filter(key=key).count() >= RATE_LIMIT_PER_MINUTE for key in keys)
        RateLimitHit.objects.bulk_create([RateLimitHit(key=key, created_at=now) for key in keys])
    return limited


def repeated_report(*, idempotency_key: uuid.UUID, **submitted) -> Report | None:
    """The report this very form already made (a double click, a reload after sending), or None.

    `submitted` is what submit_report is given of the resident's data (category, message, place, name, email…);
    the key counts as the same report only when all of it is the same, as in submit_report.
    """
    report = Report.objects.filter(idempotency_key=idempotency_key).first()
    return report if report and _is_same(report, **submitted) else None


def submit_report(
    *,
    idempotency_key: uuid.UUID,
    category: Category,
    message: str,
    language: str,
    place: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    address_id: str = "",
    name: str = "",
    email: str = "",
    client_ip: str | None = None,
    flag_reason: str = "",
    spam: bool = False,
    source: Report.Source = Report.Source.WEB,
) -> Report:
    """Save the report first; only then queue the resident's confirmation. The same key twice is one report."""
    submitted = {
        "category": category,
        "message": message,
        "place": place,
        "latitude": latitude,
        "longitude": longitude,
        "address_id": address_id,
        "name": name,
        "email": email,
    }

    def create() -> Report:
        report = Report(
            idempotency_key=idempotency_key,
            language=language,
            client_ip=client_ip,
            flagged=bool(flag_reason),
            flag_reason=flag_reason,
            source=source,
            state=Report.State.SPAM if spam else Report.State.HELD if flag_reason else Report.State.RECEIVED,
            **submitted,
        )
        report.full_clean(exclude=["reference", "idempotency_key"])
        report.save()
        report.reference = f"FB-{report.created_at:%Y}-{report.pk:05d}"
        report.save(update_fields=["reference"])
        ReportEvent.objects.create(report=report, state=report.state)
        if email and not spam:
            _queue_email(report, template="feedback/email/received")
        return report

    return create_once(
        Report.objects,
        idempotency_key=idempotency_key,
        create=create,
        is_repeat=lambda report: _is_same(report, **submitted),
    )


def _is_same(report: Report, *, category: Category, email: str = "", **fields) -> bool:
    """Whether everything submitted again is what the report holds (the e-mail address in any case); a field not
    given is the empty value submit_report() takes for it."""
    fields = {**dict.fromkeys(["place", "address_id", "name"], ""), "latitude": None, "longitude": None, **fields}
    return (
        report.category_id == category.pk
        and report.email.lower() == email.lower()
        and all(getattr(report, name) == value for name, value in fields.items())
    )


def _queue_email(report: Report, *, template: str, event: ReportEvent | None = None):
    queue_email(
        to=report.email,
        language=report.language,
        template=template,
        context=partial(_report_email_context, report_pk=report.pk, event_pk=event.pk if event else None),
    )


def _report_email_context(*, report_pk: int, event_pk: int | None = None) -> dict:
    """What a report's message shows, loaded afresh in the active language (the recipient's, in queue_email).

    The moderator's admin session or the form's request never lends the message its language or its objects.
    """
    report = Report.objects.select_related("category").get(pk=report_pk)
    return {
        "report": report,
        "category": report.category,
        "event": report.events.get(pk=event_pk) if event_pk else None,
        "status_url": settings.SITE_URL + report.get_status_url(),
    }


def update_report(*, report: Report, author=None, state: str | None = None, reply: str = "", note: str = "") -> None:
    """A moderator's change: a new state and/or a public reply (mailed to the resident), and/or a private note."""
    with transaction.atomic():
        if note:
            InternalNote.objects.create(report=report, text=note, author=author)
        new_state = state or report.state
        if reply and not state and report.state in {Report.State.RECEIVED, Report.State.IN_PROGRESS}:
            new_state = Report.State.ANSWERED
        if new_state != report.state or reply:
            Report.objects.filter(pk=report.pk).update(state=new_state, updated_at=timezone.now())
            report.state = new_state
            event = ReportEvent.objects.create(report=report, state=new_state, reply=reply, author=author)
            if reply and report.email:
                _queue_email(report, template="feedback/email/reply", event=event)


def purge_feedback(*, older_than_days: int) -> int:
    """Remove personal fields from closed reports older than the limit; the counts behind the statistics stay.

    The place goes with them, in every form it came in: where a problem was can point at who reported it.
    """
    cutoff = timezone.now() - datetime.timedelta(days=older_than_days)
    reports = Report.objects.filter(
        state__in=[Report.State.CLOSED, Report.State.ANSWERED, Report.State.SPAM],
        updated_at__lt=cutoff,
        anonymised_at=None,
    )
    return _anonymise(reports)


def _anonymise(reports) -> int:
    with transaction.atomic():
        # The ids first: after the update below, the queryset's own filter (an e-mail address) matches nothing.
        ids = list(reports.values_list("pk", flat=True))
        ReportEvent.objects.filter(report_id__in=ids).update(reply="")
        InternalNote.objects.filter(report_id__in=ids).delete()
        Report.objects.filter(pk__in=ids).update(
            name="",
            email="",
            place="",
            latitude=None,
            longitude=None,
            address_id="",
            message="",
            client_ip=None,
            anonymised_at=timezone.now(),
        )
    return len(ids)


def export_for_email(email: str) -> dict:
    """Every report from one e-mail address, as plain JSON values (its part of core.personal_data's export)."""
    reports = of_address(Report.objects.all(), "email", email).prefetch_related("events").select_related("category")
    data = [
        {
            "reference": r.reference,
            "category": r.category.code,
            "message": r.message,
            "place": r.place,
            "lat": r.latitude,
            "long": r.longitude,
            "address_id": r.address_id,
            "name": r.name,
            "email": r.email,
            "language": r.language,
            "state": r.state,
            "received": r.created_at.isoformat(),
            "history": [{"state": e.state, "reply": e.reply, "date": e.created_at.isoformat()} for e in r.events.all()],
        }
        for r in reports
    ]
    return {"reports": data}


def erase_for_email(email: str) -> int:
    """Erase the personal data of every report from one address (the right to erasure)."""
    return _anonymise(of_address(Report.objects.all(), "email", email))
