"""Dates that read naturally in each language, days on lists of sessions, and text in another language marked
with its own lang: speakers' roles and organisations, venues' names and addresses."""

import datetime
import importlib
import re

import pytest
from django.apps import apps
from django.utils import translation
from django.utils.formats import date_format

from conference import agenda
from conference.models import Conference, Speaker
from conference.tests.factories import (
    WARSAW,
    ConferenceFactory,
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    VenueFactory,
    publish_changes,
)
from core.tests.markup import assert_valid_time_values

pytestmark = pytest.mark.integration

EDITION = "conference/editions/krakow-2017/"  # a past edition, 23–25 February 2017


def at(day: int, time: str) -> datetime.datetime:
    """A moment of the past edition, in Kraków: at(23, "11:00")."""
    return datetime.datetime.combine(datetime.date(2017, 2, day), datetime.time.fromisoformat(time), tzinfo=WARSAW)


@pytest.fixture
def past(db) -> Conference:
    """The past edition, in the archive: an upcoming one is current."""
    ConferenceFactory()
    return ConferenceFactory(past=True, slug="krakow-2017")


def test_english_pages_write_the_day_before_the_month(client, past):
    session = SessionFactory(conference=past, start=at(23, "11:00"))
    overview = client.get(f"/en/{EDITION}").content.decode()
    assert '<time datetime="2017-02-23">23 February 2017</time>' in overview
    assert "Thursday, 23 February 2017" in overview
    assert "Feb. 23" not in overview
    page = client.get(f"/en/conference/sessions/{session.code}/").content.decode()
    assert ">Thursday, 23 February 2017, 11:00</time>" in page


@pytest.mark.parametrize(
    "language,date",
    [("pl", "23 lutego 2017"), ("en", "23 February 2017"), ("uk", "23 лютого 2017 р."), ("ru", "23 февраля 2017 г.")],
)
def test_dates_read_naturally_in_every_language(client, past, language, date):
    assert f'<time datetime="2017-02-23">{date}</time>' in client.get(f"/{language}/{EDITION}").content.decode()


@pytest.mark.parametrize(
    "path,shown",
    [
        ("/en/conference/speakers/whitfield/", ">Friday, 24 February 2017, 12:00</time>"),
        ("/en/conference/venues/city-hall/", ">Friday, 24 February 2017, 12:00</time>"),
        ("/uk/conference/speakers/whitfield/", ">П&#x27;ятниця, 24 лютого 2017 р., 12:00</time>"),
        ("/ru/conference/venues/city-hall/", ">Пятница, 24 февраля 2017 г., 12:00</time>"),
    ],
)
def test_speaker_and_venue_lists_show_the_day_of_each_session(client, past, path, shown):
    SessionFactory(
        conference=past,
        start=at(24, "12:00"),
        room=RoomFactory(venue=VenueFactory(slug="city-hall")),
        speakers=[SpeakerFactory(slug="whitfield")],
    )
    html = client.get(path).content.decode()
    assert shown in html
    assert_valid_time_values(html)


def test_agenda_shows_the_day_of_each_session(client, past):
    opening = SessionFactory(conference=past, start=at(23, "09:30"))
    eggs = SessionFactory(conference=past, start=at(25, "12:00"))
    publish_changes(past, moved=eggs)  # three hours later
    token = agenda.make_token([opening.code, eggs.code])
    html = client.get(f"/en/conference/agenda/{token}/").content.decode()
    assert '<time datetime="2017-02-23T09:30:00+01:00">Thursday, 23 February 2017, 09:30</time>' in html
    assert ">Saturday, 25 February 2017, 15:00</time>" in html  # where the moved session is now


def test_schedule_changes_give_times_html_accepts(client, past):
    publish_changes(past, moved=SessionFactory(conference=past))
    html = client.get(f"/pl/{EDITION}changes/").content.decode()
    times = assert_valid_time_values(html)
    # One per published version, to the second; and the moved session's times (the rest: the edition's dates).
    published = [value for value in times if isinstance(value, datetime.datetime)]
    assert sorted(published) == sorted(version.published_at.replace(microsecond=0) for version in past.versions.all())


@pytest.mark.parametrize(
    "language,role",
    [("en", "Sworn translator"), ("uk", "Присяжна перекладачка"), ("ru", "Присяжный переводчик")],
)
def test_a_speakers_role_is_in_the_readers_language(client, db, language, role):
    SpeakerFactory(
        slug="sokolova",
        name="Irina Sokolova",
        translations={
            "pl": {"role": "Tłumaczka przysięgła"},
            "en": {"role": "Sworn translator"},
            "uk": {"role": "Присяжна перекладачка"},
            "ru": {"role": "Присяжный переводчик"},
        },
    )
    html = client.get(f"/{language}/conference/speakers/sokolova/").content.decode()
    assert f'<p class="lead"><span class="speaker-role">{role}</span>' in html
    assert "Tłumaczka przysięgła" not in html
    assert '<h1 translate="no">Irina Sokolova</h1>' in html


