"""Server errors the fuzz test (test_fuzz.py) found, each pinned down by the request that caused it."""

import datetime
import uuid

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.utils.html import escape

from conference.models import Day, Registration
from conference.tests.factories import ConferenceFactory, SessionFactory, SpeakerFactory
from pages.tests.factories import NewsEntryFactory

pytestmark = pytest.mark.integration

TOO_LARGE = "9" * 40  # more than any integer column holds


def test_a_list_of_numbers_with_one_too_large_for_the_database_matches_the_others(db):
    day = ConferenceFactory().days.first()
    assert list(Day.objects.filter(pk__in=[day.pk, int(TOO_LARGE), -int(TOO_LARGE)])) == [day]
    assert not Day.objects.filter(pk__in=[int(TOO_LARGE)]).exists()


def test_a_list_of_numbers_with_text_in_it_matches_the_numbers(db):
    day = ConferenceFactory().days.first()
    assert list(Day.objects.filter(pk__in=[str(day.pk), "' OR '1'='1", ""])) == [day]


@pytest.mark.parametrize("field", ["days", "volunteer_days", "sessions"])
def test_registration_refuses_a_choice_number_too_large_for_the_database(client, db, field):
    SessionFactory(registration_required=True, capacity=10)  # of the coming conference, open for registration
    data = {"name": "Olena", "email": "olena@example.org", "language": "uk", "idempotency_key": str(uuid.uuid4())}
    response = client.post("/en/conference/register/", {**data, field: TOO_LARGE})
    assert response.status_code == 400
    assert f"Select a valid choice. {TOO_LARGE} is not one of the available choices." in response.content.decode()
    assert not Registration.objects.filter(email="olena@example.org").exists()


def test_admin_form_refuses_a_related_number_too_large_for_the_database(admin_client, db):
    response = admin_client.post("/admin/auth/group/add/", {"name": "Fuzzers", "permissions": [TOO_LARGE]})
    assert response.status_code == 200
    assert f"Select a valid choice. {TOO_LARGE} is not one of the available choices." in response.content.decode()
    assert not Group.objects.filter(name="Fuzzers").exists()


@pytest.mark.parametrize(
    "value,error",
    [
        ("' OR '1'='1", "“' OR '1'='1” is not a valid value."),
        (TOO_LARGE, f"Select a valid choice. {TOO_LARGE} is not one of the available choices."),
    ],
)
def test_admin_form_with_an_autocomplete_field_shows_a_wrong_choice_again(admin_client, db, value, error):
    SpeakerFactory()  # a speaker one could choose
    response = admin_client.post("/admin/conference/session/add/", {"speakers": [value]})
    assert response.status_code == 200
    assert escape(error) in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "date__year=9999",  # the year after it is past what Python's dates hold
        "date__year=9999&date__month=12",
        f"date__year={TOO_LARGE}",
    ],
)
def test_admin_date_drill_down_past_year_9999_is_refused_like_any_wrong_filter(admin_client, db, query):
    NewsEntryFactory()
    response = admin_client.get(f"/admin/pages/newsentry/?{query}")
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/newsentry/?e=1"


@pytest.mark.parametrize(
    "query",
    [
        "created_at__year=99999",
        f"created_at__year={TOO_LARGE}",
    ],
)
def test_admin_date_filter_the_database_cannot_take_is_refused_like_any_wrong_filter(admin_client, db, query):
    response = admin_client.get(f"/admin/feedback/report/?{query}")
    assert response.status_code == 302
    assert response["Location"] == "/admin/feedback/report/?e=1"


@pytest.mark.filterwarnings("ignore:DateTimeField Report.created_at received a naive datetime")
def test_admin_date_filter_from_year_one_is_answered(admin_client, db):
    response = admin_client.get("/admin/feedback/report/?created_at__gte=0001-01-01")
    if connection.vendor == "sqlite":  # it stores instants in UTC, where midnight of 1 January of year 1 is not
        assert (response.status_code, response["Location"]) == (302, "/admin/feedback/report/?e=1")
    else:
        assert response.status_code == 200


def test_admin_date_drill_down_within_range_still_works(admin_client, db):
    entry = NewsEntryFactory(date=datetime.date(2016, 9, 30))
    other_year = NewsEntryFactory(date=datetime.date(2017, 1, 29))
    response = admin_client.get("/admin/pages/newsentry/?date__year=2016")
    assert response.status_code == 200
    assert f'href="/admin/pages/newsentry/{entry.pk}/change/' in response.content.decode()
    assert f'href="/admin/pages/newsentry/{other_year.pk}/change/' not in response.content.decode()


@pytest.mark.parametrize("view", ["config", "qrcode"])
def test_admin_page_of_a_two_factor_device_that_does_not_exist_is_not_found(admin_client, db, view):
    # Like every address outside the language prefixes that is not found: on to the visitor's language's 404.
    response = admin_client.get(f"/admin/otp_totp/totpdevice/12345/{view}/", follow=True)
    assert response.redirect_chain == [(f"/en/admin/otp_totp/totpdevice/12345/{view}/", 302)]
    assert response.status_code == 404
