"""The schedule as attendees see it: filters, badges, changes, session, speaker and venue pages."""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from conference.models import Session
from conference.tests.factories import WARSAW, ConferenceFactory, RoomFactory, SessionFactory, schedule_of

pytestmark = pytest.mark.integration

# The demo's 2017 conference, now in the archive: its schedule has the moved and cancelled sessions.
SCHEDULE_2017 = "/conference/editions/open-krakow-2017/schedule/"


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


def test_filters_combine(client, demo):
    response = client.get(f"/en{SCHEDULE_2017}", {"lang": "ru", "day": "2017-02-24", "track": "education"})
    found = Session.objects.filter(code__in=codes(response))
    assert found.count() == 3
    for session in found:
        assert "ru" in session.languages_understood()
        assert session.track.slug == "education"
        assert session.start.astimezone(WARSAW).date() == datetime.date(2017, 2, 24)
    venue = client.get(f"/en{SCHEDULE_2017}", {"venue": "nowa-huta"})
    assert {s.room.venue.slug for s in Session.objects.filter(code__in=codes(venue))} == {"nowa-huta"}


@pytest.mark.parametrize("params", [{"day": "99"}, {"lang": "xx"}, {"venue": "x" * 5000}, {"track": "<script>"}])
def test_bad_filter_values_are_ignored_with_a_note(client, demo, params):
    response = client.get(f"/uk{SCHEDULE_2017}", params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Деякі значення фільтрів не вдалося розпізнати" in html
    assert len(codes(response)) == 26
    assert "<script>" not in html


def test_schedule_shows_badges_and_marks_changes(client, demo):
    html = client.get(f"/en{SCHEDULE_2017}").content.decode()
    assert "Kraków in numbers: who the new residents are" in html
    assert '<span class="visually-hidden">Interpreted into: </span>→ Ukrainian' in html
    assert '<span class="state-label">Cancelled:</span>' in html
    assert '<span class="state-label">Moved:</span>' in html
    uk = client.get(f"/uk{SCHEDULE_2017}").content.decode()
    assert "Краків у цифрах: хто нові мешканці" in uk
    assert "Скасовано" in uk


def test_now_and_next_while_the_conference_runs(client, demo, monkeypatch):
    running = datetime.datetime(2017, 2, 23, 10, 10, tzinfo=WARSAW)
    monkeypatch.setattr("django.utils.timezone.now", lambda: running)
    html = client.get("/en/conference/schedule/").content.decode()
    now_section = html.split('id="now-heading"')[1].split("</section>")[0]
    assert "Kraków in numbers" in now_section
    assert "Panel: diversity as the city" in now_section


def test_session_page_has_place_calendar_and_json_ld(client, demo):
    html = client.get("/en/conference/sessions/OK1702/").content.decode()
    assert "plac Wszystkich Świętych 3–4, 31-004 Kraków" in html
    assert "https://www.openstreetmap.org/?mlat=50.058420" in html
    assert 'href="/en/conference/sessions/OK1702.ics"' in html
    data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["@type"] == "Event"
    assert data["startDate"] == "2017-02-23T10:00:00+01:00"
    assert data["location"]["address"].startswith("plac Wszystkich")
    cancelled = json.loads(
        client.get("/en/conference/sessions/OK1724/").content.decode().split('ld+json">')[1].split("</script>")[0]
    )
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"


def test_an_abstract_with_html_in_code_keeps_the_session_page_whole(client, demo):
    # A code span keeps "<!--<script>" as written; inside the JSON-LD script it must not open a comment that hides
    # the rest of the page from the browser.
    session = Session.objects.get(code="OK1702")
    session.set_current_language("en")
    session.abstract = "Write `<!--<script>` to start a comment."
    session.save()
    html = client.get("/en/conference/sessions/OK1702/").content.decode()
    script = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in script
    assert json.loads(script)["description"] == "Write `<!--<script>` to start a comment."


def test_speaker_and_venue_pages(client, demo):
    speaker = client.get("/uk/conference/speakers/kovalenko/").content.decode()
    assert '<h1 translate="no">Olena Kovalenko</h1>' in speaker
    assert "Українська громада Кракова: потреби та ідеї" in speaker
    venue = client.get("/ru/conference/venues/city-hall/").content.decode()
    assert '<h1 translate="no">Мэрия Кракова (дворец Велопольских)</h1>' in venue
    assert "индукционная петля" in venue


@pytest.mark.parametrize(
    "path", ["/uk/conference/sessions/NOPE99/", "/uk/conference/speakers/nobody/", "/uk/conference/venues/nowhere/"]
)
def test_unknown_sessions_speakers_and_venues_get_a_translated_404(client, demo, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Сторінку не знайдено" in response.content.decode()


def test_overview_says_whether_registration_is_needed(client, demo):
    html = client.get("/en/conference/").content.decode()
    assert "These have limited places and need registration" in html
    assert "Workshop: translating documents for official use</a>:\n              12 places left" in html
    assert "ICE Kraków Congress Centre" in html


def test_change_log_lists_moved_and_cancelled(client, demo):
    html = client.get("/en/conference/editions/open-krakow-2017/changes/").content.decode()
    section = html.split('id="v2"')[1]
    assert "The painted eggs workshop moves to 15:00; the poetry evening is cancelled." in section
    assert "Moved:" in section and "Workshop: painted eggs and paper cut-outs" in section
    assert "Cancelled:" in section and "An evening of poetry in many languages" in section
    feed = client.get("/pl/conference/changes/feed/")
    assert feed.status_code == 200
    assert "Warsztaty pisanek" in feed.content.decode()


@pytest.mark.parametrize("size", [5, 60])
def test_schedule_page_query_count_is_fixed(client, db, django_assert_num_queries, size):
    schedule_of(size)
    with django_assert_num_queries(9):
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
