"""A volunteer translator's whole journey in headless Chromium, in the admin in Ukrainian: from the queue to an
outdated page, the diff of the Polish change, a suggestion taken, a glossary warning fixed, saved for review; then a
reviewer approves it and the Ukrainian page shows it without the outdated notice. Keyboard and axe checked."""

import os
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from core.models import UserLanguage
from core.tests.helpers import axe_violations
from pages.tests.factories import PageFactory
from translations import memory
from translations.apps import TRANSLATORS
from translations.models import GlossaryTerm, LanguageSetting, TranslatorLanguage
from translations.services import record_translation_save
from translations.tests.factories import set_translations

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery"
OLD_PL = (
    "Program przyjęła Rada Miasta.\n\n"
    "Po raz pierwszy miasto formalnie dostrzegło cudzoziemców; program otwiera drogę do rozmowy z mieszkańcami."
)
NEW_PL = (
    "Program przyjęła Rada Miasta.\n\n"
    "Po raz pierwszy miasto formalnie dostrzegło cudzoziemców; program ma otworzyć drogę do stałej rozmowy "
    "z mieszkańcami.\n\n"
    "Program zapowiada też nową funkcję w Urzędzie Miasta: pełnomocnika do spraw cudzoziemców oraz forum "
    "cudzoziemców."
)
UK = (
    "Програму ухвалила Рада міста.\n\n"
    "Уперше місто офіційно визнало іноземців; програма відкриває шлях до розмови з мешканцями."
)
SUGGESTED = "Програма передбачає нову посаду в міській раді: уповноваженого у справах іноземців."
FIXED = "Програма передбачає також нову посаду в міській раді: уповноваженого у справах іноземців і форум іноземців."
SCREENSHOTS = os.environ.get("SCREENSHOTS_DIR")


def shot(page, name):
    """Screenshots for the people who look at the workspace (set SCREENSHOTS_DIR); the test checks, they look."""
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


@pytest.fixture
def translated_site(db, django_user_model):
    """An outdated Ukrainian page, a liaison page whose translation the memory offers, a glossary term, review for
    Ukrainian, a volunteer who chose the admin in Ukrainian, and a Ukrainian reviewer."""
    aims = PageFactory(
        slug="aims",
        translations={
            "pl": {"title": "Cele programu", "body": OLD_PL},
            "uk": {"title": "Мета програми", "body": UK},
            "ru": {"title": "Цели программы", "body": "Программу принял Совет города."},
        },
    )
    for language in ("uk", "ru"):
        record_translation_save(obj=aims, language=language, text_changed=True)
    set_translations(aims, {"pl": {"body": NEW_PL}})
    record_translation_save(obj=aims, language="pl", text_changed=True)
    liaison = PageFactory(
        slug="liaison",
        translations={
            "pl": {
                "title": "Pełnomocnik",
                "body": "Program zapowiada nową funkcję w Urzędzie Miasta: pełnomocnika do spraw cudzoziemców.",
            },
            "uk": {"title": "Уповноважений", "body": SUGGESTED},
        },
    )
    record_translation_save(obj=liaison, language="uk", text_changed=True)
    memory.rebuild()
    GlossaryTerm.objects.create(language="uk", term="forum cudzoziemców", translation="форум іноземців")
    LanguageSetting.objects.create(language="uk", review_required=True)

    translators = Group.objects.get(name=TRANSLATORS)
    olena = django_user_model.objects.create_user("olena", password=PASSWORD, is_staff=True)
    olena.groups.add(translators)
    TranslatorLanguage.objects.create(user=olena, language="uk")
    UserLanguage.objects.create(user=olena, language="uk")
    bohdan = django_user_model.objects.create_user("bohdan", password=PASSWORD, is_staff=True)
    bohdan.groups.add(translators)
    TranslatorLanguage.objects.create(user=bohdan, language="uk", reviewer=True)
    return aims


