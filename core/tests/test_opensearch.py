"""The site's search as a browser's search engine: the OpenSearch 1.1 description document of each language, the
link every page has to it, and Chromium, a consumer we did not write, adding the engine from it."""

import io
import sqlite3
from urllib.parse import quote, urlsplit

import lxml.etree
import lxml.html
import pytest
from django.urls import resolve
from PIL import Image

from conftest import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.integration

NS = {"os": "http://a9.com/-/spec/opensearch/1.1/"}
CONTENT_TYPE = "application/opensearchdescription+xml; charset=utf-8"
SITE_NAMES = {"pl": "Otwarty Kraków", "en": "Open Kraków", "uk": "Відкритий Краків", "ru": "Открытый Краков"}
DESCRIPTIONS = {
    "pl": "Szukaj w programie, konferencji i aktualnościach Otwartego Krakowa.",
    "en": "Search the Open Kraków programme, conference and news.",
    "uk": "Пошук у програмі, конференції та новинах Відкритого Кракова.",
    "ru": "Поиск по программе, конференции и новостям Открытого Кракова.",
}
# What a reader types into the browser's search bar: letters outside ASCII, spaces and an ampersand, which
# must all reach the search page as typed.
QUERY = "Київ & Kraków: tramwaj nr 8"


@pytest.fixture(autouse=True)
def static_files(settings):
    """Static files served as in production (by whitenoise), from the apps' folders: tests run no collectstatic."""
    settings.WHITENOISE_USE_FINDERS = True


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def document(client, language: str, **headers):
    response = client.get(f"/{language}/opensearch.xml", **headers)
    assert response.status_code == 200
    return response, lxml.etree.fromstring(response.content)  # noqa: S320 (our own answer)


def text(root, name: str) -> str:
    return root.findtext(f"os:{name}", namespaces=NS)


def search_template(root) -> str:
    (url,) = root.xpath("os:Url[@type='text/html']", namespaces=NS)
    assert url.get("method") == "get"
    return url.get("template")


def filled(template: str, query: str) -> str:
    """The template as a browser fills it: the words percent-encoded in UTF-8, the document's InputEncoding."""
    return template.replace("{searchTerms}", quote(query, safe=""))


@pytest.mark.parametrize("language", SITE_NAMES)
def test_each_language_has_a_description_in_that_language(client, db, language):
    response, root = document(client, language)
    assert response["Content-Type"] == CONTENT_TYPE
    assert response["Content-Language"] == language
    assert root.tag == "{http://a9.com/-/spec/opensearch/1.1/}OpenSearchDescription"
    assert text(root, "ShortName") == SITE_NAMES[language]
    assert len(text(root, "ShortName")) <= 16  # the specification's limit
    assert text(root, "Description") == DESCRIPTIONS[language]
    assert text(root, "Language") == language
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    assert text(root, "InputEncoding") == "UTF-8"
    template = search_template(root)
    assert template == f"http://testserver/{language}/search/?q={{searchTerms}}"
    (own,) = root.xpath("os:Url[@rel='self']", namespaces=NS)
    assert own.get("type") == "application/opensearchdescription+xml"
    assert own.get("template") == f"http://testserver/{language}/opensearch.xml"


@pytest.mark.parametrize("language", SITE_NAMES)
def test_the_template_filled_with_a_query_opens_the_search_page_in_that_language(client, db, language):
    _response, root = document(client, language)
    address = urlsplit(filled(search_template(root), QUERY))
    assert (address.scheme, address.netloc) == ("http", "testserver")
    path = f"{address.path}?{address.query}"
    assert resolve(address.path).url_name == "search"
    response = client.get(path)
    assert response.status_code == 200
    page = lxml.html.fromstring(response.content)
    assert page.get("lang") == language
    # The words arrived as typed, ampersand and all: the search box shows them back.
    assert page.xpath("//input[@name='q']/@value")[0] == QUERY


