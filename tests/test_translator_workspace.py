"""The translator's workspace: a queue per language, the source beside the translation segment by segment, what
changed in the source, suggestions, the glossary, the checks before saving, and review before a translation is
public. Whole-site tests: the workspace serves every app's translated models."""

import re

import pytest
from django.contrib.auth.models import Group

from conference.tests.factories import SessionFactory, SpeakerFactory
from core.groups import EDITORS
from pages.tests.factories import DocumentFactory, NewsEntryFactory, PageFactory
from translations.apps import TRANSLATORS
from translations.models import (
    GlossaryTerm,
    LanguageSetting,
    MemoryEntry,
    TranslationRecord,
    TranslationStatus,
    TranslatorLanguage,
    translation_models,
)
from translations.services import record_translation_save
from translations.tests.factories import set_translations

pytestmark = pytest.mark.integration

OLD_PL = "Pierwszy akapit bez zmian.\n\nRada Miasta przyjęła program we wrześniu.\n\nTrzeci akapit bez zmian."
NEW_PL = "Pierwszy akapit bez zmian.\n\nRada Miasta przyjęła program w październiku.\n\nTrzeci akapit bez zmian."
UK = "Перший абзац без змін.\n\nРада міста ухвалила програму у вересні.\n\nТретій абзац без змін."


def url(obj, language):
    return f"/admin/translations/{obj._meta.label_lower}/{obj.pk}/{language}/"


def text_of(obj, language, name="body"):
    row = type(obj).objects.get(pk=obj.pk).translations.filter(language_code=language).first()
    return getattr(row, name) if row else None


def status_of(obj, language):
    return type(obj).objects.get(pk=obj.pk).translations.get(language_code=language).translation_status


def outdated_page(**kwargs):
    """A page translated into Ukrainian from OLD_PL, whose Polish then changed in its second paragraph."""
    page = PageFactory(
        translations={"pl": {"title": "Cele", "body": OLD_PL}, "uk": {"title": "Мета", "body": UK}}, **kwargs
    )
    record_translation_save(obj=page, language="uk", text_changed=True)
    set_translations(page, {"pl": {"body": NEW_PL}})
    record_translation_save(obj=page, language="pl", text_changed=True)
    return page


def posted(response, **changes):
    """What the workspace form would post back as shown in `response`, with `changes`."""
    html = response.content.decode()
    data = {}
    for name, value in re.findall(r'<input type="text" name="([a-z_]+__\d+)" value="([^"]*)"', html):
        data[name] = value
    for name, value in re.findall(r'<textarea name="([a-z_]+__\d+)"[^>]*>\n?(.*?)</textarea>', html, re.S):
        data[name] = value
    import html as html_module

    data = {name: html_module.unescape(value) for name, value in data.items()}
    return {**data, **changes}


@pytest.fixture
def reviewer(django_user_model, db):
    user = django_user_model.objects.create_user("bohdan", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=TRANSLATORS))
    TranslatorLanguage.objects.create(user=user, language="uk", reviewer=True)
    return user


def test_the_queue_lists_what_waits_in_my_language_oldest_first(volunteer_client):
    outdated = outdated_page()
    missing = NewsEntryFactory(translations={"pl": {"title": "Nowość", "summary": "Krótko o nowości w mieście."}})
    done = PageFactory(translations={"pl": {"title": "Gotowe"}, "uk": {"title": "Готово"}})
    machine = PageFactory(translations={"pl": {"title": "Maszyna"}, "uk": {"title": "Машина"}})
    record_translation_save(obj=machine, language="uk", text_changed=True, machine=True)

    response = volunteer_client.get("/admin/translations/queue/uk/")
    assert response.status_code == 200
    html = response.content.decode()
    assert url(outdated, "uk") in html and url(missing, "uk") in html and url(machine, "uk") in html
    assert url(done, "uk") not in html
    rows = re.findall(r'<tr>\s*<th scope="row"><a href="([^"]+)"', html)
    # The page waits since its Polish changed, before the news entry was written.
    assert rows.index(url(outdated, "uk")) < rows.index(url(missing, "uk"))
    assert "machine-translated" in html and "outdated" in html and "missing" in html
    # Since when, as HTML's <time> takes it: to the second, not Python's microseconds (the Nu checker refused those).
    stamps = re.findall(r'<time datetime="([^"]+)"', html)
    assert stamps and all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", s) for s in stamps)
    # How much text: the news entry's title and summary are 6 words.
    assert re.search(rf"{re.escape(url(missing, 'uk'))}.*?<td>6</td>", html, re.S)


