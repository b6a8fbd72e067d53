"""schema.org JSON-LD for a session's page: the Event that search engines and calendars read from it."""

import json

from django.utils import timezone

from conference.models import ScheduleChange, Session


def session_event(session: Session, *, absolute_url) -> dict:
    """The session as a schema.org Event: when, where, in which language, by whom, and whether it still happens."""
    venue = session.room.venue
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": session.shown_text("title"),
        "description": session.shown_text("abstract"),
        "startDate": timezone.localtime(session.start).isoformat(),
        "endDate": timezone.localtime(session.end).isoformat(),
        "inLanguage": session.spoken_language,
        "url": absolute_url(session.get_absolute_url()),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": f"{venue.name}, {session.room.name}",
            "address": venue.address,
            "geo": {"@type": "GeoCoordinates", "latitude": float(venue.latitude), "longitude": float(venue.longitude)},
        },
        "performer": [{"@type": "Person", "name": s.name} for s in session.speakers.all()],
    }
    if session.is_cancelled:
        data["eventStatus"] = "https://schema.org/EventCancelled"
    elif session.state == Session.State.MOVED:
        # schema.org's EventRescheduled is a new date, and wants the previous one; a session only moved to another
        # room takes place when it always did, as scheduled.
        previous = ScheduleChange.objects.previous_start(session)
        if previous:
            data["eventStatus"] = "https://schema.org/EventRescheduled"
            data["previousStartDate"] = timezone.localtime(previous).isoformat()
        else:
            data["eventStatus"] = "https://schema.org/EventScheduled"
    return data


def script_text(data: dict) -> str:
    """The JSON for a <script type="application/ld+json"> element, safe to put in it unescaped.

    No "<" at all inside the script element: "</script>" or "<!--" in a text would end or hide it.
    """
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
