"""The feedback form's limits hold when many posts arrive at the same moment, from several workers at once."""

import datetime
import hashlib
import threading

import pytest
from django.test import Client
from django.utils import timezone
from post_office.models import Email

from core.tests.parallel import at_once, postgresql_only
from feedback.models import RateLimitHit, RateLimitSender, Report
from feedback.services import over_rate_limit

pytestmark = pytest.mark.integration


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_forty_five_posts_at_once_from_one_address_let_exactly_five_through(report_data):
    forms = [report_data(email=f"r{n}@example.org") for n in range(45)]
    responses = at_once(lambda n: Client().post("/pl/feedback/", forms[n], REMOTE_ADDR="198.51.100.45"), 45)
    assert sorted(r.status_code for r in responses) == [302] * 5 + [429] * 40
    refused = next(r for r in responses if r.status_code == 429).content.decode()
    assert "Spróbuj ponownie później" in refused
    assert Report.objects.count() == 5


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_the_same_report_posted_five_times_at_once_is_one_report(report_data, monkeypatch):
    # As the race happens in production: every copy finds no report yet, then the first is stored and committed
    # before the others validate theirs.
    first_answered, following = threading.Event(), threading.local()
    full_clean = Report.full_clean

    def full_clean_after_the_first(self, *args, **kwargs):
        if getattr(following, "yes", False):
            first_answered.wait(timeout=30)
        return full_clean(self, *args, **kwargs)

    monkeypatch.setattr(Report, "full_clean", full_clean_after_the_first)
    data = report_data()
    intruder = {**data, "email": "intruder@example.org"}

    def post(n):
        following.yes = n > 0
        response = Client().post("/pl/feedback/", intruder if n == 4 else data)
        if n == 0:
            first_answered.set()
        return response

    responses = at_once(post, 5)
    report = Report.objects.get()
    assert [r.status_code for r in responses] == [302] * 4 + [400]
    assert {r["Location"] for r in responses[:4]} == {report.get_status_url() + "?new=1"}
    assert "Ten formularz został już wysłany." in responses[4].content.decode()
    assert Email.objects.filter(to=["olena@example.org"]).count() == 1


@pytest.mark.django_db
def test_senders_and_attempts_are_forgotten_after_an_hour_and_no_address_is_kept():
    two_hours_ago = timezone.now() - datetime.timedelta(hours=2)
    RateLimitSender.objects.create(key="ip:198.51.100.1", created_at=two_hours_ago)
    RateLimitHit.objects.create(key="ip:198.51.100.1", created_at=two_hours_ago)
    assert over_rate_limit(ip="198.51.100.2", email="Olena@example.org") is False
    keys = set(RateLimitSender.objects.values_list("key", flat=True))
    assert keys == set(RateLimitHit.objects.values_list("key", flat=True))
    assert keys == {"ip:198.51.100.2", "email:" + hashlib.sha256(b"olena@example.org").hexdigest()}
