"""The personal-data page attacked from the edges: addresses written another way than they were stored, an erasure
that fails halfway, and the person on the waiting list who gets the erased person's place."""

import dataclasses
import json
import uuid

import pytest
from post_office.models import STATUS, Email

from conference.models import Booking, Registration
from conference.services import SessionRequest, register_attendee
from conference.tests.factories import ConferenceFactory, SessionFactory
from core import personal_data
from feedback.models import Report
from feedback.services import submit_report
from feedback.tests.factories import CategoryFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

URL = "/admin/personal-data/"


def register(conference, *, name, email, language, session=None):
    return register_attendee(
        conference=conference,
        idempotency_key=uuid.uuid4(),
        name=name,
        email=email,
        language=language,
        days=[conference.days.first()],
        sessions=[SessionRequest(session=session)] if session else [],
    )


def report(email):
    submit_report(
        idempotency_key=uuid.uuid4(),
        category=CategoryFactory(air_quality=True),
        message="Smog near the school",
        language="pl",
        name="Jan",
        email=email,
    )


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("jan@żółw.pl", "JAN@ŻÓŁW.PL"),  # upper case beyond ASCII: SQLite's LIKE folds ASCII only
        ("jan@żółw.pl", "jan@xn--w-uga1v8h.pl"),  # the same domain as the mail server writes it
        ("jan@xn--w-uga1v8h.pl", "Jan@Żółw.pl"),
    ],
)
def test_an_address_is_found_however_its_domain_is_written(admin_client, db, stored, typed):
    register(ConferenceFactory(), name="Jan Kowalski", email=stored, language="pl")
    report(stored)
    data = json.loads(admin_client.post(URL, {"email": typed, "export": "1"}).content)
    assert [r["name"] for r in data["conference"]["registrations"]] == ["Jan Kowalski"]
    assert [r["name"] for r in data["feedback"]["reports"]] == ["Jan"]
    assert len(data["outbox"]["emails"]) == Email.objects.count() == 2, "the two confirmations sent to the address"

    admin_client.post(URL, {"email": typed, "erase": "1", "confirm": "on"})
    assert Registration.objects.get().name == ""
    assert Report.objects.get().email == ""
    assert not Email.objects.exists()


def test_an_address_with_the_same_start_is_not_the_same_address(admin_client, db):
    register(ConferenceFactory(), name="Jan Kowalski", email="jan@example.org.pl", language="pl")
    data = json.loads(admin_client.post(URL, {"email": "jan@example.org", "export": "1"}).content)
    assert data["conference"]["registrations"] == data["outbox"]["emails"] == []


@pytest.fixture
def full_session(db):
    """Olena (Ukrainian) holds the only place of a session; Piotr (Polish) waits for it."""
    conference = ConferenceFactory()
    session = SessionFactory(conference=conference, registration_required=True, capacity=1)
    olena = register(conference, name="Olena", email="olena@example.org", language="uk", session=session)
    piotr = register(conference, name="Piotr", email="piotr@example.org", language="pl", session=session)
    report("olena@example.org")
    assert piotr.bookings.get().status == Booking.Status.WAITING
    return olena, piotr


def test_the_person_waiting_is_promoted_and_told_in_their_own_language(admin_client, full_session):
    olena, piotr = full_session
    Email.objects.all().delete()
    admin_client.post(URL, {"email": "olena@example.org", "erase": "1", "confirm": "on"}, HTTP_ACCEPT_LANGUAGE="uk")
    assert piotr.bookings.get().status == Booking.Status.CONFIRMED
    [email] = Email.objects.all()
    assert email.to == ["piotr@example.org"]
    assert email.headers["Content-Language"] == "pl"
    assert email.subject.startswith("Zwolniło się dla Ciebie miejsce")
    assert email.status == STATUS.queued, "stored for the worker, not sent while the erasure runs"


def test_an_erasure_that_fails_halfway_changes_nothing(admin_client, full_session, monkeypatch):
    olena, piotr = full_session
    emails_before = Email.objects.count()

    def fail(address):
        raise RuntimeError("the database went away")

    # The outbox is erased last: by then the feedback and the registrations have been changed.
    holders = dict(personal_data._holders)
    holders["outbox"] = dataclasses.replace(holders["outbox"], erase=fail)
    monkeypatch.setattr(personal_data, "_holders", holders)
    admin_client.raise_request_exception = False
    assert admin_client.post(URL, {"email": "olena@example.org", "erase": "1", "confirm": "on"}).status_code == 500

    assert Registration.objects.get(pk=olena.pk).name == "Olena"
    assert Report.objects.get().email == "olena@example.org"
    assert piotr.bookings.get().status == Booking.Status.WAITING, "no place given, no e-mail about one"
    assert Email.objects.count() == emails_before
