"""The conference overview's side column gathers what a visitor plans with: registering, the schedule, the calendar."""

import pytest
from lxml import html as lxml_html

from conference.tests.factories import SessionFactory


@pytest.mark.parametrize(
    ("language", "heading", "calendar"),
    [("uk", "Сплануйте участь", "Увесь розклад для календаря (.ics)"), ("pl", "Zaplanuj udział", ".ics")],
)
def test_the_overview_side_column_links_registration_schedule_and_calendar(client, db, language, heading, calendar):
    SessionFactory(registration_required=True, capacity=10)  # the current conference, open for registration

    response = client.get(f"/{language}/conference/")

    assert response.status_code == 200
    [aside] = lxml_html.fromstring(response.content).xpath("//aside[@class='side']")
    assert heading in aside.text_content()
    links = {a.text_content().strip(): a.get("href") for a in aside.xpath(".//a")}
    calendar_link = next(href for text, href in links.items() if calendar in text)
    assert client.get(calendar_link).status_code == 200
    assert f"/{language}/conference/register/" in links.values()
