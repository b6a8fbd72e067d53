"""A schedule ten times the demo's: shown one day at a time, each day's page within the weight budget, and the same
number of queries whatever its size."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from lxml import html as lxml_html

from conference.tests.factories import long_schedule
from conference.views import ONE_DAY_AT_A_TIME

pytestmark = pytest.mark.integration

SCHEDULE = "/en/conference/schedule/"
BUDGET = 50 * 1024


def weight(response) -> int:
    """Gzipped HTML plus the stylesheets the page links."""
    sheets = lxml_html.fromstring(response.content).xpath("//link[@rel='stylesheet']/@href")
    total = len(gzip.compress(response.content, compresslevel=9))
    for href in sheets:
        with open(finders.find(re.sub(r"^/static/", "", href)), "rb") as sheet:
            total += len(gzip.compress(sheet.read(), compresslevel=9))
    return total


def shown(response) -> list[str]:
    return re.findall(r'id="session-(GR\d+)"', response.content.decode())


def test_a_long_schedule_is_shown_one_day_at_a_time_within_the_budget(client, db):
    conference = long_schedule(600)
    first = client.get(SCHEDULE)
    assert first.status_code == 200
    assert len(shown(first)) == 200  # the first day's
    tree = lxml_html.fromstring(first.content)
    days = tree.xpath("//nav[@class='day-bar']//a")
    dates = [day.date.isoformat() for day in conference.days.all()]
    assert [link.get("href") for link in days] == [f"?day={date}" for date in dates]
    assert [link.get("aria-current") for link in days] == ["page", None, None]
    everything = set()
    for date in dates:
        page = client.get(SCHEDULE, {"day": date})
        assert len(shown(page)) == 200, date
        assert weight(page) <= BUDGET, (date, weight(page))
        everything |= set(shown(page))
    assert len(everything) == 600  # every session is on one of the days
    # Other filters keep the day they are used with.
    assert client.get(SCHEDULE, {"day": dates[1], "lang": "pl"}).status_code == 200


def test_a_short_schedule_is_still_one_page(client, db):
    long_schedule(ONE_DAY_AT_A_TIME)
    response = client.get(SCHEDULE)
    assert len(shown(response)) == ONE_DAY_AT_A_TIME
    links = lxml_html.fromstring(response.content).xpath("//nav[@class='day-bar']//a/@href")
    assert all(link.startswith("#day-") for link in links)


@pytest.mark.parametrize("size", [60, 600])
def test_a_days_page_takes_as_many_queries_at_any_size(client, db, django_assert_num_queries, size):
    conference = long_schedule(size)
    date = conference.days.first().date.isoformat()
    client.get(SCHEDULE, {"day": date})
    # The conference with its days and sessions counted (3), venues, tracks, the sessions (3), the footer's contacts.
    with django_assert_num_queries(9):
        assert client.get(SCHEDULE, {"day": date}).status_code == 200
