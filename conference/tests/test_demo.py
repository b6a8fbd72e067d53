"""Demo smoke tests: the conference's demo content (conference/demo.py), as `make run` loads it, renders and exports
in every language, and loading it again later keeps one upcoming edition. Only these tests take the `demo`
fixture; tests of behaviour build their own data with the factories in factories.py.
"""

import datetime
import io
import json
import re
import uuid
from pathlib import Path

import jsonschema
import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.html import escape
from lxml import etree

from conference import demo_upcoming
from conference.demo import CONFERENCE, UPCOMING_SLUG
from conference.models import Conference, Day, Registration, Session
from conference.services import SessionRequest, register_attendee

pytestmark = pytest.mark.integration

LANGUAGES = ["pl", "en", "uk", "ru"]
FORMATS = Path(__file__).parent / "formats"
# The demo's two editions and where their schedules are: the upcoming one is current, 2017 is in the archive.
EDITIONS = {UPCOMING_SLUG: "conference/", "open-krakow-2017": "conference/editions/open-krakow-2017/"}


def demo_name(slug: str, language: str) -> str:
    if slug == UPCOMING_SLUG:
        year = Conference.objects.get(slug=slug).start_date.year
        return demo_upcoming.NAME[LANGUAGES.index(language)].format(year=year)
    return CONFERENCE[language]["name"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", EDITIONS)
def test_demo_smoke_each_editions_schedule_renders_in_every_language(client, demo, slug, language):
    """Every session of each demo edition is on its schedule, titled in the language, under the edition's name."""
    response = client.get(f"/{language}/{EDITIONS[slug]}schedule/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert escape(demo_name(slug, language)) in html
    sessions = Session.objects.filter(conference__slug=slug)
    assert set(re.findall(r'id="session-(\w+)"', html)) == set(sessions.values_list("code", flat=True))
    with translation.override(language):
        for session in Session.objects.filter(conference__slug=slug):
            assert escape(session.safe_translation_getter("title", language_code=language)) in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_demo_smoke_exports_are_valid_frab_and_c3voc_in_every_language(client, demo, language):
    """The demo's richer content (Cyrillic titles, interpretation, moved and cancelled sessions) stays valid."""
    xsd = etree.XMLSchema(etree.parse(str(FORMATS / "schedule.xml.xsd")))
    validator = jsonschema.Draft6Validator(
        json.loads((FORMATS / "schema.json").read_text()), format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER
    )
    for base in EDITIONS.values():
        xml = etree.fromstring(client.get(f"/{language}/{base}schedule.xml").content)
        assert xsd.validate(xml), xsd.error_log
        assert xml.findall("day/room/event")
        data = json.loads(client.get(f"/{language}/{base}schedule.json").content)
        assert [error.message for error in validator.iter_errors(data)] == []


def load_demo():
    call_command("load_demo", stdout=io.StringIO())


def upcoming_editions() -> list[Conference]:
    return list(Conference.objects.filter(end_date__gte=timezone.localdate()))


def test_demo_smoke_loading_the_demo_again_keeps_one_upcoming_edition_and_its_registrations(demo, monkeypatch):
    """demo.load_upcoming itself: loading again the same day changes nothing, ten days later nothing moves, and
    fifty days later the edition moves two months ahead with its sessions, days and registrations."""
    upcoming = Conference.objects.get(slug=UPCOMING_SLUG)
    workshop = Session.objects.get(code="OKDE07")
    registration = register_attendee(
        conference=upcoming,
        idempotency_key=uuid.uuid4(),
        name="Olena",
        email="olena@example.org",
        language="uk",
        days=list(upcoming.days.all()),
        sessions=[SessionRequest(workshop)],
    )
    before = {
        "start": upcoming.start_date,
        "sessions": Session.objects.count(),
        "days": Day.objects.count(),
        "workshop": workshop.start,
    }

    load_demo()  # the same day: nothing moves, nothing is added
    assert upcoming_editions() == [upcoming]
    assert Conference.objects.get(pk=upcoming.pk).start_date == before["start"]
    assert (Session.objects.count(), Day.objects.count()) == (before["sessions"], before["days"])

    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + datetime.timedelta(days=10))
    load_demo()  # ten days later it still starts in seven weeks: it stays, as do its registrations' dates
    assert Conference.objects.get(pk=upcoming.pk).start_date == before["start"]

    monkeypatch.setattr(timezone, "now", lambda: real_now() + datetime.timedelta(days=50))
    load_demo()  # fifty days later it would start in ten: it moves two months ahead of the new today
    moved = Conference.objects.get(pk=upcoming.pk)
    today = timezone.localdate()
    assert upcoming_editions() == [moved]
    assert moved.start_date == today + datetime.timedelta(days=60)
    assert Conference.objects.upcoming_or_latest() == moved
    assert moved.registration_state() == "open"
    assert moved.name == f"Open Kraków Conference {moved.start_date.year}"
    assert [day.date for day in moved.days.all()] == [moved.start_date, moved.end_date]
    assert (Session.objects.count(), Day.objects.count()) == (before["sessions"], before["days"])
    workshop.refresh_from_db()
    assert timezone.localtime(workshop.start).date() == moved.end_date
    assert timezone.localtime(workshop.start).time() == timezone.localtime(before["workshop"]).time()
    assert Registration.objects.filter(pk=registration.pk, conference=moved).exists()
    assert registration.bookings.get().session == workshop
    assert set(registration.days.all()) == set(moved.days.all())
    assert moved.versions.count() == 1
    assert not Session.objects.filter(conference=moved).exclude(state="confirmed").exists()
