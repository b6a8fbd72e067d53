"""Registration e-mails are written in the attendee's language, whoever caused them and in whatever language.

The trap: parler fixes an object's language when it is loaded, so a session loaded by a Russian visitor's
request stays Russian inside translation.override("pl"). Each test here triggers a message in one language and
checks that the stored message names every object in the recipient's language, and never in the trigger's.
"""

import datetime
import uuid

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from post_office.models import Email

from conference.models import Booking, Registration, Session
from conference.services import SessionRequest, cancel_registration, register_attendee
from conference.tests.factories import FIRST_SLOT, ConferenceFactory, RoomFactory, SessionFactory, VenueFactory
from core.outbox import queue_email

pytestmark = pytest.mark.integration

CONFERENCE = {
    "pl": "Konferencja „Otwarty Kraków” 2017",
    "en": "Open Kraków Conference 2017",
    "uk": "Конференція «Відкритий Краків» 2017",
    "ru": "Конференция «Открытый Краков» 2017",
}
THEME = {
    "pl": "Wielokulturowość i różnorodność",
    "en": "Multiculturalism and diversity",
    "uk": "Мультикультурність і розмаїття",
    "ru": "Мультикультурность и разнообразие",
}
VENUE = {
    "pl": "Pałac Wielopolskich",
    "en": "Wielopolski Palace",
    "uk": "Палац Велопольських",
    "ru": "Дворец Велёпольских",
}
ROOM = {"pl": "Sala Obrad", "en": "Council Chamber", "uk": "Зала засідань", "ru": "Зал заседаний"}
TITLE = {
    "pl": "Kuchnie świata: warsztaty",
    "en": "World cuisines: a workshop",
    "uk": "Кухні світу: майстер-клас",
    "ru": "Кухни мира: мастер-класс",
}


def formatted(value, format_name: str) -> dict[str, str]:
    """A date as each language writes it, by the site's own formats (whatever they are at the time)."""
    local = timezone.localtime(value) if isinstance(value, datetime.datetime) else value
    result = {}
    for language in ("pl", "en", "uk", "ru"):
        with translation.override(language):
            result[language] = date_format(local, format_name)
    return result


WHEN = formatted(FIRST_SLOT, "DATETIME_FORMAT")


@pytest.fixture
def workshop(db) -> Session:
    """One place in a workshop, with everything the e-mails show translated into all four languages."""
    conference = ConferenceFactory()
    for language, name in CONFERENCE.items():
        conference.set_current_language(language)
        conference.name = name
    conference.save()
    conference.days.filter(date=conference.start_date).update(**{f"theme_{code}": t for code, t in THEME.items()})
    venue = VenueFactory(**{f"name_{code}": name for code, name in VENUE.items()})
    room = RoomFactory(venue=venue, **{f"name_{code}": name for code, name in ROOM.items()})
    session = SessionFactory(
        conference=conference, room=room, start=FIRST_SLOT, registration_required=True, capacity=1, title=TITLE["pl"]
    )
    for language, title in TITLE.items():
        session.set_current_language(language)
        session.title = title
    session.save()
    return session


def register(session, *, email, language, sessions=None):
    return register_attendee(
        conference=session.conference,
        idempotency_key=uuid.uuid4(),
        name=email.split("@")[0].title(),
        email=email,
        language=language,
        sessions=[SessionRequest(session)] if sessions is None else sessions,
    )


def assert_only_in(text: str, recipient: str, trigger: str, *tables):
    for table in tables:
        assert table[recipient] in text
        assert table[trigger] not in text


def test_confirmation_is_in_the_chosen_language_not_the_pages(client, workshop):
    # A visitor reads the form in Russian but asks for messages in Polish.
    first_day = workshop.conference.days.get(date=workshop.conference.start_date)
    response = client.post(
        "/ru/conference/register/",
        {
            "name": "Anna Nowak",
            "email": "anna@example.org",
            "language": "pl",
            "days": [first_day.pk],
            "sessions": [workshop.pk],
            "idempotency_key": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 302
    registration = Registration.objects.get(email="anna@example.org")
    email = Email.objects.get(to=["anna@example.org"])
    assert email.subject == f"Twoja rejestracja {registration.reference} na konferencję „Otwarty Kraków”"
    assert email.headers["Content-Language"] == "pl"
    body = email.message
    assert body.startswith("Dzień dobry, Anna Nowak,")
    assert_only_in(body, "pl", "ru", CONFERENCE, THEME, VENUE, ROOM, TITLE, WHEN)
    assert f"{TITLE['pl']}, {WHEN['pl']}, {VENUE['pl']}, {ROOM['pl']}: masz miejsce" in body
    day = formatted(first_day.date, "DATE_FORMAT")["pl"]
    assert f"Dni, w które przyjdziesz:\n- {day}: {THEME['pl']}" in body
    assert f"http://127.0.0.1:8000/pl/conference/registrations/{registration.manage_token()}/calendar.ics" in body
    assert "/ru/" not in body


@pytest.mark.parametrize("action", ["cancel", "cancel_all"])
def test_a_russian_visitor_cancels_and_the_polish_attendee_promoted_reads_polish(client, workshop, action):
    with translation.override("ru"):  # both registered from Russian pages: the session was loaded in Russian
        leaving = register(workshop, email="ivan@example.org", language="ru")
        waiting = register(workshop, email="anna@example.org", language="pl")
    assert waiting.bookings.get().status == Booking.Status.WAITING
    Email.objects.all().delete()

    booking = leaving.bookings.get()
    response = client.post(
        f"/ru/conference/registrations/{leaving.manage_token()}/", {"action": action, "booking": booking.pk}
    )
    assert response.status_code == 302
    assert waiting.bookings.get().status == Booking.Status.CONFIRMED

    email = Email.objects.get()
    assert email.to == ["anna@example.org"]
    assert email.subject == f"Zwolniło się dla Ciebie miejsce ({waiting.reference})"
    assert email.headers["Content-Language"] == "pl"
    body = email.message
    assert f"Zwolniło się miejsce na „{TITLE['pl']}” ({WHEN['pl']}) i jest teraz Twoje." in body
    assert f"Gdzie: {VENUE['pl']}, {ROOM['pl']}" in body
    assert_only_in(body, "pl", "ru", VENUE, ROOM, TITLE, WHEN)
    assert f"http://127.0.0.1:8000/pl/conference/registrations/{waiting.manage_token()}/" in body
    assert "/ru/" not in body


def test_a_promotion_names_everything_in_each_recipients_own_language(workshop):
    # One cancellation (by an English speaker) can promote several people, each told in their own language.
    Session.objects.filter(pk=workshop.pk).update(capacity=2)
    with translation.override("en"):
        leaving = [register(workshop, email=f"{who}@example.org", language="en") for who in ("amy", "bob")]
        waiting = {code: register(workshop, email=f"{code}@example.org", language=code) for code in ("uk", "pl")}
        Email.objects.all().delete()
        for registration in leaving:
            cancel_registration(registration=registration)
    for code, registration in waiting.items():
        body = Email.objects.get(to=[registration.email]).message
        assert_only_in(body, code, "en", VENUE, ROOM, TITLE, WHEN)


def test_a_plain_context_refuses_objects_that_keep_another_language(workshop):
    with translation.override("ru"):
        session = Session.objects.get(pk=workshop.pk)
    with pytest.raises(TypeError, match="pass a function"):
        queue_email(to="a@example.org", language="pl", template="conference/email/promoted", context={"s": session})
    assert not Email.objects.exists()
