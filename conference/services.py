"""Writes with rules for the conference: publishing schedule versions, and registrations with their places."""

import secrets
import uuid
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from conference.models import (
    Booking,
    Conference,
    Day,
    Registration,
    ScheduleChange,
    ScheduleVersion,
    Session,
    Volunteer,
)
from core.outbox import queue_email
from core.personal_data import of_address
from core.services import create_once


def _snapshot(conference: Conference) -> dict[str, dict]:
    return {
        session.code: {
            "start": session.start.isoformat(),
            "end": session.end.isoformat(),
            "room": session.room_id,
            "state": session.state,
        }
        for session in conference.sessions.all()
    }


def publish_schedule_version(*, conference: Conference, notes: dict[str, str]) -> ScheduleVersion:
    """Record the schedule as it stands, with a note per language, and log what changed since the last version.

    Sessions whose time or room changed are marked as moved, so the schedule itself shows it.
    """
    with transaction.atomic():
        Conference.objects.select_for_update().get(pk=conference.pk)  # one publisher at a time
        previous = conference.versions.order_by("-number").first()
        before = previous.snapshot if previous else {}
        version = ScheduleVersion(
            conference=conference,
            number=(previous.number + 1) if previous else 1,
            published_at=timezone.now(),
            **{f"note_{language}": note for language, note in notes.items()},
        )
        version.full_clean(exclude=["snapshot"])
        version.snapshot = _snapshot(conference)
        version.save()
        if previous is None:
            return version
        sessions = {s.code: s for s in conference.sessions.all()}
        for code, now in version.snapshot.items():
            was = before.get(code)
            session = sessions[code]
            if was is None:
                kind = ScheduleChange.Kind.NEW
            elif now["state"] == Session.State.CANCELLED and was["state"] != Session.State.CANCELLED:
                kind = ScheduleChange.Kind.CANCELLED
            elif (now["start"], now["room"]) != (was["start"], was["room"]):
                kind = ScheduleChange.Kind.MOVED
                if session.state == Session.State.CONFIRMED:
                    session.state = Session.State.MOVED
                    session.save(update_fields=["state"])  # with its signals: the pages showing it are dropped
            else:
                continue
            ScheduleChange.objects.create(
                version=version,
                session=session,
                kind=kind,
                previous_start=was and timezone.datetime.fromisoformat(was["start"]),
                previous_room_id=was and was["room"],
            )
        return version


REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


@dataclass(frozen=True)
class SessionRequest:
    session: Session
    interpretation: str = ""


@dataclass(frozen=True)
class VolunteerOffer:
    roles: tuple[str, ...] = ()
    language_pairs: str = ""
    days: tuple[Day, ...] = ()


def _new_reference(conference: Conference) -> str:
    prefix = f"OK{conference.start_date:%y}-"
    while True:
        reference = prefix + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(4))
        if not Registration.objects.filter(reference=reference).exists():
            return reference


def _book(*, registration: Registration, request: SessionRequest) -> Booking:
    """Take a place if one is free, else join the waiting list; the session row is locked meanwhile."""
    session = Session.objects.select_for_update().get(pk=request.session.pk)
    if session.conference_id != registration.conference_id or not session.registration_required or session.is_cancelled:
        raise ValidationError(_("This session is not open for registration."), code="not_open")
    if request.interpretation and request.interpretation not in session.interpretation_languages:
        raise ValidationError(_("This session is not interpreted into that language."), code="interpretation")
    # Nobody jumps the queue: while people wait, a newcomer waits too.
    full = session.capacity is not None and (
        session.bookings.confirmed().count() >= session.capacity or session.bookings.waiting().exists()
    )
    booking = Booking(
        registration=registration,
        session=session,
        status=Booking.Status.WAITING if full else Booking.Status.CONFIRMED,
        interpretation=request.interpretation,
    )
    booking.full_clean()
    booking.save()
    return booking


def ensure_registration_open(conference: Conference) -> None:
    """Refuse a registration outside the window editors set, and always once the conference has ended."""
    state = conference.registration_state()
    if state == Conference.RegistrationState.NOT_YET_OPEN:
        raise ValidationError(_("Registration for this conference is not open yet."), code="registration_not_open")
    if state == Conference.RegistrationState.CLOSED:
        raise ValidationError(_("Registration for this conference is closed."), code="registration_closed")


