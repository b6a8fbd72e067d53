"""The schedule as a guide during the conference: the key to its labels, the bar of days and "now and next"."""

import datetime
import re

import pytest

from conference import agenda
from conference.tests.factories import (
    WARSAW,
    ConferenceFactory,
    RoomFactory,
    SessionFactory,
    TrackFactory,
    VenueFactory,
)

pytestmark = pytest.mark.integration

# The key's explanation of an interpretation chip, as each language says it.
INTERPRETED_MEANS = {
    "en": "Interpreted into this language",
    "pl": "Tłumaczenie na ten język",
    "uk": "Переклад цією мовою",
    "ru": "Перевод на этот язык",
}
SPOKEN_MEANS = {
    "en": "The language the session is held in",
    "pl": "Język, w którym prowadzona jest sesja",
    "uk": "Мова, якою проходить сесія",
    "ru": "Язык, на котором проходит сессия",
}


def section(html: str, heading_id: str) -> str:
    """A <section> of the page, from its heading to its end, with its runs of white space as single spaces."""
    return " ".join(html.split(f'id="{heading_id}"')[1].split("</section>")[0].split())


def freeze(monkeypatch, moment: datetime.datetime) -> None:
    monkeypatch.setattr("django.utils.timezone.now", lambda: moment)


@pytest.fixture
def conference(db):
    """A conference with two sessions in parallel rooms at 10:00, one at 11:30, and one on its second day."""
    conference = ConferenceFactory()
    ten = datetime.datetime.combine(conference.start_date, datetime.time(10), tzinfo=WARSAW)
    town_hall = VenueFactory(name_en="Town Hall", name_uk="Ратуша")
    blue, green = RoomFactory(venue=town_hall, name_en="Blue room"), RoomFactory(venue=town_hall, name_en="Green room")
    hour = datetime.timedelta(hours=1)
    track = TrackFactory(name_en="Schools")
    SessionFactory(
        conference=conference,
        room=blue,
        start=ten,
        end=ten + hour,
        titles={"en": "Running now"},
        track=track,
        interpretation=["uk"],
    )
    SessionFactory(conference=conference, room=green, start=ten, end=ten + hour, titles={"en": "Also running"})
    SessionFactory(
        conference=conference, room=blue, start=ten + 1.5 * hour, end=ten + 2 * hour, titles={"en": "Coming next"}
    )
    SessionFactory(
        conference=conference, room=green, start=ten + 24 * hour, end=ten + 25 * hour, titles={"en": "Second day talk"}
    )
    return conference