def test_a_volunteer_sees_only_the_queue_and_workspace_of_their_languages(volunteer_client):
    page = outdated_page()
    assert volunteer_client.get("/admin/translations/queue/ru/").status_code == 403
    assert volunteer_client.get(url(page, "ru")).status_code == 403
    response = volunteer_client.post(url(page, "ru"), {"action": "save", "title__0": "Цели", "body__0": "x"})
    assert response.status_code == 403
    assert text_of(page, "ru", "title") is None
    # Nor the source language's: the Polish is the editors' to change.
    assert volunteer_client.get(url(page, "pl")).status_code == 403


@pytest.mark.parametrize(
    "address",
    [
        "/admin/translations/pages.nothing/1/uk/",
        "/admin/translations/auth.user/1/uk/",
        "/admin/translations/pages.page/999999/uk/",
        "/admin/translations/pages.page/1/xx/",
        "/admin/translations/queue/xx/",
        "/admin/translations/pages.page/1/pl/",  # the source has no workspace
    ],
)
def test_addresses_that_name_nothing_are_not_found(admin_client, address):
    PageFactory(translations={"pl": {"title": "Cele"}})
    assert admin_client.get(address, follow=True).status_code == 404


def test_the_workspace_shows_only_the_changed_paragraph_as_changed_with_its_word_diff(volunteer_client):
    page = outdated_page()
    response = volunteer_client.get(url(page, "uk"))
    html = response.content.decode()
    assert response.status_code == 200
    states = re.findall(r'<div class="segment state-([a-z_]+)">', html)
    assert states == ["up_to_date", "up_to_date", "changed", "up_to_date"]  # title, then three paragraphs
    assert "przyjęła program <del>we wrześniu</del><ins>w październiku</ins>." in html
    # The changed paragraph's box holds the old translation, to be corrected rather than retyped.
    assert "Рада міста ухвалила програму у вересні." in html
    assert 'lang="pl"' in html and 'lang="uk"' in html


def test_a_source_change_of_a_translation_made_before_sources_were_kept_is_said_plainly(volunteer_client):
    page = PageFactory(translations={"pl": {"title": "Cele", "body": OLD_PL}, "uk": {"title": "Мета", "body": UK}})
    record_translation_save(obj=page, language="pl", text_changed=True)  # no record of what uk was made from
    html = volunteer_client.get(url(page, "uk")).content.decode()
    assert "state-unknown" in html and "<del>" not in html


def test_taking_a_suggestion_fills_the_box_and_saves_nothing(volunteer_client):
    page = outdated_page()
    MemoryEntry.objects.create(
        source_language="pl",
        language="uk",
        source_text="Rada Miasta przyjęła program w październiku.",
        target_text="Рада міста ухвалила програму в жовтні.",
        digest="x" * 64,
    )
    first = volunteer_client.get(url(page, "uk"))
    entry = MemoryEntry.objects.get()
    assert "Рада міста ухвалила програму в жовтні." in first.content.decode()
    assert "100%" in first.content.decode()
    response = volunteer_client.post(url(page, "uk"), posted(first, take=f"body__1:{entry.pk}"))
    assert response.status_code == 200
    assert re.search(
        r'name="body__1"[^>]*>\n?Рада міста ухвалила програму в жовтні\.</textarea>', response.content.decode()
    )
    assert text_of(page, "uk") == UK  # nothing saved yet
    # A suggestion of another language pair cannot be taken by naming its number.
    other = MemoryEntry.objects.create(
        source_language="pl", language="ru", source_text="x", target_text="Совет", digest="y" * 64
    )
    response = volunteer_client.post(url(page, "uk"), posted(first, take=f"body__1:{other.pk}"))
    assert "Совет" not in response.content.decode()


def test_a_glossary_warning_shows_until_the_agreed_term_is_used_and_never_blocks(volunteer_client):
    page = outdated_page()
    GlossaryTerm.objects.create(source_language="pl", language="uk", term="Rada Miasta", translation="Міська рада")
    first = volunteer_client.get(url(page, "uk"))
    html = first.content.decode()
    assert '<mark class="glossary"' in html
    assert "Glossary: “Rada Miasta” is translated as “Міська рада”" in html
    fixed = posted(first, body__1="Міська рада ухвалила програму в жовтні.", action="check")
    assert "Glossary:" not in volunteer_client.post(url(page, "uk"), fixed).content.decode()
    # Saved with the warning: it is only a warning.
    response = volunteer_client.post(url(page, "uk"), posted(first, body__1="Рада ухвалила в жовтні.", action="save"))
    assert response.status_code == 302
    assert "Рада ухвалила в жовтні." in text_of(page, "uk")


