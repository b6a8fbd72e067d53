"""The calendars as calendar software reads them, through two parsers we did not build them with: `ical` (strict,
RFC 5545, from Home Assistant's calendar) and `vobject` (the reader behind many CalDAV tools). The exports are
written with `icalendar`, so reading them back with it alone would prove little."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import vobject
from django.utils import translation
from ical.calendar_stream import IcsCalendarStream
from ical.event import EventStatus

from conference.models import Conference, Session
from conference.tests.factories import ConferenceFactory, SessionFactory, publish_changes

pytestmark = pytest.mark.integration

LANGUAGES = ["pl", "en", "uk", "ru"]


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


TITLES = {"pl": "Kraków w liczbach", "en": "Kraków in numbers", "uk": "Краків у цифрах", "ru": "Краков в цифрах"}


@pytest.fixture
def editions(db) -> dict[str, Conference]:
    """The current edition and a past one (February 2017, in winter time), each with sessions titled in every
    language or only in Polish; in the past one, one session is moved and one cancelled."""
    current = ConferenceFactory(slug="current")
    past = ConferenceFactory(past=True, slug="krakow-2017")
    for conference in (current, past):
        SessionFactory(conference=conference, titles=TITLES, interpretation=["uk"])
        SessionFactory(conference=conference, titles={"pl": "Tylko po polsku"})
    moved, cancelled = (SessionFactory(conference=past, titles=TITLES) for _ in range(2))
    publish_changes(past, moved=moved, cancelled=cancelled)
    return {"current": current, "past": past}


EDITIONS = {"current": "conference/", "past": "conference/editions/krakow-2017/"}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("edition", EDITIONS)
def test_every_schedule_calendar_reads_the_same_in_two_independent_parsers(client, editions, language, edition):
    conference = editions[edition]
    response = client.get(f"/{language}/{EDITIONS[edition]}schedule.ics")
    assert response.status_code == 200
    strict, lenient = both_readings(response.content)
    assert strict == lenient == expected(Session.objects.filter(conference=conference).for_schedule(), language)
    assert TITLES[language] in {summary for _start, _cancelled, summary in strict.values()}
    # Wall-clock times in Kraków, as the conference's own time zone says, and not shifted by an hour in winter.
    warsaw = ZoneInfo(conference.timezone)
    for start, *_ in strict.values():
        assert start.utcoffset() == start.astimezone(warsaw).utcoffset()
    cancelled = sum(cancelled for _start, cancelled, _title in strict.values())
    assert cancelled == (1 if edition == "past" else 0)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_session_calendar_reads_the_same_in_two_independent_parsers(client, db, language):
    session = SessionFactory(conference=ConferenceFactory(past=True), titles=TITLES)
    strict, lenient = both_readings(client.get(f"/{language}/conference/sessions/{session.code}.ics").content)
    assert strict == lenient == expected(Session.objects.filter(pk=session.pk).for_schedule(), language)
    ((start, _cancelled, summary),) = strict.values()
    assert summary == TITLES[language]
    assert start.utcoffset() == datetime.timedelta(hours=1)  # 23 February, winter time in Kraków
