"""An outsider's attack on the schedule parts kept per session and read bare (core.cache.rows_for_parts): what
tests/test_bare_rows.py leaves open. Each test names the defect (or the mutation of the code) it fails on."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conference.models import Session
from conference.tests.factories import (
    WARSAW,
    ConferenceFactory,
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    TrackFactory,
    VenueFactory,
)
from tests.test_bare_rows import PAGES

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("parts_without_pages")]

LANGUAGES = ["en", "uk", "ru", "pl"]


def body(client, url) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content


def text(client, url) -> str:
    return body(client, url).decode()


def make_edition(**conference_fields):
    """Two parallel sessions at 10:00 (one with texts in Polish, English and Russian, a track, interpretation and a
    speaker; one in Polish and Ukrainian), a cancelled one at 12:00 with Polish and Russian titles, and one on the
    second day; the venue, a room and the track have Russian names."""
    conference = ConferenceFactory(**conference_fields)
    ten = datetime.datetime.combine(conference.start_date, datetime.time(10), tzinfo=WARSAW)
    hall = VenueFactory(name_en="Town Hall", name_uk="Ратуша", name_ru="Ратуша-ру", slug=f"hall-{conference.slug}")
    blue = RoomFactory(venue=hall, name_en="Blue room", name_ru="Синяя комната")
    green = RoomFactory(venue=hall, name_en="Green room")
    track = TrackFactory(name_en="Schools", name_ru="Школы", slug=f"schools-{conference.slug}")
    hour = datetime.timedelta(hours=1)
    sessions = [
        SessionFactory(
            conference=conference,
            room=blue,
            start=ten,
            end=ten + hour,
            track=track,
            titles={"pl": "Smog", "en": "Smog in English", "ru": "Смог по-русски"},
            interpretation=["uk"],
            speakers=[SpeakerFactory(name="Ola Nowak")],
        ),
        SessionFactory(
            conference=conference,
            room=green,
            start=ten,
            end=ten + hour,
            titles={"pl": "Woda", "uk": "Вода українською"},
            spoken_language="uk",
        ),
        SessionFactory(
            conference=conference,
            room=blue,
            start=ten + 2 * hour,
            end=ten + 3 * hour,
            titles={"pl": "Tylko po polsku", "ru": "Только по-русски"},
            spoken_language="ru",
        ),
        SessionFactory(
            conference=conference,
            room=green,
            start=ten + datetime.timedelta(days=1),
            end=ten + datetime.timedelta(days=1, hours=1),
            titles={"pl": "Drugi dzień"},
            track=track,
        ),
    ]
    Session.objects.filter(pk=sessions[2].pk).update(state=Session.State.CANCELLED)
    return conference, sessions


def addresses(conference, prefix):
    return [
        prefix + "schedule/",
        prefix + f"schedule/?day={conference.start_date.isoformat()}",
        prefix + "schedule/?lang=uk",
        prefix + f"schedule/?venue=hall-{conference.slug}",
        prefix + f"schedule/?track=schools-{conference.slug}",
        prefix + "schedule/?day=nonsense&track=nothing&venue=",
        prefix + "schedule.ics",
        prefix + "schedule.ics?lang=uk",
        prefix + "schedule.xml",
        prefix + "schedule.xml?lang=ru",
    ]


RUSSIAN = ["Смог по-русски", "Только по-русски", "Синяя комната", "Ратуша-ру", "Школы"]


def _compare_bare_with_whole(client, settings, urls):
    bare = {url: body(client, url) for url in urls}
    kept = {url: body(client, url) for url in reversed(urls)}  # every part kept now, languages in another order
    settings.PAGE_CACHE = False  # read whole, keyed by every value
    whole = {url: body(client, url) for url in urls}
    assert [url for url in urls if not (bare[url] == kept[url] == whole[url])] == []
    ukrainian = [url for url in urls if (url.startswith("/uk/") or ".ics?lang=uk" in url) and "lang=ru" not in url]
    assert ukrainian
    for url in ukrainian:
        assert [word for word in RUSSIAN if word in bare[url].decode()] == [], url


def test_bare_pages_read_byte_for_byte_as_whole_ones_in_every_language_and_filter(client, db, settings):
    """A guard: the current and an archived edition, all four languages, filters and export languages. Fails on
    any difference between the bare and the whole path (e.g. a whole queryset that leaves out a related table)."""
    current, _ = make_edition()
    archived, _ = make_edition(past=True)
    urls = [
        url.format(language)
        for language in LANGUAGES
        for url in [
            *addresses(current, "/{}/conference/"),
            *addresses(archived, f"/{{}}/conference/editions/{archived.slug}/"),
        ]
    ]
    _compare_bare_with_whole(client, settings, urls)


def test_during_the_conference_bare_pages_read_as_whole_ones(client, db, settings, monkeypatch):
    conference, sessions = make_edition()
    moment = sessions[0].start + datetime.timedelta(minutes=30)
    monkeypatch.setattr("django.utils.timezone.now", lambda: moment)
    urls = [url.format(language) for language in LANGUAGES for url in addresses(conference, "/{}/conference/")[:3]]
    assert "Smog in English" in text(client, urls[0]).split('id="now-heading"')[1]
    _compare_bare_with_whole(client, settings, urls)


def test_a_page_whose_rows_are_all_kept_reads_the_sessions_bare_during_the_conference_too(
    client, db, monkeypatch, django_assert_num_queries
):
    """The "now and next" panel (live.NowAndNext.shown_from) reads whole only the sessions it shows: before, it
    read every session whole on every render during the conference, although all rows were kept (the ~500 model
    instances of 60 sessions that the bare read is to avoid, every minute, on the days the schedule is read most)."""
    conference, sessions = make_edition()
    url = "/en/conference/schedule/"
    text(client, url)
    with CaptureQueriesContext(connection) as before:
        text(client, url)  # before the conference, every row kept
    moment = sessions[0].start + datetime.timedelta(minutes=30)
    monkeypatch.setattr("django.utils.timezone.now", lambda: moment)
    text(client, url)
    with CaptureQueriesContext(connection) as during:
        text(client, url)
    # The bare read, then the running and next sessions only: by their ids, with their translations and speakers.
    assert len(during.captured_queries) == len(before.captured_queries) + 3, [q["sql"][:60] for q in during]
    panel = during.captured_queries[len(before.captured_queries)]["sql"]
    assert '"conference_session"."id" IN (' in panel


def test_an_export_is_rendered_in_the_reader_language_after_another_language(client, db):
    """A guard: the exports of one process in several languages, ?lang= included. (Leaving the language out of
    the key of exports._event or _frab_event is no defect: the session's address in the key has the language.)"""
    conference, _ = make_edition()
    for url in PAGES:
        assert "Smog in English" in text(client, url.format("en"))
    for url in [*(url.format("uk") for url in PAGES), "/en/conference/schedule.ics?lang=uk"]:
        page = text(client, url)
        assert "Smog in English" in page  # Ukrainian falls back to English...
        assert "Вода українською" in page and "Woda" not in page, url  # ...but shows its own texts
    for url in ["/en/conference/schedule.xml?lang=pl", *(url.format("pl") for url in PAGES)]:
        assert "Smog in English" not in text(client, url), url


def test_adding_an_existing_speaker_shows_at_once(client, db):
    """Fails when a change of the speakers relation alone (m2m_changed, here from the speaker's side) drops no kept
    row: test_bare_rows adds a new speaker, whose own save makes a new Speaker generation and hides it."""
    conference, sessions = make_edition()
    iryna = SpeakerFactory(name="Iryna Kowal")  # before anything is kept
    urls = [PAGES[0].format("en"), PAGES[2].format("en")]
    assert all("Iryna Kowal" not in text(client, url) for url in urls)
    iryna.sessions.add(sessions[1])
    assert all("Iryna Kowal" in text(client, url) for url in urls)
    sessions[0].speakers.clear()
    assert all("Ola Nowak" not in text(client, url) for url in urls)


def test_with_the_page_cache_off_an_edit_shows_at_once(client, db, settings):
    """Fails when the rows are read bare (keyed by generations) with the page cache off, where no save makes a new
    generation (core.cache.invalidate): test_bare_rows never edits anything with PAGE_CACHE=False."""
    settings.PAGE_CACHE = False
    conference, sessions = make_edition()
    for url in PAGES:
        text(client, url.format("en"))
    speaker = sessions[0].speakers.get()
    speaker.name = "Aleksandra Nowak"
    speaker.save()
    room = sessions[0].room
    room.name_en = "Yellow room"
    room.save()
    for url in PAGES:
        page = text(client, url.format("en"))
        assert "Yellow room" in page, url
        assert ".ics" in url or "Aleksandra Nowak" in page, url


def test_an_editor_sees_an_edit_at_once(client, admin_client, db):
    conference, sessions = make_edition()
    for url in PAGES:
        assert admin_client.get(url.format("en")).status_code == 200
    speaker = sessions[0].speakers.get()
    speaker.name = "Aleksandra Nowak"
    speaker.save()
    assert "Aleksandra Nowak" in admin_client.get(PAGES[0].format("en")).content.decode()


def test_a_visitor_without_the_page_cache_keeping_pages_sees_the_page_of_a_miss(client, db, settings):
    """Defect of PAGE_CACHE_KEEP_PAGES=False: the middleware returns before it drops the parameters a page does not
    read (_keep_only), so ?utm_source= reaches the view: the page's language links and every row's star link carry
    it (rows are kept per address with it), so the page differs from the miss a visitor gets with pages kept, make
    bench's "miss" is not that miss, and each new tracking value renders and keeps every row again."""
    make_edition()
    url = "/en/conference/schedule/?utm_source=newsletter"
    not_kept = text(client, url)
    settings.PAGE_CACHE_KEEP_PAGES = True
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert not_kept == response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/en/conference/schedule.ics",
        "/uk/conference/schedule.xml",
        "/pl/conference/schedule.json",
        "/uk/conference/sessions/{}/",
        "/en/conference/sessions/{}.ics",
    ],
)
def test_a_session_written_only_in_russian_is_no_error(client, db, url):
    """Defect, older than the bare rows (both paths): a session whose only title is in a language outside the
    reader's fallback chain (written in Russian, source_language="ru") makes schedule.ics, .xml and .json answer
    500 in Polish, English and Ukrainian (parler DoesNotExist on session.title), while the schedule page shows it."""
    conference, _ = make_edition()
    session = SessionFactory(conference=conference, titles={"ru": "Только по-русски, и всё"}, source_language="ru")
    client.raise_request_exception = False
    assert client.get(url.format(session.code)).status_code == 200
