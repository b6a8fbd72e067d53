"""The calendars as calendar software reads them, through two parsers we did not build them with: `ical` (strict,
RFC 5545, from Home Assistant's calendar) and `vobject` (the reader behind many CalDAV tools). The exports are
written with `icalendar`, so reading them back with it alone would prove little."""

from zoneinfo import ZoneInfo

import pytest
import vobject
from django.utils import translation
from ical.calendar_stream import IcsCalendarStream
from ical.event import EventStatus

from conference.models import Conference, Session

pytestmark = pytest.mark.integration

LANGUAGES = ["pl", "en", "uk", "ru"]
EDITIONS = {"open-krakow-demo": "conference/", "open-krakow-2017": "conference/editions/open-krakow-2017/"}


def both_readings(content: bytes) -> tuple[dict, dict]:
    """Each parser's events by UID: (start as an instant, status, summary)."""
    text = content.decode("utf-8")
    strict = {
        event.uid: (event.dtstart, event.status == EventStatus.CANCELLED, event.summary)
        for event in IcsCalendarStream.calendar_from_ics(text).events
    }
    lenient = {
        event.uid.value: (
            event.dtstart.value,
            event.status.value == "CANCELLED",
            event.summary.value,
        )
        for event in vobject.readOne(text).vevent_list
    }
    return strict, lenient


def expected(sessions, language: str) -> dict:
    """What the calendar should say: each session's start, whether it is cancelled, its title in the language."""
    with translation.override(language):  # parler picks an object's language when it is loaded
        return {f"{s.guid}@openkrakow": (s.start, s.is_cancelled, s.title) for s in sessions.all()}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", EDITIONS)
def test_every_schedule_calendar_reads_the_same_in_two_independent_parsers(client, demo, language, slug):
    response = client.get(f"/{language}/{EDITIONS[slug]}schedule.ics")
    assert response.status_code == 200
    strict, lenient = both_readings(response.content)
    assert strict == lenient == expected(Session.objects.filter(conference__slug=slug).for_schedule(), language)
    # Wall-clock times in Kraków, as the conference's own time zone says, and not shifted by an hour in winter.
    warsaw = ZoneInfo(Conference.objects.get(slug=slug).timezone)
    for start, *_ in strict.values():
        assert start.utcoffset() == start.astimezone(warsaw).utcoffset()
    if slug == "open-krakow-2017":
        assert sum(cancelled for _start, cancelled, _title in strict.values()) == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_session_calendar_reads_the_same_in_two_independent_parsers(client, demo, language):
    strict, lenient = both_readings(client.get(f"/{language}/conference/sessions/OK1702.ics").content)
    assert strict == lenient == expected(Session.objects.filter(code="OK1702").for_schedule(), language)
