"""Writes with rules for the conference: publishing a new version of the schedule."""

from django.db import transaction
from django.utils import timezone

from conference.models import Conference, ScheduleChange, ScheduleVersion, Session


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
                    Session.objects.filter(pk=session.pk).update(state=Session.State.MOVED)
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
