"""A venue's map in Chromium: the address and directions without JavaScript, the map with its marker when the tile
server answers, and an explained fallback when it does not; axe-core scans in each state."""

import base64
import re

import pytest
from playwright.sync_api import expect

from conference.tests.factories import RoomFactory, SessionFactory, VenueFactory, in_languages
from core.tests.helpers import axe_violations

pytestmark = pytest.mark.browser

TILES = re.compile(r"^https://tile\.openstreetmap\.org/\d+/\d+/\d+\.png$")
# A 1×1 PNG, as a tile server would answer.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mN8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg=="
)
ADDRESS = "plac Wszystkich Świętych 3–4, 31-004 Kraków"
# What each language calls the directions link, the map, and the note shown when no tile could be loaded.
WORDS = {
    "en": ("Directions (OpenStreetMap)", "Map: City Hall", "The map could not be loaded."),
    "uk": ("Прокласти маршрут (OpenStreetMap)", "Мапа: Міська рада", "Не вдалося завантажити мапу."),
    "pl": ("Wyznacz trasę (OpenStreetMap)", "Mapa: Urząd Miasta", "Nie udało się wczytać mapy."),
}
ACCESSIBILITY = {
    "en": "Step-free entrance from the courtyard.",
    "uk": "Вхід без сходів із подвір'я.",
    "pl": "Wejście bez schodów od dziedzińca.",
}


@pytest.fixture
def venue(transactional_db):
    """A venue the live server's thread reads: written outside any test transaction."""
    venue = VenueFactory(
        slug="city-hall",
        address=ADDRESS,
        latitude="50.058420",
        longitude="19.937790",
        **in_languages("name", {"en": "City Hall", "pl": "Urząd Miasta", "uk": "Міська рада", "ru": "Горсовет"}),
        **in_languages("accessibility", {**ACCESSIBILITY, "ru": "Вход без ступенек со двора."}),
    )
    SessionFactory(room=RoomFactory(venue=venue))
    return venue


class Watch:
    """What went wrong on a page: uncaught errors, console errors and Content Security Policy violations."""

    def __init__(self, page, *, expected_console=()):
        self.errors, self.console, self.csp = [], [], []
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on(
            "console",
            lambda message: (
                self.console.append(message.text)
                if message.type == "error" and not any(text in message.text for text in expected_console)
                else None
            ),
        )
        page.expose_function("reportCspViolation", lambda text: self.csp.append(text))
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation', function (event) {"
            " window.reportCspViolation(event.violatedDirective + ' ' + event.blockedURI); });"
        )


def fallback_is_shown(page, language):
    directions, _label, _note = WORDS[language]
    main = page.get_by_role("main")
    expect(main.locator('[lang="pl"]', has_text=ADDRESS)).to_be_visible()
    expect(main.get_by_text(ACCESSIBILITY[language])).to_be_visible()
    link = main.get_by_role("link", name=directions)
    expect(link).to_be_visible()
    expect(link).to_have_attribute("href", "https://www.openstreetmap.org/directions?from=&to=50.058420%2C19.937790")
    expect(main.locator('a[href="geo:50.058420,19.937790"]')).to_be_visible()


@pytest.mark.parametrize("language", ["uk", "pl"])
def test_without_javascript_the_address_accessibility_and_directions_show_and_no_map_box(
    browser, live_server, venue, language
):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    tiles = []
    page.route(TILES, lambda route: (tiles.append(route.request.url), route.abort()))
    page.goto(f"/{language}/conference/venues/city-hall/")
    fallback_is_shown(page, language)
    expect(page.locator(".venue-map-area")).to_be_hidden()
    expect(page.locator(".leaflet-container")).to_have_count(0)
    assert tiles == []
    context.close()


@pytest.mark.parametrize("language", ["uk", "pl"])
def test_with_tiles_the_map_is_drawn_with_the_venue_marked(page, venue, language):
    watch = Watch(page)
    tiles = []

    def answer(route):
        tiles.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=PNG)

    page.route(TILES, answer)
    page.goto(f"/{language}/conference/venues/city-hall/")
    _directions, label, note = WORDS[language]
    map_ = page.get_by_role("region", name=label)
    expect(map_).to_be_visible()
    expect(map_).to_have_class(re.compile(r"\bleaflet-container\b"))
    expect(map_.locator("img.leaflet-tile-loaded").first).to_be_visible()
    marker = map_.locator("img.leaflet-marker-icon")
    expect(marker).to_have_count(1)
    expect(marker).to_have_attribute("alt", label.split(": ", 1)[1])
    # The marker stands at the centre of the map, where the venue's coordinates are.
    box, spot = map_.bounding_box(), marker.bounding_box()
    tip = (spot["x"] + spot["width"] / 2, spot["y"] + spot["height"])
    assert abs(tip[0] - (box["x"] + box["width"] / 2)) <= 2 and abs(tip[1] - (box["y"] + box["height"] / 2)) <= 2
    assert tiles and all(re.search(r"/1[0-9]/\d+/\d+\.png$", url) for url in tiles)
    expect(page.get_by_text(note)).to_be_hidden()
    fallback_is_shown(page, language)
    assert axe_violations(page) == []
    assert (watch.errors, watch.console, watch.csp) == ([], [], [])


@pytest.mark.parametrize("language", ["uk", "pl"])
def test_when_no_tile_loads_the_page_says_so_and_keeps_the_directions(page, venue, language):
    # Chromium reports each refused tile as a failed resource; that is the situation under test, not a fault.
    watch = Watch(page, expected_console=("net::ERR_FAILED",))
    page.route(TILES, lambda route: route.abort())
    page.goto(f"/{language}/conference/venues/city-hall/")
    _directions, _label, note = WORDS[language]
    expect(page.get_by_text(note)).to_be_visible()
    expect(page.locator(".leaflet-container")).to_be_hidden()
    fallback_is_shown(page, language)
    assert axe_violations(page) == []
    assert (watch.errors, watch.console, watch.csp) == ([], [], [])
