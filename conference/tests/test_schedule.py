"""The schedule as attendees see it: filters, badges, changes, session, speaker and venue pages."""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from conference.models import Session
from conference.tests.factories import (
    WARSAW,
    BookingFactory,
    ConferenceFactory,
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    TrackFactory,
    VenueFactory,
    in_languages,
    publish_changes,
    schedule_of,
)

pytestmark = pytest.mark.integration


def codes(response) -> set[str]:
    return set(re.findall(r'id="session-(\w+)"', response.content.decode()))


def test_language_filter_means_spoken_or_interpreted(client, db):
    conference = ConferenceFactory()
    room = RoomFactory()
    spoken = SessionFactory(conference=conference, room=room, spoken_language="uk")
    interpreted = SessionFactory(conference=conference, room=room, spoken_language="pl", interpretation=["en", "uk"])
    SessionFactory(conference=conference, room=room, spoken_language="ru")
    SessionFactory(conference=conference, room=room, spoken_language="pl", interpretation=["ru"])
    assert codes(client.get("/en/conference/schedule/", {"lang": "uk"})) == {spoken.code, interpreted.code}


def article(html: str, code: str) -> str:
    """One session's row on a schedule page."""
    return html.split(f'id="session-{code}"')[1].split("</article>")[0]


def text(html: str) -> str:
    """The page with its runs of white space as single spaces, as a reader sees them."""
    return " ".join(html.split())


def test_filters_combine(client, db):
    conference = ConferenceFactory()
    first_day, second_day = (day.date for day in conference.days.all()[:2])
    education, diversity = TrackFactory(slug="education"), TrackFactory(slug="diversity")
    here, there = RoomFactory(), RoomFactory(venue=VenueFactory(slug="nowa-huta"))

    def session(day, track, spoken, interpretation=(), room=here):
        start = datetime.datetime.combine(day, datetime.time(10), tzinfo=WARSAW)
        return SessionFactory(
            conference=conference,
            room=room,
            start=start,
            track=track,
            spoken_language=spoken,
            interpretation=interpretation,
        )

    spoken_ru = session(second_day, education, "ru")
    interpreted_ru = session(second_day, education, "pl", ["en", "ru"], room=there)
    session(first_day, education, "ru")  # another day
    session(second_day, diversity, "ru", room=there)  # another track
    session(second_day, education, "pl", ["en"])  # not understood in Russian
    response = client.get(
        "/en/conference/schedule/", {"lang": "ru", "day": second_day.isoformat(), "track": "education"}
    )
    assert codes(response) == {spoken_ru.code, interpreted_ru.code}
    in_nowa_huta = Session.objects.filter(room__venue__slug="nowa-huta")
    assert codes(client.get("/en/conference/schedule/", {"venue": "nowa-huta"})) == {s.code for s in in_nowa_huta}
    assert len(in_nowa_huta) == 2


