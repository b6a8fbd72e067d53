"""A venue's page shows where it is: address, accessibility and directions for everyone, and a map drawn from the
tile server the settings name, which the Content Security Policy lets through."""

import runpy
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from conference.tests.factories import RoomFactory, SessionFactory, VenueFactory

SETTINGS = Path(__file__).resolve().parents[2] / "openkrakow" / "settings.py"
OSM = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


def settings_with(monkeypatch, **environment) -> dict:
    """The settings module as a process started with this environment would read it."""
    monkeypatch.setenv("DEBUG", "1")
    for name in ("MAP_TILE_URL", "MAP_TILE_ATTRIBUTION", "MAP_TILE_ATTRIBUTION_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS))


def img_src(settings: dict) -> list[str]:
    return settings["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"]


@pytest.mark.unit
def test_openstreetmap_tiles_are_the_default_and_allowed_by_the_csp(monkeypatch):
    settings = settings_with(monkeypatch)
    assert settings["MAP_TILE_URL"] == OSM
    assert img_src(settings) == ["'self'", "data:", "https://tile.openstreetmap.org"]


@pytest.mark.unit
@pytest.mark.parametrize(
    "url, source",
    [
        ("https://maps.example.org:8443/osm/{z}/{x}/{y}.png?key=abc", "https://maps.example.org:8443"),
        ("https://{s}.tiles.example.net/{z}/{x}/{y}{r}.png", "https://*.tiles.example.net"),
    ],
)
def test_the_tile_servers_origin_is_added_to_the_csp_img_src(monkeypatch, url, source):
    settings = settings_with(monkeypatch, MAP_TILE_URL=url)
    assert settings["MAP_TILE_URL"] == url
    assert img_src(settings) == ["'self'", "data:", source]


@pytest.mark.unit
def test_tiles_served_by_the_site_itself_need_no_new_source(monkeypatch):
    settings = settings_with(monkeypatch, MAP_TILE_URL="/tiles/{z}/{x}/{y}.png")
    assert img_src(settings) == ["'self'", "data:"]


@pytest.mark.unit
def test_an_empty_tile_url_turns_the_maps_off_and_allows_no_other_images(monkeypatch):
    settings = settings_with(monkeypatch, MAP_TILE_URL="")
    assert settings["MAP_TILE_URL"] == ""
    assert img_src(settings) == ["'self'", "data:"]


@pytest.mark.unit
@pytest.mark.parametrize("url", ["javascript:alert(1)//{z}", "ftp://tiles.example.org/{z}/{x}/{y}.png"])
def test_a_tile_url_that_is_not_a_web_address_stops_the_start(monkeypatch, url):
    with pytest.raises(ImproperlyConfigured, match="MAP_TILE_URL"):
        settings_with(monkeypatch, MAP_TILE_URL=url)


@pytest.fixture
def venue(db):
    venue = VenueFactory(
        slug="city-hall",
        name_en="City Hall",
        name_pl="Urząd Miasta",
        name_uk="Міська рада",
        address="plac Wszystkich Świętych 3–4, 31-004 Kraków",
        latitude="50.058420",
        longitude="19.937790",
        accessibility_en="Step-free entrance from the courtyard.",
        accessibility_pl="Wejście bez schodów od dziedzińca.",
        accessibility_uk="Вхід без сходів із подвір'я.",
    )
    SessionFactory(room=RoomFactory(venue=venue))
    return venue


@pytest.mark.integration
@pytest.mark.parametrize(
    "language, accessibility, directions",
    [
        ("pl", "Wejście bez schodów od dziedzińca.", "Wyznacz trasę (OpenStreetMap)"),
        ("uk", "Вхід без сходів із подвір&#x27;я.", "Прокласти маршрут (OpenStreetMap)"),
        ("en", "Step-free entrance from the courtyard.", "Directions (OpenStreetMap)"),
    ],
)
def test_address_accessibility_and_directions_are_in_the_page(client, venue, language, accessibility, directions):
    html = client.get(f"/{language}/conference/venues/city-hall/").content.decode()
    assert '<span lang="pl" translate="no">plac Wszystkich Świętych 3–4, 31-004 Kraków</span>' in html
    assert accessibility in html
    # Coordinates with a full stop in every language: a Polish or Ukrainian decimal comma would break the links.
    assert (
        f'<a href="https://www.openstreetmap.org/directions?from=&amp;to=50.058420%2C19.937790">{directions}</a>'
        in html
    )
    assert 'href="geo:50.058420,19.937790"' in html


@pytest.mark.integration
def test_the_map_is_drawn_from_data_on_the_page_by_a_deferred_script(client, venue):
    response = client.get("/uk/conference/venues/city-hall/")
    html = response.content.decode()
    assert '<script src="/static/vendor/leaflet/leaflet.js" defer></script>' in html
    assert '<script src="/static/js/venue-map.js" defer></script>' in html
    assert 'data-latitude="50.058420" data-longitude="19.937790"' in html
    assert f'data-tile-url="{OSM}"' in html
    assert 'data-attribution="© учасники OpenStreetMap"' in html
    assert 'data-label="Мапа: Міська рада"' in html
    # Hidden until the script has drawn it: without JavaScript there is no empty box.
    assert 'class="venue-map-area" hidden' in html
    assert "https://tile.openstreetmap.org" in response.headers["Content-Security-Policy"]


@pytest.mark.integration
def test_without_a_tile_server_there_is_no_map_but_still_the_directions(client, venue, settings):
    settings.MAP_TILE_URL = ""
    html = client.get("/en/conference/venues/city-hall/").content.decode()
    assert "venue-map" not in html
    assert "leaflet" not in html
    assert "Directions (OpenStreetMap)" in html


@pytest.mark.integration
def test_leaflet_is_loaded_on_venue_pages_only(client, venue):
    assert "leaflet" not in client.get("/en/conference/").content.decode()
