"""Fixtures for the feedback tests."""

import uuid

import pytest
from django.core.management import call_command

from feedback.tokens import form_stamp


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def report_data(monkeypatch):
    """A valid form post, shown long enough ago that it is not flagged as too fast."""
    import feedback.tokens

    real_seconds_since = feedback.tokens.seconds_since

    def a_minute_earlier(stamp):
        elapsed = real_seconds_since(stamp)
        return None if elapsed is None else elapsed + 60

    monkeypatch.setattr("feedback.forms.seconds_since", a_minute_earlier)

    def make(**overrides):
        data = {
            "category": "air-quality",
            "message": "Smog near my home in Nowa Huta.",
            "place": "Nowa Huta",
            "name": "Olena",
            "email": "olena@example.org",
            "website": "",
            "stamp": form_stamp(),
            "idempotency_key": str(uuid.uuid4()),
        }
        data.update(overrides)
        return data

    return make
