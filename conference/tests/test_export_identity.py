"""Schedule exports that never mislead a schedule app: no cancelled session among the scheduled ones, a new ETag and
Last-Modified for any change to what an export shows, the same identifiers in every language, and a moved session's
previous start in its JSON-LD."""

import datetime
import json

import icalendar
import pytest
from django.apps import apps
from django.core.cache import caches
from django.utils.http import parse_http_date
from lxml import etree
from lxml import html as lxml_html

from conference.models import Conference, ScheduleVersion, Session
from conference.services import publish_schedule_version
from conference.tests.factories import (
    WARSAW,
    ConferenceFactory,
    RoomFactory,
    SessionFactory,
    SessionTypeFactory,
    SpeakerFactory,
    TrackFactory,
    publish_changes,
)

pytestmark = pytest.mark.integration

LANGUAGES = ["pl", "en", "uk", "ru"]
EDITIONS = ["conference", "conference/editions/krakow-2017"]
ARCHIVE = "conference/editions/krakow-2017"


# In words: a digit would give a Cyrillic title an ASCII slug.
UKRAINIAN_NUMBERS = ["нуль", "один", "два", "три"]
RUSSIAN_NUMBERS = ["ноль", "один", "два", "три"]


class Editions:
    """The current edition and a past one, each with sessions in several rooms, with tracks, types and speakers,
    titled in every language; one session of each is written in Ukrainian first. In the past edition's second
    schedule version one session moved three hours later and one was cancelled."""

    def __init__(self):
        self.current = ConferenceFactory(slug="current", names={"en": "Current conference", "pl": "Konferencja"})
        self.past = ConferenceFactory(past=True, slug="krakow-2017", names={"en": "Past conference"})
        track = TrackFactory(name_en="Diversity")
        workshop = SessionTypeFactory(slug="workshop", name_en="Workshop", name_pl="Warsztat")
        rooms = [RoomFactory(), RoomFactory()]
        sessions = {self.current: [], self.past: []}
        for conference, made in sessions.items():
            nine = datetime.datetime.combine(conference.start_date, datetime.time(9), tzinfo=WARSAW)
            for n in range(4):
                session = SessionFactory(
                    conference=conference,
                    start=nine + datetime.timedelta(hours=n),
                    room=rooms[n % 2],
                    track=track if n % 2 else None,
                    session_type=workshop if n == 3 else SessionTypeFactory(),
                    source_language="uk" if n == 0 else "pl",
                    titles={
                        "pl": f"Polski tytuł {n}",
                        "en": f"English title {n}",
                        "uk": f"Український заголовок {UKRAINIAN_NUMBERS[n]}",
                        "ru": f"Русский заголовок {RUSSIAN_NUMBERS[n]}",
                    },
                    speakers=[SpeakerFactory(), SpeakerFactory()] if n else [],
                )
                made.append(session)
        self.unchanged, self.moved, self.cancelled = sessions[self.past][1:]
        publish_changes(self.past, moved=self.moved, cancelled=self.cancelled)


@pytest.fixture
def editions(db) -> Editions:
    return Editions()


def xml_events(client, url):
    return etree.fromstring(client.get(url).content).findall("day/room/event")


def json_events(client, url):
    data = json.loads(client.get(url).content)
    return [e for day in data["schedule"]["conference"]["days"] for room in day["rooms"].values() for e in room]


# 1. Cancelled sessions: frab and c3voc have no status, so they are left out (as pretalx does, and as EventFahrplan
#    reads a session that disappears); the iCalendar export keeps them, with STATUS:CANCELLED.


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_cancelled_session_is_not_among_the_scheduled_ones_in_any_language(client, editions, language):
    base = f"/{language}/{ARCHIVE}"
    in_xml = {event.get("code") for event in xml_events(client, f"{base}/schedule.xml")}
    in_json = {event["code"] for event in json_events(client, f"{base}/schedule.json")}
    scheduled = set(editions.past.sessions.values_list("code", flat=True))
    assert len(scheduled) == 4
    assert in_xml == in_json == scheduled - {editions.cancelled.code}
    calendar = icalendar.Calendar.from_ical(client.get(f"{base}/schedule.ics").content).walk("VEVENT")
    assert {str(e["uid"]): str(e["status"]) for e in calendar} == {
        f"{s.guid}@openkrakow": "CANCELLED" if s == editions.cancelled else "CONFIRMED"
        for s in editions.past.sessions.all()
    }


