"""The demo's own content as a reader meets it: news written as articles whose links lead somewhere, documents that
are real PDFs in the language they are labelled with, and a contacts page that points to the feedback form."""

import io
import re

import pytest
from lingua import Language, LanguageDetectorBuilder
from lxml import html as lxml_html
from pypdf import PdfReader

from pages.demo import DOCUMENTS, NEWS
from pages.models import Document, NewsEntry
from pages.tests.factories import ContactRoleFactory

pytestmark = pytest.mark.integration

LANGUAGES = ["pl", "en", "uk", "ru"]
LINGUA = {Language.POLISH: "pl", Language.ENGLISH: "en", Language.UKRAINIAN: "uk", Language.RUSSIAN: "ru"}
DETECTOR = LanguageDetectorBuilder.from_languages(*LINGUA).build()
FEEDBACK_LINK = {
    "pl": "formularz zgłoszeń",
    "en": "feedback form",
    "uk": "форму звернень",
    "ru": "форму обращений",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_contacts_page_links_to_the_feedback_form_in_the_page_language(client, db, language):
    ContactRoleFactory(email="enquiries@example.org")
    page = lxml_html.fromstring(client.get(f"/{language}/contacts/").content)
    links = page.xpath(f"//main//a[@href='/{language}/feedback/']")
    assert [link.text_content() for link in links] == [FEEDBACK_LINK[language]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_demo_news_are_short_articles_whose_links_all_answer(client, demo, language):
    for slug, _date, _texts in NEWS:
        page = lxml_html.fromstring(client.get(f"/{language}/news/{slug}/").content)
        paragraphs = page.xpath("//div[contains(@class, 'prose')]/p[not(@class)]")
        assert 3 <= len(paragraphs) <= 5, slug
        body = " ".join(paragraph.text_content() for paragraph in paragraphs)
        assert LINGUA[DETECTOR.detect_language_of(body)] == language, slug
        links = [href for paragraph in paragraphs for href in paragraph.xpath(".//a/@href")]
        assert links, slug
        for href in links:
            assert href.startswith(f"/{language}/"), (slug, href)
            assert client.get(href).status_code == 200, (slug, href)
    assert not NewsEntry.objects.filter(translations__body="").exists()


def test_demo_documents_are_pdfs_written_in_the_language_they_are_labelled_with(demo):
    assert Document.objects.count() == len(DOCUMENTS)
    for document in Document.objects.all():
        with document.file.open("rb") as stored:
            reader = PdfReader(io.BytesIO(stored.read()))
        text = "\n".join(page.extract_text() for page in reader.pages)
        assert len(text) > 1500, document.file.name
        (language,) = document.file_languages
        assert LINGUA[DETECTOR.detect_language_of(text)] == language, document.file.name
        assert reader.trailer["/Root"]["/Lang"] == language
        assert "23" in text and "2017" in text


def test_demo_pdfs_hold_the_facts_of_the_source(demo):
    texts = {}
    for document in Document.objects.all():
        with document.file.open("rb") as stored:
            texts[document.file.name.rsplit("/", 1)[-1]] = " ".join(
                page.extract_text() for page in PdfReader(io.BytesIO(stored.read())).pages
            )
    summary = re.sub(r"\s+", " ", texts["otwarty-krakow-w-skrocie-pl.pdf"])
    assert "Wydział Spraw Społecznych" in summary
    assert "pełnomocnika do spraw cudzoziemców" in summary
    programme = re.sub(r"\s+", " ", texts["program-konferencji-2017-pl.pdf"])
    assert "Stowarzyszenie Interkulturalni PL" in programme
    assert "Festiwal Wielokulturowy" in programme
