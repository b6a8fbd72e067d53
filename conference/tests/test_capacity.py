"""Changing a session's number of places: more places go to the people waiting, in order; fewer take none away."""

import datetime
import uuid

import pytest
from django.test import Client
from post_office.models import Email

from conference.models import Booking, Registration
from conference.services import SessionRequest, cancel_booking, change_capacity, register_attendee
from conference.tests.factories import SessionFactory
from core.tests.helpers import resubmit_admin_form

pytestmark = pytest.mark.integration

LANGUAGES = ["uk", "pl", "ru", "en"]
PROMOTED_SUBJECTS = {
    "uk": "Для вас звільнилося місце",
    "pl": "Zwolniło się dla Ciebie miejsce",
    "ru": "Для вас освободилось место",
    "en": "A place is free for you",
}


def register(session, n: int) -> Registration:
    return register_attendee(
        conference=session.conference,
        idempotency_key=uuid.uuid4(),
        name=f"Person {n}",
        email=f"p{n}@example.org",
        language=LANGUAGES[n % 4],
        sessions=[SessionRequest(session)],
    )


@pytest.fixture
def full_session(db):
    """Five places taken and forty-one people waiting, the earliest first; their e-mails already sent."""
    session = SessionFactory(registration_required=True, capacity=5)
    people = [register(session, n) for n in range(46)]
    Email.objects.all().delete()
    return session, people


def statuses(people) -> list[str]:
    return [Booking.objects.get(registration=p).status for p in people]


def test_more_places_in_the_admin_go_to_the_first_three_waiting_who_are_told_in_their_language(
    admin_client, full_session
):
    session, people = full_session
    assert statuses(people) == ["confirmed"] * 5 + ["waiting"] * 41

    url = f"/admin/conference/session/{session.pk}/change/?language=pl"
    response = resubmit_admin_form(admin_client, url, {"capacity": "8"})

    assert statuses(people) == ["confirmed"] * 8 + ["waiting"] * 38
    promoted = people[5:8]
    emails = list(Email.objects.order_by("pk"))
    assert [e.to for e in emails] == [[p.email] for p in promoted]
    for email, person in zip(emails, promoted, strict=True):
        assert email.subject == f"{PROMOTED_SUBJECTS[person.language]} ({person.reference})"
        assert email.headers["Content-Language"] == person.language
    page = admin_client.get(response["Location"]).content.decode()
    assert "3 people waiting got a place and were told by e-mail." in page

    newcomer = Client().post(
        "/en/conference/register/",
        {
            "name": "Newcomer",
            "email": "new@example.org",
            "language": "en",
            "idempotency_key": str(uuid.uuid4()),
            "sessions": [session.pk],
        },
    )
    assert newcomer.status_code == 302
    assert Booking.objects.get(registration__email="new@example.org").status == "waiting"


def test_removing_the_limit_gives_everybody_waiting_a_place(full_session):
    session, people = full_session
    change_capacity(session=session, capacity=None)
    assert statuses(people) == ["confirmed"] * 46
    assert Email.objects.count() == 41


def test_fewer_places_take_nobody_s_place_away(full_session):
    session, people = full_session
    assert change_capacity(session=session, capacity=3) == []
    assert statuses(people) == ["confirmed"] * 5 + ["waiting"] * 41
    assert not Email.objects.exists()
    # Places cancelled above the new limit go to nobody; the next one under it goes to the first waiting.
    for person in people[:2]:
        assert cancel_booking(booking=Booking.objects.get(registration=person)) is None
    promoted = cancel_booking(booking=Booking.objects.get(registration=people[2]))
    assert promoted.registration == people[5]
    assert statuses(people)[:7] == ["cancelled"] * 3 + ["confirmed", "confirmed", "confirmed", "waiting"]


def test_once_the_conference_is_over_a_cancellation_promotes_nobody(full_session):
    # People still waiting when the conference ended are not told, afterwards, that a place is free for them.
    session, people = full_session
    conference = session.conference
    conference.start_date = conference.end_date = session.start.date() - datetime.timedelta(days=400)
    conference.save()
    cancel_booking(booking=Booking.objects.get(registration=people[0]))
    assert statuses(people) == ["cancelled"] + ["confirmed"] * 4 + ["waiting"] * 41
    assert not Email.objects.exists()


@pytest.mark.parametrize("how", ["delete page", "delete selected"])
def test_deleting_a_registration_in_the_admin_gives_its_place_to_the_first_waiting(admin_client, full_session, how):
    session, people = full_session
    gone = people[1]
    if how == "delete page":
        response = admin_client.post(f"/admin/conference/registration/{gone.pk}/delete/", {"post": "yes"})
    else:
        response = admin_client.post(
            "/admin/conference/registration/",
            {"action": "delete_selected", "_selected_action": [gone.pk], "post": "yes"},
        )
    assert response.status_code == 302
    assert not Registration.objects.filter(pk=gone.pk).exists()
    rest = people[:1] + people[2:]
    assert statuses(rest) == ["confirmed"] * 5 + ["waiting"] * 40
    promoted = Email.objects.get()
    assert promoted.to == [people[5].email]
    assert PROMOTED_SUBJECTS[people[5].language] in promoted.subject