def test_cancelling_a_session_takes_it_out_of_the_app_exports_at_once(client, editions):
    session = editions.current.sessions.first()
    before = client.get("/uk/conference/schedule.json")
    assert session.code in {e["code"] for e in json_events(client, "/uk/conference/schedule.json")}
    session.state = Session.State.CANCELLED
    session.save()
    response = client.get("/uk/conference/schedule.json", headers={"if-none-match": before["ETag"]})
    assert response.status_code == 200
    assert session.code not in {e["code"] for e in json_events(client, "/uk/conference/schedule.json")}
    assert session.code not in {e.get("code") for e in xml_events(client, "/uk/conference/schedule.xml")}


# 2. Whatever an export shows, renamed, gives a new ETag and a later Last-Modified, through the page cache too.

PAST = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


def backdate_everything():
    """Every change time in the conference's tables set to the past, so that a change now is later to the second."""
    for model in apps.get_app_config("conference").get_models():
        stamps = {f.name: PAST for f in model._meta.concrete_fields if getattr(f, "auto_now", False)}
        if stamps:
            model.objects.update(**stamps)
    ScheduleVersion.objects.update(published_at=PAST)


def rename_room(session):
    session.room.name_en = "Renamed room"
    session.room.save()
    return "Renamed room"


def rename_venue(session):
    session.room.venue.name_en = "Renamed venue"
    session.room.venue.save()
    return "Renamed venue"


def rename_speaker(session):
    speaker = session.speakers.first()
    speaker.name = "Renamed Speaker"
    speaker.save()
    return "Renamed Speaker"


def rename_conference(session):
    conference = Conference.objects.get(pk=session.conference_id)
    conference.set_current_language("en")
    conference.name = "Renamed conference"
    conference.save()
    return "Renamed conference"


def rename_track(session):
    session.track.name_en = "Renamed track"
    session.track.save()
    return "Renamed track"


def rename_type(session):
    session.session_type.name_en = "Renamed type"
    session.session_type.save()
    return "Renamed type"


RENAMES = [rename_room, rename_venue, rename_speaker, rename_conference, rename_track, rename_type]
# The calendar shows the conference's name, and each session's venue and room; not speakers, tracks or types.
CASES = [(rename, export) for rename in RENAMES for export in ("schedule.xml", "schedule.json")] + [
    (rename, "schedule.ics") for rename in (rename_room, rename_venue, rename_conference)
]


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE = True
    caches["pages"].clear()
    yield
    caches["pages"].clear()


@pytest.mark.parametrize(("rename", "export"), CASES, ids=lambda value: getattr(value, "__name__", value))
def test_a_rename_gives_a_new_etag_and_a_later_last_modified(client, editions, page_cache, rename, export):
    url = f"/en/conference/{export}"
    backdate_everything()
    first = client.get(url)
    assert first.status_code == 200
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
    session = editions.current.sessions.exclude(track=None).first()
    assert session.speakers.exists()
    new_name = rename(session)
    assert new_name not in first.content.decode()

    again = client.get(url)  # the shared page cache has let go of the old export
    assert again.status_code == 200
    assert new_name in again.content.decode()
    conditional = client.get(url, headers={"if-none-match": first["ETag"]})
    assert conditional.status_code == 200, "an app holding the old ETag would keep the old name"
    assert new_name in conditional.content.decode()
    assert conditional["ETag"] != first["ETag"]
    assert parse_http_date(conditional["Last-Modified"]) > parse_http_date(first["Last-Modified"])
    since = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 200


def take_a_speaker_off(session):
    session.speakers.remove(session.speakers.first())


def delete_the_session(session):
    session.delete()


@pytest.mark.parametrize(
    ("remove", "export"),
    [(remove, export) for remove in (take_a_speaker_off, delete_the_session) for export in ("xml", "json")]
    + [(delete_the_session, "ics")],  # a calendar does not name speakers
    ids=lambda value: getattr(value, "__name__", value),
)
def test_a_removal_gives_a_later_last_modified_at_once(client, editions, page_cache, remove, export):
    """A removal leaves no newer change time behind, and comes within the same second: a client that sends only
    If-Modified-Since must still get the new export."""
    url = f"/uk/conference/schedule.{export}"
    first = client.get(url)
    session = editions.current.sessions.exclude(speakers=None).first()
    remove(session)
    since = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 200, "a client holding the old copy would keep it"
    assert since["ETag"] != first["ETag"]
    assert parse_http_date(since["Last-Modified"]) > parse_http_date(first["Last-Modified"])
    # And the new copy is stable: asked again with its own date or ETag, it has not changed.
    assert client.get(url, headers={"if-modified-since": since["Last-Modified"]}).status_code == 304
    assert client.get(url, headers={"if-none-match": since["ETag"]}).status_code == 304


