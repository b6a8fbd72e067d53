"""A calendar says which language a session's texts are in when it is not the calendar's own (RFC 5545 LANGUAGE):
a session announced only in Polish, exported for a Ukrainian reader, is marked as Polish, and only that one."""

import icalendar
import pytest

from conference.tests.factories import SessionFactory

pytestmark = pytest.mark.integration


def events(client, path: str) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(client.get(path).content)
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_a_sessions_texts_in_a_fallback_language_carry_it_in_the_calendar(client, db):
    polish = SessionFactory(
        titles={"pl": "Asystent międzykulturowy w szkole"},
        abstracts={"pl": "Asystent międzykulturowy pomaga uczniowi odnaleźć się w szkole."},
    )
    SessionFactory(
        conference=polish.conference,
        titles={"pl": "Biblioteki jako miejsca spotkań", "uk": "Бібліотеки як місця зустрічей"},
    )
    found = events(client, "/uk/conference/schedule.ics")
    assert found["Asystent międzykulturowy w szkole"]["summary"].params.get("LANGUAGE") == "pl"
    assert found["Asystent międzykulturowy w szkole"]["description"].params.get("LANGUAGE") == "pl"
    assert "LANGUAGE" not in found["Бібліотеки як місця зустрічей"]["summary"].params
    # Read in its own language, the Polish session needs no mark.
    assert (
        "LANGUAGE"
        not in events(client, "/pl/conference/schedule.ics")["Asystent międzykulturowy w szkole"]["summary"].params
    )


def test_a_single_sessions_calendar_names_itself_in_the_language_of_its_title(client, db):
    SessionFactory(titles={"pl": "Biblioteki jako miejsca spotkań"})
    code = SessionFactory._meta.model.objects.get().code
    calendar = icalendar.Calendar.from_ical(client.get(f"/uk/conference/sessions/{code}.ics").content)
    assert str(calendar["x-wr-calname"]) == "Biblioteki jako miejsca spotkań"
    assert calendar["x-wr-calname"].params.get("LANGUAGE") == "pl"