@pytest.mark.parametrize("language", ["en", "uk", "ru"])
def test_an_organisation_keeps_its_name_and_says_which_language_it_is_in(client, db, language):
    nowak = SpeakerFactory(slug="nowak", name="Anna Nowak", affiliation="Wydział Spraw Społecznych")
    whitfield = SpeakerFactory(
        slug="whitfield", name="James Whitfield", affiliation="Kraków Expats Directory", affiliation_language="en"
    )
    panel = SessionFactory(speakers=[nowak, whitfield])
    affiliation = '<span class="speaker-affiliation" lang="{}" dir="ltr" translate="no">{}</span>'
    polish = affiliation.format("pl", "Wydział Spraw Społecznych")
    english = affiliation.format("en", "Kraków Expats Directory")
    assert polish in client.get(f"/{language}/conference/speakers/nowak/").content.decode()
    session = client.get(f"/{language}/conference/sessions/{panel.code}/").content.decode()
    assert polish in session
    assert english in session
    assert f'<a href="/{language}/conference/speakers/nowak/" translate="no">Anna Nowak</a>' in session


def test_a_role_not_yet_translated_is_marked_with_the_language_it_is_shown_in(client, db):
    SpeakerFactory(slug="kowalska", name="Ewa Kowalska", translations={"pl": {"role": "Tłumaczka przysięgła"}})
    html = client.get("/uk/conference/speakers/kowalska/").content.decode()
    assert '<span class="speaker-role" lang="pl" dir="ltr">Tłumaczka przysięgła</span>' in html


def test_venue_addresses_are_marked_as_polish_street_names(client, db):
    venue = VenueFactory(slug="city-hall", address="plac Wszystkich Świętych 3–4, 31-004 Kraków")
    session = SessionFactory(room=RoomFactory(venue=venue))
    address = '<span lang="pl" translate="no">plac Wszystkich Świętych 3–4, 31-004 Kraków</span>'
    assert address in client.get("/en/conference/venues/city-hall/").content.decode()
    assert address in client.get(f"/uk/conference/sessions/{session.code}/").content.decode()


def test_a_venue_name_not_yet_translated_is_marked_with_its_language(client, db):
    VenueFactory(slug="hall", name_en="Cloth Hall", name_pl="Sukiennice")
    russian = client.get("/ru/conference/venues/hall/").content.decode()
    assert '<h1 lang="en" dir="ltr" translate="no">Cloth Hall</h1>' in russian  # Russian falls back to English
    assert '<h1 translate="no">Sukiennice</h1>' in client.get("/pl/conference/venues/hall/").content.decode()


@pytest.mark.unit
def test_the_migration_moves_the_demos_roles_out_of_the_affiliation(db):
    migration = importlib.import_module("conference.migrations.0004_speaker_role_and_affiliation_language")
    translator = SpeakerFactory(
        affiliation="Tłumaczka przysięgła (przykład)", translations={"pl": {"bio": "…"}, "en": {"bio": "…"}}
    )
    directory = SpeakerFactory(affiliation="Kraków Expats Directory (przykład)")
    organisation = SpeakerFactory(affiliation="Urząd Miasta Krakowa (przykład)")
    untranslated = SpeakerFactory(affiliation="Nauczyciel (przykład)", translations={})
    migration.move_roles(apps, None)
    translator = Speaker.objects.get(pk=translator.pk)
    assert translator.affiliation == ""
    assert translator.safe_translation_getter("role", language_code="pl") == "Tłumaczka przysięgła"
    assert translator.safe_translation_getter("role", language_code="en") == "Sworn translator"
    directory.refresh_from_db()
    assert (directory.affiliation, directory.affiliation_language) == ("Kraków Expats Directory (example)", "en")
    organisation.refresh_from_db()
    assert (organisation.affiliation, organisation.affiliation_language) == ("Urząd Miasta Krakowa (przykład)", "pl")
    untranslated.refresh_from_db()
    assert untranslated.affiliation == "Nauczyciel (przykład)"  # nowhere to move it: kept, not lost


@pytest.mark.parametrize(
    "language,month",
    [
        ("en", "January|February|March|April|May|June|July|August|September|October|November|December"),
        ("pl", "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia"),
        ("uk", "січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня"),
        ("ru", "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"),
    ],
)
def test_the_registration_forms_days_read_as_dates_in_the_readers_language(client, db, language, month):
    first_day = ConferenceFactory().start_date  # an upcoming conference: registration is open
    html = client.get(f"/{language}/conference/register/").content.decode()
    with translation.override(language):
        expected = date_format(first_day, "DATE_FORMAT")  # "29 January 2027", "29 stycznia 2027"...
    assert re.fullmatch(rf"{first_day.day} ({month}) {first_day.year}( р\.| г\.)?", expected)
    assert f"{expected}:" in html
    assert f"{first_day.isoformat()}:" not in html
