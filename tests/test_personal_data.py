"""The right of access and erasure across the site: one address's feedback, registrations, volunteer sign-ups and
the e-mails sent to it, from the admin page "Personal data of an address" and the feedback reports' actions."""

import json
import uuid

import pytest
from django.contrib.auth.models import Group, Permission
from post_office.models import Email

from conference.models import Booking, Registration
from conference.services import SessionRequest, VolunteerOffer, register_attendee
from conference.tests.factories import ConferenceFactory, SessionFactory
from core.personal_data import DATA_PROTECTION
from feedback.models import Report
from feedback.services import submit_report
from feedback.tests.factories import CategoryFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

URL = "/admin/personal-data/"


@pytest.fixture
def olena(db):
    """Olena's report, her registration with a booking, and her volunteer sign-up; and Piotr's, who is not her."""
    category = CategoryFactory(air_quality=True)
    conference = ConferenceFactory()
    session = SessionFactory(conference=conference, registration_required=True, capacity=1)
    day = conference.days.first()
    for name, email in [("Olena", "Olena.K@example.org"), ("Piotr", "piotr@example.org")]:
        submit_report(
            idempotency_key=uuid.uuid4(),
            category=category,
            message=f"Smog near {name}'s school",
            language="uk",
            name=name,
            email=email,
        )
    registration = register_attendee(
        conference=conference,
        idempotency_key=uuid.uuid4(),
        name="Olena Kowalenko",
        email="Olena.K@example.org",
        language="uk",
        days=[day],
        sessions=[SessionRequest(session=session)],
        accessibility_needs="Step-free access",
        volunteer=VolunteerOffer(roles=("interpreter",), language_pairs="uk-pl", days=(day,)),
    )
    waiting = register_attendee(
        conference=conference,
        idempotency_key=uuid.uuid4(),
        name="Piotr Nowak",
        email="piotr@example.org",
        language="pl",
        sessions=[SessionRequest(session=session)],
    )
    return registration, waiting


def export(client, email="olena.k@EXAMPLE.org"):
    return client.post(URL, {"email": email, "export": "1"})


def test_the_export_holds_the_report_the_registration_and_the_volunteer_sign_up(admin_client, olena):
    response = export(admin_client)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="personal-data-')
    data = json.loads(response.content)
    [report] = data["feedback"]["reports"]
    assert report["message"] == "Smog near Olena's school"
    [registration] = data["conference"]["registrations"]
    assert (registration["name"], registration["accessibility_needs"]) == ("Olena Kowalenko", "Step-free access")
    assert [b["status"] for b in registration["bookings"]] == ["confirmed"]
    [volunteering] = data["conference"]["volunteering"]
    assert (volunteering["roles"], volunteering["language_pairs"]) == (["interpreter"], "uk-pl")
    assert data["outbox"]["emails"], "the confirmations sent to her are personal data too"


def test_another_addresss_data_is_not_in_the_export(admin_client, olena):
    text = export(admin_client).content.decode()
    assert "Olena" in text
    assert "Piotr" not in text and "piotr@example.org" not in text


def test_the_address_matches_in_any_case(admin_client, olena):
    data = json.loads(export(admin_client, "OLENA.K@example.ORG").content)
    assert len(data["feedback"]["reports"]) == len(data["conference"]["registrations"]) == 1
    assert len(data["outbox"]["emails"]) == len(Email.objects.filter(to__icontains="olena.k@example.org"))


@pytest.mark.parametrize("address", ["", "not an address", "olena@", "x" * 300 + "@example.org", "<b>@example..org"])
def test_a_bad_address_is_an_error_on_the_form_not_a_500(admin_client, olena, address):
    response = admin_client.post(URL, {"email": address, "export": "1"})
    assert response.status_code == 200
    assert "errornote" in response.content.decode()


def test_staff_who_may_not_see_every_part_are_refused(client, django_user_model, olena):
    moderator = django_user_model.objects.create_user("mod", password="x", is_staff=True)
    moderator.user_permissions.add(*Permission.objects.filter(content_type__app_label="feedback"))
    client.force_login(moderator)
    assert client.get(URL).status_code == 403
    assert export(client).status_code == 403
    assert "Personal data of an address" not in client.get("/admin/").content.decode()


def test_the_data_protection_group_may_export_and_erase(client, django_user_model, olena):
    officer = django_user_model.objects.create_user("dpo", password="x", is_staff=True)
    officer.groups.add(Group.objects.get(name=DATA_PROTECTION))
    client.force_login(officer)
    assert "Personal data of an address" in client.get("/admin/").content.decode()
    assert export(client).status_code == 200
    response = client.post(URL, {"email": "olena.k@example.org", "erase": "1", "confirm": "on"}, follow=True)
    assert "Personal data erased or anonymised" in response.content.decode()


def test_erasure_reaches_every_part_and_gives_her_place_to_the_person_waiting(admin_client, olena):
    registration, waiting = olena
    unconfirmed = admin_client.post(URL, {"email": "olena.k@example.org", "erase": "1"})
    assert "Tick the box to confirm the erasure." in unconfirmed.content.decode()
    assert Registration.objects.get(pk=registration.pk).anonymised_at is None

    admin_client.post(URL, {"email": "OLENA.K@example.org", "erase": "1", "confirm": "on"})
    registration.refresh_from_db()
    assert (registration.name, registration.accessibility_needs) == ("", "")
    assert registration.anonymised_at is not None
    assert registration.volunteer.language_pairs == ""
    assert not Report.objects.filter(email__iexact="olena.k@example.org").exists()
    assert not Email.objects.filter(to__icontains="olena.k@example.org").exists()
    assert waiting.bookings.get().status == Booking.Status.CONFIRMED
    assert Report.objects.get(email="piotr@example.org").message == "Smog near Piotr's school"
    data = json.loads(export(admin_client).content)
    assert data["feedback"]["reports"] == data["conference"]["registrations"] == data["outbox"]["emails"] == []


def test_the_feedback_action_exports_every_part_too(admin_client, olena):
    ids = list(Report.objects.filter(email__iexact="olena.k@example.org").values_list("pk", flat=True))
    response = admin_client.post("/admin/feedback/report/", {"action": "export_for_address", "_selected_action": ids})
    data = json.loads(response.content)
    assert [r["name"] for r in data["conference"]["registrations"]] == ["Olena Kowalenko"]
    assert data["conference"]["volunteering"][0]["roles"] == ["interpreter"]


@pytest.mark.parametrize(
    ("language", "heading"),
    [("uk", "Персональні дані адреси"), ("pl", "Dane osobowe adresu"), ("ru", "Персональные данные адреса")],
)
def test_the_page_reads_in_the_admins_language(admin_client, olena, language, heading):
    response = admin_client.get(URL, HTTP_ACCEPT_LANGUAGE=language)
    assert heading in response.content.decode()
