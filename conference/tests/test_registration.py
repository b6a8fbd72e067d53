"""Registration: places that never overbook, the waiting list, double submits, e-mails and managing it."""

import csv
import datetime
import io
import re
import threading
import uuid

import icalendar
import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from post_office.models import Email

from conference.apps import REGISTRATIONS
from conference.models import Booking, Registration, Session
from conference.services import SessionRequest, cancel_booking, register_attendee
from conference.tests.factories import BookingFactory, ConferenceFactory, RegistrationFactory, SessionFactory
from core.groups import EDITORS

pytestmark = pytest.mark.integration


def form_data(**overrides):
    data = {
        "name": "Oksana Kovalenko",
        "email": "oksana@example.org",
        "language": "uk",
        "idempotency_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


@pytest.fixture
def workshop(db) -> Session:
    """A workshop of the current conference, with ten places, in Polish and interpreted into Ukrainian."""
    titles = {"pl": "Warsztat: karta pobytu", "uk": "Майстер-клас: карта побиту крок за кроком"}
    return SessionFactory(titles=titles, registration_required=True, capacity=10, interpretation=["uk", "ru"])


def test_registering_books_places_and_shows_the_confirmation(client, workshop):
    first_day = workshop.conference.days.first()
    response = client.post(
        "/uk/conference/register/",
        form_data(sessions=[workshop.pk], **{f"interpretation_{workshop.code}": "uk"}, days=[first_day.pk]),
    )
    assert response.status_code == 302
    registration = Registration.objects.get(email="oksana@example.org")
    assert re.fullmatch(rf"OK{workshop.conference.start_date:%y}-[A-Z0-9]{{4}}", registration.reference)
    assert response["Location"] == f"/uk/conference/registrations/{registration.manage_token()}/?new=1"
    booking = registration.bookings.get()
    assert (booking.session, booking.status, booking.interpretation) == (workshop, "confirmed", "uk")
    assert list(registration.days.all()) == [first_day]
    page = client.get(response["Location"]).content.decode()
    assert "Ви зареєструвалися" in page
    assert registration.reference in page
    assert "у вас є місце" in page
    assert "Майстер-клас: карта побиту крок за кроком" in page


def test_the_same_form_posted_twice_is_one_registration(client, workshop):
    data = form_data()
    first = client.post("/en/conference/register/", data)
    second = client.post("/en/conference/register/", data)
    assert first["Location"] == second["Location"]
    assert Registration.objects.filter(email="oksana@example.org").count() == 1
    assert Email.objects.filter(to=["oksana@example.org"]).count() == 1


def test_confirmation_email_is_in_ukrainian_with_manage_and_calendar_links(workshop, mailoutbox):
    registration = register_attendee(
        conference=workshop.conference,
        idempotency_key=uuid.uuid4(),
        name="Oksana",
        email="oksana@example.org",
        language="uk",
        sessions=[SessionRequest(workshop)],
    )
    call_command("outbox_worker", once=True)
    message = next(m for m in mailoutbox if m.to == ["oksana@example.org"])
    assert message.subject == f"Ваша реєстрація {registration.reference} на конференцію «Відкритий Краків»"
    token = registration.manage_token()
    assert f"http://127.0.0.1:8000/uk/conference/registrations/{token}/" in message.body
    assert f"/uk/conference/registrations/{token}/calendar.ics" in message.body
    assert "Майстер-клас: карта побиту крок за кроком" in message.body


def test_a_full_session_puts_people_on_the_waiting_list_and_cancelling_promotes_them(db, mailoutbox):
    session = SessionFactory(registration_required=True, capacity=2)
    people = [
        register_attendee(
            conference=session.conference,
            idempotency_key=uuid.uuid4(),
            name=f"P{n}",
            email=f"p{n}@example.org",
            language="pl",
            sessions=[SessionRequest(session)],
        )
        for n in range(4)
    ]
    statuses = [p.bookings.get().status for p in people]
    assert statuses == ["confirmed", "confirmed", "waiting", "waiting"]
    Email.objects.all().delete()
    promoted = cancel_booking(booking=people[0].bookings.get())
    assert promoted.registration == people[2]
    assert people[2].bookings.get().status == "confirmed"
    assert people[3].bookings.get().status == "waiting"
    assert Email.objects.get().to == ["p2@example.org"]


@pytest.mark.django_db(transaction=True)
def test_fifty_people_at_once_never_overbook(django_db_blocker):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL; SQLite serialises writers instead")
    session = SessionFactory(registration_required=True, capacity=10)
    errors, barrier = [], threading.Barrier(50)

    def register(n):
        try:
            barrier.wait()
            register_attendee(
                conference=session.conference,
                idempotency_key=uuid.uuid4(),
                name=f"P{n}",
                email=f"p{n}@example.org",
                language="pl",
                sessions=[SessionRequest(session)],
            )
        except Exception as error:  # noqa: BLE001 (any error fails the test below)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(n,)) for n in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    bookings = Booking.objects.filter(session=session)
    assert bookings.filter(status="confirmed").count() == 10
    assert bookings.filter(status="waiting").count() == 40

    Email.objects.all().delete()
    waiting = list(bookings.filter(status="waiting").order_by("created_at", "pk")[:3])
    for booking in bookings.filter(status="confirmed")[:3]:
        cancel_booking(booking=booking)
    assert [b.pk for b in bookings.filter(status="confirmed").order_by("created_at", "pk")][-3:] == [
        b.pk for b in waiting
    ]
    assert Email.objects.count() == 3


def test_field_errors_are_shown_translated_and_keep_what_was_typed(client, workshop):
    response = client.post(
        "/pl/conference/register/", form_data(name="", email="not-an-email", accessibility_needs="x" * 1200)
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert '<h2 id="error-summary-title">Wystąpił problem</h2>' in html
    assert "Wprowadź poprawny adres email." in html
    assert 'value="not-an-email"' in html
    # The control names its hint and its error, and both are on the page under those ids.
    assert 'aria-describedby="id_email_helptext id_email_error"' in html
    assert 'id="id_email_helptext"' in html and 'id="id_email_error"' in html
    assert not Registration.objects.exists()


def test_a_session_from_another_conference_is_refused(client, workshop):
    later = ConferenceFactory(start_date=workshop.conference.start_date + datetime.timedelta(days=365))
    foreign = SessionFactory(conference=later, registration_required=True, capacity=5)
    response = client.post("/en/conference/register/", form_data(sessions=[foreign.pk]))
    assert response.status_code == 400
    assert not Registration.objects.filter(email="oksana@example.org").exists()
    assert client.post("/en/conference/register/", form_data(sessions=[workshop.pk])).status_code == 302


def test_manage_page_cancels_one_and_changes_interpretation(client, workshop):
    advice = SessionFactory(conference=workshop.conference, registration_required=True, capacity=8)
    registration = register_attendee(
        conference=workshop.conference,
        idempotency_key=uuid.uuid4(),
        name="Oksana",
        email="oksana@example.org",
        language="uk",
        sessions=[SessionRequest(workshop), SessionRequest(advice)],
    )
    url = registration.get_manage_url()
    booking = registration.bookings.get(session=workshop)
    client.post(url, {"action": "interpretation", "booking": booking.pk, "interpretation": "uk"})
    booking.refresh_from_db()
    assert booking.interpretation == "uk"
    refused = client.post(url, {"action": "interpretation", "booking": booking.pk, "interpretation": "de"})
    assert refused.status_code == 400
    booking.refresh_from_db()
    assert booking.interpretation == "uk"
    advice_booking = registration.bookings.get(session=advice)
    client.post(url, {"action": "cancel", "booking": advice_booking.pk})
    advice_booking.refresh_from_db()
    assert advice_booking.status == "cancelled"
    assert registration.bookings.get(session=workshop).status == "confirmed"
    calendar = icalendar.Calendar.from_ical(client.get(url + "calendar.ics").content)
    assert [str(event["uid"]) for event in calendar.walk("VEVENT")] == [f"{workshop.guid}@openkrakow"]


def test_forged_manage_tokens_get_a_translated_404(client, db):
    other = BookingFactory().registration
    response = client.get("/ru/conference/registrations/forged-token/")
    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()
    token = other.manage_token()
    assert client.get(f"/en/conference/registrations/{token}/").status_code == 200
    assert (
        client.post(f"/en/conference/registrations/{token}/", {"action": "cancel", "booking": 999999}).status_code
        == 404
    )


def test_only_the_registrations_group_sees_registrations(client, django_user_model, db):
    session = SessionFactory(titles={"en": "Residence papers"}, registration_required=True, capacity=3)
    for interpretation in ("uk", "en", "uk", ""):
        BookingFactory(session=session, interpretation=interpretation)
    BookingFactory(session=session, interpretation="uk", status=Booking.Status.CANCELLED)
    Booking.objects.filter(pk=Booking.objects.order_by("pk")[3].pk).update(status=Booking.Status.WAITING)
    editor = django_user_model.objects.create_user("edek", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    assert client.get("/admin/conference/registration/").status_code == 403
    assert "/admin/conference/registration/" not in client.get("/admin/").content.decode()
    staff = django_user_model.objects.create_user("rena", password="x", is_staff=True)
    staff.groups.add(Group.objects.get(name=REGISTRATIONS))
    client.force_login(staff)
    assert client.get("/admin/conference/registration/").status_code == 200
    summary = " ".join(client.get("/admin/conference/registration/summary/").content.decode().split())
    row = summary.split(f"<code>{session.code}</code></th>")[1].split("</tr>")[0]
    # Its capacity, the places taken, the people waiting, and the interpretation wanted, not counting cancellations.
    assert row.strip() == "<td>3</td> <td>3</td> <td>1</td> <td>English: 1, Ukrainian: 2</td>"


def test_csv_export_escapes_formulas(admin_client, db):
    booked = BookingFactory(registration__name="=HYPERLINK(1)").registration
    plain = RegistrationFactory(name="Piotr", conference=booked.conference)
    RegistrationFactory(conference=booked.conference)  # not selected
    ids = [booked.pk, plain.pk]
    response = admin_client.post("/admin/conference/registration/", {"action": "export_csv", "_selected_action": ids})
    assert response["Content-Type"].startswith("text/csv")
    header, *rows = csv.reader(io.StringIO(response.content.decode()))
    assert header[:2] == ["reference", "name"]
    assert sorted(rows) == sorted(
        [
            [booked.reference, "'=HYPERLINK(1)", booked.email, "pl", "", booked.bookings.get().session.code, "", ""],
            [plain.reference, "Piotr", plain.email, "pl", "", "", "", ""],
        ]
    )


def test_purge_anonymises_past_registrations_and_keeps_counts(db):
    past = ConferenceFactory(past=True)
    old = [BookingFactory(session__conference=past).registration for _ in range(3)]
    upcoming = BookingFactory().registration
    call_command("purge_registrations", "--older-than", "30", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert set(Registration.objects.filter(anonymised_at__isnull=False)) == set(old)
    assert set(Registration.objects.values_list("name", flat=True)) == {"", upcoming.name}
    assert not Registration.objects.filter(email__in=[r.email for r in old]).exists()
    assert Booking.objects.count() == 4  # the places taken are still counted


def test_overview_shows_places_left_and_the_full_event(client, workshop):
    parents = SessionFactory(
        conference=workshop.conference, titles={"en": "Workshop for parents"}, registration_required=True, capacity=2
    )
    for number in range(2):
        register_attendee(
            conference=workshop.conference,
            idempotency_key=uuid.uuid4(),
            name=f"P{number}",
            email=f"p{number}@example.org",
            language="pl",
            sessions=[SessionRequest(parents)],
        )
    html = " ".join(client.get("/en/conference/").content.decode().split())
    assert "Workshop for parents</a>: 0 places left" in html
    assert "Warsztat: karta pobytu</a>: 10 places left" in html  # no English title: the Polish one


def test_a_reused_form_key_opens_nobody_elses_registration(client, workshop):
    data = form_data()
    assert client.post("/en/conference/register/", data).status_code == 302
    response = client.post("/en/conference/register/", {**data, "email": "intruder@example.org"})
    assert response.status_code == 400
    assert "This form has already been sent." in response.content.decode()
    assert list(Registration.objects.values_list("email", flat=True)) == ["oksana@example.org"]


def test_newcomers_join_the_queue_while_people_wait(db):
    session = SessionFactory(registration_required=True, capacity=1)

    def register(n):
        return register_attendee(
            conference=session.conference,
            idempotency_key=uuid.uuid4(),
            name=f"P{n}",
            email=f"p{n}@example.org",
            language="pl",
            sessions=[SessionRequest(session)],
        )

    first, second = register(1), register(2)
    Session.objects.filter(pk=session.pk).update(capacity=2)  # an editor adds a place
    third = register(3)
    assert [p.bookings.get().status for p in (first, second, third)] == ["confirmed", "waiting", "waiting"]
