"""Text shown in a fallback language carries its own lang: reference data, session titles and speakers' roles."""

import datetime
import html as html_lib

import pytest
from django.utils import timezone, translation

from conference.models import ScheduleChange, ScheduleVersion, Track
from conference.tests.factories import ConferenceFactory, SessionFactory, SessionTypeFactory, SpeakerFactory
from core.tests.markup_lang import langs_of

pytestmark = pytest.mark.integration


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.fixture
def fallback_session(db):
    """A session written only in Polish, with a track and a type named only in Polish; days themed in English."""
    track = Track.objects.create(slug="sciezka", name_pl="Ścieżka miejska")
    session_type = SessionTypeFactory(slug="warsztat", name_pl="Warsztat terenowy", name_en="")
    return SessionFactory(
        conference=ConferenceFactory(),
        track=track,
        session_type=session_type,
        title="Spacer po Kazimierzu",
        registration_required=True,
        capacity=20,
        start=timezone.now() + datetime.timedelta(hours=1),
        end=timezone.now() + datetime.timedelta(hours=2),
    )


def test_track_and_type_in_fallback_carry_lang_on_the_session_page(client, fallback_session):
    html = page(client, f"/uk/conference/sessions/{fallback_session.code}/")
    assert langs_of(html, "Ścieżka miejska") == ["pl"]
    assert langs_of(html, "Warsztat terenowy") == ["pl"]


def test_schedule_marks_track_type_theme_options_now_next_and_star_labels(client, fallback_session):
    conference = fallback_session.conference
    conference.start_date = timezone.localdate()  # the conference is on, so "now and next" lists the session
    conference.save()
    html = page(client, "/uk/conference/schedule/")
    # The track's option in the filters, the session in "now and next" and its row.
    assert langs_of(html, "Ścieżka miejska") == ["pl", "pl", "pl"]
    assert langs_of(html, "Warsztat terenowy") == ["pl"]
    assert set(langs_of(html, "· Theme")) == {"en"}  # the days' options: "23 лютого · Theme"
    # "Next", the row's heading and the star link's hidden label all say the title is Polish.
    titles = langs_of(html, "Spacer po Kazimierzu")
    assert len(titles) == 3
    assert set(titles) == {"pl"}
    assert 'class="visually-hidden">: <span lang="pl" dir="ltr">Spacer po Kazimierzu</span>' in html


def test_a_translated_track_is_not_marked(client, fallback_session):
    Track.objects.filter(pk=fallback_session.track_id).update(name_uk="Міська доріжка")
    html = page(client, f"/uk/conference/sessions/{fallback_session.code}/")
    assert langs_of(html, "Міська доріжка") == ["uk"]  # the page's own language, from <html lang>


def test_overview_marks_themes_and_limited_places_titles(client, fallback_session):
    html = page(client, "/uk/conference/")
    assert set(langs_of(html, "Theme")) == {"en"}
    assert langs_of(html, "Spacer po Kazimierzu") == ["pl"]


def test_register_form_marks_themes_and_interpretation_labels(client, fallback_session):
    fallback_session.interpretation_languages = ["uk"]
    fallback_session.save()
    html = page(client, "/uk/conference/register/")
    assert set(langs_of(html, "Theme")) == {"en"}
    assert set(langs_of(html, "Spacer po Kazimierzu")) == {"pl"}


def test_changes_page_and_feed_mark_titles_and_notes(client, fallback_session):
    version = ScheduleVersion.objects.create(conference=fallback_session.conference, number=2, note_pl="Nowy spacer")
    ScheduleChange.objects.create(version=version, session=fallback_session, kind="new")
    html = page(client, "/uk/conference/changes/")
    assert langs_of(html, "Spacer po Kazimierzu") == ["pl"]
    assert langs_of(html, "Nowy spacer") == ["pl"]
    feed = html_lib.unescape(page(client, "/uk/conference/changes/feed/"))
    assert 'lang="pl" dir="ltr">Spacer po Kazimierzu</a>' in feed
    assert 'lang="pl" dir="ltr">Nowy spacer</p>' in feed


def test_titles_of_deleted_translations_are_marked(client, db):
    titles = {"pl": "Warsztat pisanek", "en": "Painted eggs workshop", "uk": "Майстер-клас писанок"}
    session = SessionFactory(titles=titles, registration_required=True, capacity=10)
    assert langs_of(page(client, "/uk/conference/"), "Майстер-клас писанок") == ["uk"]
    session.translations.filter(language_code="uk").delete()
    html = page(client, "/uk/conference/")
    assert "Майстер-клас писанок" not in html
    assert langs_of(html, "Painted eggs workshop") == ["en"]  # Ukrainian falls back to English first


def speaker_page(client, speaker) -> str:
    return page(client, f"/uk/conference/speakers/{speaker.slug}/")


def test_a_speakers_role_follows_the_fallback_chain_field_by_field(client, db):
    speaker = SpeakerFactory(
        translations={"pl": {"role": "Tłumaczka przysięgła", "bio": "Bio"}, "uk": {"role": "", "bio": "Біографія"}}
    )
    html = speaker_page(client, speaker)
    assert langs_of(html, "Tłumaczka przysięgła") == ["pl"]
    with translation.override("uk"):
        assert speaker.shown_role() == "Tłumaczka przysięgła"
        assert speaker.shown_role().lang == "pl"


def test_a_speakers_role_prefers_english_to_polish_for_ukrainian_readers(client, db):
    speaker = SpeakerFactory(
        translations={
            "pl": {"role": "Tłumaczka przysięgła"},
            "en": {"role": "Sworn translator"},
            "uk": {"bio": "Біографія"},
        }
    )
    html = speaker_page(client, speaker)
    assert langs_of(html, "Sworn translator") == ["en"]
    assert "Tłumaczka przysięgła" not in html


def test_a_speakers_role_in_the_pages_language_is_not_marked(client, db):
    speaker = SpeakerFactory(translations={"pl": {"role": "Tłumaczka"}, "uk": {"role": "Перекладачка"}})
    html = speaker_page(client, speaker)
    assert langs_of(html, "Перекладачка") == ["uk"]
    assert 'class="speaker-role">Перекладачка' in html
