"""The translator's workspace, review and .po import as an outsider attacks them: input the forms never offer, an
object with nothing to translate, a page left open while someone else changes the source or the proposal, two
reviewers at once, and an approval that fails half-way. Nothing answers 500, and nothing is published or marked up
to date that nobody saw."""

import contextlib
import html as html_module
import re
import threading
import time

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from conference.tests.factories import SpeakerFactory
from core.tests.parallel import at_once, postgresql_only
from pages.tests.factories import PageFactory
from translations import memory, services
from translations.apps import TRANSLATORS
from translations.models import LanguageSetting, TranslationRecord, TranslationStatus, TranslatorLanguage
from translations.services import record_translation_save
from translations.tests.factories import set_translations

pytestmark = pytest.mark.integration

PL = "Pierwszy akapit.\n\nRada Miasta przyjęła program we wrześniu."
PL_CHANGED = "Pierwszy akapit.\n\nRada Miasta przyjęła program w październiku."
UK = "Перший абзац.\n\nРада міста ухвалила програму у вересні."
CHANGED_SINCE = "changed since you opened this page"


def url(obj, language="uk"):
    return f"/admin/translations/{obj._meta.label_lower}/{obj.pk}/{language}/"


def shown(response, **changes):
    """Everything the workspace form posts back as the browser would (hidden fields too), with `changes`."""
    page = response.content.decode()
    data = dict(re.findall(r'<input type="(?:text|hidden)" name="([a-z_]+(?:__\d+)?)" value="([^"]*)"', page))
    data.update(re.findall(r'<textarea name="([a-z_]+__\d+)"[^>]*>\n?(.*?)</textarea>', page, re.S))
    data.pop("csrfmiddlewaretoken", None)
    return {**{name: html_module.unescape(value) for name, value in data.items()}, **changes}


def row_of(obj, language="uk"):
    return type(obj).objects.get(pk=obj.pk).translations.filter(language_code=language).first()


def translator(django_user_model, username, *, reviewer=False):
    user = django_user_model.objects.create_user(username, password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=TRANSLATORS))
    TranslatorLanguage.objects.create(user=user, language="uk", reviewer=reviewer)
    return user


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def proposal(volunteer_client):
    """A page translated into Ukrainian, where review is required and the volunteer proposed a new translation."""
    LanguageSetting.objects.create(language="uk", review_required=True)
    page = PageFactory(translations={"pl": {"title": "Cele", "body": PL}, "uk": {"title": "Мета", "body": UK}})
    record_translation_save(obj=page, language="uk", text_changed=True)
    first = volunteer_client.get(url(page))
    response = volunteer_client.post(url(page), shown(first, body__1="Рада міста ухвалила програму.", action="save"))
    assert response.status_code == 302
    return page


# Bad input


def test_an_object_with_no_source_text_has_nothing_to_save(volunteer_client):
    no_source = PageFactory(translations={"uk": {"title": "Мета"}})
    empty_source = PageFactory(translations={"pl": {"title": ""}})
    for page in (no_source, empty_source):
        assert "There is no source text to translate yet." in volunteer_client.get(url(page)).content.decode()
        for action in ("save", "check", "approve"):
            response = volunteer_client.post(url(page), {"action": action})
            assert response.status_code in (200, 403)
    assert row_of(empty_source) is None and row_of(no_source).title == "Мета"


def test_saving_empty_boxes_makes_no_empty_up_to_date_translation(volunteer_client):
    speaker = SpeakerFactory()  # no title: nothing else asks for a text
    first = volunteer_client.get(url(speaker))
    response = volunteer_client.post(url(speaker), shown(first, action="save"))
    assert response.status_code == 200
    assert "Write the translation in the boxes before saving." in response.content.decode()
    assert row_of(speaker) is None
    assert url(speaker) in volunteer_client.get("/admin/translations/queue/uk/").content.decode()


@pytest.mark.parametrize("take", ["body__1:²", "body__1:١", "x:abc", ":", "body__999:1", "title__0:" + "9" * 20])
def test_a_suggestion_number_that_is_no_number_takes_nothing(volunteer_client, take):
    page = PageFactory(translations={"pl": {"title": "Cele", "body": PL}})
    response = volunteer_client.post(url(page), {"title__0": "Мета", "take": take})
    assert response.status_code == 200
    assert row_of(page) is None


