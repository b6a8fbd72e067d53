"""Browser journeys through the feedback form in Chromium, with and without JavaScript, and axe-core scans."""

import re

import pytest
from playwright.sync_api import expect

from core.tests.helpers import axe_violations

pytestmark = pytest.mark.browser

WORDS = {
    "uk": ("Про що йдеться?", "Ваше повідомлення", "Електронна пошта (необов'язково)", "Надіслати", "Виникла проблема"),
    "en": ("What is it about?", "Your message", "E-mail (optional)", "Send", "There is a problem"),
}


@pytest.fixture(params=[True, False], ids=["javascript", "no-javascript"])
def any_page(request, browser, live_server):
    """A page with JavaScript on or off; axe-core needs JavaScript, so it scans only the first kind."""
    context = browser.new_context(base_url=live_server.url, java_script_enabled=request.param)
    yield context.new_page(), request.param
    context.close()


@pytest.mark.parametrize("language", ["uk", "en"])
def test_report_with_a_mistake_then_fixed_then_followed(any_page, air_quality, language):
    page, javascript = any_page
    topic, message, email, send, problem = WORDS[language]
    page.goto(f"/{language}/feedback/")
    if javascript:
        assert axe_violations(page) == []
    page.get_by_label(topic).select_option("air-quality")
    page.get_by_label(message).fill("Smog near the school in Nowa Huta.")
    page.get_by_label(email).fill("not-an-email")
    page.get_by_role("button", name=send).click()
    expect(page.get_by_role("heading", name=problem)).to_be_visible()
    expect(page.get_by_label(message)).to_have_value("Smog near the school in Nowa Huta.")
    if javascript:
        assert axe_violations(page) == []

    page.get_by_label(email).fill("resident@example.org")
    page.get_by_role("button", name=send).click()
    reference = page.locator(".reference").first.inner_text()
    assert re.fullmatch(r"FB-\d{4}-\d{5}", reference)
    status_url = page.url.split("?")[0]
    if javascript:
        assert axe_violations(page) == []

    page.goto(status_url)
    expect(page.locator(".reference")).to_have_text(reference)


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
def test_demo_smoke_feedback_pages_have_no_axe_violations(page, demo, language):
    """Demo smoke test: the form and the statistics as `make run` shows them, charts and hidden counts included."""
    found = {}
    for path in ["", "statistics/"]:
        page.goto(f"/{language}/feedback/{path}")
        if violations := axe_violations(page):
            found[path] = violations
    assert found == {}