def test_a_broken_link_or_placeholder_blocks_saving_and_an_identical_text_needs_confirming(volunteer_client):
    page = PageFactory(
        translations={"pl": {"title": "Cele", "body": "Napisz do nas: [formularz](/pl/feedback/)."}},
    )
    first = volunteer_client.get(url(page, "uk"))
    response = volunteer_client.post(
        url(page, "uk"), posted(first, title__0="Мета", body__0="Напишіть нам: формуляр.", action="save")
    )
    assert response.status_code == 200
    assert "Fix the problems marked below before saving." in response.content.decode()
    assert text_of(page, "uk", "title") is None

    same = posted(first, title__0="Cele", body__0="Напишіть нам: [формуляр](/pl/feedback/).", action="save")
    response = volunteer_client.post(url(page, "uk"), same)
    assert response.status_code == 200
    assert "tick this box to save" in response.content.decode()
    assert text_of(page, "uk", "title") is None
    response = volunteer_client.post(url(page, "uk"), {**same, "confirm": "on"})
    assert response.status_code == 302
    assert text_of(page, "uk", "title") == "Cele"


def test_a_new_translation_needs_its_title_and_fits_its_fields(volunteer_client):
    page = PageFactory(translations={"pl": {"title": "Cele", "summary": "Krótko."}})
    first = volunteer_client.get(url(page, "uk"))
    response = volunteer_client.post(url(page, "uk"), posted(first, title__0="", summary__0="Коротко.", action="save"))
    assert "A translation needs its title." in response.content.decode()
    response = volunteer_client.post(url(page, "uk"), posted(first, title__0="М" * 201, action="save"))
    assert "At most 200 characters" in response.content.decode()
    assert text_of(page, "uk", "title") is None


def test_saving_without_review_publishes_and_remembers_the_source_and_the_memory(volunteer_client, client):
    page = outdated_page()
    first = volunteer_client.get(url(page, "uk"))
    response = volunteer_client.post(url(page, "uk"), posted(first, body__1="Рада міста ухвалила програму в жовтні."))
    assert response.status_code == 200  # no action: a check
    response = volunteer_client.post(
        url(page, "uk"), posted(first, body__1="Рада міста ухвалила програму в жовтні.", action="save")
    )
    assert response.status_code == 302 and response["Location"] == "/admin/translations/queue/uk/"
    assert status_of(page, "uk") == TranslationStatus.UP_TO_DATE
    assert "у жовтні" not in text_of(page, "uk") and "в жовтні." in text_of(page, "uk")
    record = TranslationRecord.objects.get(object_id=page.pk, language="uk")
    assert record.made_from["body"] == NEW_PL
    assert MemoryEntry.objects.filter(
        language="uk", source_text="Rada Miasta przyjęła program w październiku."
    ).exists()
    # After the save, every segment is up to date again.
    html = volunteer_client.get(url(page, "uk")).content.decode()
    assert set(re.findall(r'<div class="segment state-([a-z_]+)">', html)) == {"up_to_date"}


def test_where_review_is_required_a_volunteer_proposes_and_a_reviewer_publishes(
    volunteer_client, reviewer, client, django_user_model
):
    LanguageSetting.objects.create(language="uk", review_required=True)
    page = outdated_page()
    new_uk = "Рада міста ухвалила програму в жовтні."
    first = volunteer_client.get(url(page, "uk"))
    assert "Save for review" in first.content.decode()
    response = volunteer_client.post(url(page, "uk"), posted(first, body__1=new_uk, action="save"))
    assert response.status_code == 302
    # Not public: the page keeps the outdated translation and its notice.
    assert new_uk not in text_of(page, "uk") and status_of(page, "uk") == TranslationStatus.OUTDATED
    public = client.get(page.get_absolute_url().replace("/en/", "/uk/")).content.decode()
    assert new_uk not in public and "notice-outdated" in public
    # The queue says it needs review; the volunteer's own workspace shows the proposal.
    assert "needs review" in volunteer_client.get("/admin/translations/queue/uk/").content.decode()
    mine = volunteer_client.get(url(page, "uk")).content.decode()
    assert new_uk in mine and "waits for review" in mine and "Approve and publish" not in mine
    # The volunteer cannot approve their own work.
    assert volunteer_client.post(url(page, "uk"), posted(first, body__1=new_uk, action="approve")).status_code == 403

    client.force_login(reviewer)
    review = client.get(url(page, "uk"))
    assert "Approve and publish" in review.content.decode()
    response = client.post(url(page, "uk"), posted(review, action="approve"))
    assert response.status_code == 302
    assert new_uk in text_of(page, "uk") and status_of(page, "uk") == TranslationStatus.UP_TO_DATE
    assert TranslationRecord.objects.get(object_id=page.pk, language="uk").proposed is None
    client.logout()
    public = client.get(page.get_absolute_url().replace("/en/", "/uk/")).content.decode()
    assert new_uk in public and "notice-outdated" not in public


