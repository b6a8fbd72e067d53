"""One current edition and an archive of past ones: the next edition that has not ended is current, those that
have ended are archived.

Past editions keep their overview, schedule, change log and exports under editions/<slug>/; their sessions say
which edition they belong to. (That loading the demo again keeps one upcoming edition is a demo smoke test, in
test_demo.py.)
"""

import datetime
import re

import icalendar
import pytest

from conference.models import Conference, Session
from conference.tests.factories import (
    ConferenceFactory,
    SessionFactory,
    publish_changes,
)

pytestmark = pytest.mark.integration

PAST_SLUG = "krakow-2017"
EDITION = f"/conference/editions/{PAST_SLUG}/"
PAST_NAMES = {
    "pl": "Konferencja „Otwarty Kraków” 2017",
    "en": "Open Kraków Conference 2017",
    "uk": "Конференція «Відкритий Краків» 2017",
    "ru": "Конференция «Открытый Краков» 2017",
}
NEXT_NAMES = {"pl": "Następna edycja", "en": "The next edition", "uk": "Наступна конференція", "ru": "Следующая"}
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


class Editions:
    """A past edition (23–25 February 2017), the upcoming one, and one a year later, each with its sessions."""

    def __init__(self):
        self.past = ConferenceFactory(past=True, slug=PAST_SLUG, names=PAST_NAMES)
        self.upcoming = ConferenceFactory(slug="krakow-next", names=NEXT_NAMES)
        self.later = ConferenceFactory(
            slug="krakow-later",
            start_date=self.upcoming.start_date + datetime.timedelta(days=365),
            names={"en": "A later edition"},
        )
        titles = {"pl": "Sesja", "en": "Session", "uk": "Сесія", "ru": "Сессия"}
        self.past_sessions = [SessionFactory(conference=self.past, titles=titles) for _ in range(3)]
        self.upcoming_sessions = [SessionFactory(conference=self.upcoming, titles=titles) for _ in range(2)]
        SessionFactory(conference=self.later)


@pytest.fixture
def editions(db) -> Editions:
    return Editions()


def test_the_current_edition_is_the_upcoming_one(client, editions):
    assert Conference.objects.upcoming_or_latest() == editions.upcoming
    html = client.get("/en/conference/").content.decode()
    assert "<h1>The next edition</h1>" in html
    assert PAST_NAMES["en"] not in html and "A later edition" not in html
    assert codes(client.get("/en/conference/schedule/").content.decode()) == {
        s.code for s in editions.upcoming_sessions
    }
    assert 'href="/en/conference/archive/"' in html  # the overview links the archive


