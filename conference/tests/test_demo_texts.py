"""The demo's sessions and speakers as readers meet them: abstracts and biographies of a few sentences, in the
languages they would really be published in, with the honest fallback where a text exists only in Polish."""

import re

import pytest
from lxml import html as lxml_html

from conference.models import Session, Speaker

pytestmark = pytest.mark.integration

LANGUAGES = ["pl", "en", "uk", "ru"]


def test_a_session_announced_only_in_polish_says_so_to_a_ukrainian_reader(client, demo):
    session = Session.objects.get(code="OK1715")
    assert list(session.get_available_languages()) == ["pl"]
    page = lxml_html.fromstring(client.get("/uk/conference/sessions/OK1715/").content)
    assert "Цей текст ще не перекладено українською. Його показано польською." in page.text_content()
    (abstract,) = page.xpath("//div[contains(@class, 'prose')]")
    assert abstract.get("lang") == "pl"
    assert len(re.findall(r"[.!?](?:\s|$)", abstract.text_content())) >= 3


def test_demo_texts_exist_in_some_languages_only_and_in_all_four_for_a_few(demo):
    def languages_of(queryset):
        return [sorted(obj.get_available_languages()) for obj in queryset]

    sessions = languages_of(Session.objects.prefetch_related("translations"))
    speakers = languages_of(Speaker.objects.prefetch_related("translations"))
    for found in (sessions, speakers):
        assert ["pl"] in found
        assert ["en", "pl"] in found
        assert sorted(LANGUAGES) in found
    # Nothing is left without its Polish text, or with a placeholder in place of one.
    for session in Session.objects.prefetch_related("translations"):
        for translation in session.translations.all():
            assert len(re.findall(r"[.!?](?:\s|$)", translation.abstract)) >= 3, (session.code, translation)
