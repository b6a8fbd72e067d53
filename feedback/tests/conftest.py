"""Fixtures for the feedback tests."""

import pytest
from django.core.management import call_command


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
