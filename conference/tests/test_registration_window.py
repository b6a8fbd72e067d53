"""Registration opens and closes when editors say, and always closes once the conference is over.

The tests' current edition is upcoming, with registration open until the day before it starts; a 2017 edition is
over. A registration for a closed conference stores nothing and sends nothing, whether it comes through the form,
a POST built by hand, or the service itself; the pages say in every language whether and until when one can
register, and link to the form only while it is open.
"""

import datetime
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from post_office.models import Email

from conference.models import Conference, Registration, Session
from conference.services import SessionRequest, register_attendee
from conference.tests.factories import WARSAW, ConferenceFactory, SessionFactory

pytestmark = pytest.mark.integration

EMAIL = "olena@example.org"
CLOSED_FOR_GOOD = {
    "pl": "Rejestracja jest zamknięta: ta konferencja już się odbyła.",
    "en": "Registration is closed: this conference is over.",
    "uk": "Реєстрацію закрито: ця конференція вже завершилася.",
    "ru": "Регистрация закрыта: эта конференция уже завершилась.",
}
OPEN_UNTIL = {
    "pl": "Rejestracja jest otwarta do",
    "en": "Registration is open until",
    "uk": "Реєстрація відкрита до",
    "ru": "Регистрация открыта до",
}
OPENS_ON = {
    "pl": "Rejestracja rozpocznie się",
    "en": "Registration opens on",
    "uk": "Реєстрація відкриється",
    "ru": "Регистрация откроется",
}
CLOSED = {
    "pl": "Rejestracja jest zamknięta.",
    "en": "Registration is closed.",
    "uk": "Реєстрацію закрито.",
    "ru": "Регистрация закрыта.",
}
REFUSED = {
    "pl": "Rejestracja na tę konferencję jest zamknięta.",
    "uk": "Реєстрацію на цю конференцію закрито.",
}


def form_data(conference: Conference, language: str, **fields) -> dict:
    return {
        "name": "Olena Kovalenko",
        "email": EMAIL,
        "language": language,
        "idempotency_key": str(uuid.uuid4()),
        "days": [conference.days.first().pk],
        **fields,
    }


def nothing_stored():
    return not Registration.objects.filter(email=EMAIL).exists() and not Email.objects.filter(to=[EMAIL]).exists()


PAST_EDITION = "conference/editions/krakow-2017/"


@pytest.fixture
def only_2017(db) -> Conference:
    """A database from before any upcoming edition: the 2017 conference, over, is the only and current one."""
    return ConferenceFactory(past=True, slug="krakow-2017")


@pytest.fixture
def workshop_2017(only_2017) -> Session:
    """A workshop of 2017 that needed registration, interpreted into Ukrainian."""
    return SessionFactory(conference=only_2017, registration_required=True, capacity=10, interpretation=["uk"])


@pytest.fixture
def upcoming(workshop_2017) -> Conference:
    """The upcoming edition, current, with registration open from today until the day before it starts; the 2017
    edition is in the archive."""
    conference = ConferenceFactory(slug="krakow-next")
    conference.registration_opens = datetime.datetime.combine(timezone.localdate(), datetime.time(), tzinfo=WARSAW)
    conference.registration_closes = datetime.datetime.combine(
        conference.start_date - datetime.timedelta(days=1), datetime.time(23, 59), tzinfo=WARSAW
    )
    conference.save()
    return conference


@pytest.fixture
def upcoming_workshop(upcoming) -> Session:
    return SessionFactory(conference=upcoming, registration_required=True, capacity=2)


def edit(conference: Conference, **fields) -> Conference:
    for name, value in fields.items():
        setattr(conference, name, value)
    conference.save()
    return conference


