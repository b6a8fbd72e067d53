"""/sitemap.xml read as a search engine reads it: valid by the published sitemaps.org 0.9 schema (through libxml2),
with Google's hreflang alternates, absolute addresses within the protocol's size limits."""

import datetime
import functools
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import etree

from conference.tests.factories import ConferenceFactory
from pages.tests.factories import NewsEntryFactory, PageFactory

FORMATS = Path(__file__).parent / "formats"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
MAX_URLS = 50_000  # sitemaps.org protocol: at most 50,000 URLs and 50 MB (uncompressed) per sitemap file
MAX_BYTES = 50 * 1024 * 1024
MAX_URL_LENGTH = 2_048


@functools.cache
def schema() -> etree.XMLSchema:
    """sitemap.xsd as published, plus our declaration of xhtml:link, which sitemap.xsd's strict wildcard needs."""
    return etree.XMLSchema(etree.parse(str(FORMATS / "sitemap-xhtml-link.xsd")))


def errors(document: bytes) -> str:
    validator = schema()
    if validator.validate(etree.fromstring(document)):
        return ""
    return "\n".join(f"line {error.line}: {error.message}" for error in validator.error_log)


def is_absolute(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


@pytest.fixture
def site(db):
    """Something in every part of the sitemap, in some languages and not others."""
    every = {code: {"title": f"Cele ({code})"} for code in ("pl", "en", "uk", "ru")}
    aims = PageFactory(slug="aims", translations=every)
    PageFactory(slug="forum", parent=aims, translations={"pl": {"title": "Forum"}, "en": {"title": "Forum"}})
    NewsEntryFactory(translations={"en": {"title": "Only in English"}})
    NewsEntryFactory(translations={"pl": {"title": "Po polsku"}, "uk": {"title": "Українською"}})
    archived = ConferenceFactory(start_date=datetime.date(2017, 2, 23), end_date=datetime.date(2017, 2, 25))
    archived.set_current_language("pl")
    archived.name = "Konferencja 2017"
    archived.save()
    ConferenceFactory()  # the coming edition, at the section's own addresses


@pytest.mark.integration
def test_sitemap_is_valid_and_its_hreflang_alternates_follow_google(client, site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert errors(response.content) == ""
    assert len(response.content) <= MAX_BYTES
    urls = etree.fromstring(response.content).findall("s:url", NS)
    assert 0 < len(urls) <= MAX_URLS
    alternates = {}
    for url in urls:
        loc = url.findtext("s:loc", namespaces=NS)
        links = {(link.get("hreflang"), link.get("href")) for link in url.findall("x:link", NS)}
        for address in [loc, *(href for _, href in links)]:
            assert is_absolute(address) and len(address) <= MAX_URL_LENGTH, address
        alternates[loc] = links
    # Every part of the site is there: pages, news and the archived edition, each once per translation only.
    assert sum("/aims/forum/" in loc for loc in alternates) == 2
    assert sum("/news/news-" in loc for loc in alternates) == 3
    assert sum("/conference/editions/" in loc for loc in alternates) == 2 * 2  # its overview and its schedule
    for loc, links in alternates.items():
        # Google: every language version lists itself and all the others, and the others list it back.
        assert loc in {href for _, href in links}, loc
        assert len({lang for lang, _ in links}) == len(links), loc
        for lang, href in links:
            assert lang == "x-default" or alternates.get(href) == links, (loc, href)


VALID_URL = (
    "<url><loc>https://example.org/pl/</loc><lastmod>2025-05-10</lastmod><changefreq>weekly</changefreq>"
    "<priority>0.5</priority>"
    '<xhtml:link rel="alternate" hreflang="pl" href="https://example.org/pl/"/>'
    '<xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/"/></url>'
)


def sitemap(*urls: str) -> bytes:
    body = "".join(urls)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{NS["s"]}" xmlns:xhtml="{NS["x"]}">{body}</urlset>'
    ).encode()


@pytest.mark.unit
def test_a_well_formed_sitemap_with_every_element_passes():
    assert errors(sitemap(VALID_URL, "<url><loc>https://example.org/en/</loc></url>")) == ""


@pytest.mark.unit
@pytest.mark.parametrize(
    "old,new,complaint",
    [
        ("<loc>https://example.org/pl/</loc>", "", f"Expected is ( {{{NS['s']}}}loc )."),
        ("weekly", "sometimes", "'sometimes' is not an element of the set"),
        ("0.5", "1.5", "'1.5' is greater than the maximum value allowed ('1.0')"),
        ("2025-05-10", "10.05.2025", "'10.05.2025' is not a valid value of the union type"),
        ("<loc>https://example.org/pl/</loc>", "<loc>/pl/</loc>", "has a length of '4'; this underruns"),
        ("<loc>https://example.org/pl/</loc>", f"<loc>https://example.org/{'a' * 2030}</loc>", "exceeds the"),
        ('hreflang="pl" ', "", "The attribute 'hreflang' is required but missing."),
        ('hreflang="pl"', 'hreflang="polish"', "[facet 'pattern'] The value 'polish' is not accepted"),
        ('href="https://example.org/pl/"', 'href="/pl/"', "[facet 'pattern'] The value '/pl/' is not accepted"),
        ('rel="alternate"', 'rel="canonical"', "'canonical' is not an element of the set"),
        ("<priority>0.5</priority>", "<priority>0.5</priority><xhtml:meta/>", "No matching global element"),
        (
            "<changefreq>weekly</changefreq><priority>0.5</priority>",
            "<priority>0.5</priority><changefreq>weekly</changefreq>",
            f"Element '{{{NS['s']}}}changefreq': This element is not expected.",
        ),
    ],
    ids=[
        "url-without-loc",
        "bad-changefreq",
        "priority-above-1",
        "lastmod-not-w3c-datetime",
        "relative-loc",
        "loc-over-2048",
        "link-without-hreflang",
        "bad-hreflang",
        "relative-alternate",
        "rel-not-alternate",
        "undeclared-foreign-element",
        "children-out-of-order",
    ],
)
def test_the_schema_rejects_a_broken_sitemap(old, new, complaint):
    assert old in VALID_URL
    assert complaint in errors(sitemap(VALID_URL.replace(old, new, 1)))


@pytest.mark.unit
def test_the_schema_rejects_an_empty_urlset():
    assert "Missing child element(s)" in errors(sitemap())
