"""Browser journeys in headless Chromium: language switching, navigation, keyboard use and axe-core scans."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LANGUAGES = ["pl", "en", "uk", "ru"]
PATHS = ["", "conference/", "feedback/", "no-such-page/"]


def axe_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} × {violation['nodes'][0]['target']})"
        for violation in results.response["violations"]
    ]


def test_journey_from_root_to_each_section_in_ukrainian(page, demo):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.get_by_role("navigation", name="Choose a language").get_by_role("link", name="Українська").click()
    expect(page).to_have_url(re.compile(r"/uk/$"))
    expect(page.locator("html")).to_have_attribute("lang", "uk")
    expect(page.get_by_role("heading", level=1)).to_have_text("Відкритий Краків: міська програма для іноземців")

    main_nav = page.get_by_role("navigation", name="Головне меню")
    for label, path, heading in [
        ("Конференція", "/uk/conference/", "Конференція «Відкритий Краків» 2017"),
        ("Відгуки", "/uk/feedback/", "Розкажіть місту, що для вас важливо"),
        ("Програма", "/uk/", "Відкритий Краків: міська програма для іноземців"),
    ]:
        main_nav.get_by_role("link", name=label).click()
        expect(page).to_have_url(re.compile(re.escape(path) + "$"))
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        expect(main_nav.get_by_role("link", name=label)).to_have_attribute("aria-current", "page")
        assert axe_violations(page) == []


def test_switching_language_keeps_the_page(page, demo):
    page.goto("/en/conference/")
    page.get_by_role("link", name="polski").click()
    expect(page).to_have_url(re.compile(r"/pl/conference/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Konferencja „Otwarty Kraków” 2017")


def test_no_axe_violations_on_any_page_in_any_language(page, demo):
    found = {}
    for language in LANGUAGES:
        for path in PATHS:
            page.goto(f"/{language}/{path}")
            expect(page.locator("html")).to_have_attribute("lang", language)
            if violations := axe_violations(page):
                found[f"/{language}/{path}"] = violations
    assert found == {}


def test_keyboard_user_can_skip_to_content_and_switch_language(page, demo):
    page.goto("/en/feedback/")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to main content")
    page.keyboard.press("Enter")
    expect(page.locator(":focus")).to_have_attribute("id", "main")

    page.get_by_role("link", name="Русский").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/ru/feedback/$"))
    expect(page.locator("html")).to_have_attribute("lang", "ru")


def test_axe_scan_reports_a_real_violation(page):
    # Guards the scans above: an image without alternative text must be reported.
    page.set_content('<!DOCTYPE html><html lang="en"><title>t</title><main><img src="x.png"></main></html>')
    assert any(line.startswith("image-alt:") for line in axe_violations(page))
