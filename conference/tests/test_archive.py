"""One current edition and an archive of past ones: the demo's upcoming edition is current, 2017 is archived.

Past editions keep their overview, schedule, change log and exports under editions/<slug>/; their sessions say
which edition they belong to. Loading the demo again, today or months later, keeps exactly one upcoming edition.
"""

import datetime
import io
import re
import uuid

import icalendar
import pytest
from django.core.management import call_command
from django.utils import timezone

from conference.demo import UPCOMING_SLUG
from conference.models import Conference, Day, Registration, Session
from conference.services import SessionRequest, register_attendee

pytestmark = pytest.mark.integration

EDITION_2017 = "/conference/editions/open-krakow-2017/"
NAME_2017 = {
    "pl": "Konferencja „Otwarty Kraków” 2017",
    "en": "Open Kraków Conference 2017",
    "uk": "Конференція «Відкритий Краків» 2017",
    "ru": "Конференция «Открытый Краков» 2017",
}
PAST_EDITIONS = {
    "pl": "Poprzednie edycje",
    "en": "Past editions",
    "uk": "Попередні конференції",
    "ru": "Прошедшие конференции",
}
ARCHIVED = {
    "pl": "Ta edycja konferencji już się odbyła: trwała od",
    "en": "This edition is over: it took place from",
    "uk": "Ця конференція вже завершилася: вона тривала з",
    "ru": "Эта конференция уже завершилась: она проходила с",
}
SESSION_ARCHIVED = {
    "pl": "Ta sesja należała do programu:",
    "en": "This session was part of",
    "uk": "Ця сесія входила до програми:",
    "ru": "Эта сессия входила в программу:",
}


def codes(html: str) -> set[str]:
    return set(re.findall(r'id="session-(\w+)"', html))


def load_demo():
    call_command("load_demo", stdout=io.StringIO())


def upcoming_editions() -> list[Conference]:
    return list(Conference.objects.filter(end_date__gte=timezone.localdate()))


@pytest.fixture
def upcoming(demo) -> Conference:
    return Conference.objects.get(slug=UPCOMING_SLUG)


def test_the_current_edition_is_the_upcoming_one(client, upcoming):
    assert Conference.objects.upcoming_or_latest() == upcoming
    assert upcoming.start_date >= timezone.localdate() + datetime.timedelta(days=30)
    html = client.get("/en/conference/").content.decode()
    assert f"<h1>Open Kraków Conference {upcoming.start_date.year}</h1>" in html
    assert "Open Kraków Conference 2017" not in html
    assert codes(client.get("/en/conference/schedule/").content.decode()) == {f"OKDE{n:02d}" for n in range(1, 10)}
    assert 'href="/en/conference/archive/"' in html  # the overview links the archive


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
def test_the_archive_lists_2017_and_not_the_upcoming_edition(client, upcoming, language):
    response = client.get(f"/{language}/conference/archive/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{PAST_EDITIONS[language]}</h1>" in html
    assert f'<a href="/{language}{EDITION_2017}">{NAME_2017[language]}</a>' in html
    assert f'href="/{language}{EDITION_2017}schedule/"' in html
    assert f"/editions/{UPCOMING_SLUG}/" not in html


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
def test_the_2017_overview_and_schedule_are_in_the_archive_with_their_sessions(client, upcoming, language):
    overview = client.get(f"/{language}{EDITION_2017}")
    html = overview.content.decode()
    assert overview.status_code == 200
    assert f"<h1>{NAME_2017[language]}</h1>" in html
    assert ARCHIVED[language] in html
    assert '<time datetime="2017-02-23">' in html
    assert f'href="/{language}{EDITION_2017}schedule/?day=2017-02-24"' in html
    schedule = client.get(f"/{language}{EDITION_2017}schedule/")
    assert schedule.status_code == 200
    assert codes(schedule.content.decode()) == {f"OK17{n:02d}" for n in range(1, 27)}
    assert f'action="/{language}{EDITION_2017}schedule/"' in schedule.content.decode()
    assert f'href="/{language}{EDITION_2017}schedule.ics"' in schedule.content.decode()


def test_the_2017_schedule_filters_stay_in_that_edition(client, upcoming):
    html = client.get(f"/en{EDITION_2017}schedule/", {"day": "2017-02-24", "lang": "ru"}).content.decode()
    assert codes(html) == {code for code in codes(html) if code.startswith("OK17")}
    assert codes(html)
    ignored = client.get(f"/en{EDITION_2017}schedule/", {"day": upcoming.start_date.isoformat()}).content.decode()
    assert "Some filter values were not understood" in ignored  # a day of another edition


def test_the_2017_change_log_and_exports_are_archived_too(client, upcoming):
    changes = client.get(f"/en{EDITION_2017}changes/").content.decode()
    assert "The painted eggs workshop moves to 15:00; the poetry evening is cancelled." in changes
    calendar = icalendar.Calendar.from_ical(client.get(f"/en{EDITION_2017}schedule.ics").content)
    assert len(calendar.walk("VEVENT")) == 26
    current = icalendar.Calendar.from_ical(client.get("/en/conference/schedule.ics").content)
    assert {str(event["summary"]) for event in current.walk("VEVENT")} >= {
        "Opening: what has changed since the first conference"
    }
    assert len(current.walk("VEVENT")) == 9


def test_the_current_editions_own_address_leads_to_the_section(client, upcoming):
    response = client.get(f"/en/conference/editions/{UPCOMING_SLUG}/schedule/", {"day": "x"})
    assert response.status_code == 302
    assert response["Location"] == "/en/conference/schedule/?day=x"
    assert client.get(f"/en/conference/editions/{UPCOMING_SLUG}/")["Location"] == "/en/conference/"
    assert client.get("/en/conference/editions/no-such-edition/").status_code == 404


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
def test_a_past_sessions_page_says_which_edition_it_belongs_to_and_that_it_is_archived(client, upcoming, language):
    html = client.get(f"/{language}/conference/sessions/OK1703/").content.decode()
    assert f'{SESSION_ARCHIVED[language]} <a href="/{language}{EDITION_2017}">{NAME_2017[language]}</a>' in html
    assert f'<a href="/{language}{EDITION_2017}schedule/">' in html  # the breadcrumbs lead to its own schedule
    notice = html.split('class="notice edition-notice"')[1].split("</p>")[0]
    assert ".." not in notice  # "25 лютого 2017 р." ends a date, not the sentence
    current = client.get(f"/{language}/conference/sessions/OKDE01/").content.decode()
    assert SESSION_ARCHIVED[language] not in current


def test_the_sitemap_lists_the_archive_and_the_past_editions_only(client, upcoming):
    sitemap = client.get("/sitemap.xml").content.decode()
    for language in ("pl", "en", "uk", "ru"):
        assert f"http://testserver/{language}/conference/archive/</loc>" in sitemap
        assert f"http://testserver/{language}{EDITION_2017}</loc>" in sitemap
        assert f"http://testserver/{language}{EDITION_2017}schedule/</loc>" in sitemap
    assert f"/editions/{UPCOMING_SLUG}/" not in sitemap


def test_loading_the_demo_again_keeps_one_upcoming_edition_and_its_registrations(upcoming, monkeypatch):
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
