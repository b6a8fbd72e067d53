"""A feedback category named only in Polish is marked as Polish wherever a Ukrainian page shows it."""

import pytest

from core.tests.markup_lang import langs_of
from feedback.models import Category, Report

pytestmark = pytest.mark.integration

NAME = "Komunikacja miejska"


@pytest.fixture
def polish_only(db):
    return Category.objects.create(code="transport", name_pl=NAME, position=1)


def test_the_forms_option_carries_lang(client, polish_only):
    html = client.get("/uk/feedback/").content.decode()
    assert langs_of(html, NAME) == ["pl"]
    assert 'lang="pl" dir="ltr">Komunikacja miejska</option>' in html


def test_the_status_page_marks_the_topic(client, polish_only, report_data):
    response = client.post("/uk/feedback/", report_data(category="transport"))
    assert response.status_code == 302
    html = client.get(response["Location"].split("?")[0]).content.decode()
    assert langs_of(html, NAME) == ["pl"]


def test_the_statistics_mark_the_topic(client, polish_only):
    for _ in range(3):
        Report.objects.create(category=polish_only, message="Tramwaj", language="uk")
    html = client.get("/uk/feedback/statistics/").content.decode()
    assert langs_of(html, NAME) == ["pl", "pl"]  # the chart's label and the table's row