@pytest.mark.parametrize("language", ["pl", "uk"])
def test_a_registration_posted_for_the_2017_conference_stores_nothing_and_says_why(
    client, only_2017, workshop_2017, language
):
    workshop = workshop_2017
    data = form_data(only_2017, language, sessions=[workshop.pk], **{f"interpretation_{workshop.code}": "uk"})
    response = client.post(f"/{language}/conference/register/", data)
    assert response.status_code == 403
    assert CLOSED_FOR_GOOD[language] in response.content.decode()
    assert nothing_stored()
    assert not workshop.bookings.filter(registration__email=EMAIL).exists()


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
def test_the_2017_registration_page_says_it_is_closed_instead_of_the_form(client, only_2017, language):
    response = client.get(f"/{language}/conference/register/")
    html = response.content.decode()
    assert response.status_code == 200
    assert CLOSED_FOR_GOOD[language] in html
    assert 'class="registration-form"' not in html
    assert f'href="/{language}/conference/archive/"' in html


@pytest.mark.parametrize("language", ["pl", "uk"])
def test_the_service_refuses_a_conference_that_is_over(only_2017, workshop_2017, language):
    with translation.override(language), pytest.raises(ValidationError) as refused:
        register_attendee(
            conference=only_2017,
            idempotency_key=uuid.uuid4(),
            name="Olena",
            email=EMAIL,
            language=language,
            sessions=[SessionRequest(workshop_2017)],
        )
    assert refused.value.code == "registration_closed"
    with translation.override(language):
        assert refused.value.messages == [REFUSED[language]]
    assert nothing_stored()


def test_a_form_posted_by_hand_for_a_2017_session_is_refused_while_another_edition_is_current(
    client, upcoming, workshop_2017
):
    response = client.post("/uk/conference/register/", form_data(upcoming, "uk", sessions=[workshop_2017.pk]))
    assert response.status_code == 400
    assert nothing_stored()


def test_registration_is_open_for_the_upcoming_edition(client, upcoming, upcoming_workshop):
    assert upcoming.registration_state() == "open"
    response = client.post("/en/conference/register/", form_data(upcoming, "en", sessions=[upcoming_workshop.pk]))
    assert response.status_code == 302
    registration = Registration.objects.get(email=EMAIL)
    assert registration.conference == upcoming
    assert registration.bookings.get().session == upcoming_workshop
    assert registration.bookings.get().status == "confirmed"
    assert Email.objects.filter(to=[EMAIL]).count() == 1


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("pl", "Rejestracja jeszcze się nie rozpoczęła"),
        ("en", "Registration is not open yet"),
        ("uk", "Реєстрація ще не відкрита"),
        ("ru", "Регистрация ещё не открыта"),
    ],
)
def test_before_it_opens_the_page_says_when_and_nothing_is_stored(client, upcoming, language, heading):
    opens = (timezone.now() + datetime.timedelta(days=3)).replace(second=0, microsecond=0)
    edit(upcoming, registration_opens=opens)
    page = client.get(f"/{language}/conference/register/")
    html = page.content.decode()
    assert page.status_code == 200
    assert f"<h1>{heading}</h1>" in html
    assert f'{OPENS_ON[language]} <time datetime="{timezone.localtime(opens).isoformat()}">' in html
    assert 'class="registration-form"' not in html
    response = client.post(f"/{language}/conference/register/", form_data(upcoming, language))
    assert response.status_code == 403
    assert nothing_stored()
    with pytest.raises(ValidationError) as refused:
        register_attendee(
            conference=upcoming, idempotency_key=uuid.uuid4(), name="Olena", email=EMAIL, language=language
        )
    assert refused.value.code == "registration_not_open"
    assert nothing_stored()


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
def test_after_the_closing_date_registration_is_closed_before_the_conference(client, upcoming, language):
    edit(upcoming, registration_closes=timezone.now() - datetime.timedelta(hours=1))
    html = client.get(f"/{language}/conference/register/").content.decode()
    assert CLOSED[language] in html
    assert 'class="registration-form"' not in html
    assert client.post(f"/{language}/conference/register/", form_data(upcoming, language)).status_code == 403
    assert nothing_stored()
    for address in (f"/{language}/conference/", f"/{language}/", f"/{language}/conference/schedule/"):
        page = client.get(address).content.decode()
        assert CLOSED[language] in page, address
        assert f'href="/{language}/conference/register/"' not in page, address


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
def test_the_pages_say_until_when_one_can_register_and_link_to_the_form(client, upcoming, language):
    closes = timezone.localtime(upcoming.registration_closes)
    for address in (f"/{language}/conference/", f"/{language}/", f"/{language}/conference/schedule/"):
        page = client.get(address).content.decode()
        assert f'{OPEN_UNTIL[language]} <time datetime="{closes.isoformat()}">' in page, address
        assert f'href="/{language}/conference/register/"' in page, address


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
def test_a_not_yet_open_registration_is_announced_on_the_pages_without_a_link(client, upcoming, language):
    edit(upcoming, registration_opens=timezone.now() + datetime.timedelta(days=3))
    for address in (f"/{language}/conference/", f"/{language}/", f"/{language}/conference/schedule/"):
        page = client.get(address).content.decode()
        assert OPENS_ON[language] in page, address
        assert f'href="/{language}/conference/register/"' not in page, address


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
def test_the_2017_pages_say_registration_is_closed_and_never_link_to_the_form(
    client, upcoming, workshop_2017, language
):
    for address in (
        f"/{language}/{PAST_EDITION}",
        f"/{language}/{PAST_EDITION}schedule/",
        f"/{language}/conference/sessions/{workshop_2017.code}/",  # needed registration, in 2017
    ):
        response = client.get(address)
        assert response.status_code == 200, address
        assert f'href="/{language}/conference/register/"' not in response.content.decode(), address
    overview = client.get(f"/{language}/{PAST_EDITION}").content.decode()
    assert CLOSED_FOR_GOOD[language] in overview


