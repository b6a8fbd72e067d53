"""The layout in headless Chromium, on the demo: no page scrolls sideways on a 390 px phone, in Ukrainian or Polish,
and on a 1280 px screen the side column stands beside the main one instead of under it."""

import re

import pytest
from django.utils import translation

from conference import agenda
from conference.models import Conference, Registration, Session, Speaker, Venue
from feedback.models import Report
from pages.models import NewsEntry, Page

pytestmark = pytest.mark.browser

PHONE, DESKTOP = 390, 1280
LANGUAGES = ["uk", "pl"]


def unprefixed(url: str) -> str:
    """An address without its language prefix, to be read in each language."""
    return re.sub(r"^/[a-z]{2}/", "/", url)


def public_pages() -> dict[str, str]:
    """One address of every public page type, without the language prefix, from the demo's own rows."""
    page = Page.objects.published().programme().exclude(parent=None).first()
    session = Session.objects.filter(conference=Conference.objects.upcoming_or_latest()).first()
    with translation.override("en"):
        return {
            "home": "/",
            "page": unprefixed(page.get_absolute_url()),
            "news list": "/news/",
            "news item": unprefixed(NewsEntry.objects.published().first().get_absolute_url()),
            "documents": "/documents/",
            "contacts": "/contacts/",
            "search": "/search/?q=Krak%C3%B3w",
            "conference": "/conference/",
            "schedule": "/conference/schedule/",
            "session": unprefixed(session.get_absolute_url()),
            "speaker": unprefixed(Speaker.objects.first().get_absolute_url()),
            "venue": unprefixed(Venue.objects.first().get_absolute_url()),
            "register": "/conference/register/",
            "manage registration": unprefixed(Registration.objects.exclude(email="").first().get_manage_url()),
            "agenda": f"/conference/agenda/{agenda.make_token([session.code])}/",
            "changes": "/conference/changes/",
            "archive": "/conference/archive/",
            "feedback form": "/feedback/",
            "feedback status": unprefixed(Report.objects.first().get_status_url()) + "?new=1",
            "statistics": "/feedback/statistics/",
            "not found": "/no-such-page/",
        }


def page_width(page, address: str) -> int:
    response = page.goto(address)
    assert response.status == (404 if "no-such-page" in address else 200), address
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_scrolls_sideways_on_a_phone(page, demo, language):
    page.set_viewport_size({"width": PHONE, "height": 800})
    too_wide = {}
    for name, path in public_pages().items():
        if (width := page_width(page, f"/{language}{path}")) > PHONE:
            too_wide[name] = width
    assert too_wide == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_wide_screen_the_side_column_stands_beside_the_main_one(page, demo, language):
    page.set_viewport_size({"width": DESKTOP, "height": 900})
    pages = public_pages()
    squeezed, beneath = {}, {}
    for name, path in pages.items():
        page_width(page, f"/{language}{path}")
        main = page.locator("main").bounding_box()
        if main["width"] < DESKTOP * 0.55:  # the content has the width of the screen, less the side column
            squeezed[name] = main["width"]
        if page.locator("aside.side").count():
            aside = page.locator("aside.side").bounding_box()
            if aside["x"] < main["x"] + main["width"] or aside["y"] > main["y"] + 200:
                beneath[name] = (main, aside)
    assert squeezed == {}
    assert beneath == {}
    # The programme's pages and the news show a side column: what is on the page, and where to go next.
    for name in ("page", "news item"):
        page.goto(f"/{language}{pages[name]}")
        assert page.locator("aside.side").is_visible(), name


def test_on_this_page_links_to_each_heading_of_the_page(page, demo):
    aims = Page.objects.get(slug="aims")
    page.set_viewport_size({"width": DESKTOP, "height": 900})
    with translation.override("uk"):
        page.goto(aims.get_absolute_url())
    toc = page.get_by_role("navigation", name="На цій сторінці")
    links = toc.get_by_role("link")
    assert links.count() >= 2
    for index in range(links.count()):
        target = links.nth(index).get_attribute("href")
        assert page.locator(f"main h2{target}").count() == 1  # "#section-…": the heading of that name
