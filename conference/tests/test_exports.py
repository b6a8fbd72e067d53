"""Exports for calendar and conference apps, validated against the published formats."""

import datetime
import json
from pathlib import Path

import icalendar
import jsonschema
import pytest
from lxml import etree

from conference.models import Session
from conference.tests.factories import (
    WARSAW,
    ConferenceFactory,
    RoomFactory,
    SessionFactory,
    VenueFactory,
    schedule_of,
)

pytestmark = pytest.mark.integration

FORMATS = Path(__file__).parent / "formats"
EDITION = "conference/editions/krakow-2017"  # a past edition; the current one's exports are at conference/
OPENING = {"pl": "Otwarcie", "en": "Opening: why Open Kraków", "uk": "Відкриття: чому «Відкритий Краків»"}


def events(content: bytes):
    return icalendar.Calendar.from_ical(content).walk("VEVENT")


class Editions:
    """The current edition with two sessions, and a past one (23–25 February 2017) with a session on each of its
    three days, one of them cancelled; the first opens it at 09:30 at City Hall."""

    def __init__(self):
        self.current = ConferenceFactory(slug="current")
        self.current_sessions = [
            SessionFactory(conference=self.current, titles={"en": "Current opening", "ru": "Открытие"}),
            SessionFactory(conference=self.current, titles={"en": "Current panel"}),
        ]
        self.past = ConferenceFactory(past=True, slug="krakow-2017")
        city_hall = VenueFactory(address="plac Wszystkich Świętych 3–4, 31-004 Kraków")
        self.opening = SessionFactory(
            conference=self.past,
            room=RoomFactory(venue=city_hall),
            start=datetime.datetime(2017, 2, 23, 9, 30, tzinfo=WARSAW),
            titles=OPENING,
        )
        self.others = [
            SessionFactory(conference=self.past, start=datetime.datetime(2017, 2, day, 11, tzinfo=WARSAW))
            for day in (24, 25)
        ]
        self.cancelled = SessionFactory(conference=self.past, state=Session.State.CANCELLED)


@pytest.fixture
def editions(db) -> Editions:
    return Editions()


def test_schedule_xml_is_valid_frab(client, editions):
    schema = etree.XMLSchema(etree.parse(str(FORMATS / "schedule.xml.xsd")))
    document = etree.fromstring(client.get(f"/uk/{EDITION}/schedule.xml").content)
    assert schema.validate(document), schema.error_log
    current = etree.fromstring(client.get("/uk/conference/schedule.xml").content)
    assert schema.validate(current), schema.error_log
    assert {e.get("code") for e in current.findall("day/room/event")} == {s.code for s in editions.current_sessions}
    assert [day.get("date") for day in document.findall("day")] == ["2017-02-23", "2017-02-24", "2017-02-25"]
    scheduled = {s.code for s in (editions.opening, *editions.others)}  # not the cancelled one: apps read no status
    assert {e.get("code") for e in document.findall("day/room/event")} == scheduled
    assert document.find("day/room/event/title").text == OPENING["uk"]
    assert document.find("day/room/event/date").text == "2017-02-23T09:30:00+01:00"


def test_schedule_json_is_valid_c3voc(client, editions):
    schema = json.loads((FORMATS / "schema.json").read_text())
    data = json.loads(client.get(f"/en/{EDITION}/schedule.json").content)
    validator = jsonschema.Draft6Validator(schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER)
    assert [error.message for error in validator.iter_errors(data)] == []
    current = json.loads(client.get("/en/conference/schedule.json").content)
    assert [error.message for error in validator.iter_errors(current)] == []
    events = [e for day in data["schedule"]["conference"]["days"] for room in day["rooms"].values() for e in room]
    assert {e["code"] for e in events} == {s.code for s in (editions.opening, *editions.others)}  # not the cancelled
    assert events[0]["title"] == OPENING["en"]


def test_schedule_ics_parses_back_with_warsaw_times_and_stable_uids(client, editions):
    first = events(client.get(f"/en/{EDITION}/schedule.ics").content)
    assert len(first) == 4  # the cancelled session too, so marked
    opening = next(e for e in first if str(e["summary"]) == OPENING["en"])
    start = opening.decoded("dtstart")
    assert start == datetime.datetime(2017, 2, 23, 9, 30, tzinfo=WARSAW)
    assert start.utcoffset() == datetime.timedelta(hours=1)
    assert "plac Wszystkich Świętych" in str(opening["location"])
    assert str(opening["url"]).endswith(f"/en/conference/sessions/{editions.opening.code}/")
    assert [str(e["uid"]) for e in first if str(e["status"]) == "CANCELLED"] == [
        f"{editions.cancelled.guid}@openkrakow"
    ]
    again = events(client.get(f"/pl/{EDITION}/schedule.ics").content)
    assert str(next(e for e in again if str(e["uid"]) == str(opening["uid"]))["summary"]) == OPENING["pl"]
    assert sorted(str(e["uid"]) for e in again) == sorted(str(e["uid"]) for e in first)
    content = client.get(f"/en/{EDITION}/schedule.ics").content.decode()
    assert "BEGIN:VTIMEZONE" in content and "TZID:Europe/Warsaw" in content


def test_exports_follow_lang_parameter(client, editions):
    response = client.get("/en/conference/schedule.ics", {"lang": "ru"})
    assert response["Content-Language"] == "ru"
    assert "Открытие" in {str(e["summary"]) for e in events(response.content)}
    ignored = client.get("/en/conference/schedule.ics", {"lang": "xx"})
    assert ignored["Content-Language"] == "en"
    assert "Current opening" in {str(e["summary"]) for e in events(ignored.content)}
    archived = events(client.get(f"/en/{EDITION}/schedule.ics", {"lang": "uk"}).content)
    assert OPENING["uk"] in {str(e["summary"]) for e in archived}


def test_exports_answer_conditional_requests(client, editions):
    response = client.get("/en/conference/schedule.xml")
    assert response.has_header("ETag") and response.has_header("Last-Modified")
    assert client.get("/en/conference/schedule.xml", headers={"if-none-match": response["ETag"]}).status_code == 304
    session = editions.current_sessions[0]
    session.end += datetime.timedelta(minutes=5)
    session.save()
    assert client.get("/en/conference/schedule.xml", headers={"if-none-match": response["ETag"]}).status_code == 200


def test_one_session_calendar(client, editions):
    calendar = events(client.get(f"/uk/conference/sessions/{editions.opening.code}.ics").content)
    assert len(calendar) == 1
    assert str(calendar[0]["summary"]) == OPENING["uk"]
    assert str(calendar[0]["uid"]) == f"{editions.opening.guid}@openkrakow"
    assert client.get("/uk/conference/sessions/NOPE99.ics").status_code == 404


@pytest.mark.parametrize("size", [5, 60])
def test_schedule_xml_query_count_is_fixed(client, db, django_assert_num_queries, size):
    schedule_of(size)
    client.get("/en/conference/schedule.xml")  # the first answer also records its ETag in the shared cache
    # The schedule's 7, and the shared cache's record of the export (see conference.conditional.last_modified),
    # which spares the query of
    # change times while the export is unchanged.
    with django_assert_num_queries(8):
        response = client.get("/en/conference/schedule.xml")
    assert len(etree.fromstring(response.content).findall("day/room/event")) == size