@pytest.mark.unit
def test_registration_closes_when_the_conference_ends_where_it_takes_place(db):
    conference = ConferenceFactory(
        start_date=datetime.date(2017, 2, 23),
        end_date=datetime.date(2017, 2, 25),
        registration_opens=datetime.datetime(2017, 1, 20, tzinfo=WARSAW),
    )
    state = conference.registration_state
    assert state(datetime.datetime(2017, 1, 19, 23, 59, tzinfo=WARSAW)) == "not_yet_open"
    assert state(datetime.datetime(2017, 1, 20, tzinfo=WARSAW)) == "open"
    assert state(datetime.datetime(2017, 2, 25, 23, 59, tzinfo=WARSAW)) == "open"  # the last day, in Kraków
    assert state(datetime.datetime(2017, 2, 25, 23, 0, tzinfo=datetime.UTC)) == "closed"  # already the 26th there
    assert state(datetime.datetime(2026, 11, 30, tzinfo=WARSAW)) == "closed"
    conference.registration_closes = datetime.datetime(2017, 2, 22, 18, tzinfo=WARSAW)
    assert state(datetime.datetime(2017, 2, 22, 17, 59, tzinfo=WARSAW)) == "open"
    assert state(datetime.datetime(2017, 2, 22, 18, tzinfo=WARSAW)) == "closed"
    conference.registration_opens = conference.registration_closes = None
    assert state(datetime.datetime(2017, 2, 25, 12, tzinfo=WARSAW)) == "open"
    assert state(datetime.datetime(2017, 2, 26, tzinfo=WARSAW)) == "closed"  # whatever the dates say


@pytest.mark.unit
@translation.override("en")
def test_editors_get_clear_errors_for_an_impossible_registration_window(db):
    conference = ConferenceFactory()
    end = datetime.datetime.combine(conference.end_date, datetime.time(23, 59), tzinfo=WARSAW)
    conference.registration_opens, conference.registration_closes = end, end - datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="Registration must close after it opens."):
        conference.full_clean()
    conference.registration_opens, conference.registration_closes = None, end + datetime.timedelta(minutes=2)
    with pytest.raises(ValidationError, match="Registration must close by the end of the conference."):
        conference.full_clean()
    conference.registration_closes = end
    conference.full_clean()