@pytest.mark.parametrize("params", [{"day": "99"}, {"lang": "xx"}, {"venue": "x" * 5000}, {"track": "<script>"}])
def test_bad_filter_values_are_ignored_with_a_note(client, db, params):
    conference = ConferenceFactory()
    sessions = [SessionFactory(conference=conference) for _ in range(3)]
    response = client.get("/uk/conference/schedule/", params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Деякі значення фільтрів не вдалося розпізнати" in html
    assert codes(response) == {s.code for s in sessions}  # nothing filtered out
    assert "<script>" not in html


def test_schedule_shows_badges_and_marks_changes(client, db):
    conference = ConferenceFactory()
    numbers = SessionFactory(
        conference=conference,
        titles={"en": "Kraków in numbers", "uk": "Краків у цифрах"},
        interpretation=["uk"],
    )
    moved, cancelled = SessionFactory(conference=conference), SessionFactory(conference=conference)
    publish_changes(conference, moved=moved, cancelled=cancelled)
    html = client.get("/en/conference/schedule/").content.decode()
    row = article(html, numbers.code)
    assert "Kraków in numbers" in row
    assert '<span class="visually-hidden">Interpreted into: </span>→ Ukrainian' in row
    assert "state-label" not in row
    assert '<span class="state-label">Cancelled:</span>' in article(html, cancelled.code)
    assert '<span class="state-label">Moved:</span>' in article(html, moved.code)
    uk = client.get("/uk/conference/schedule/").content.decode()
    assert "Краків у цифрах" in article(uk, numbers.code)
    assert "Скасовано" in article(uk, cancelled.code)


def test_now_and_next_while_the_conference_runs(client, db, monkeypatch):
    conference = ConferenceFactory()
    nine = datetime.datetime.combine(conference.start_date, datetime.time(9), tzinfo=WARSAW)
    hour = datetime.timedelta(hours=1)
    over = SessionFactory(conference=conference, start=nine, titles={"en": "Already over"})
    running = SessionFactory(conference=conference, start=nine + hour, titles={"en": "Running now"})
    SessionFactory(conference=conference, start=nine + 2 * hour, titles={"en": "Coming next"})
    monkeypatch.setattr("django.utils.timezone.now", lambda: running.start + datetime.timedelta(minutes=10))
    html = client.get("/en/conference/schedule/").content.decode()
    now_section = html.split('id="now-heading"')[1].split("</section>")[0]
    assert "Running now" in now_section.split(">Next<")[0]
    assert "Coming next" in now_section.split(">Next<")[1]
    assert over.title not in now_section


def test_session_page_has_place_calendar_and_json_ld(client, db):
    conference = ConferenceFactory(past=True)
    venue = VenueFactory(address="plac Wszystkich Świętych 3–4, 31-004 Kraków", latitude="50.058420")
    start = datetime.datetime(2017, 2, 23, 10, tzinfo=WARSAW)
    session = SessionFactory(conference=conference, room=RoomFactory(venue=venue), start=start)
    cancelled = SessionFactory(conference=conference, state=Session.State.CANCELLED)
    html = client.get(f"/en/conference/sessions/{session.code}/").content.decode()
    assert "plac Wszystkich Świętych 3–4, 31-004 Kraków" in html
    assert "https://www.openstreetmap.org/?mlat=50.058420" in html
    assert f'href="/en/conference/sessions/{session.code}.ics"' in html
    data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["@type"] == "Event"
    assert data["startDate"] == "2017-02-23T10:00:00+01:00"
    assert data["location"]["address"] == venue.address
    assert "eventStatus" not in data
    cancelled_page = client.get(f"/en/conference/sessions/{cancelled.code}/").content.decode()
    cancelled_data = json.loads(cancelled_page.split('ld+json">')[1].split("</script>")[0])
    assert cancelled_data["eventStatus"] == "https://schema.org/EventCancelled"


def test_an_abstract_with_html_in_code_keeps_the_session_page_whole(client, db):
    # A code span keeps "<!--<script>" as written; inside the JSON-LD script it must not open a comment that hides
    # the rest of the page from the browser.
    session = SessionFactory(titles={"en": "Comments"}, abstracts={"en": "Write `<!--<script>` to start a comment."})
    html = client.get(f"/en/conference/sessions/{session.code}/").content.decode()
    script = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in script
    assert json.loads(script)["description"] == "Write `<!--<script>` to start a comment."


def test_speaker_and_venue_pages(client, db):
    speaker = SpeakerFactory(slug="kovalenko", name="Olena Kovalenko")
    venue = VenueFactory(
        slug="city-hall",
        **in_languages("name", {"pl": "Urząd Miasta", "ru": "Мэрия Кракова"}),
        **in_languages("accessibility", {"pl": "Pętla indukcyjna", "ru": "индукционная петля в зале"}),
    )
    SessionFactory(
        room=RoomFactory(venue=venue), titles={"pl": "Potrzeby", "uk": "Потреби громади"}, speakers=[speaker]
    )
    SessionFactory(titles={"uk": "Чужа сесія"})
    page = client.get("/uk/conference/speakers/kovalenko/").content.decode()
    assert '<h1 translate="no">Olena Kovalenko</h1>' in page
    assert "Потреби громади" in page
    assert "Чужа сесія" not in page
    venue_page = client.get("/ru/conference/venues/city-hall/").content.decode()
    assert '<h1 translate="no">Мэрия Кракова</h1>' in venue_page
    assert "индукционная петля в зале" in venue_page
    assert "Чужа сесія" not in venue_page


@pytest.mark.parametrize(
    "path", ["/uk/conference/sessions/NOPE99/", "/uk/conference/speakers/nobody/", "/uk/conference/venues/nowhere/"]
)
def test_unknown_sessions_speakers_and_venues_get_a_translated_404(client, db, path):
    SessionFactory(speakers=[SpeakerFactory()])
    response = client.get(path)
    assert response.status_code == 404
    assert "Сторінку не знайдено" in response.content.decode()


def test_overview_says_whether_registration_is_needed(client, db):
    conference = ConferenceFactory()
    venue = VenueFactory(name_en="ICE Kraków Congress Centre")
    SessionFactory(conference=conference, room=RoomFactory(venue=venue), titles={"en": "Open talk"})
    html = text(client.get("/en/conference/").content.decode())
    assert "No registration is needed: every session is open to everyone." in html
    assert "ICE Kraków Congress Centre" in html

    workshop = SessionFactory(
        conference=conference, titles={"en": "Translating documents"}, registration_required=True, capacity=12
    )
    BookingFactory(session=workshop)
    html = text(client.get("/en/conference/").content.decode())
    assert "These have limited places and need registration" in html
    assert "Translating documents</a>: 11 places left" in html
    assert "Open talk</a>:" not in html


def test_change_log_lists_moved_and_cancelled(client, db):
    conference = ConferenceFactory()
    eggs = SessionFactory(conference=conference, titles={"en": "Painted eggs", "pl": "Pisanki"})
    poetry = SessionFactory(conference=conference, titles={"en": "Poetry evening", "pl": "Wieczór poezji"})
    SessionFactory(conference=conference, titles={"en": "Unchanged talk"})
    notes = {"en": "The eggs move; the poetry is cancelled.", "pl": "Warsztaty pisanek przeniesione."}
    publish_changes(conference, moved=eggs, cancelled=poetry, notes=notes)
    html = text(client.get("/en/conference/changes/").content.decode())
    section = html.split('id="v2"')[1]
    assert notes["en"] in section
    assert f'Moved: <a href="/en/conference/sessions/{eggs.code}/">Painted eggs</a>' in section
    assert f'Cancelled: <a href="/en/conference/sessions/{poetry.code}/">Poetry evening</a>' in section
    assert "Unchanged talk" not in section
    feed = client.get("/pl/conference/changes/feed/")
    assert feed.status_code == 200
    assert notes["pl"] in feed.content.decode()


@pytest.mark.parametrize("size", [5, 60])
def test_schedule_page_query_count_is_fixed(client, db, django_assert_num_queries, size):
    schedule_of(size)
    with django_assert_num_queries(10):  # with the number of sessions, which decides whether days are split
        response = client.get("/en/conference/schedule/")
    assert len(codes(response)) == size


@translation.override("en")
def test_editors_get_clear_errors_for_impossible_sessions(db):
    conference = ConferenceFactory()
    first = SessionFactory(conference=conference)
    clash = Session(
        conference=conference,
        room=first.room,
        session_type=first.session_type,
        start=first.start + datetime.timedelta(minutes=30),
        end=first.end + datetime.timedelta(minutes=30),
    )
    with pytest.raises(ValidationError, match="This room is already taken then"):
        clash.full_clean(exclude=["code", "guid"])
    backwards = Session(
        conference=conference, room=first.room, session_type=first.session_type, start=first.end, end=first.start
    )
    with pytest.raises(ValidationError, match="must end after it starts"):
        backwards.full_clean(exclude=["code", "guid"])
    outside = Session(
        conference=conference,
        room=first.room,
        session_type=first.session_type,
        start=datetime.datetime(2017, 3, 1, 10, tzinfo=WARSAW),
        end=datetime.datetime(2017, 3, 1, 11, tzinfo=WARSAW),
    )
    with pytest.raises(ValidationError, match="on one of the conference days"):
        outside.full_clean(exclude=["code", "guid"])
