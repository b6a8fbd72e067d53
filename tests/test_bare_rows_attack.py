"""Attack on the bare rows (core.cache.rows_for_parts): exploration."""

import datetime

import pytest
from django.core.cache import caches

from conference.models import Session
from conference.tests.factories import (
    WARSAW,
    ConferenceFactory,
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    TrackFactory,
    VenueFactory,
    translate,
)

pytestmark = pytest.mark.integration

LANGUAGES = ["en", "uk", "ru", "pl"]


@pytest.fixture(autouse=True)
def parts_without_pages(settings):
    settings.PAGE_CACHE = True
    settings.PAGE_CACHE_KEEP_PAGES = False
    settings.PAGE_CACHE_CHECK_SECONDS = 60
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def body(client, url) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content


def make_edition(**conference_fields):
    conference = ConferenceFactory(**conference_fields)
    ten = datetime.datetime.combine(conference.start_date, datetime.time(10), tzinfo=WARSAW)
    hall = VenueFactory(name_en="Town Hall", name_uk="Ратуша", name_ru="Ратуша-ру", slug=f"hall-{conference.slug}")
    blue = RoomFactory(venue=hall, name_en="Blue room", name_ru="Синяя комната")
    green = RoomFactory(venue=hall, name_en="Green room")
    track = TrackFactory(name_en="Schools", name_ru="Школы-ру", slug=f"schools-{conference.slug}")
    hour = datetime.timedelta(hours=1)
    ola = SpeakerFactory(name="Ola Nowak")
    sessions = [
        SessionFactory(
            conference=conference, room=blue, start=ten, end=ten + hour, track=track,
            titles={"pl": "Smog", "en": "Smog EN", "ru": "Смог по-русски"}, interpretation=["uk"], speakers=[ola],
        ),
        SessionFactory(
            conference=conference, room=green, start=ten, end=ten + hour,
            titles={"pl": "Woda", "uk": "Вода українською"}, spoken_language="uk",
        ),
        SessionFactory(
            conference=conference, room=blue, start=ten + 2 * hour, end=ten + 3 * hour,
            titles={"pl": "Tylko po polsku", "ru": "Только по-русски"}, spoken_language="ru",
        ),
        SessionFactory(
            conference=conference, room=green, start=ten + datetime.timedelta(days=1), end=ten + datetime.timedelta(days=1, hours=1),
            titles={"pl": "Drugi dzień"}, track=track,
        ),
    ]
    Session.objects.filter(pk=sessions[2].pk).update(state=Session.State.CANCELLED)
    return conference, sessions


def addresses(conference, prefix="/{}/conference/"):
    day = conference.start_date.isoformat()
    return [
        prefix + "schedule/",
        prefix + f"schedule/?day={day}",
        prefix + "schedule/?lang=uk",
        prefix + "schedule/?venue=" + f"hall-{conference.slug}",
        prefix + "schedule/?track=" + f"schools-{conference.slug}",
        prefix + "schedule/?day=nonsense&track=nothing",
        prefix + "schedule.ics",
        prefix + "schedule.ics?lang=uk",
        prefix + "schedule.xml",
        prefix + "schedule.xml?lang=ru",
    ]


def test_explore_bytes(client, db, settings):
    conference, _ = make_edition()
    urls = [u.format(lang) for lang in LANGUAGES for u in addresses(conference)]
    bare = {u: body(client, u) for u in urls}
    again = {u: body(client, u) for u in reversed(urls)}
    settings.PAGE_CACHE = False
    whole = {u: body(client, u) for u in urls}
    diffs = [u for u in urls if not (bare[u] == again[u] == whole[u])]
    assert not diffs


@pytest.mark.parametrize("cache_on", [True, False])
def test_explore_ru_only_ics(client, db, settings, cache_on):
    settings.PAGE_CACHE = cache_on
    conference, _ = make_edition()
    SessionFactory(conference=conference, titles={"ru": "Только по-русски"})
    client.raise_request_exception = False
    for lang in LANGUAGES:
        for u in ("/{}/conference/schedule/", "/{}/conference/schedule.ics", "/{}/conference/schedule.xml", "/{}/conference/schedule.json"):
            r = client.get(u.format(lang))
            print(lang, u, r.status_code)
