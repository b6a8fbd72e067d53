"""Registration holds when the same form arrives many times at once, from several workers at once."""

import threading
import uuid

import pytest
from django.test import Client
from post_office.models import Email

from conference.models import Registration
from conference.tests.factories import SessionFactory
from core.tests.parallel import at_once, postgresql_only

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True), postgresql_only]


@pytest.fixture
def first_one_stored_meanwhile(monkeypatch):
    """The race as it happens in production: every copy finds no registration yet, then one copy is stored and
    committed before the others validate theirs. The first thread's request runs through; the others pause just
    before validating until it has answered."""
    first_answered, following = threading.Event(), threading.local()
    full_clean = Registration.full_clean

    def full_clean_after_the_first(self, *args, **kwargs):
        if getattr(following, "yes", False):
            first_answered.wait(timeout=30)
        return full_clean(self, *args, **kwargs)

    monkeypatch.setattr(Registration, "full_clean", full_clean_after_the_first)

    def post(n, data):
        following.yes = n > 0
        response = Client().post("/pl/conference/register/", data)
        if n == 0:
            first_answered.set()
        return response

    return post


def form(session, **overrides):
    return {
        "name": "Oksana Kovalenko",
        "email": "oksana@example.org",
        "language": "uk",
        "idempotency_key": str(uuid.uuid4()),
        "sessions": [session.pk],
        **overrides,
    }


def test_the_same_registration_posted_twenty_times_at_once_is_one_registration(first_one_stored_meanwhile):
    data = form(SessionFactory(registration_required=True, capacity=10))
    responses = at_once(lambda n: first_one_stored_meanwhile(n, data), 20)
    assert [r.status_code for r in responses] == [302] * 20
    registration = Registration.objects.get()
    assert {r["Location"] for r in responses} == {registration.get_manage_url() + "?new=1"}
    assert registration.bookings.get().status == "confirmed"
    assert Email.objects.filter(to=["oksana@example.org"]).count() == 1


def test_the_same_form_key_from_another_address_at_once_gets_the_translated_refusal(first_one_stored_meanwhile):
    data = form(SessionFactory(registration_required=True, capacity=10))
    intruder = {**data, "email": "intruder@example.org"}
    first, second = at_once(lambda n: first_one_stored_meanwhile(n, intruder if n else data), 2)
    assert first.status_code == 302
    assert second.status_code == 400
    html = second.content.decode()
    assert "Ten formularz został już wysłany. Odśwież stronę i wypełnij go ponownie." in html
    assert "already exists" not in html and "już istnieje" not in html
    assert Registration.objects.get().email == "oksana@example.org"
