"""What each cached page declares it shows (core.cache.cacheable, next to the views in each urls.py) checked
against what it really reads, and each model's save checked to drop exactly the pages that declare it.

The oracle is the database itself: every table a page's first, cold render reads must belong to a model the
page declares, and every such model must be one whose saves replace its generation (settings.PAGE_CACHE_APPS).
A page that starts showing a new model without saying so fails here, before it serves stale text.
"""

import re

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import get_resolver, resolve
from django.utils import translation

from conference.models import Conference, Session, Speaker, Venue
from core import cache as page_cache
from pages.models import NewsEntry, Page

pytestmark = pytest.mark.integration

TABLE = re.compile(r'(?:FROM|JOIN)\s+"(\w+)"')
# Read by the cache itself, not by a page.
NOT_CONTENT = {settings.CACHES["default"].get("LOCATION")}


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True


@pytest.fixture
def urls(demo):
    """One address of every cacheable view, from the demo's content."""
    current = Conference.objects.upcoming_or_latest()
    past = Conference.objects.exclude(pk=current.pk).order_by("start_date").first()
    session = Session.objects.in_conference(current).exclude(code="").order_by("start").first()
    page = Page.objects.exclude(slug=Page.HOME_SLUG).exclude(parent=None).published().first()
    edition = f"/en/conference/editions/{past.slug}/"
    with translation.override("en"):
        page_url = page.get_absolute_url()
    return [
        "/en/",
        page_url,
        "/en/news/",
        "/en/news/feed/",
        f"/en/news/{NewsEntry.objects.published().first().slug}/",
        "/en/documents/",
        "/en/contacts/",
        "/en/opensearch.xml",
        "/en/conference/",
        "/en/conference/schedule/",
        "/en/conference/schedule.ics",
        "/en/conference/schedule.xml",
        "/en/conference/schedule.json",
        f"/en/conference/sessions/{session.code}/",
        f"/en/conference/sessions/{session.code}.ics",
        f"/en/conference/speakers/{Speaker.objects.filter(sessions__conference=current).first().slug}/",
        f"/en/conference/venues/{Venue.objects.hosting(current).first().slug}/",
        "/en/conference/changes/",
        "/en/conference/changes/feed/",
        "/en/conference/archive/",
        edition,
        f"{edition}schedule/",
        f"{edition}schedule.ics",
        f"{edition}schedule.xml",
        f"{edition}schedule.json",
        f"{edition}changes/",
        # Blank forms, kept and filled in for each visitor (core.cache.render_with_visitor_values).
        "/en/conference/register/",
        "/en/feedback/",
    ]


def policy(url: str) -> page_cache.Policy:
    with translation.override(url.split("/")[1]):
        return resolve(url.split("?")[0]).func.page_cache


def cacheable_views() -> set[str]:
    """The URL names of every cacheable view."""
    found = set()

    def walk(resolver, namespace=""):
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern, f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace)
            elif hasattr(pattern.callback, "page_cache"):
                found.add(f"{namespace}{pattern.name}")

    walk(get_resolver())
    return found


def models_by_table() -> dict[str, str]:
    """Each table's model label, as pages declare it: a translation counts as its object, and a many-to-many
    table as the model that declares the relation."""
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        owner = model._meta.auto_created or model
        tables[model._meta.db_table] = page_cache.shown_as(owner)
    return tables


def cold_get(client, url: str):
    caches["pages"].clear()
    page_cache.forget_generations()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    tables = {table for query in queries.captured_queries for table in TABLE.findall(query["sql"])}
    return response, tables - NOT_CONTENT


def test_every_cacheable_view_is_checked(urls):
    with translation.override("en"):
        checked = {resolve(url).view_name for url in urls}
    assert checked == cacheable_views()


def declared(url: str) -> set[str]:
    """What a page declares it shows, and what the holes filled into kept pages read (places left): their
    sources declare that, not the pages."""
    holes = {label for source in page_cache._hole_sources.values() for label in source.shows}
    return {*policy(url).shows, *holes}


def test_each_page_declares_every_model_it_reads(client, urls):
    tables = models_by_table()
    undeclared = {}
    for url in urls:
        _response, read = cold_get(client, url)
        shown = {tables[table] for table in read}
        missing = shown - declared(url)
        if missing:
            undeclared[url] = sorted(missing)
    assert undeclared == {}


def test_whatever_a_page_shows_replaces_its_generation_when_saved(urls):
    """A declared model outside PAGE_CACHE_APPS would never drop the pages that show it."""
    declared = {label for url in urls for label in policy(url).shows}
    assert declared
    assert {label for label in declared if not page_cache._watched(label)} == set()
    assert all(apps.get_model(label) for label in declared)


def test_a_save_drops_exactly_the_pages_that_show_the_model(client, urls):
    """Each model's save (of a row, or of one of its translations) drops the pages that declare it, and only
    those."""
    wrong = {}
    saves = []
    for model in apps.get_models():
        # A translation is shown as its object: SessionTranslation as conference.Session.
        label = model._meta.label.removesuffix("Translation")
        if page_cache._watched(label) and not model._meta.auto_created and model._default_manager.exists():
            saves.append((model._meta.label, label, model._default_manager.first()))
    assert {"conference.Booking", "conference.SessionTranslation", "pages.ContactRole"} <= {s[0] for s in saves}
    for saved, label, row in saves:
        for url in urls:
            client.get(url)
        assert {url for url in urls if client.get(url).get("X-Page-Cache") != "hit"} == set()
        row.save()
        dropped = {url for url in urls if client.get(url).get("X-Page-Cache") != "hit"}
        expected = {url for url in urls if label in policy(url).shows}
        if dropped != expected:
            wrong[saved] = {"dropped but not shown": dropped - expected, "shown but kept": expected - dropped}
    assert wrong == {}
