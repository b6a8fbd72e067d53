"""Schedule rows, VEVENTs and frab events kept per session (core.cache.rows_for_parts): when a page is rendered
(a miss, or whole pages not kept), the sessions are read bare and each part is kept under the session's own values
and the generations of what else it shows; the sessions are read whole only when a part must be rendered.

A part must never outlive an edit of anything it shows, in any language, and must read exactly as the part rendered
from the sessions read whole (the path of the page cache off, and of editors)."""

from xml.etree import ElementTree

import pytest
from django.core.cache import caches

from conference import exports
from conference.models import Session, SessionQuerySet, Speaker
from conference.services import publish_schedule_version
from conference.templatetags import conference_tags
from conference.tests.factories import SessionFactory, SpeakerFactory, TrackFactory, schedule_of, translate
from core import cache as core_cache

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("parts_without_pages")]

PAGES = ["/{}/conference/schedule/", "/{}/conference/schedule.ics", "/{}/conference/schedule.xml"]


def text(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    assert "X-Page-Cache" not in response  # rendered, not kept
    return response.content.decode()


@pytest.fixture
def session(db):
    conference = schedule_of(3)
    session = SessionFactory(
        conference=conference, track=TrackFactory(), start=conference.sessions.order_by("start").last().end
    )
    translate(session, title={"en": "Clean air at home", "uk": "Чисте повітря вдома"})
    session.speakers.add(SpeakerFactory(name="Ola Nowak"))
    return session


@pytest.mark.parametrize("language", ["en", "uk"])
def test_parts_read_as_those_rendered_from_sessions_read_whole(client, session, settings, language):
    kept = [text(client, url.format(language)) for url in PAGES]
    assert [text(client, url.format(language)) for url in PAGES] == kept  # now every part is a kept one
    settings.PAGE_CACHE = False  # read whole, every part rendered afresh
    assert [text(client, url.format(language)) for url in PAGES] == kept
    title = "Чисте повітря вдома" if language == "uk" else "Clean air at home"
    assert all(title in page for page in kept)
    assert "Ola Nowak" in kept[0] and "Ola Nowak" in kept[2]


@pytest.mark.parametrize("size", [3, 30])
def test_a_page_whose_parts_are_all_kept_reads_the_sessions_bare(client, db, django_assert_num_queries, size):
    schedule_of(size)
    for url in PAGES:
        text(client, url.format("en"))  # every part kept
    # The sessions read bare: one query, not their translations, speakers, rooms, venues, tracks and types (the
    # conference, the reference data and the schedule's version are kept values); the exports also read when they
    # were last served.
    for url, queries in zip(PAGES, (1, 2, 2), strict=True):
        with django_assert_num_queries(queries):
            text(client, url.format("en"))


def test_a_part_is_rendered_in_the_reader_language(client, session):
    assert "Clean air at home" in text(client, "/en/conference/schedule/")
    for url in PAGES:
        page = text(client, url.format("uk"))
        assert "Чисте повітря вдома" in page and "Clean air at home" not in page, url


def _renamed(shown, field: str, value: str):
    """An edit that saves `value` into `field` of what a session shows (shown(session)), and gives the value."""

    def change(session):
        obj = shown(session)
        setattr(obj, field, value)
        obj.save()
        return value

    return change


def _add_speaker(session):
    session.speakers.add(SpeakerFactory(name="Iryna Kowal"))
    return "Iryna Kowal"


def _retitle(session):
    translate(session, title={"en": "Air you can breathe"})
    return "Air you can breathe"


# What each edit changes, and which of the pages show it.
EDITS = {
    "room": (_renamed(lambda session: session.room, "name_en", "Blue hall"), PAGES),
    "venue": (_renamed(lambda session: session.room.venue, "name_en", "Nowa Huta Cultural Centre"), PAGES),
    "track": (_renamed(lambda session: session.track, "name_en", "Healthy city"), PAGES[::2]),
    "session type": (_renamed(lambda session: session.session_type, "name_en", "Round table"), PAGES[::2]),
    "speaker": (_renamed(lambda session: session.speakers.get(), "name", "Aleksandra Nowak"), PAGES[::2]),
    "speakers": (_add_speaker, PAGES[::2]),
    "title": (_retitle, PAGES),
}


@pytest.mark.parametrize("edit", EDITS)
def test_an_edit_of_anything_a_part_shows_shows_at_once(client, session, edit):
    change, pages = EDITS[edit]
    before = [text(client, url.format("en")) for url in pages]
    new = change(session)
    for url, old in zip(pages, before, strict=True):
        assert new not in old, url
        assert new in text(client, url.format("en")), url


def test_a_bulk_update_of_a_session_shows_at_once(client, session, settings):
    before = [text(client, url.format("en")) for url in PAGES]
    Session.objects.filter(pk=session.pk).update(code="MOVED1")
    for url, old in zip(PAGES, before, strict=True):
        assert "MOVED1" not in old
        assert "MOVED1" in text(client, url.format("en")), url


def test_another_process_edit_shows_once_it_reads_the_generations(client, session, settings):
    text(client, "/en/conference/schedule/")
    Speaker.objects.filter(pk=session.speakers.get().pk).update(name="Olena Shevchenko")  # no signal here...
    assert "Olena Shevchenko" not in text(client, "/en/conference/schedule/")
    # ...another process saved it: a new generation in the shared cache, read once the interval has passed.
    caches[settings.PAGE_CACHE_SHARED].set(core_cache.GENERATION_PREFIX + "conference.Speaker", "theirs", None)
    settings.PAGE_CACHE_CHECK_SECONDS = 0
    assert "Olena Shevchenko" in text(client, "/en/conference/schedule/")


@pytest.mark.parametrize("url", PAGES)
def test_a_session_deleted_between_the_bare_and_the_whole_read_is_no_error(client, session, monkeypatch, url):
    read_whole = core_cache.Whole.rows.func

    def deleted_first(whole):
        Session.objects.filter(pk=session.pk).delete()  # another request's, between the two reads
        return read_whole(whole)

    monkeypatch.setattr(core_cache.Whole, "rows", property(deleted_first))
    conference_tags._ROWS.kept.clear()
    exports._EVENTS.kept.clear()
    exports._FRAB_EVENTS.kept.clear()
    page = text(client, url.format("en"))
    assert session.code not in page  # its part left out, the others shown as usual
    assert Session.objects.first().code in page


def test_a_new_schedule_version_shows_in_schedule_xml_at_once(client, session):
    # The version is a kept value, like the conference: publishing one draws a new ScheduleVersion generation.
    assert "<version>v0</version>" in text(client, "/en/conference/schedule.xml")
    publish_schedule_version(conference=session.conference, notes={})
    assert "<version>v1</version>" in text(client, "/uk/conference/schedule.xml")
    assert "<version>v1</version>" in text(client, "/en/conference/schedule.xml")


def test_a_title_that_reads_like_an_event_slot_stays_text(client, session):
    # schedule.xml puts each kept event's bytes where its slot element is; a title is escaped text, never a slot.
    slot = '<openkrakow-event-slot n="0" />'
    translate(session, title={"en": slot})
    document = ElementTree.fromstring(client.get("/en/conference/schedule.xml").content)
    titles = [event.findtext("title") for event in document.iter("event")]
    assert slot in titles and len(titles) == session.conference.sessions.count()


# A session's own page (core.cache.row_read_whole): the session read bare, and read whole (with its translations,
# speakers and their translations, room, venue, track and type) only when this process keeps no copy for its values,
# the generations of what else it shows and the language.


def session_page(session, language="en") -> str:
    return f"/{language}/conference/sessions/{session.code}/"


@pytest.mark.parametrize("language", ["en", "uk"])
def test_a_session_page_from_its_kept_row_reads_as_from_the_row_read_whole(client, session, settings, language):
    first = text(client, session_page(session, language))  # read whole, and kept
    kept = text(client, session_page(session, language))
    assert kept == first
    settings.PAGE_CACHE = False  # read whole every time
    assert text(client, session_page(session, language)) == kept
    assert ("Чисте повітря вдома" if language == "uk" else "Clean air at home") in kept
    assert f'<html lang="{language}"' in kept and "Ola Nowak" in kept


@pytest.mark.parametrize("speakers", [1, 6])
def test_a_session_page_whose_row_is_kept_reads_the_session_bare(client, session, django_assert_num_queries, speakers):
    session.speakers.add(*SpeakerFactory.create_batch(speakers - 1))
    text(client, session_page(session))  # kept
    # The session read bare: not its translations, speakers (and theirs), room, venue, track and type.
    with django_assert_num_queries(1):
        page = text(client, session_page(session))
    assert page.count('translate="no">') >= speakers


def test_a_session_page_is_kept_per_language(client, session):
    # A parler instance shows the language it was read in: the kept row must never answer another language.
    for language, title, other in [
        ("en", "Clean air at home", "Чисте повітря вдома"),
        ("uk", "Чисте повітря вдома", "Clean air at home"),
        ("en", "Clean air at home", "Чисте повітря вдома"),
        ("uk", "Чисте повітря вдома", "Clean air at home"),
    ]:
        page = text(client, session_page(session, language))
        assert f'<h1 lang="{language}">{title}</h1>' in page or f"<h1>{title}</h1>" in page, language
        assert other not in page, language


def _new_role(session):
    translate(session.speakers.get(), role={"en": "Air quality researcher"})
    return "Air quality researcher"


@pytest.mark.parametrize("edit", [*EDITS, "role"])
def test_an_edit_of_anything_a_session_page_shows_shows_at_once(client, session, edit):
    change = _new_role if edit == "role" else EDITS[edit][0]
    before = text(client, session_page(session))
    text(client, session_page(session))  # from the kept row
    new = change(session)
    assert new not in before
    assert new in text(client, session_page(session))


def test_a_bulk_update_of_a_session_shows_on_its_page_at_once(client, session):
    text(client, session_page(session))
    Session.objects.filter(pk=session.pk).update(spoken_language="uk")  # no signal: its own values are the key
    page = text(client, session_page(session))
    assert "Spoken in Ukrainian" in page, page


def test_a_session_changed_between_the_bare_and_the_whole_read_is_shown_but_not_kept(client, session, monkeypatch):
    read_whole = SessionQuerySet.for_detail

    def changed_first(queryset):
        Session.objects.filter(pk=session.pk).update(spoken_language="uk")  # another request's, without a signal
        return read_whole(queryset)

    monkeypatch.setattr("conference.views.SessionQuerySet.for_detail", changed_first)
    assert "Spoken in Ukrainian" in text(client, session_page(session))
    monkeypatch.undo()
    # Back to the values read bare first: the page shows them, not the copy read whole after the change.
    Session.objects.filter(pk=session.pk).update(spoken_language=session.spoken_language)
    page = text(client, session_page(session))
    assert "Spoken in Ukrainian" not in page
    assert text(client, session_page(session)) == page


def test_a_session_page_of_an_unknown_code_is_not_found_in_every_language(client, db):
    for language in ("pl", "en", "uk", "ru"):
        assert client.get(f"/{language}/conference/sessions/NOSUCH/").status_code == 404
