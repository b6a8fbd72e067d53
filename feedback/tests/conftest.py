"""Fixtures of the feedback tests: their own topics and keys, made by factories, never the demo's."""

import pytest

from feedback.models import Category
from feedback.tests.factories import CategoryFactory


@pytest.fixture
def air_quality(db) -> Category:
    """The topic the `report_data` form posts name, in all four languages."""
    return CategoryFactory(air_quality=True)