def at(conference, hours: int, minutes: int = 0, *, day: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(
        conference.start_date + datetime.timedelta(days=day), datetime.time(hours, minutes), tzinfo=WARSAW
    )


@pytest.mark.parametrize("language", ["en", "pl", "uk", "ru"])
def test_the_schedule_has_a_key_to_its_language_chips_in_each_language(client, conference, language):
    html = client.get(f"/{language}/conference/schedule/").content.decode()
    key = html.split('<dl class="chip-key">')[1].split("</dl>")[0]
    assert '<span class="badge badge-interpreted">' in key and "→" in key
    assert INTERPRETED_MEANS[language] in key
    assert SPOKEN_MEANS[language] in key


def test_the_agenda_has_the_key_too(client, conference):
    token = agenda.make_token([conference.sessions.first().code])
    html = client.get(f"/uk/conference/agenda/{token}/").content.decode()
    assert INTERPRETED_MEANS["uk"] in html.split('<dl class="chip-key">')[1].split("</dl>")[0]


def test_the_day_bar_links_to_each_day_shown(client, conference):
    html = client.get("/en/conference/schedule/").content.decode()
    bar = html.split('<nav class="day-bar"')[1].split("</nav>")[0]
    targets = re.findall(r'href="#([^"]+)"', bar)
    first, second = (conference.start_date + datetime.timedelta(days=n) for n in range(2))
    assert targets == [f"day-{first.isoformat()}", f"day-{second.isoformat()}"]
    for target in targets:
        assert html.count(f'id="{target}"') == 1
    assert "aria-current" not in bar  # the conference has not begun


def test_the_day_bar_marks_today_while_the_conference_runs(client, conference, monkeypatch):
    freeze(monkeypatch, at(conference, 10, 40, day=1))
    bar = client.get("/en/conference/schedule/").content.decode().split('<nav class="day-bar"')[1].split("</nav>")[0]
    today = (conference.start_date + datetime.timedelta(days=1)).isoformat()
    assert re.findall(r'<a href="#([^"]+)" aria-current="date"', bar) == [f"day-{today}"]


@pytest.mark.parametrize("rows_kept", [False, True], ids=["sessions read whole", "rows kept, sessions read bare"])
def test_now_and_next_shows_where_each_running_session_is_and_when_the_next_starts(
    client, conference, monkeypatch, settings, rows_kept
):
    if rows_kept:  # as on a miss in production: the page is rendered, its schedule rows are kept ones
        settings.PAGE_CACHE, settings.PAGE_CACHE_KEEP_PAGES = True, False
        client.get("/en/conference/schedule/")
    freeze(monkeypatch, at(conference, 10, 40))
    panel = section(client.get("/en/conference/schedule/").content.decode(), "now-heading")
    now, upcoming = panel.split(">Next<")
    assert "Running now" in now and "Also running" in now
    assert "Town Hall" in now and "Blue room" in now and "Green room" in now
    assert "Schools" in now  # the track
    assert "→ Ukrainian" in now  # its language chips
    assert ">10:00</time>–<time" in now and ">11:00</time>" in now  # the time range
    assert "Coming next" in upcoming and "Second day talk" not in upcoming
    assert ">11:30</time>" in upcoming
    assert "in 50 minutes" in upcoming
    uk = section(client.get("/uk/conference/schedule/").content.decode(), "now-heading")
    assert "Ратуша" in uk and "через 50 хвилин" in uk


def test_between_sessions_the_panel_says_when_the_next_one_starts(client, conference, monkeypatch):
    freeze(monkeypatch, at(conference, 11, 10))
    panel = section(client.get("/en/conference/schedule/").content.decode(), "now-heading")
    assert "Nothing is on right now." in panel
    assert "Coming next" in panel and ">11:30</time>" in panel and "in 20 minutes" in panel
    assert "Running now" not in panel
    pl = section(client.get("/pl/conference/schedule/").content.decode(), "now-heading")
    assert "za 20 minut" in pl


def test_after_the_last_session_of_a_day_the_next_is_on_the_next_day(client, conference, monkeypatch):
    freeze(monkeypatch, at(conference, 18))
    panel = section(client.get("/en/conference/schedule/").content.decode(), "now-heading")
    assert "Nothing is on right now." in panel
    tomorrow = conference.start_date + datetime.timedelta(days=1)
    assert "Second day talk" in panel
    assert f"{tomorrow.day} {tomorrow:%B}, 10:00</time>" in panel


def test_before_the_conference_the_panel_says_when_it_begins(client, conference):
    panel = section(client.get("/en/conference/schedule/").content.decode(), "now-heading")
    start = conference.start_date
    assert (
        f'The conference begins on <time datetime="{start.isoformat()}">{start.day} {start:%B} {start.year}</time>.'
        in panel
    )
    assert "Running now" not in panel and "Coming next" not in panel
    uk = section(client.get("/uk/conference/schedule/").content.decode(), "now-heading")
    assert "Конференція розпочнеться" in uk


def test_after_the_conference_the_panel_says_it_has_ended(client, conference, monkeypatch):
    freeze(monkeypatch, at(conference, 9, day=3))
    panel = section(client.get("/en/conference/schedule/").content.decode(), "now-heading")
    assert "This conference has ended." in panel
    assert "Second day talk" not in panel


def test_a_past_editions_schedule_has_no_live_panel_but_keeps_its_key(client, conference):
    past = ConferenceFactory(past=True)
    SessionFactory(conference=past, titles={"en": "An old talk"})
    html = client.get(f"/en/conference/editions/{past.slug}/schedule/").content.decode()
    assert "An old talk" in html
    assert 'id="now-heading"' not in html
    assert '<dl class="chip-key">' in html