def test_the_images_are_absolute_and_served_as_declared(client, db):
    _response, root = document(client, "en")
    images = root.findall("os:Image", namespaces=NS)
    assert {(image.get("width"), image.get("height")) for image in images} >= {("16", "16"), ("192", "192")}
    for image in images:
        address = urlsplit(image.text)
        assert (address.scheme, address.netloc) == ("http", "testserver"), image.text
        response = client.get(address.path)
        assert response.status_code == 200, image.text
        picture = Image.open(io.BytesIO(body(response)))
        size = (int(image.get("width")), int(image.get("height")))
        if image.get("type") == "image/x-icon":
            assert size in picture.ico.sizes()
        else:
            assert response["Content-Type"] == image.get("type")
            assert picture.size == size


@pytest.mark.parametrize("language", SITE_NAMES)
def test_pages_in_every_language_link_the_document_of_their_language(client, db, language):
    for path in (f"/{language}/", f"/{language}/contacts/", f"/{language}/search/?q=forum", f"/{language}/no-such/"):
        page = lxml.html.fromstring(client.get(path).content)
        links = page.xpath("//head/link[@rel='search']")
        assert len(links) == 1, path
        assert links[0].get("type") == "application/opensearchdescription+xml"
        assert links[0].get("href") == f"/{language}/opensearch.xml", path
        assert links[0].get("title") == SITE_NAMES[language]  # as the document's ShortName


def test_the_document_answers_get_and_head_only(client, db):
    assert client.head("/uk/opensearch.xml").status_code == 200
    assert client.post("/uk/opensearch.xml").status_code == 405


def test_the_page_cache_keeps_it_per_host(client, db, settings):
    """Its addresses are absolute on the host asked: one host's copy must never answer another."""
    settings.PAGE_CACHE = True
    first, _root = document(client, "uk")
    again, _root = document(client, "uk")
    assert (first["X-Page-Cache"], again["X-Page-Cache"]) == ("miss", "hit")
    other, root = document(client, "uk", HTTP_HOST="localhost")
    assert other["X-Page-Cache"] == "miss"
    assert search_template(root) == "http://localhost/uk/search/?q={searchTerms}"


@pytest.mark.browser
@pytest.mark.parametrize("language", SITE_NAMES)
def test_chromium_adds_the_site_as_a_search_engine_from_it(browser, live_server, db, tmp_path, language):
    """Chromium's own OpenSearch parser, as a reader's browser uses it: it finds the document through the page's
    <link rel="search">, fetches and parses it, and keeps the engine in its profile. (It does so only in a real,
    not a private, profile, and for a page the reader reached by the site's root address.)"""
    context = browser.browser_type.launch_persistent_context(
        tmp_path / "profile", executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True, locale=language
    )
    try:
        # Chromium ignores a page's OpenSearch link while the profile's list of engines is still loading (it only
        # starts the load then), and a new profile loads it lazily: on a slow first start the page came too early
        # and no engine was ever added. The list's own page loads it first, and stays open to show the engine as
        # Chromium adds it, while the site's page is left where Chromium found the link.
        engines_page = context.new_page()
        engines_page.goto("chrome://settings/searchEngines")
        engines_page.locator("settings-search-engine-entry").first.wait_for(state="attached", timeout=30_000)
        page = context.new_page()
        page.goto(live_server.url + "/")
        assert page.url == f"{live_server.url}/{language}/"
        engines_page.bring_to_front()
        engines_page.get_by_text(SITE_NAMES[language], exact=True).first.wait_for(timeout=30_000)
    finally:
        context.close()  # writes the profile's database
    with sqlite3.connect(tmp_path / "profile" / "Default" / "Web Data") as database:
        engines = database.execute(
            "SELECT short_name, url, favicon_url, input_encodings FROM keywords WHERE originating_url = ?",
            [f"{live_server.url}/{language}/opensearch.xml"],
        ).fetchall()
    template = f"{live_server.url}/{language}/search/?q={{searchTerms}}"
    assert engines == [(SITE_NAMES[language], template, f"{live_server.url}/favicon.ico", "UTF-8")]