def test_a_reviewer_sends_a_proposal_back_with_a_note(volunteer_client, reviewer, client):
    LanguageSetting.objects.create(language="uk", review_required=True)
    page = outdated_page()
    first = volunteer_client.get(url(page, "uk"))
    volunteer_client.post(url(page, "uk"), posted(first, body__1="Чернетка.", action="save"))
    client.force_login(reviewer)
    review = client.get(url(page, "uk"))
    response = client.post(url(page, "uk"), posted(review, action="send_back", review_note="Звірте дату, будь ласка."))
    assert response.status_code == 302
    assert text_of(page, "uk") == UK  # still unpublished
    mine = volunteer_client.get(url(page, "uk")).content.decode()
    assert "Звірте дату, будь ласка." in mine and "Чернетка." in mine


def test_where_review_is_required_the_admin_form_sends_a_volunteer_to_the_workspace(volunteer_client):
    LanguageSetting.objects.create(language="uk", review_required=True)
    page = outdated_page()
    response = volunteer_client.get(f"/admin/pages/page/{page.pk}/change/?language=uk")
    assert response.status_code == 302 and response["Location"] == url(page, "uk")
    response = volunteer_client.post(
        f"/admin/pages/page/{page.pk}/change/?language=uk", {"title": "Мета", "body": "Обхід рецензії."}
    )
    assert text_of(page, "uk") == UK


def test_an_editor_saves_any_language_at_once_even_where_review_is_required(client, django_user_model):
    LanguageSetting.objects.create(language="uk", review_required=True)
    editor = django_user_model.objects.create_user("edek", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    page = outdated_page()
    first = client.get(url(page, "ru"))
    assert first.status_code == 200 and "Save and publish" in first.content.decode()
    response = client.post(url(page, "ru"), posted(first, title__0="Цели", body__0="Текст.", action="save"))
    assert response.status_code == 302
    assert text_of(page, "ru", "title") == "Цели"


FACTORIES = {
    "pages.page": PageFactory,
    "pages.newsentry": NewsEntryFactory,
    "pages.document": DocumentFactory,
    "conference.speaker": SpeakerFactory,
    "conference.session": SessionFactory,
}


def test_every_translated_model_has_a_workspace_test():
    assert sorted(m._meta.label_lower for m in translation_models()) == sorted(FACTORIES)


@pytest.mark.parametrize("label", sorted(FACTORIES))
def test_every_translated_model_is_translated_in_the_workspace(volunteer_client, label):
    obj = FACTORIES[label]()
    fields = obj.translated_text_fields()
    set_translations(obj, {"pl": {name: f"Polski tekst {name}." for name in fields}})
    first = volunteer_client.get(url(obj, "uk"))
    assert first.status_code == 200
    texts = {f"{name}__0": f"Український текст {name}." for name in fields}
    response = volunteer_client.post(url(obj, "uk"), posted(first, **texts, action="save", confirm="on"))
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert text_of(obj, "uk", fields[0]) == f"Український текст {fields[0]}."
    assert volunteer_client.get(url(obj, "ru")).status_code == 403


@pytest.mark.parametrize("size", [1, 10])
def test_the_workspace_renders_twenty_segments_in_at_most_ten_queries(
    volunteer_client, django_assert_num_queries, size
):
    """20 segments (title, summary and 18 paragraphs), with a glossary and a memory of two sizes."""
    paragraphs = [f"Akapit numer {n}: Rada Miasta i urząd do spraw cudzoziemców, tekst {n}." for n in range(18)]
    page = PageFactory(
        translations={
            "pl": {"title": "Cele", "summary": "Krótko.", "body": "\n\n".join(paragraphs)},
            "uk": {"title": "Мета", "summary": "Коротко.", "body": "\n\n".join(f"Абзац {n}." for n in range(18))},
        }
    )
    record_translation_save(obj=page, language="uk", text_changed=True)
    set_translations(page, {"pl": {"body": "\n\n".join(p.replace("tekst", "nowy tekst") for p in paragraphs)}})
    record_translation_save(obj=page, language="pl", text_changed=True)
    for n in range(size * 5):
        GlossaryTerm.objects.create(language="uk", term=f"termin {n}", translation=f"термін {n}")
        MemoryEntry.objects.create(
            source_language="pl",
            language="uk",
            source_text=f"Akapit numer {n}: Rada Miasta, tekst {n}.",
            target_text=f"Абзац номер {n}.",
            digest=f"{n:064d}",
        )
    volunteer_client.get(url(page, "uk"))  # the session and content types, as on any page after the first
    # The session, the user, the second factor, the user's and groups' permissions, the translator's languages,
    # the page with its record and review setting, its translations, the glossary and the memory.
    with django_assert_num_queries(10):
        response = volunteer_client.get(url(page, "uk"))
    assert response.content.decode().count('class="segment state-') == 20
