"""Registration: places that never overbook, the waiting list, double submits, e-mails and managing it."""

import re
import threading
import uuid

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from post_office.models import Email

from conference.apps import REGISTRATIONS
from conference.models import Booking, Registration, Session
from conference.services import SessionRequest, cancel_booking, register_attendee
from conference.tests.factories import ConferenceFactory, SessionFactory
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


def test_registering_books_places_and_shows_the_confirmation(client, demo):
    workshop = Session.objects.get(code="OKDE06")  # the upcoming edition's, interpreted into Ukrainian
    response = client.post(
        "/uk/conference/register/",
        form_data(sessions=[workshop.pk], interpretation_OKDE06="uk", days=[workshop.conference.days.first().pk]),
    )
    assert response.status_code == 302
    registration = Registration.objects.get(email="oksana@example.org")
    assert re.fullmatch(rf"OK{workshop.conference.start_date:%y}-[A-Z0-9]{{4}}", registration.reference)
    assert response["Location"] == f"/uk/conference/registrations/{registration.manage_token()}/?new=1"
    booking = registration.bookings.get()
    assert (booking.status, booking.interpretation) == ("confirmed", "uk")
    page = client.get(response["Location"]).content.decode()
    assert "Ви зареєструвалися" in page
    assert registration.reference in page
    assert "у вас є місце" in page


def test_the_same_form_posted_twice_is_one_registration(client, demo):
    data = form_data()
    first = client.post("/en/conference/register/", data)
    second = client.post("/en/conference/register/", data)
    assert first["Location"] == second["Location"]
    assert Registration.objects.filter(email="oksana@example.org").count() == 1
    assert Email.objects.filter(to=["oksana@example.org"]).count() == 1


def test_confirmation_email_is_in_ukrainian_with_manage_and_calendar_links(demo, mailoutbox):
    conference = Session.objects.get(code="OKDE06").conference
    registration = register_attendee(
        conference=conference,
        idempotency_key=uuid.uuid4(),
        name="Oksana",
        email="oksana@example.org",
        language="uk",
        sessions=[SessionRequest(Session.objects.get(code="OKDE06"))],
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


def test_field_errors_are_shown_translated_and_keep_what_was_typed(client, demo):
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


def test_a_session_from_another_conference_is_refused(client, demo):
    foreign = SessionFactory(conference=ConferenceFactory(), registration_required=True, capacity=5)
    response = client.post("/en/conference/register/", form_data(sessions=[foreign.pk]))
    assert response.status_code == 400
    assert not Registration.objects.filter(email="oksana@example.org").exists()


def test_manage_page_cancels_one_and_changes_interpretation(client, demo):
    conference = Session.objects.get(code="OKDE06").conference
    registration = register_attendee(
        conference=conference,
        idempotency_key=uuid.uuid4(),
        name="Oksana",
        email="oksana@example.org",
        language="uk",
        sessions=[SessionRequest(Session.objects.get(code=c)) for c in ("OKDE06", "OKDE08")],
    )
    url = registration.get_manage_url()
    workshop = registration.bookings.get(session__code="OKDE06")
    client.post(url, {"action": "interpretation", "booking": workshop.pk, "interpretation": "uk"})
    workshop.refresh_from_db()
    assert workshop.interpretation == "uk"
    assert (
        client.post(url, {"action": "interpretation", "booking": workshop.pk, "interpretation": "de"}).status_code
        == 400
    )
    games = registration.bookings.get(session__code="OKDE08")  # the advice afternoon
    client.post(url, {"action": "cancel", "booking": games.pk})
    games.refresh_from_db()
    assert games.status == "cancelled"
    calendar = client.get(url + "calendar.ics").content.decode()
    assert calendar.count("BEGIN:VEVENT") == 1


def test_forged_manage_tokens_get_a_translated_404(client, demo):
    response = client.get("/ru/conference/registrations/forged-token/")
    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()
    other = Registration.objects.first()
    token = other.manage_token()
    assert (
        client.post(f"/en/conference/registrations/{token}/", {"action": "cancel", "booking": 999999}).status_code
        == 404
    )


def test_only_the_registrations_group_sees_registrations(client, django_user_model, demo):
    editor = django_user_model.objects.create_user("edek", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    assert client.get("/admin/conference/registration/").status_code == 403
    assert "/admin/conference/registration/" not in client.get("/admin/").content.decode()
    staff = django_user_model.objects.create_user("rena", password="x", is_staff=True)
    staff.groups.add(Group.objects.get(name=REGISTRATIONS))
    client.force_login(staff)
    assert client.get("/admin/conference/registration/").status_code == 200
    summary = client.get("/admin/conference/registration/summary/").content.decode()
    assert "Ukrainian: 2" in summary


def test_csv_export_escapes_formulas(admin_client, demo):
    Registration.objects.filter(name="Piotr Demo").update(name="=HYPERLINK(1)")
    ids = list(Registration.objects.values_list("pk", flat=True))
    response = admin_client.post("/admin/conference/registration/", {"action": "export_csv", "_selected_action": ids})
    content = response.content.decode()
    assert response["Content-Type"].startswith("text/csv")
    assert "'=HYPERLINK(1)" in content
    assert content.count("\n") == 7


def test_purge_anonymises_past_registrations_and_keeps_counts(demo):
    call_command("purge_registrations", "--older-than", "30", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Registration.objects.filter(anonymised_at__isnull=False).count() == 6
    assert not Registration.objects.exclude(name="").exists()
    assert Booking.objects.count() == 6


def test_overview_shows_places_left_and_the_full_event(client, demo):
    workshop = Session.objects.get(code="OKDE07")  # two places
    for number in range(2):
        register_attendee(
            conference=workshop.conference,
            idempotency_key=uuid.uuid4(),
            name=f"P{number}",
            email=f"p{number}@example.org",
            language="pl",
            sessions=[SessionRequest(workshop)],
        )
    html = client.get("/en/conference/").content.decode()
    assert "Workshop for parents: helping a child grow up with two languages</a>:\n              0 places left" in html
    assert "Workshop: the residence card, step by step</a>:\n              10 places left" in html


def test_a_reused_form_key_opens_nobody_elses_registration(client, demo):
    data = form_data()
    client.post("/en/conference/register/", data)
    response = client.post("/en/conference/register/", {**data, "email": "intruder@example.org"})
    assert response.status_code == 400
    assert "This form has already been sent." in response.content.decode()


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
