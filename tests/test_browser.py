"""Browser journeys in headless Chromium: language switching, navigation, keyboard use and axe-core scans."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from conference.tests.factories import ConferenceFactory, SessionFactory
from core.groups import EDITORS
from core.tests.helpers import axe_violations
from feedback.tests.factories import CategoryFactory
from pages.models import Page
from pages.tests.factories import ContactRoleFactory, DocumentFactory, NewsEntryFactory, PageFactory
from translations.services import record_translation_save

pytestmark = pytest.mark.browser

LANGUAGES = ["pl", "en", "uk", "ru"]
PATHS = [
    "",
    "aims/",
    "aims/forum/",
    "news/",
    "news/website-partly-in-english/",
    "documents/",
    "contacts/",
    "search/?q=forum",
    "search/?q=",
    "conference/",
    "feedback/",
    "no-such-page/",
]
# Each language's words for the programme journey: aims page, forum link, news link, search button,
# and a search for the forum with the title found (Russian readers find the Ukrainian text, labelled).
JOURNEY = {
    "pl": ("Cele programu", "Forum cudzoziemców", "Aktualności", "Szukaj", "forum", "Forum cudzoziemców"),
    "en": ("What the programme is for", "A forum for foreigners", "News", "Search", "forum", "A forum for foreigners"),
    "uk": ("Мета програми", "Форум іноземців", "Новини", "Пошук", "форум", "Форум іноземців"),
    "ru": ("Цели программы", "A forum for foreigners", "Новости", "Поиск", "форум", "Форум іноземців"),
}
HOME = {
    "pl": "Otwarty Kraków: miejski program dla cudzoziemców",
    "en": "Open Kraków: the city's programme for foreign residents",
    "uk": "Відкритий Краків: міська програма для іноземців",
    "ru": "Открытый Краков: городская программа для иностранцев",
}
CONFERENCE = {
    "pl": "Konferencja „Otwarty Kraków”",
    "en": "The Open Kraków conference",
    "uk": "Конференція «Відкритий Краків»",
    "ru": "Конференция «Открытый Краков»",
}
BODY = "## {title}\n\n- **{title}**\n- [krakow.pl](https://www.krakow.pl)\n\n> {title}"


@pytest.fixture
def site(db):
    """A small site with something in every section: the programme's pages (the forum page has no Russian text, to
    show the honest fallback), news, a document, a contact, a conference with a session, and feedback topics."""
    PageFactory(slug=Page.HOME_SLUG, translations={code: {"title": title} for code, title in HOME.items()})
    aims = PageFactory(
        slug="aims",
        translations={
            code: {"title": words[0], "summary": words[0], "body": BODY.format(title=words[0])}
            for code, words in JOURNEY.items()
        },
    )
    PageFactory(
        slug="forum",
        parent=aims,
        translations={code: {"title": JOURNEY[code][1], "body": JOURNEY[code][1]} for code in ("pl", "en", "uk")},
    )
    NewsEntryFactory(
        slug="website-partly-in-english",
        translations={code: {"title": f"{HOME[code]} ({code})", "summary": "…"} for code in LANGUAGES},
    )
    DocumentFactory(translations={"pl": {"title": "Uchwała"}, "en": {"title": "Resolution"}})
    ContactRoleFactory()
    conference = ConferenceFactory()
    for code, name in CONFERENCE.items():
        conference.set_current_language(code)
        conference.name = name
        conference.save()
    SessionFactory(conference=conference)
    CategoryFactory(air_quality=True)
    CategoryFactory()
    return aims


def test_journey_from_root_to_each_section_in_ukrainian(page, site):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.get_by_role("navigation", name="Choose a language").get_by_role("link", name="Українська").click()
    expect(page).to_have_url(re.compile(r"/uk/$"))
    expect(page.locator("html")).to_have_attribute("lang", "uk")
    expect(page.get_by_role("heading", level=1)).to_have_text("Відкритий Краків: міська програма для іноземців")

    main_nav = page.get_by_role("navigation", name="Головне меню")
    for label, path, heading in [
        ("Конференція", "/uk/conference/", CONFERENCE["uk"]),
        ("Звернення", "/uk/feedback/", "Розкажіть місту, що для вас важливо"),
        ("Програма", "/uk/", "Відкритий Краків: міська програма для іноземців"),
    ]:
        main_nav.get_by_role("link", name=label).click()
        expect(page).to_have_url(re.compile(re.escape(path) + "$"))
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        expect(main_nav.get_by_role("link", name=label)).to_have_attribute("aria-current", "page")
        assert axe_violations(page) == []


def test_switching_language_keeps_the_page(page, site):
    page.goto("/en/conference/")
    expect(page.get_by_role("heading", level=1)).to_have_text(CONFERENCE["en"])
    page.get_by_role("link", name="polski", exact=True).click()
    expect(page).to_have_url(re.compile(r"/pl/conference/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(CONFERENCE["pl"])


def test_no_axe_violations_on_any_page_in_any_language(page, site):
    found = {}
    for language in LANGUAGES:
        for path in PATHS:
            page.goto(f"/{language}/{path}")
            expect(page.locator("html")).to_have_attribute("lang", language)
            if violations := axe_violations(page):
                found[f"/{language}/{path}"] = violations
    assert found == {}


def test_keyboard_user_can_skip_to_content_and_switch_language(page, site):
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


@pytest.mark.parametrize("language", LANGUAGES)
def test_programme_journey_with_honest_fallback(page, site, language):
    aims_title, forum_title, news_label, search_label, query, found_title = JOURNEY[language]
    page.goto(f"/{language}/")
    page.get_by_role("link", name=aims_title).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(aims_title)
    assert axe_violations(page) == []

    page.get_by_role("link", name=forum_title).first.click()
    expect(page).to_have_url(re.compile(rf"/{language}/aims/forum/$"))
    assert axe_violations(page) == []

    # The forum page has no Russian translation: switching shows English, and says so in Russian.
    page.get_by_role("link", name="Русский").click()
    expect(page).to_have_url(re.compile(r"/ru/aims/forum/$"))
    notice = page.get_by_role("note")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Этот текст пока недоступен на русском")
    expect(page.locator("article.page")).to_have_attribute("lang", "en")
    assert axe_violations(page) == []

    page.goto(f"/{language}/")
    page.get_by_role("contentinfo").get_by_role("link", name=news_label, exact=True).click()
    expect(page).to_have_url(re.compile(rf"/{language}/news/$"))
    assert axe_violations(page) == []

    search = page.get_by_role("search")
    search.get_by_role("searchbox").fill(query)
    search.get_by_role("button", name=search_label).press("Enter")
    expect(page).to_have_url(re.compile(rf"/{language}/search/\?q="))
    expect(page.get_by_role("main").get_by_role("link", name=found_title)).to_be_visible()
    assert axe_violations(page) == []


def test_editor_brings_an_outdated_ukrainian_translation_up_to_date(page, site, django_user_model):
    editor = django_user_model.objects.create_user("edek", password="correct horse battery", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    aims = site
    record_translation_save(obj=aims, language="pl", text_changed=True)  # the Polish source changed

    page.goto("/admin/")
    page.get_by_label("Username").fill("edek")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Log in").click()
    page.locator("#header").get_by_role("link", name="Translations").click()  # the app list links there too
    expect(page.get_by_role("heading", name="Work left per language")).to_be_visible()

    page.locator("#id_language").select_option("uk")
    page.locator("#id_status").select_option("outdated")
    page.get_by_role("button", name="Filter").click()
    cell = page.get_by_role("row", name=re.compile("What the programme is for")).get_by_role("link", name="outdated")
    expect(cell).to_have_count(1)
    cell.click()
    expect(page).to_have_url(re.compile(rf"/admin/translations/pages.page/{aims.pk}/uk/$"))  # the workspace
    page.get_by_label(re.compile(r"^Body, part 3")).fill("> Оновлений текст про мету програми.")
    page.get_by_role("button", name="Save and publish").first.click()
    expect(page).to_have_url(re.compile(r"/admin/translations/queue/uk/$"))

    page.goto("/admin/translations/?language=uk")
    row = page.get_by_role("row", name=re.compile("What the programme is for"))
    expect(row.get_by_role("link", name="up to date")).to_be_visible()
    page.goto("/uk/aims/")
    expect(page.get_by_role("note")).to_have_count(0)
    expect(page.get_by_text("Оновлений текст про мету програми.")).to_be_visible()