def upload(client, body: str, language="uk"):
    head = f'msgid ""\nmsgstr ""\n"Language: {language}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    po = SimpleUploadedFile("uk.po", (head + body).encode(), content_type="text/x-gettext-translation")
    return client.post("/admin/translations/import/", {"language": language, "file": po})


def test_a_po_entry_naming_an_object_by_a_digit_that_is_no_number_is_unknown(volunteer_client):
    page = PageFactory(translations={"pl": {"title": "Cele"}})
    response = upload(volunteer_client, 'msgctxt "pages.page:²:title"\nmsgid "Cele"\nmsgstr "Мета"\n')
    assert response.status_code == 200
    assert row_of(page) is None


def test_a_po_file_with_a_nul_is_refused_on_every_database(volunteer_client):
    page = PageFactory(translations={"pl": {"title": "Cele"}})
    response = upload(volunteer_client, f'msgctxt "pages.page:{page.pk}:title"\nmsgid "Cele"\nmsgstr "Ме\x00та"\n')
    assert response.status_code == 200
    assert "This is not a readable .po file." in response.content.decode()
    assert row_of(page) is None


# A page left open while something changes


def test_a_source_changed_after_the_workspace_was_opened_is_not_marked_translated(volunteer_client):
    page = PageFactory(translations={"pl": {"title": "Cele", "body": PL}, "uk": {"title": "Мета", "body": UK}})
    record_translation_save(obj=page, language="uk", text_changed=True)
    first = volunteer_client.get(url(page))
    set_translations(page, {"pl": {"body": PL_CHANGED}})  # an editor, meanwhile
    record_translation_save(obj=page, language="pl", text_changed=True)

    response = volunteer_client.post(url(page), shown(first, title__0="Цілі", action="save"))
    assert response.status_code == 200 and CHANGED_SINCE in response.content.decode()
    assert row_of(page).title == "Мета" and row_of(page).translation_status == TranslationStatus.OUTDATED
    # The page now shows what changed; saved from there, it counts.
    again = volunteer_client.post(url(page), shown(response, action="save"))
    assert again.status_code == 302 and row_of(page).title == "Цілі"


def test_an_approval_after_a_source_change_keeps_the_translation_outdated(proposal, django_user_model):
    reviewer = logged_in(translator(django_user_model, "bohdan", reviewer=True))
    set_translations(proposal, {"pl": {"body": PL_CHANGED}})  # between the proposal and the review
    record_translation_save(obj=proposal, language="pl", text_changed=True)

    review = reviewer.get(url(proposal))
    response = reviewer.post(url(proposal), shown(review, action="approve"))
    assert response.status_code == 302
    row = row_of(proposal)
    assert "Рада міста ухвалила програму." in row.body
    # Translated from the September text, it is not up to date with October's; the workspace shows the change.
    assert row.translation_status == TranslationStatus.OUTDATED
    assert TranslationRecord.objects.get(object_id=proposal.pk, language="uk").made_from["body"] == PL
    assert "<del>we wrześniu</del><ins>w październiku</ins>" in reviewer.get(url(proposal)).content.decode()


def test_a_reviewer_cannot_approve_a_proposal_changed_since_they_read_it(proposal, volunteer_client, django_user_model):
    reviewer = logged_in(translator(django_user_model, "bohdan", reviewer=True))
    review = reviewer.get(url(proposal))
    mine = volunteer_client.get(url(proposal))
    volunteer_client.post(url(proposal), shown(mine, body__1="Друга, краща версія.", action="save"))

    response = reviewer.post(url(proposal), shown(review, action="approve"))
    assert response.status_code == 200 and CHANGED_SINCE in response.content.decode()
    assert "Друга, краща версія." not in row_of(proposal).body
    assert TranslationRecord.objects.get(object_id=proposal.pk).proposed["body"].endswith("Друга, краща версія.")
    # Read again, it is approved.
    response = reviewer.post(url(proposal), shown(response, action="approve"))
    assert response.status_code == 302 and row_of(proposal).body.endswith("Друга, краща версія.")


