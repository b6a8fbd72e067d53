"""The personal agenda without an account: star sessions, take the live calendar, survive tampering."""

import datetime
import re

import icalendar
import pytest

from conference import agenda
from conference.models import Session
from conference.tests.factories import ConferenceFactory, SessionFactory

pytestmark = pytest.mark.integration


def star(client, code, **extra):
    return client.post("/en/conference/agenda/star/", {"session": code, "next": "/en/conference/schedule/", **extra})


@pytest.fixture
def sessions(db) -> list[Session]:
    """Four sessions of the current conference, an hour apart."""
    conference = ConferenceFactory()
    return [SessionFactory(conference=conference, titles={"en": f"Session {n}"}) for n in range(4)]


def test_starring_three_sessions_gives_a_live_calendar(client, sessions):
    starred = sessions[:3]
    for session in starred:
        response = star(client, session.code)
        assert response.status_code == 302
        assert response["Location"] == f"/en/conference/schedule/#session-{session.code}"
    schedule = client.get("/en/conference/schedule/").content.decode()
    assert schedule.count("★ In my agenda") == 3
    token = client.cookies[agenda.COOKIE].value
    assert sorted(agenda.read_token(token)) == sorted(s.code for s in starred)
    page = client.get(f"/en/conference/agenda/{token}/").content.decode()
    ics_url = re.search(r'href="(http://testserver/en/conference/agenda/[^"]+\.ics)"', page).group(1)
    calendar = icalendar.Calendar.from_ical(client.get(ics_url).content)
    assert sorted(str(e["summary"]) for e in calendar.walk("VEVENT")) == ["Session 0", "Session 1", "Session 2"]

    # An editor moves one of them; the same subscription address shows the new time.
    session = Session.objects.get(pk=starred[1].pk)
    session.start += datetime.timedelta(hours=5)
    session.end += datetime.timedelta(hours=5)
    session.save()
    calendar = icalendar.Calendar.from_ical(client.get(ics_url).content)
    moved = next(e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith(str(session.guid)))
    assert moved.decoded("dtstart") == session.start


def test_starring_again_removes_the_session(client, sessions):
    first, second = sessions[:2]
    star(client, first.code)
    star(client, second.code)
    star(client, first.code)
    assert agenda.read_token(client.cookies[agenda.COOKIE].value) == [second.code]


def test_unstarring_on_the_agenda_page_returns_to_the_new_agenda(client, sessions):
    first, second = sessions[:2]
    star(client, first.code)
    star(client, second.code)
    token = client.cookies[agenda.COOKIE].value
    response = star(client, first.code, agenda=token, from_agenda="1")
    assert response["Location"].startswith("/en/conference/agenda/")
    assert agenda.read_token(response["Location"].split("/")[4]) == [second.code]


@pytest.mark.parametrize(
    "token",
    ["garbage", agenda.make_token(["ABC123"])[:-3] + "abc", "x" * 5000],
    ids=["garbage", "tampered", "too-long"],
)
def test_tampered_agenda_gets_a_translated_400(client, sessions, token):
    response = client.get(f"/uk/conference/agenda/{token}/")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Це посилання на розклад не працює" in html
    assert 'href="/uk/conference/schedule/"' in html
    assert client.get(f"/uk/conference/agenda/{token}.ics").status_code == 400


def test_expired_agenda_gets_a_400(client, sessions, monkeypatch):
    token = agenda.make_token([sessions[0].code])
    assert client.get(f"/en/conference/agenda/{token}/").status_code == 200
    monkeypatch.setattr(agenda, "MAX_AGE", -1)
    assert client.get(f"/en/conference/agenda/{token}/").status_code == 400


def test_starring_an_unknown_session_is_a_404(client, sessions):
    assert star(client, "NOPE99").status_code == 404
    assert agenda.COOKIE not in client.cookies


def test_star_ignores_a_foreign_next_address(client, sessions):
    code = sessions[0].code
    response = client.post("/en/conference/agenda/star/", {"session": code, "next": "https://evil.example.org/"})
    assert response["Location"] == f"/en/conference/schedule/#session-{code}"