def test_an_unchanged_export_still_answers_304(client, editions, page_cache):
    for url in ("/uk/conference/schedule.xml", f"/ru/{ARCHIVE}/schedule.json", "/pl/conference/schedule.ics"):
        first = client.get(url)
        assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
        assert client.get(url, headers={"if-modified-since": first["Last-Modified"]}).status_code == 304


def test_each_language_has_its_own_etag(client, editions):
    etags = {client.get(f"/{language}/conference/schedule.xml")["ETag"] for language in LANGUAGES}
    assert len(etags) == len(LANGUAGES)


# 3. The same identifiers in every language: only titles and texts change.


def xml_identifiers(client, url) -> set:
    root = etree.fromstring(client.get(url).content)
    found = {("room", room.get("guid")) for room in root.findall("day/room")}
    for event in root.findall("day/room/event"):
        found |= {("event", event.get("id"), event.get("guid"), event.get("code"), event.findtext("slug"))}
        found |= {("person", p.get("id"), p.get("guid")) for p in event.findall("persons/person")}
    return found


def json_identifiers(client, url) -> set:
    data = json.loads(client.get(url).content)["schedule"]["conference"]
    found = {("room", room["guid"]) for room in data["rooms"]}
    for day in data["days"]:
        for events in day["rooms"].values():
            for e in events:
                found |= {("event", str(e["id"]), e["guid"], e["code"], e["slug"])}
                found |= {("person", p["guid"]) for p in e["persons"]}
    return found


@pytest.mark.parametrize("edition", EDITIONS)
def test_identifiers_are_the_same_in_every_language(client, editions, edition):
    xml = {language: xml_identifiers(client, f"/{language}/{edition}/schedule.xml") for language in LANGUAGES}
    assert {kind for kind, *_ in xml["pl"]} == {"room", "event", "person"}
    assert all(found == xml["pl"] for found in xml.values())
    as_json = {language: json_identifiers(client, f"/{language}/{edition}/schedule.json") for language in LANGUAGES}
    assert {kind for kind, *_ in as_json["pl"]} == {"room", "event", "person"}
    assert all(found == as_json["pl"] for found in as_json.values())
    # The slug keeps a readable title in every language, also where the title is written in Cyrillic.
    slugs = [e.findtext("slug") for e in xml_events(client, f"/uk/{edition}/schedule.xml")]
    assert all(not slug.endswith("-session") and slug.count("-") >= 2 for slug in slugs), slugs
    assert len(set(slugs)) == len(slugs)
    assert any(slug.endswith("-english-title-0") for slug in slugs), slugs  # written in Ukrainian first


# 4. A moved session's JSON-LD says when it was to start before.


def json_ld(client, url) -> dict:
    tree = lxml_html.fromstring(client.get(url).content)
    return json.loads(tree.xpath("//script[@type='application/ld+json']")[0].text)


@pytest.mark.parametrize("language", ["en", "uk"])
def test_a_moved_session_says_its_previous_start(client, editions, language):
    data = json_ld(client, f"/{language}/conference/sessions/{editions.moved.code}/")
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    start = datetime.datetime.fromisoformat(data["startDate"])
    assert start == editions.moved.start
    assert datetime.datetime.fromisoformat(data["previousStartDate"]) == start - datetime.timedelta(hours=3)
    unchanged = json_ld(client, f"/{language}/conference/sessions/{editions.unchanged.code}/")
    assert "previousStartDate" not in unchanged
    assert "eventStatus" not in unchanged


def test_a_session_moved_only_to_another_room_is_not_rescheduled(client, editions):
    """schema.org's EventRescheduled is a new date and wants the previous one; a new room keeps the date."""
    conference = editions.current
    publish_schedule_version(conference=conference, notes={})
    session = conference.sessions.first()
    session.room = RoomFactory()
    session.save()
    publish_schedule_version(conference=conference, notes={})
    session.refresh_from_db()
    assert session.state == Session.State.MOVED
    data = json_ld(client, f"/en/conference/sessions/{session.code}/")
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert "previousStartDate" not in data
