"""The report status page: when things happened, in words for the resident and in a form machines read."""

import re

import pytest

from core.tests.markup import assert_valid_time_values

pytestmark = pytest.mark.integration


def test_status_page_times_are_valid_html_and_english_dates_read_naturally(client, report_data):
    response = client.post("/en/feedback/", report_data())
    html = client.get(response["Location"]).content.decode()
    sent, received = assert_valid_time_values(html)  # "Sent", and the first entry of the history
    assert sent.utcoffset() is not None
    assert re.search(r'<time datetime="[^"]+">\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}</time>', html)
