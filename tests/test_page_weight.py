"""The issue's weight budget: every public page of the demo, in every language, is under 50 KB of gzipped HTML plus
the stylesheets it links. Pages are found as the crawl finds them (its seeds, the sitemap, then every link in the
same language), through the test client; the pages of one type are grouped by their URL's name."""

import gzip
from collections import deque
from urllib.parse import urlsplit

import lxml.html
import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import Resolver404, resolve

from tests.crawl import LANGUAGES
from tests.test_crawl import in_scope, seeds

pytestmark = pytest.mark.integration

BUDGET = 50 * 1024
# Not pages: feeds, calendars, exports, and the addresses the crawl expects to fail.
NOT_PAGES = (".ics", ".xml", ".json", "/feed/", "/robots.txt", "/healthz", "/favicon.ico")


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def stylesheet_weight(href: str, cache: dict[str, int]) -> int:
    path = urlsplit(href).path
    if path not in cache:
        found = finders.find(path.removeprefix(settings.STATIC_URL))
        assert found, f"a stylesheet the page links is missing: {href}"
        with open(found, "rb") as handle:
            cache[path] = gzipped(handle.read())
    return cache[path]


def page_type(path: str) -> str:
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return "?"
    return f"{match.namespace}:{match.url_name}" if match.namespace else str(match.url_name)


def weigh_site(client) -> dict[str, tuple[int, str]]:
    """The heaviest page of each (type, language): its weight and address."""
    css_cache: dict[str, int] = {}
    heaviest: dict[str, tuple[int, str]] = {}
    for language in LANGUAGES:
        start = [path for path, status in seeds(language).items() if status == 200 and path.startswith(f"/{language}/")]
        queue, seen = deque(start), set(start)
        while queue:
            path = queue.popleft()
            response = client.get(path)
            if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
                continue
            document = lxml.html.document_fromstring(response.content)
            sheets = document.xpath("//link[@rel='stylesheet']/@href")
            weight = gzipped(response.content) + sum(stylesheet_weight(href, css_cache) for href in set(sheets))
            key = f"{page_type(path)} ({language})"
            if weight > heaviest.get(key, (0, ""))[0]:
                heaviest[key] = (weight, path)
            for href in document.xpath("//a/@href"):
                target = urlsplit(href)
                if target.netloc or not target.path.startswith("/"):
                    continue
                link = target.path + (f"?{target.query}" if target.query else "")
                page = link.startswith(f"/{language}/") and not link.endswith(NOT_PAGES) and "/agenda/" not in link
                if page and link not in seen and in_scope(link, language):
                    seen.add(link)
                    queue.append(link)
    return heaviest


def test_every_public_page_is_under_50_kb_of_gzipped_html_and_css(client, demo):
    heaviest = weigh_site(client)
    assert len({key.rsplit(" ", 1)[0] for key in heaviest}) >= 10, sorted(heaviest)
    weight, path = max(heaviest.values())
    print(f"{len(heaviest)} page types × languages; heaviest: {path}, {weight / 1024:.1f} KB gzipped HTML + CSS")
    for key, (each, where) in sorted(heaviest.items(), key=lambda item: -item[1][0])[:8]:
        print(f"  {key}: {where} {each / 1024:.1f} KB")
    over = {key: f"{path}: {weight / 1024:.1f} KB" for key, (weight, path) in heaviest.items() if weight > BUDGET}
    assert over == {}, f"heaviest: {path} ({weight / 1024:.1f} KB)"