def test_the_second_of_two_reviewers_is_told_the_proposal_was_approved(proposal, django_user_model):
    first = logged_in(translator(django_user_model, "bohdan", reviewer=True))
    second = logged_in(translator(django_user_model, "iryna", reviewer=True))
    first_page, second_page = first.get(url(proposal)), second.get(url(proposal))
    assert first.post(url(proposal), shown(first_page, action="approve")).status_code == 302
    response = second.post(url(proposal), shown(second_page, body__1="Інакше.", action="approve"))
    assert response.status_code == 200 and CHANGED_SINCE in response.content.decode()
    assert row_of(proposal).body.endswith("Рада міста ухвалила програму.")


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_two_reviewers_approving_at_once_publish_once(django_user_model, monkeypatch):
    page = PageFactory(translations={"pl": {"title": "Cele", "body": PL}, "uk": {"title": "Мета", "body": UK}})
    reviewers = [translator(django_user_model, name, reviewer=True) for name in ("bohdan", "iryna")]
    volunteer = translator(django_user_model, "olena")
    LanguageSetting.objects.create(language="uk", review_required=True)
    services.save_translation(obj=page, language="uk", texts={"title": "Цілі", "body": UK}, user=volunteer)
    remember, both_read = memory.remember, threading.Barrier(2, timeout=5)

    def remember_slowly(**kwargs):  # without a lock both approvals get here
        with contextlib.suppress(threading.BrokenBarrierError):
            both_read.wait()
        return remember(**kwargs)

    monkeypatch.setattr(memory, "remember", remember_slowly)

    def approve(n):
        obj = type(page).objects.prefetch_related("translations").get(pk=page.pk)
        try:
            services.approve(obj=obj, language="uk", reviewer=reviewers[n], texts={"title": f"Цілі {n}", "body": UK})
        except ValueError:
            return "refused"
        return "approved"

    assert sorted(at_once(approve, 2)) == ["approved", "refused"]


def test_an_approval_that_fails_half_way_changes_nothing(proposal, django_user_model, monkeypatch):
    reviewer = translator(django_user_model, "bohdan", reviewer=True)

    def killed(**kwargs):
        raise RuntimeError("the worker was killed")

    monkeypatch.setattr(memory, "remember", killed)
    obj = type(proposal).objects.prefetch_related("translations").get(pk=proposal.pk)
    with pytest.raises(RuntimeError):
        services.approve(obj=obj, language="uk", reviewer=reviewer)
    assert row_of(proposal).body == UK and row_of(proposal).translation_status == TranslationStatus.UP_TO_DATE
    assert TranslationRecord.objects.get(object_id=proposal.pk).proposed is not None


def test_a_huge_proposal_does_not_hold_up_the_reviewers_page(volunteer_client, django_user_model):
    """A word diff costs the product of the two texts' lengths, and far more for repetitive text: 5,000 repeated
    words against a published paragraph took a minute to show."""
    LanguageSetting.objects.create(language="uk", review_required=True)
    published = "Рада міста ухвалила програму у вересні. " * 50
    page = PageFactory(translations={"pl": {"title": "Cele", "body": PL}, "uk": {"title": "Мета", "body": published}})
    first = volunteer_client.get(url(page))
    huge = "слово інше " * 5000
    response = volunteer_client.post(url(page), shown(first, body__0=huge, body__1="", action="save", confirm="on"))
    assert response.status_code == 302
    reviewer = logged_in(translator(django_user_model, "bohdan", reviewer=True))
    started = time.monotonic()
    review = reviewer.get(url(page))
    assert review.status_code == 200 and "Approve and publish" in review.content.decode()
    assert time.monotonic() - started < 10


def test_a_reviewer_of_another_language_may_not_approve(proposal, django_user_model):
    ru_reviewer = translator(django_user_model, "dmitro")  # translates uk, reviews only ru
    TranslatorLanguage.objects.create(user=ru_reviewer, language="ru", reviewer=True)
    client = logged_in(ru_reviewer)
    review = client.get(url(proposal))
    assert "Approve and publish" not in review.content.decode()
    assert client.post(url(proposal), shown(review, action="approve")).status_code == 403
    assert client.post(url(proposal), shown(review, action="send_back", review_note="Ні.")).status_code == 403
    assert row_of(proposal).body == UK


def test_a_proposal_by_a_deleted_account_names_no_one(proposal, volunteer, django_user_model):
    volunteer.delete()
    reviewer = logged_in(translator(django_user_model, "bohdan", reviewer=True))
    page = reviewer.get(url(proposal)).content.decode()
    assert "waits for review: saved by — on" in page and "None" not in page