def register_attendee(
    *,
    conference: Conference,
    idempotency_key: uuid.UUID,
    name: str,
    email: str,
    language: str,
    days: list[Day] = (),
    sessions: list[SessionRequest] = (),
    accessibility_needs: str = "",
    volunteer: VolunteerOffer | None = None,
) -> Registration:
    """Store a registration and its bookings, then queue the confirmation e-mail; the same key twice is one row.

    A form sent again after registration closed still answers with the registration it stored before.
    """

    def create() -> Registration:
        ensure_registration_open(conference)
        registration = Registration(
            conference=conference,
            idempotency_key=idempotency_key,
            reference=_new_reference(conference),
            name=name,
            email=email,
            language=language,
            accessibility_needs=accessibility_needs,
        )
        # Both keys are the site's own; their uniqueness is the database's to enforce (see create_once).
        registration.full_clean(exclude=["idempotency_key", "reference"])
        registration.save()
        registration.days.set(days)
        # Always lock sessions in the same order, so two registrations never wait on each other.
        for request in sorted(sessions, key=lambda r: r.session.pk):
            _book(registration=registration, request=request)
        if volunteer and (volunteer.roles or volunteer.language_pairs or volunteer.days):
            offer = Volunteer.objects.create(
                registration=registration, roles=list(volunteer.roles), language_pairs=volunteer.language_pairs
            )
            offer.days.set(volunteer.days)
        _queue_registration_email(registration, template="conference/email/registration")
        return registration

    return create_once(
        Registration.objects,
        idempotency_key=idempotency_key,
        create=create,
        # A repeated form is the same registration only for the same person.
        is_repeat=lambda registration: registration.email.lower() == email.lower(),
    )


def _queue_registration_email(registration: Registration, *, template: str, booking: Booking | None = None):
    queue_email(
        to=registration.email,
        language=registration.language,
        template=template,
        context=partial(
            _registration_email_context, registration_pk=registration.pk, booking_pk=booking.pk if booking else None
        ),
    )


def _registration_email_context(*, registration_pk: int, booking_pk: int | None = None) -> dict:
    """What a registration's message shows, loaded afresh in the active language (the recipient's, in queue_email).

    Objects of the request that caused the message (a session loaded by whoever cancelled) are never reused:
    parler keeps the language an object was loaded in.
    """
    registration = Registration.objects.select_related("conference").get(pk=registration_pk)
    bookings = list(
        registration.bookings.select_related("session__room__venue")
        .prefetch_related("session__translations")
        .order_by("session__start", "pk")
    )
    manage_url = settings.SITE_URL + registration.get_manage_url()
    return {
        "registration": registration,
        "conference": registration.conference,
        "days": list(registration.days.order_by("date")),
        "booking": next((b for b in bookings if b.pk == booking_pk), None),
        "bookings": [b for b in bookings if b.status != Booking.Status.CANCELLED],
        "manage_url": manage_url,
        "calendar_url": manage_url + "calendar.ics",
    }


def cancel_booking(*, booking: Booking) -> Booking | None:
    """Cancel one booking; if it held a place, the first person waiting gets it and is told by e-mail."""
    with transaction.atomic():
        session = Session.objects.select_for_update().get(pk=booking.session_id)
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        if booking.status == Booking.Status.CANCELLED:
            return None
        held_place = booking.status == Booking.Status.CONFIRMED
        booking.status = Booking.Status.CANCELLED
        booking.save(update_fields=["status", "changed_at"])
        if not held_place:
            return None
        promoted = fill_from_waiting_list(session=session)
        return promoted[0] if promoted else None


def change_capacity(*, session: Session, capacity: int | None) -> list[Booking]:
    """Set a session's number of places; the places a higher limit (or none) frees go to the people waiting, in order.

    A lower limit takes nobody's place away: the people waiting get places again once enough have been cancelled.
    """
    with transaction.atomic():
        locked = Session.objects.select_for_update().get(pk=session.pk)
        locked.capacity = session.capacity = capacity
        locked.save(update_fields=["capacity", "changed_at"])
        return fill_from_waiting_list(session=locked)


