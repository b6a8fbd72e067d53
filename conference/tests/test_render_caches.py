"""What the uncached schedule and calendar keep per process (conference_tags.session_row, exports._event): an edit
of anything a row or a VEVENT shows shows at once, even one that leaves changed_at alone, and what is kept is
what rendering afresh gives, byte for byte."""

import icalendar
import pytest
from django.utils import translation

from conference import exports
from conference.models import Room, Session, SessionType, Speaker, Track, Venue
from conference.templatetags import conference_tags
from conference.tests.factories import ConferenceFactory, SessionFactory, SpeakerFactory, TrackFactory

pytestmark = pytest.mark.integration

SCHEDULE = "/en/conference/schedule/"
CALENDAR = "/en/conference/schedule.ics"


def row(client, code: str, url: str = SCHEDULE) -> str:
    return client.get(url).content.decode().split(f'id="session-{code}"')[1].split("</article>")[0]


@pytest.fixture
def session(db):
    speaker = SpeakerFactory(name="Anna Nowak")
    return SessionFactory(
        conference=ConferenceFactory(),
        titles={"pl": "Pisanki", "en": "Painted eggs"},
        abstracts={"en": "Colours of spring."},
        track=TrackFactory(name_en="Education"),
        speakers=[speaker],
    )


# Each edit goes through update(), as bulk edits do: no save, no signal, changed_at as it was.
EDITS = [
    ("title", lambda s: s.translations.filter(language_code="en").update(title="Easter eggs"), "Easter eggs"),
    ("translation gone", lambda s: s.translations.filter(language_code="en").delete(), '<h4 lang="pl" dir="ltr">'),
    ("state", lambda s: Session.objects.filter(pk=s.pk).update(state="moved"), "Moved:"),
    ("venue", lambda s: Venue.objects.filter(pk=s.room.venue_id).update(name_en="City Hall"), "City Hall"),
    ("room", lambda s: Room.objects.filter(pk=s.room_id).update(name_en="Great Hall"), "Great Hall"),
    ("track", lambda s: Track.objects.filter(pk=s.track_id).update(name_en="Diversity"), "Diversity"),
    ("type", lambda s: SessionType.objects.filter(pk=s.session_type_id).update(name_en="Workshop"), "Workshop"),
    ("speaker", lambda s: Speaker.objects.filter(sessions=s).update(name="Olena Kovalenko"), "Olena Kovalenko"),
]


@pytest.mark.parametrize(("what", "edit", "shown"), EDITS, ids=[what for what, _edit, _shown in EDITS])
def test_an_edit_of_anything_a_schedule_row_shows_shows_at_once(client, session, settings, what, edit, shown):
    settings.PAGE_CACHE = False
    before = row(client, session.code)
    assert shown not in before
    assert row(client, session.code) == before  # kept, and the same
    edit(session)
    assert shown in row(client, session.code)


def test_a_row_is_kept_per_language_and_address(client, session, settings):
    settings.PAGE_CACHE = False
    assert "Painted eggs" in row(client, session.code)
    assert "Pisanki" in row(client, session.code, "/pl/conference/schedule/")
    filtered = row(client, session.code, f"{SCHEDULE}?lang=pl")
    assert "next=/en/conference/schedule/%3Flang%3Dpl" in filtered  # the star link returns to the filtered page


def test_kept_rows_are_what_rendering_afresh_gives(client, session, settings):
    settings.PAGE_CACHE = False
    SessionFactory(
        conference=session.conference, titles={"pl": "Kraszanki", "uk": "Писанки"}, interpretation=["en", "uk"]
    )
    for language in ("pl", "en", "uk", "ru"):
        conference_tags._ROWS.kept.clear()
        fresh = client.get(f"/{language}/conference/schedule/").content
        assert conference_tags._ROWS.kept  # kept
        assert client.get(f"/{language}/conference/schedule/").content == fresh


def test_rows_with_a_visitors_own_form_are_not_kept(client, session, settings):
    settings.PAGE_CACHE = False
    client.post("/en/conference/agenda/star/", {"session": session.code})
    conference_tags._ROWS.kept.clear()
    assert "In my agenda" in row(client, session.code)
    assert not conference_tags._ROWS.kept


def reference_calendar(sessions, *, conference, name, absolute_url) -> bytes:
    """The calendar as every event built into one icalendar Calendar, as exports.calendar() did before it kept
    events: what it must still give."""
    cal = icalendar.Calendar()
    cal.add("prodid", exports.PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", conference.timezone)
    for session in sessions:
        event = icalendar.Event()
        event.add("uid", f"{session.guid}@openkrakow")
        marked = {"LANGUAGE": session.shown_language()} if session.is_fallback() else {}
        event.add("summary", session.title, parameters=marked)
        event.add("dtstart", session.start.astimezone(exports._zone(conference)))
        event.add("dtend", session.end.astimezone(exports._zone(conference)))
        event.add("dtstamp", session.changed_at)
        event.add("last-modified", session.changed_at)
        venue = session.room.venue
        event.add("location", f"{venue.name}, {session.room.name}, {venue.address}")
        event.add("geo", (float(venue.latitude), float(venue.longitude)))
        event.add("url", absolute_url(session.get_absolute_url()))
        event.add("description", session.abstract, parameters=marked)
        event.add("status", "CANCELLED" if session.is_cancelled else "CONFIRMED")
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


def test_an_edit_of_anything_a_vevent_shows_shows_at_once(client, session, settings):
    settings.PAGE_CACHE = False
    assert b"Painted eggs" in client.get(CALENDAR).content
    session.translations.filter(language_code="en").update(title="Easter eggs")
    Venue.objects.filter(pk=session.room.venue_id).update(name_en="City Hall")
    content = client.get(CALENDAR).content
    assert b"SUMMARY:Easter eggs" in content
    assert b"LOCATION:City Hall" in content
    session.translations.filter(language_code="en").delete()
    assert b"SUMMARY;LANGUAGE=pl:Pisanki" in client.get(CALENDAR).content


def test_the_calendar_is_what_one_icalendar_calendar_gives(client, session, settings):
    settings.PAGE_CACHE = False
    conference = session.conference
    SessionFactory(conference=conference, titles={"pl": "Kraszanki", "uk": "Писанки"}, state="cancelled")
    sessions = list(Session.objects.in_conference(conference).for_calendar())

    def url(path):
        return "http://testserver" + path

    for language in ("pl", "en", "uk", "ru"):
        with translation.override(language):
            for _ in range(2):  # built, then kept
                kept = exports.calendar(sessions, conference=conference, name="Test", absolute_url=url)
                assert kept == reference_calendar(sessions, conference=conference, name="Test", absolute_url=url)
    assert exports.calendar([], conference=conference, name="Test", absolute_url=url) == reference_calendar(
        [], conference=conference, name="Test", absolute_url=url
    )
