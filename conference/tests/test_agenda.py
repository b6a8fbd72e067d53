"""The personal agenda without an account: star sessions, take the live calendar, survive tampering."""

import datetime
import re

import icalendar
import pytest

from conference import agenda
from conference.models import Session

pytestmark = pytest.mark.integration


def star(client, code, **extra):
    return client.post("/en/conference/agenda/star/", {"session": code, "next": "/en/conference/schedule/", **extra})


def test_starring_three_sessions_gives_a_live_calendar(client, admin_client, demo):
    for code in ("OKDE01", "OKDE04", "OKDE06"):  # sessions of the current edition, on its schedule
        response = star(client, code)
        assert response.status_code == 302
        assert response["Location"] == f"/en/conference/schedule/#session-{code}"
    schedule = client.get("/en/conference/schedule/").content.decode()
    assert schedule.count("★ In my agenda") == 3
    token = client.cookies[agenda.COOKIE].value
    page = client.get(f"/en/conference/agenda/{token}/").content.decode()
    ics_url = re.search(r'href="(http://testserver/en/conference/agenda/[^"]+\.ics)"', page).group(1)
    calendar = icalendar.Calendar.from_ical(client.get(ics_url).content)
    assert len(calendar.walk("VEVENT")) == 3

    # An editor moves one of them; the same subscription address shows the new time.
    session = Session.objects.get(code="OKDE04")
    session.start += datetime.timedelta(hours=5)
    session.end += datetime.timedelta(hours=5)
    session.save()
    calendar = icalendar.Calendar.from_ical(client.get(ics_url).content)
    moved = next(e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith(str(session.guid)))
    assert moved.decoded("dtstart") == session.start


def test_starring_again_removes_the_session(client, demo):
    star(client, "OK1701")
    star(client, "OK1702")
    star(client, "OK1701")
    assert agenda.read_token(client.cookies[agenda.COOKIE].value) == ["OK1702"]


def test_unstarring_on_the_agenda_page_returns_to_the_new_agenda(client, demo):
    star(client, "OK1701")
    star(client, "OK1702")
    token = client.cookies[agenda.COOKIE].value
    response = star(client, "OK1701", agenda=token, from_agenda="1")
    assert response["Location"].startswith("/en/conference/agenda/")
    assert agenda.read_token(response["Location"].split("/")[4]) == ["OK1702"]


@pytest.mark.parametrize("token", ["garbage", agenda.make_token(["OK1701"])[:-3] + "abc", "x" * 5000])
def test_tampered_agenda_gets_a_translated_400(client, demo, token):
    response = client.get(f"/uk/conference/agenda/{token}/")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Це посилання на розклад не працює" in html
    assert 'href="/uk/conference/schedule/"' in html
    assert client.get(f"/uk/conference/agenda/{token}.ics").status_code == 400


def test_expired_agenda_gets_a_400(client, demo, monkeypatch):
    token = agenda.make_token(["OK1701"])
    monkeypatch.setattr(agenda, "MAX_AGE", -1)
    assert client.get(f"/en/conference/agenda/{token}/").status_code == 400


def test_starring_an_unknown_session_is_a_404(client, demo):
    assert star(client, "NOPE99").status_code == 404


def test_star_ignores_a_foreign_next_address(client, demo):
    response = client.post("/en/conference/agenda/star/", {"session": "OK1701", "next": "https://evil.example.org/"})
    assert response["Location"] == "/en/conference/schedule/#session-OK1701"
