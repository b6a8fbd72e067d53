"""MAP_TILE_URL as an operator might mistype it: whatever it holds, the Content Security Policy gets one plain
source or the site refuses to start; it never gains a directive or a source no browser would match."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from conference.tests.test_venue_map import img_src, settings_with

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "url",
    [
        "https://tiles.example.org; script-src *; x/{z}/{x}/{y}.png",  # would add its own directives to the policy
        'https://tiles".example.org/{z}/{x}/{y}.png',
        "https://tiles.example.org /{z}/{x}/{y}.png",
        "https://user:secret@tiles.example.org/{z}/{x}/{y}.png",  # no browser matches a source with a password
        "https://tile{s}.example.org/{z}/{x}/{y}.png",  # a wildcard only stands for a whole first label
        "https://tiles.example.org:99999/{z}/{x}/{y}.png",
        "//tiles.example.org/{z}/{x}/{y}.png",
    ],
)
def test_a_tile_url_that_would_make_a_bad_csp_source_stops_the_start(monkeypatch, url):
    with pytest.raises(ImproperlyConfigured, match="MAP_TILE_URL"):
        settings_with(monkeypatch, MAP_TILE_URL=url)


@pytest.mark.parametrize(
    ("url", "source"),
    [
        ("http://localhost:8080/{z}/{x}/{y}.png", "http://localhost:8080"),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png?quote='x'", "https://*.tile.example.org"),
    ],
)
def test_a_port_a_subdomain_and_quotes_in_the_query_make_a_plain_source(monkeypatch, url, source):
    assert img_src(settings_with(monkeypatch, MAP_TILE_URL=url))[-1] == source