def test_without_an_upcoming_edition_the_latest_past_one_is_current(client, db):
    ConferenceFactory(past=True, slug="older", start_date=datetime.date(2016, 2, 23), names={"en": "Older"})
    latest = ConferenceFactory(past=True, slug=PAST_SLUG, names=PAST_NAMES)
    assert Conference.objects.upcoming_or_latest() == latest
    assert f"<h1>{PAST_NAMES['en']}</h1>" in client.get("/en/conference/").content.decode()


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
def test_the_archive_lists_the_past_edition_and_not_the_upcoming_ones(client, editions, language):
    response = client.get(f"/{language}/conference/archive/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{PAST_EDITIONS[language]}</h1>" in html
    assert f'<a href="/{language}{EDITION}">{PAST_NAMES[language]}</a>' in html
    assert f'href="/{language}{EDITION}schedule/"' in html
    assert "/editions/krakow-next/" not in html
    assert "/editions/krakow-later/" not in html


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
def test_the_past_overview_and_schedule_are_in_the_archive_with_their_sessions(client, editions, language):
    overview = client.get(f"/{language}{EDITION}")
    html = overview.content.decode()
    assert overview.status_code == 200
    assert f"<h1>{PAST_NAMES[language]}</h1>" in html
    assert ARCHIVED[language] in html
    assert '<time datetime="2017-02-23">' in html
    assert f'href="/{language}{EDITION}schedule/?day=2017-02-24"' in html
    schedule = client.get(f"/{language}{EDITION}schedule/")
    assert schedule.status_code == 200
    assert codes(schedule.content.decode()) == {s.code for s in editions.past_sessions}
    assert f'action="/{language}{EDITION}schedule/"' in schedule.content.decode()
    assert f'href="/{language}{EDITION}schedule.ics"' in schedule.content.decode()


def test_the_past_schedule_filters_stay_in_that_edition(client, editions):
    ukrainian = SessionFactory(conference=editions.past, spoken_language="uk")
    SessionFactory(conference=editions.upcoming, spoken_language="uk")  # the same filter, another edition
    html = client.get(f"/en{EDITION}schedule/", {"day": "2017-02-23", "lang": "uk"}).content.decode()
    assert codes(html) == {ukrainian.code}
    assert "Some filter values were not understood" not in html
    ignored = client.get(f"/en{EDITION}schedule/", {"day": editions.upcoming.start_date.isoformat()})
    assert "Some filter values were not understood" in ignored.content.decode()  # a day of another edition
    assert codes(ignored.content.decode()) == {s.code for s in editions.past_sessions} | {ukrainian.code}


def test_the_past_change_log_and_exports_are_archived_too(client, editions):
    moved, cancelled = editions.past_sessions[:2]
    publish_changes(editions.past, moved=moved, cancelled=cancelled, notes={"en": "One moves, one is cancelled."})
    changes = client.get(f"/en{EDITION}changes/").content.decode()
    assert "One moves, one is cancelled." in changes
    assert "One moves, one is cancelled." not in client.get("/en/conference/changes/").content.decode()
    calendar = icalendar.Calendar.from_ical(client.get(f"/en{EDITION}schedule.ics").content)
    uids = {str(event["uid"]) for event in calendar.walk("VEVENT")}
    assert uids == {f"{s.guid}@openkrakow" for s in editions.past_sessions}  # the cancelled one too, so marked
    current = icalendar.Calendar.from_ical(client.get("/en/conference/schedule.ics").content)
    assert {str(event["uid"]) for event in current.walk("VEVENT")} == {
        f"{s.guid}@openkrakow" for s in editions.upcoming_sessions
    }


def test_the_current_editions_own_address_leads_to_the_section(client, editions):
    response = client.get("/en/conference/editions/krakow-next/schedule/", {"day": "x"})
    assert response.status_code == 302
    assert response["Location"] == "/en/conference/schedule/?day=x"
    assert client.get("/en/conference/editions/krakow-next/")["Location"] == "/en/conference/"
    assert client.get("/en/conference/editions/no-such-edition/").status_code == 404


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
def test_a_past_sessions_page_says_which_edition_it_belongs_to_and_that_it_is_archived(client, editions, language):
    past = Session.objects.get(pk=editions.past_sessions[0].pk)
    html = client.get(f"/{language}/conference/sessions/{past.code}/").content.decode()
    assert f'{SESSION_ARCHIVED[language]} <a href="/{language}{EDITION}">{PAST_NAMES[language]}</a>' in html
    assert f'<a href="/{language}{EDITION}schedule/">' in html  # the breadcrumbs lead to its own schedule
    notice = html.split('class="notice edition-notice"')[1].split("</p>")[0]
    assert ".." not in notice  # "25 лютого 2017 р." ends a date, not the sentence
    current = client.get(f"/{language}/conference/sessions/{editions.upcoming_sessions[0].code}/").content.decode()
    assert SESSION_ARCHIVED[language] not in current
    assert "edition-notice" not in current


def test_the_sitemap_lists_the_archive_and_the_past_editions_only(client, editions):
    sitemap = client.get("/sitemap.xml").content.decode()
    for language in ("pl", "en", "uk", "ru"):
        assert f"http://testserver/{language}/conference/archive/</loc>" in sitemap
        assert f"http://testserver/{language}{EDITION}</loc>" in sitemap
        assert f"http://testserver/{language}{EDITION}schedule/</loc>" in sitemap
    assert "/editions/krakow-next/" not in sitemap
    assert "/editions/krakow-later/" not in sitemap
