"""The web app manifest, the favicon set and the mark in the header, as a browser and a phone read them."""

import io
import json
import re
from pathlib import Path

import lxml.html
import pytest
from django.conf import settings
from django.urls import resolve
from PIL import Image

from core.views import BACKGROUND_COLOUR, THEME_COLOUR

pytestmark = pytest.mark.integration

SITE_NAMES = {"pl": "Otwarty Kraków", "en": "Open Kraków", "uk": "Відкритий Краків", "ru": "Открытый Краков"}


@pytest.fixture(autouse=True)
def static_files(settings):
    """Static files served as in production (by whitenoise), from the apps' folders: tests run no collectstatic."""
    settings.WHITENOISE_USE_FINDERS = True


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("language", SITE_NAMES)
def test_each_language_has_a_manifest_with_its_name_and_home_page(client, db, language):
    response = client.get(f"/{language}/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == manifest["short_name"] == SITE_NAMES[language]
    assert (manifest["lang"], manifest["dir"]) == (language, "ltr")
    assert resolve(manifest["start_url"]).view_name == "pages:home"
    home = client.get(manifest["start_url"])
    assert home.status_code == 200
    assert f'<html lang="{language}"' in home.content.decode()
    assert (manifest["theme_color"], manifest["background_color"]) == (THEME_COLOUR, BACKGROUND_COLOUR)


def test_the_manifests_icons_are_served_in_the_sizes_it_declares(client, db):
    manifest = json.loads(client.get("/uk/manifest.webmanifest").content)
    purposes = set()
    for icon in manifest["icons"]:
        response = client.get(icon["src"])
        assert response.status_code == 200, icon["src"]
        assert response["Content-Type"] == icon["type"]
        purposes.add(icon.get("purpose", "any"))
        if icon["type"] == "image/svg+xml":
            assert icon["sizes"] == "any"
            assert b"<svg" in body(response)
            continue
        image = Image.open(io.BytesIO(body(response)))
        assert "x".join(map(str, image.size)) == icon["sizes"]
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    assert purposes == {"any", "maskable"}


def test_a_maskable_icon_fills_its_square(client, db):
    """A maskable icon is cut to any shape: no transparent corner may show."""
    manifest = json.loads(client.get("/en/manifest.webmanifest").content)
    (maskable,) = [icon for icon in manifest["icons"] if icon.get("purpose") == "maskable"]
    image = Image.open(io.BytesIO(body(client.get(maskable["src"])))).convert("RGBA")
    assert image.getpixel((0, 0))[3] == 255


def test_pages_link_the_manifest_and_icons_and_the_policy_allows_it(client, db):
    response = client.get("/uk/")
    page = lxml.html.fromstring(response.content)
    assert page.xpath('//link[@rel="manifest"]/@href') == ["/uk/manifest.webmanifest"]
    assert "manifest-src 'self'" in response["Content-Security-Policy"]
    for href in page.xpath('//link[@rel="icon" or @rel="apple-touch-icon"]/@href'):
        assert client.get(href).status_code == 200, href


def test_favicon_ico_holds_16_32_and_48_pixel_icons(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    icon = Image.open(io.BytesIO(body(response)))
    assert icon.format == "ICO"
    assert set(icon.ico.sizes()) == {(16, 16), (32, 32), (48, 48)}


@pytest.mark.parametrize("language", SITE_NAMES)
def test_the_header_shows_the_mark_beside_the_name_as_text(client, db, language):
    """The mark is decorative; the link home is read, and translated, as the site's name."""
    page = lxml.html.fromstring(client.get(f"/{language}/").content)
    (link,) = page.xpath('//header//a[@class="site-name"]')
    (mark,) = link.xpath(".//img")
    assert mark.get("alt") == ""
    assert client.get(mark.get("src")).status_code == 200
    assert link.text_content().strip() == SITE_NAMES[language]
    assert link.get("href") == f"/{language}/"


def test_the_manifests_colours_are_the_palettes():
    css = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text()
    root = css[css.index(":root") : css.index("}", css.index(":root"))]
    assert re.search(r"--colour-brand:\s*([#\w]+)", root).group(1).lower() == THEME_COLOUR
    assert re.search(r"--colour-background:\s*([#\w]+)", root).group(1).lower() == BACKGROUND_COLOUR