def log_in(page, username):
    page.goto("/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_a_volunteer_updates_an_outdated_page_for_review_and_a_reviewer_publishes_it(
    page, browser, live_server, translated_site
):
    aims = translated_site
    log_in(page, "olena")
    expect(page.locator("html")).to_have_attribute("lang", "uk")  # the admin in the language she chose

    page.locator("#header").get_by_role("link", name="Переклади").click()
    page.get_by_role("link", name="Українська").click()
    expect(page).to_have_url(re.compile(r"/admin/translations/queue/uk/$"))
    assert axe_violations(page) == []
    shot(page, "1-queue")
    row = page.get_by_role("row", name=re.compile("Cele programu"))
    expect(row).to_contain_text("застарілий")  # outdated, in Ukrainian
    row.get_by_role("link", name="Cele programu").click()

    # Only the changed paragraph is marked, with the words that changed in the Polish.
    segments = page.locator(".segment")
    expect(page.locator(".segment.state-changed")).to_have_count(1)
    changed = page.locator(".segment.state-changed")
    expect(changed.locator("del")).to_have_text("otwiera")
    expect(changed.locator("ins").first).to_contain_text("ma otworzyć")
    expect(page.locator(".segment.state-up_to_date")).to_have_count(segments.count() - 2)

    # The new paragraph: take the suggestion from the memory, with the keyboard.
    new = page.locator(".segment.state-new")
    use = new.get_by_role("button", name="Використати")
    use.focus()
    page.keyboard.press("Enter")
    new = page.locator(".segment.state-new")
    expect(new.get_by_role("textbox")).to_have_value(SUGGESTED)
    warning = new.locator(".glossary-warnings")
    expect(warning).to_contain_text("форум іноземців")
    expect(new.locator("mark.glossary")).to_have_text("forum cudzoziemców")
    assert axe_violations(page) == []
    shot(page, "2-workspace-suggestion-and-glossary-warning")

    new.get_by_role("textbox").fill(FIXED)
    page.get_by_role("button", name="Перевірити").first.click()
    expect(page.locator(".segment.state-new .glossary-warnings")).to_have_count(0)
    shot(page, "3-workspace-checked")
    page.get_by_role("button", name="Зберегти на перевірку").first.click()
    expect(page).to_have_url(re.compile(r"/admin/translations/queue/uk/$"))
    expect(page.get_by_role("row", name=re.compile("Cele programu"))).to_contain_text("чекає на перевірку")

    # Readers do not see it yet: the Ukrainian page keeps its outdated notice.
    page.goto("/uk/aims/")
    expect(page.get_by_role("note")).to_contain_text("застар")
    expect(page.get_by_text(FIXED)).to_have_count(0)

    # She cannot open the Russian translation by its address, nor choose Russian for an import.
    response = page.goto(f"/admin/translations/pages.page/{aims.pk}/ru/")
    assert response.status == 403
    response = page.goto(f"/admin/pages/page/{aims.pk}/change/?language=ru")
    assert response.status == 403
    page.goto("/admin/translations/")
    expect(page.locator("#import_id_language option[value=ru]")).to_have_count(0)

    # The reviewer approves it.
    reviewer = browser.new_context(locale="en-GB", base_url=live_server.url).new_page()
    log_in(reviewer, "bohdan")
    reviewer.goto("/admin/translations/queue/uk/")
    row = reviewer.get_by_role("row", name=re.compile("Cele programu"))
    expect(row).to_contain_text("needs review")
    row.get_by_role("link", name="Cele programu").click()
    expect(reviewer.get_by_label(re.compile(r"^Body, part 3"))).to_have_value(FIXED)
    # What the proposal changes in the published translation, word by word.
    expect(reviewer.locator(".proposal-changes ins").last).to_contain_text("форум іноземців")
    assert axe_violations(reviewer) == []
    shot(reviewer, "4-review")
    reviewer.get_by_role("button", name="Approve and publish").click()
    expect(reviewer.get_by_text("Approved: the translation is now public.")).to_be_visible()

    reviewer.goto("/uk/aims/")
    expect(reviewer.get_by_text(FIXED)).to_be_visible()
    expect(reviewer.get_by_role("note")).to_have_count(0)
    shot(reviewer, "5-public-page")
    reviewer.context.close()