def fill_from_waiting_list(*, session: Session) -> list[Booking]:
    """Give free places to the people waiting, in order, and tell each by e-mail; the session row must be locked.

    Without a limit, everybody waiting gets a place. Once the conference is over nobody is promoted or told.
    """
    if session.is_cancelled or session.conference.has_ended():
        return []
    waiting = session.bookings.waiting().select_related("registration")
    if session.capacity is not None:
        waiting = waiting[: max(session.capacity - session.bookings.confirmed().count(), 0)]
    promoted = list(waiting)
    for booking in promoted:
        booking.status = Booking.Status.CONFIRMED
        booking.save(update_fields=["status", "changed_at"])
        _queue_registration_email(booking.registration, template="conference/email/promoted", booking=booking)
    return promoted


def cancel_registration(*, registration: Registration) -> None:
    for booking in registration.bookings.active():
        cancel_booking(booking=booking)


def delete_registration(*, registration: Registration) -> None:
    """Remove a registration; the places it held go to the people waiting first, as when it is cancelled."""
    with transaction.atomic():
        cancel_registration(registration=registration)
        registration.delete()


def change_interpretation(*, booking: Booking, language: str) -> Booking:
    if language and language not in booking.session.interpretation_languages:
        raise ValidationError(_("This session is not interpreted into that language."), code="interpretation")
    booking.interpretation = language
    booking.save(update_fields=["interpretation", "changed_at"])
    return booking


def purge_registrations(*, older_than_days: int) -> int:
    """Anonymise the personal fields of registrations for conferences that ended long enough ago."""
    cutoff = timezone.localdate() - timezone.timedelta(days=older_than_days)
    registrations = Registration.objects.filter(conference__end_date__lt=cutoff, anonymised_at=None)
    count = 0
    with transaction.atomic():
        for registration in registrations.select_for_update():
            _anonymise(registration)
            count += 1
    return count


def _anonymise(registration: Registration) -> None:
    """Remove who the person is; the places, days and roles stay, counted in the figures without a name."""
    registration.name = ""
    registration.email = f"anonymised-{registration.pk}@invalid.example.org"
    registration.accessibility_needs = ""
    registration.anonymised_at = timezone.now()
    registration.save(update_fields=["name", "email", "accessibility_needs", "anonymised_at"])
    Volunteer.objects.filter(registration=registration).update(language_pairs="")


def export_for_email(email: str) -> dict:
    """The registrations from one address with their bookings, and the volunteer sign-ups made with them (its part
    of core.personal_data's export)."""
    registrations = (
        of_address(Registration.objects.all(), "email", email)
        .select_related("conference", "volunteer")
        .prefetch_related("conference__translations", "days", "volunteer__days", "bookings__session__translations")
        .order_by("created_at", "pk")
    )
    registrations = list(registrations)
    volunteers = [r.volunteer for r in registrations if hasattr(r, "volunteer")]
    return {
        "registrations": [
            {
                "reference": r.reference,
                "conference": str(r.conference),
                "name": r.name,
                "email": r.email,
                "language": r.language,
                "days": [day.date.isoformat() for day in r.days.all()],
                "accessibility_needs": r.accessibility_needs,
                "registered": r.created_at.isoformat(),
                "bookings": [
                    {
                        "session": b.session.code,
                        "title": str(b.session),
                        "status": b.status,
                        "interpretation": b.interpretation,
                        "booked": b.created_at.isoformat(),
                    }
                    for b in r.bookings.all()
                ],
            }
            for r in registrations
        ],
        "volunteering": [
            {
                "registration": v.registration.reference,
                "roles": v.roles,
                "language_pairs": v.language_pairs,
                "days": [day.date.isoformat() for day in v.days.all()],
            }
            for v in volunteers
        ],
    }


def erase_for_email(email: str) -> int:
    """Anonymise every registration from one address (the right to erasure), as purge_registrations does.

    Anonymised, not deleted: the figures of places and interpretation keep counting them. Before a conference
    ends its places are given up first, so the people on the waiting list get them and are told.
    """
    count = 0
    with transaction.atomic():
        registrations = of_address(Registration.objects.filter(anonymised_at=None), "email", email)
        for registration in registrations.select_related("conference").select_for_update():
            if not registration.conference.has_ended():
                cancel_registration(registration=registration)
            _anonymise(registration)
            count += 1
    return count
