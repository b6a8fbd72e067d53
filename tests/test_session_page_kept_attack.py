"""A session's page from its kept copy (core.cache.row_read_whole), attacked as a visitor sees it: every page must read
byte for byte as the same page with the session read whole (settings.PAGE_CACHE = False), in every language and after
every kind of edit; and the schedule's slot headings (written once in the view) must read as the filters wrote them.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches

from conference.models import Session, Speaker
from conference.tests.factories import (
    WARSAW,
    BookingFactory,
    ConferenceFactory,
    SessionFactory,
    SpeakerFactory,
    TrackFactory,
    schedule_of,
    translate,
)
from core import cache as core_cache
from translations import services
from translations.models import TranslationStatus

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("parts_without_pages")]

LANGUAGES = ["en", "uk", "ru", "pl", "en"]  # one after the other on the same session, each read twice


def page(client, session, language="en") -> str:
    response = client.get(f"/{language}/conference/sessions/{session.code}/")
    assert response.status_code == 200
    return response.content.decode()


def kept_and_whole(client, session, settings, languages=LANGUAGES):
    """Each language's page twice with the page cache on (read whole and kept, then from the kept copy), and once
    read whole with it off."""
    kept = {}
    for language in languages:
        first = page(client, session, language)
        assert page(client, session, language) == first, language  # the kept copy reads as the row read whole
        kept[language] = first
    settings.PAGE_CACHE = False
    whole = {language: page(client, session, language) for language in languages}
    settings.PAGE_CACHE = True
    return kept, whole


@pytest.fixture
def session(db):
    conference = schedule_of(2)
    session = SessionFactory(
        conference=conference, track=TrackFactory(), start=conference.sessions.order_by("start").last().end
    )
    # Polish (the source), English and Russian; no Ukrainian: a Ukrainian reader sees English, never Russian.
    translate(
        session,
        title={"pl": "Czyste powietrze", "en": "Clean air at home", "ru": "Чистый воздух"},
        abstract={"pl": "Jak **oddychać**.", "en": "How to **breathe**.", "ru": "Как **дышать**."},
    )
    ola = SpeakerFactory(name="Ola Nowak", translations={"pl": {"role": "Badaczka"}, "uk": {"role": "Дослідниця"}})
    session.speakers.add(ola, SpeakerFactory(name="Anna Kowal", affiliation="Smog Alarm", affiliation_language="pl"))
    return session


def test_every_language_in_turn_reads_as_the_session_read_whole(client, session, settings):
    kept, whole = kept_and_whole(client, session, settings)
    assert kept == whole
    assert '<h1 lang="en" dir="ltr">Clean air at home</h1>' in kept["uk"] and "Чистый воздух" not in kept["uk"]
    assert "notice-fallback" in kept["uk"] and "notice-fallback" not in kept["ru"]
    assert "Дослідниця" in kept["uk"] and "Дослідниця" not in kept["en"]
    assert "Czyste powietrze" in kept["pl"] and "Clean air at home" not in kept["pl"]


@pytest.mark.parametrize("state", [Session.State.CANCELLED, Session.State.MOVED])
def test_a_cancelled_or_moved_session_reads_as_read_whole(client, session, settings, state):
    page(client, session)  # kept before the change
    Session.objects.filter(pk=session.pk).update(state=state)  # even without a signal: its own values are the key
    kept, whole = kept_and_whole(client, session, settings)
    assert kept == whole
    assert f"session-detail session-{state}" in kept["en"]


def _remove_speaker(session):
    session.speakers.remove(Speaker.objects.get(name="Ola Nowak"))


def _delete_speaker(session):
    Speaker.objects.get(name="Ola Nowak").delete()


def _rename_track(session):
    session.track.name_en = "Healthy city"
    session.track.save()


def _delete_track(session):
    session.track.delete()  # SET_NULL on the session: no signal for it, but the track's own


def _new_role(session):
    translate(Speaker.objects.get(name="Ola Nowak"), role={"en": "Air quality researcher"})


def _retitle_in_russian(session):
    translate(Session.objects.get(pk=session.pk), title={"ru": "Воздух дома"})


def _move_to_past_edition(session):
    session.conference = ConferenceFactory(past=True, names={"en": "Open Kraków 2017"})
    session.save()


EDITS = {
    "speaker removed": (_remove_speaker, lambda p: "Ola Nowak" not in p and "Anna Kowal" in p),
    "speaker deleted": (_delete_speaker, lambda p: "Ola Nowak" not in p and "Anna Kowal" in p),
    "track renamed": (_rename_track, lambda p: "Healthy city" in p),
    "track deleted": (_delete_track, lambda p: "Healthy city" not in p and ">Track<" not in p),
    "role": (_new_role, lambda p: "Air quality researcher" in p),
    "russian title": (_retitle_in_russian, lambda p: "Clean air at home" in p),  # the English page: unchanged
    "past edition": (_move_to_past_edition, lambda p: "Open Kraków 2017" in p),
}


@pytest.mark.parametrize("edit", EDITS)
def test_an_edit_reads_as_read_whole_in_every_language(client, session, settings, edit):
    change, shows = EDITS[edit]
    kept_and_whole(client, session, settings)  # every language kept
    change(session)
    kept, whole = kept_and_whole(client, session, settings)
    assert kept == whole
    assert shows(kept["en"])


def test_a_translation_edited_in_one_language_shows_in_the_others_that_fall_back_to_it(client, session, settings):
    kept_and_whole(client, session, settings)
    translate(Session.objects.get(pk=session.pk), title={"en": "Air you can breathe"})
    kept, whole = kept_and_whole(client, session, settings)
    assert kept == whole
    assert '<h1 lang="en" dir="ltr">Air you can breathe</h1>' in kept["uk"]  # the fallback, not Russian
    assert "Воздух" not in kept["uk"] and "Чистый воздух" in kept["ru"]


def test_an_editor_visit_leaves_nothing_for_the_visitors_after(client, session, settings):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
    visitor_before, _whole = kept_and_whole(client, session, settings)
    client.force_login(editor)
    for language in LANGUAGES:
        page(client, session, language)  # read whole, never kept
    client.logout()
    client.cookies.clear()
    kept, whole = kept_and_whole(client, session, settings)
    assert kept == whole == visitor_before


@pytest.mark.parametrize("status", [TranslationStatus.MACHINE, TranslationStatus.OUTDATED])
def test_a_translation_checked_and_saved_unchanged_drops_its_notice(client, session, settings, status):
    # A machine translation (or one outdated by a change of the original) that a person reads and saves as it is.
    session.translations.filter(language_code="en").update(translation_status=status)
    before = page(client, session)
    assert f"notice-{status}" in before
    editor = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
    obj = Session.objects.get(pk=session.pk)
    texts = {"title": "Clean air at home", "abstract": obj.safe_translation_getter("abstract", language_code="en")}
    assert services.save_translation(obj=obj, language="en", texts=texts, user=editor) == services.APPLIED
    assert session.translations.get(language_code="en").translation_status == TranslationStatus.UP_TO_DATE
    settings.PAGE_CACHE = False
    assert f"notice-{status}" not in page(client, session)  # read whole: the notice has gone
    settings.PAGE_CACHE = True
    assert f"notice-{status}" not in page(client, session)  # the kept copy too (statuses drop it: rows_changed)


def test_another_process_edit_of_a_role_shows_once_it_reads_the_generations(client, session, settings):
    page(client, session, "uk")
    ola = Speaker.objects.get(name="Ola Nowak")
    ola.translations.filter(language_code="uk").update(role="Кліматологиня")  # saved by another process...
    assert "Дослідниця" in page(client, session, "uk")  # ...not yet seen here
    caches[settings.PAGE_CACHE_SHARED].set(core_cache.GENERATION_PREFIX + "conference.Speaker", "theirs", None)
    settings.PAGE_CACHE_CHECK_SECONDS = 0
    shown = page(client, session, "uk")
    assert "Кліматологиня" in shown and "Дослідниця" not in shown


def test_a_full_memory_is_emptied_and_pages_still_read_as_read_whole(client, session, settings, monkeypatch):
    monkeypatch.setattr(core_cache._rows_read_whole, "size", 1)
    other = Session.objects.exclude(pk=session.pk).first()
    kept = [page(client, s, language) for s in (session, other, session) for language in ("en", "uk")]
    assert len(core_cache._rows_read_whole.kept) == 1
    settings.PAGE_CACHE = False
    assert [page(client, s, language) for s in (session, other, session) for language in ("en", "uk")] == kept
    assert "Clean air at home" in kept[0] and "Clean air at home" not in kept[2]


@pytest.mark.parametrize("code", ["lower", "%20", "ABC%20", "%E2%80%8B", ".."])
def test_an_odd_code_is_not_found_in_every_language(client, session, code):
    for language in ("pl", "en", "uk", "ru"):
        assert client.get(f"/{language}/conference/sessions/{code}/").status_code == 404
    assert client.get(f"/en/conference/sessions/{session.code.lower()}/").status_code == 404


@pytest.mark.parametrize("code", ["%00", "AB%00CD", "%0A", "%7F"])
def test_a_code_with_a_control_character_is_a_bad_request_not_an_error(client, session, code):
    for language in ("pl", "en", "uk", "ru"):
        assert client.get(f"/{language}/conference/sessions/{code}/").status_code == 400


def test_places_left_stay_fresh_on_a_kept_copy(client, session, settings):
    Session.objects.filter(pk=session.pk).update(registration_required=True, capacity=5)
    first = page(client, session)
    assert page(client, session) == first
    BookingFactory(session=session)
    after = page(client, session)
    settings.PAGE_CACHE = False
    assert page(client, session) == after != first


# The schedule's slot headings across the end of summer time (the last Sunday of October): 02:00-03:00 comes twice.


def test_slot_headings_across_the_end_of_summer_time_read_as_the_filters_wrote_them(client, db):
    day = datetime.date(2026, 10, 25)
    conference = ConferenceFactory(start_date=day, end_date=day)
    utc = datetime.UTC
    starts = [
        datetime.datetime(2026, 10, 25, hour, minute, tzinfo=utc) for hour, minute in [(0, 0), (0, 30), (1, 0), (2, 0)]
    ]
    for start in starts:
        SessionFactory(conference=conference, start=start, end=start + datetime.timedelta(minutes=25))
    schedule = client.get("/en/conference/schedule/").content.decode()
    headings = [
        '<h3 class="slot-time"><time datetime="2026-10-25T02:00:00+02:00">02:00</time></h3>',
        '<h3 class="slot-time"><time datetime="2026-10-25T02:30:00+02:00">02:30</time></h3>',
        '<h3 class="slot-time"><time datetime="2026-10-25T02:00:00+01:00">02:00</time></h3>',
        '<h3 class="slot-time"><time datetime="2026-10-25T03:00:00+01:00">03:00</time></h3>',
    ]
    positions = [schedule.find(heading) for heading in headings]
    assert -1 not in positions and positions == sorted(positions), schedule
    assert starts[0].astimezone(WARSAW).utcoffset() == datetime.timedelta(hours=2)
