"""Browser journeys through the schedule in Chromium, with axe-core scans and the print view."""

import re

import pytest
from playwright.sync_api import expect

from core.tests.helpers import axe_violations

pytestmark = pytest.mark.browser

# Words of each language for the journey: filter label, the submit button, star and agenda labels.
WORDS = {
    "en": ("A language I understand", "Show", "Add to my agenda", "In my agenda", "My agenda"),
    "uk": ("Мова, яку я розумію", "Показати", "Додати до мого розкладу", "У моєму розкладі", "Мій розклад"),
}


@pytest.mark.parametrize("language", ["uk", "en"])
def test_schedule_filter_session_star_agenda_and_print(page, demo, settings, language):
    settings.PAGE_CACHE = True  # the journey as visitors take it: shared pages from the cache, then their own
    label, show, add, added, my_agenda = WORDS[language]
    page.goto(f"/{language}/conference/schedule/")
    assert axe_violations(page) == []

    page.get_by_label(label).select_option("uk")
    page.get_by_role("button", name=show, exact=True).click()
    expect(page).to_have_url(re.compile(r"lang=uk"))
    sessions = page.locator("article.session")
    assert 0 < sessions.count() < 9  # of the current edition's nine sessions
    assert axe_violations(page) == []

    first = sessions.first
    title = first.get_by_role("heading").inner_text()
    first.get_by_role("heading").get_by_role("link").click()
    expect(page).to_have_url(re.compile(rf"/{language}/conference/sessions/\w+/$"))
    assert axe_violations(page) == []

    # A first star leads from the shared page to a one-button form of the visitor's own.
    page.get_by_role("link", name=re.compile(add)).click()
    expect(page.locator("h1")).to_have_text(add)
    assert axe_violations(page) == []
    page.get_by_role("button", name=re.compile(add)).click()
    expect(page).to_have_url(re.compile(rf"/{language}/conference/sessions/\w+/#session-\w+$"))
    expect(page.get_by_role("button", name=re.compile(added))).to_be_visible()

    page.goto(f"/{language}/conference/schedule/")
    page.get_by_role("link", name=my_agenda, exact=True).click()
    expect(page).to_have_url(re.compile(rf"/{language}/conference/agenda/.+/$"))
    expect(page.locator("article.session")).to_have_count(1)
    expect(page.locator("article.session").get_by_role("heading")).to_have_text(title)
    assert axe_violations(page) == []

    page.goto(f"/{language}/conference/schedule/")
    page.emulate_media(media="print")
    expect(page.locator("form.filters")).to_be_hidden()
    expect(page.locator(".star-form").first).to_be_hidden()
    expect(page.locator("article.session").first).to_be_visible()
    page.emulate_media(media="screen")


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
def test_conference_pages_have_no_axe_violations(page, demo, language):
    found = {}
    for path in [
        "",
        "sessions/OKDE07/",
        "sessions/OK1721/",  # moved, in the archived 2017 edition
        "sessions/OK1724/",  # cancelled, in the archived 2017 edition
        "speakers/kovalenko/",
        "venues/city-hall/",
        "changes/",
        "archive/",
        "editions/open-krakow-2017/",
        "editions/open-krakow-2017/schedule/",
    ]:
        page.goto(f"/{language}/conference/{path}")
        if violations := axe_violations(page):
            found[path] = violations
    page.goto(f"/{language}/conference/agenda/not-a-token/")
    if violations := axe_violations(page):
        found["agenda"] = violations
    assert found == {}


def test_starring_works_with_the_keyboard_alone(page, demo):
    page.goto("/en/conference/sessions/OK1701/")
    page.get_by_role("link", name=re.compile("Add to my agenda")).focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name=re.compile("Add to my agenda")).focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name=re.compile("In my agenda"))).to_be_visible()
    # With an agenda, the next star is a form on the page itself.
    page.goto("/en/conference/sessions/OK1702/")
    page.get_by_role("button", name=re.compile("Add to my agenda")).focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name=re.compile("In my agenda"))).to_be_visible()


REGISTER_WORDS = {
    "ru": (
        "Ваше имя",
        "Электронная почта",
        "Зарегистрироваться",
        "Вы зарегистрированы",
        "Отменить эту сессию",
    ),
    "pl": (
        "Imię i nazwisko",
        "E-mail",
        "Zarejestruj się",
        "Jesteś zarejestrowany(-a)",
        "Zrezygnuj z tej sesji",
    ),
}


@pytest.mark.parametrize("language", ["ru", "pl"])
def test_register_for_a_day_and_two_workshops_then_cancel_one(page, demo, language):
    name, email, submit, registered, cancel = REGISTER_WORDS[language]
    page.goto(f"/{language}/conference/register/")
    assert axe_violations(page) == []
    page.get_by_label(name).fill("Test Attendee")
    page.get_by_label(email, exact=True).fill("attendee@example.org")
    page.locator('input[name="days"]').first.check()
    page.locator("#id_sessions_OKDE06").check()  # the residence card, a workshop
    page.locator("#id_sessions_OKDE08").check()  # one-to-one advice
    page.get_by_role("button", name=submit).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(registered)
    expect(page.locator("li.booking")).to_have_count(2)
    assert axe_violations(page) == []

    page.get_by_role("button", name=re.compile(cancel)).first.click()
    expect(page.locator("li.booking-cancelled")).to_have_count(1)
    expect(page.locator("li.booking-confirmed")).to_have_count(1)
    assert axe_violations(page) == []


def test_registration_errors_are_summarised_and_linked(page, demo):
    page.goto("/en/conference/register/")
    page.get_by_role("button", name="Register").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    summary.get_by_role("link", name=re.compile("Your name")).click()
    expect(page.locator("#id_name")).to_be_focused()
    assert axe_violations(page) == []
