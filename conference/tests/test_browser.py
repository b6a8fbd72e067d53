"""Browser journeys through the schedule in Chromium, with axe-core scans and the print view."""

import re

import pytest
from playwright.sync_api import expect

from conference.tests.factories import (
    ConferenceFactory,
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    TrackFactory,
    VenueFactory,
    in_languages,
    publish_changes,
)
from core.tests.helpers import axe_violations

pytestmark = pytest.mark.browser

LANGUAGES = ("pl", "en", "uk", "ru")


def titled(text: str) -> dict[str, str]:
    """A title in every language, each marked with its language so that a test can tell which is shown."""
    return {language: f"{text} ({language})" for language in LANGUAGES}


class Site:
    """What the conference pages show, built for the journeys: the current edition, with sessions understood in
    Ukrainian or not, two workshops with places, a speaker and a venue described in every language; and a past
    edition in the archive, with a moved and a cancelled session."""

    def __init__(self):
        names = {"pl": "Konferencja", "en": "Conference", "uk": "Конференція", "ru": "Конференция"}
        self.current = ConferenceFactory(slug="current", names=names, themes=titled("Theme"))
        venue = VenueFactory(
            slug="city-hall",
            **in_languages("name", titled("City Hall")),
            **in_languages("accessibility", titled("Step-free entrance")),
        )
        room = RoomFactory(venue=venue, **in_languages("name", titled("Hall")))
        self.speaker = SpeakerFactory(
            slug="kovalenko",
            name="Olena Kovalenko",
            affiliation="Stowarzyszenie ukraińskie",
            translations={
                language: {"role": f"Chair ({language})", "bio": f"Bio ({language})"} for language in LANGUAGES
            },
        )
        track = TrackFactory(**in_languages("name", titled("Diversity")))

        def session(name, **fields):
            fields.setdefault("room", room)
            return SessionFactory(titles=titled(name), abstracts=titled(f"About {name}"), track=track, **fields)

        self.understood_in_ukrainian = [
            session("Spoken in Ukrainian", conference=self.current, spoken_language="uk", speakers=[self.speaker]),
            session("Interpreted into Ukrainian", conference=self.current, interpretation=["en", "uk"]),
        ]
        self.not_in_ukrainian = [session("Only Polish", conference=self.current)]
        self.workshops = [
            session(f"Workshop {n}", conference=self.current, registration_required=True, capacity=10) for n in (1, 2)
        ]
        self.past = ConferenceFactory(past=True, slug="krakow-2017", names=names, themes=titled("Old theme"))
        self.moved, self.cancelled = (session(name, conference=self.past) for name in ("Moved", "Cancelled"))
        publish_changes(self.past, moved=self.moved, cancelled=self.cancelled, notes=titled("Changes"))


@pytest.fixture
def site(transactional_db) -> Site:
    """Rows the live server's thread reads: written outside any test transaction, flushed afterwards."""
    return Site()


# Words of each language for the journey: filter label, the submit button, star and agenda labels.
WORDS = {
    "en": ("A language I understand", "Show", "Add to my agenda", "In my agenda", "My agenda"),
    "uk": ("Мова, яку я розумію", "Показати", "Додати до мого розкладу", "У моєму розкладі", "Мій розклад"),
}


@pytest.mark.parametrize("language", ["uk", "en"])
def test_schedule_filter_session_star_agenda_and_print(page, site, settings, language):
    settings.PAGE_CACHE = True  # the journey as visitors take it: shared pages from the cache, then their own
    label, show, add, added, my_agenda = WORDS[language]
    page.goto(f"/{language}/conference/schedule/")
    assert axe_violations(page) == []

    page.get_by_label(label).select_option("uk")
    page.get_by_role("button", name=show, exact=True).click()
    expect(page).to_have_url(re.compile(r"lang=uk"))
    sessions = page.locator("article.session")
    expect(sessions).to_have_count(len(site.understood_in_ukrainian))
    expect(page.locator(f"#session-{site.not_in_ukrainian[0].code}")).to_have_count(0)
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
def test_conference_pages_have_no_axe_violations(page, site, language):
    found = {}
    for path in [
        "",
        "schedule/",
        f"sessions/{site.workshops[0].code}/",
        f"sessions/{site.moved.code}/",  # moved, in the archived edition
        f"sessions/{site.cancelled.code}/",  # cancelled, in the archived edition
        "speakers/kovalenko/",
        "venues/city-hall/",
        "changes/",
        "register/",
        "archive/",
        "editions/krakow-2017/",
        "editions/krakow-2017/schedule/",
        "editions/krakow-2017/changes/",
    ]:
        page.goto(f"/{language}/conference/{path}")
        if violations := axe_violations(page):
            found[path] = violations
    page.goto(f"/{language}/conference/agenda/not-a-token/")
    if violations := axe_violations(page):
        found["agenda"] = violations
    assert found == {}


def test_starring_works_with_the_keyboard_alone(page, site):
    first, second = site.understood_in_ukrainian
    page.goto(f"/en/conference/sessions/{first.code}/")
    page.get_by_role("link", name=re.compile("Add to my agenda")).focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name=re.compile("Add to my agenda")).focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name=re.compile("In my agenda"))).to_be_visible()
    # With an agenda, the next star is a form on the page itself.
    page.goto(f"/en/conference/sessions/{second.code}/")
    page.get_by_role("button", name=re.compile("Add to my agenda")).focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name=re.compile("In my agenda"))).to_be_visible()
    page.goto("/en/conference/schedule/")
    page.get_by_role("link", name="My agenda", exact=True).click()
    expect(page.locator("article.session")).to_have_count(2)


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
def test_register_for_a_day_and_two_workshops_then_cancel_one(page, site, language):
    name, email, submit, registered, cancel = REGISTER_WORDS[language]
    page.goto(f"/{language}/conference/register/")
    assert axe_violations(page) == []
    page.get_by_label(name).fill("Test Attendee")
    page.get_by_label(email, exact=True).fill("attendee@example.org")
    page.locator('input[name="days"]').first.check()
    for workshop in site.workshops:
        page.locator(f"#id_sessions_{workshop.code}").check()
    page.get_by_role("button", name=submit).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(registered)
    expect(page.locator("li.booking")).to_have_count(2)
    assert axe_violations(page) == []

    page.get_by_role("button", name=re.compile(cancel)).first.click()
    expect(page.locator("li.booking-cancelled")).to_have_count(1)
    expect(page.locator("li.booking-confirmed")).to_have_count(1)
    assert axe_violations(page) == []


def test_registration_errors_are_summarised_and_linked(page, site):
    page.goto("/en/conference/register/")
    page.get_by_role("button", name="Register").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    summary.get_by_role("link", name=re.compile("Your name")).click()
    expect(page.locator("#id_name")).to_be_focused()
    assert axe_violations(page) == []
