"""The schedule's "now and next" at its edges: the last second of a session, the midnight between two days, and the
sentence before the conference in the languages whose dates end with an abbreviation ("2027 р.", "2027 г.")."""

import datetime
import re

import pytest

from conference.tests.test_schedule_live import at, conference, freeze, section  # noqa: F401 (the fixture)

pytestmark = pytest.mark.integration


def panel(client, language="en") -> str:
    return section(client.get(f"/{language}/conference/schedule/").content.decode(), "now-heading")


def test_in_its_last_second_a_session_is_on_and_at_its_end_it_is_not(client, conference, monkeypatch):  # noqa: F811
    freeze(monkeypatch, at(conference, 10, 59) + datetime.timedelta(seconds=59))
    now = panel(client).split(">Next<")[0]
    assert "Running now" in now
    freeze(monkeypatch, at(conference, 11))
    now, upcoming = panel(client).split(">Next<")
    assert "Running now" not in now and "Nothing is on right now." in now
    assert "Coming next" in upcoming and "in 30 minutes" in upcoming


def test_at_midnight_the_next_day_is_today_and_its_first_session_is_next(client, conference, monkeypatch):  # noqa: F811
    freeze(monkeypatch, at(conference, 0, day=1))
    html = client.get("/en/conference/schedule/").content.decode()
    today = (conference.start_date + datetime.timedelta(days=1)).isoformat()
    assert re.findall(r'<a href="#([^"]+)" aria-current="date"', html) == [f"day-{today}"]
    upcoming = section(html, "now-heading").split(">Next<")[1]
    assert "Second day talk" in upcoming and ">10:00</time> · in 10 hours" in upcoming


@pytest.mark.parametrize(("language", "abbreviation"), [("uk", "р."), ("ru", "г.")])
def test_the_sentence_before_the_conference_ends_with_one_period(client, conference, language, abbreviation):  # noqa: F811
    text = re.sub(r"<[^>]+>", "", panel(client, language))
    assert f"{conference.start_date.year} {abbreviation}" in text
    assert f"{abbreviation}." not in text
