"""Exports for calendar and conference apps, validated against the published formats."""

import datetime
import json
from pathlib import Path

import icalendar
import jsonschema
import pytest
from lxml import etree

from conference.models import Session
from conference.tests.factories import WARSAW, schedule_of

pytestmark = pytest.mark.integration

FORMATS = Path(__file__).parent / "formats"
# The demo's 2017 conference, in the archive, with its exports; the current edition's are checked the same way below.
EDITION_2017 = "conference/editions/open-krakow-2017"


def events(content: bytes):
    return icalendar.Calendar.from_ical(content).walk("VEVENT")


def test_schedule_xml_is_valid_frab(client, demo):
    schema = etree.XMLSchema(etree.parse(str(FORMATS / "schedule.xml.xsd")))
    response = client.get(f"/uk/{EDITION_2017}/schedule.xml")
    document = etree.fromstring(response.content)
    assert schema.validate(document), schema.error_log
    current = etree.fromstring(client.get("/uk/conference/schedule.xml").content)
    assert schema.validate(current), schema.error_log
    assert len(current.findall("day/room/event")) == 9
    assert len(document.findall("day")) == 3
    assert len(document.findall("day/room/event")) == 25  # 26 sessions, one of them cancelled: apps read no status
    assert document.find("day/room/event/title").text == "Відкриття: чому «Відкритий Краків»"
    assert document.find("day/room/event/date").text == "2017-02-23T09:30:00+01:00"


def test_schedule_json_is_valid_c3voc(client, demo):
    schema = json.loads((FORMATS / "schema.json").read_text())
    data = json.loads(client.get(f"/en/{EDITION_2017}/schedule.json").content)
    validator = jsonschema.Draft6Validator(schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER)
    assert [error.message for error in validator.iter_errors(data)] == []
    current = json.loads(client.get("/en/conference/schedule.json").content)
    assert [error.message for error in validator.iter_errors(current)] == []
    events = [e for day in data["schedule"]["conference"]["days"] for room in day["rooms"].values() for e in room]
    assert len(events) == 25  # without the cancelled one
    assert events[0]["title"] == "Opening: why Open Kraków"


def test_schedule_ics_parses_back_with_warsaw_times_and_stable_uids(client, demo):
    first = events(client.get(f"/en/{EDITION_2017}/schedule.ics").content)
    assert len(first) == 26
    opening = next(e for e in first if str(e["summary"]) == "Opening: why Open Kraków")
    start = opening.decoded("dtstart")
    assert start == datetime.datetime(2017, 2, 23, 9, 30, tzinfo=WARSAW)
    assert start.utcoffset() == datetime.timedelta(hours=1)
    assert "plac Wszystkich Świętych" in str(opening["location"])
    assert str(opening["url"]).endswith("/en/conference/sessions/OK1701/")
    assert sum(1 for e in first if str(e["status"]) == "CANCELLED") == 1
    again = events(client.get(f"/pl/{EDITION_2017}/schedule.ics").content)
    assert sorted(str(e["uid"]) for e in again) == sorted(str(e["uid"]) for e in first)
    content = client.get(f"/en/{EDITION_2017}/schedule.ics").content.decode()
    assert "BEGIN:VTIMEZONE" in content and "TZID:Europe/Warsaw" in content


def test_exports_follow_lang_parameter(client, demo):
    calendar = events(client.get("/en/conference/schedule.ics", {"lang": "ru"}).content)
    assert "Открытие: что изменилось со времени первой конференции" in {str(e["summary"]) for e in calendar}
    ignored = events(client.get("/en/conference/schedule.ics", {"lang": "xx"}).content)
    assert "Opening: what has changed since the first conference" in {str(e["summary"]) for e in ignored}
    archived = events(client.get(f"/en/{EDITION_2017}/schedule.ics", {"lang": "ru"}).content)
    assert "Открытие: почему «Открытый Краков»" in {str(e["summary"]) for e in archived}


def test_exports_answer_conditional_requests(client, demo):
    response = client.get("/en/conference/schedule.xml")
    assert response.has_header("ETag") and response.has_header("Last-Modified")
    assert client.get("/en/conference/schedule.xml", headers={"if-none-match": response["ETag"]}).status_code == 304
    session = Session.objects.filter(conference__slug="open-krakow-demo").first()  # the current edition's
    session.end += datetime.timedelta(minutes=5)
    session.save()
    assert client.get("/en/conference/schedule.xml", headers={"if-none-match": response["ETag"]}).status_code == 200


def test_one_session_calendar(client, demo):
    calendar = events(client.get("/uk/conference/sessions/OK1702.ics").content)
    assert len(calendar) == 1
    assert str(calendar[0]["summary"]) == "Краків у цифрах: хто нові мешканці"
    assert client.get("/uk/conference/sessions/NOPE99.ics").status_code == 404


@pytest.mark.parametrize("size", [5, 60])
def test_schedule_xml_query_count_is_fixed(client, db, django_assert_num_queries, size):
    schedule_of(size)
    client.get("/en/conference/schedule.xml")  # the first answer also records its ETag in the shared cache
    # The schedule's 7, and the shared cache's record of the export (see _last_modified), which spares the query of
    # change times while the export is unchanged.
    with django_assert_num_queries(8):
        response = client.get("/en/conference/schedule.xml")
    assert len(etree.fromstring(response.content).findall("day/room/event")) == size
