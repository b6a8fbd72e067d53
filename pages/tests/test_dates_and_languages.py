"""Dates as each language writes them, times a machine can read, and document titles marked with their language."""

import datetime
import re

import pytest

from core.templatetags.date_tags import iso
from core.tests.markup import assert_valid_time_values
from pages.tests.factories import DocumentFactory, NewsEntryFactory, PageFactory
from translations.services import record_translation_save

pytestmark = pytest.mark.integration


def test_english_news_dates_put_the_day_first(client, db):
    NewsEntryFactory(
        slug="programme-adopted", date=datetime.date(2016, 9, 30), translations={"en": {"title": "Adopted"}}
    )
    html = client.get("/en/news/programme-adopted/").content.decode()
    assert '<time datetime="2016-09-30">30 September 2016</time>' in html
    assert "Sept. 30" not in html


def test_the_outdated_translation_notice_gives_a_time_html_accepts(client, db):
    aims = PageFactory(slug="aims", translations={"pl": {"title": "Cele programu"}, "ru": {"title": "Цели программы"}})
    record_translation_save(obj=aims, language="pl", text_changed=True)  # the Polish original changed
    html = client.get("/ru/aims/").content.decode()
    notice = html.split('class="notice notice-outdated"')[1].split("</p>")[0]
    (changed,) = assert_valid_time_values(notice)
    assert changed.utcoffset() is not None
    assert re.search(r"<time [^>]*>\d{1,2} [а-я]+ \d{4} г\.</time>", notice)
    assert_valid_time_values(html)  # and "last updated" at the foot of the page


def test_english_last_updated_date_reads_naturally(client, db):
    PageFactory(slug="aims", translations={"en": {"title": "What the programme is for"}})
    html = client.get("/en/aims/").content.decode()
    assert re.search(r"Last updated <time datetime=\"[^\"]+\">\d{1,2} [A-Z][a-z]+ \d{4}</time>", html)
    assert_valid_time_values(html)


def test_a_document_title_shown_in_another_language_is_marked_with_it(client, db):
    DocumentFactory(file_languages=["pl"], translations={"pl": {"title": "Uchwała"}, "en": {"title": "Resolution"}})
    html = client.get("/ru/documents/").content.decode()
    # Russian readers get English before Polish; the file itself is in Polish.
    assert '<h2 lang="en" dir="ltr"><a href="' in html
    assert re.search(r'<a href="[^"]+" hreflang="pl" download>Resolution</a>', html)
    assert "Uchwała" not in html


def test_a_document_title_in_the_readers_language_has_no_lang_of_its_own(client, db):
    DocumentFactory(
        file_languages=["pl", "en"], translations={"pl": {"title": "Uchwała"}, "en": {"title": "Resolution"}}
    )
    html = client.get("/en/documents/").content.decode()
    assert re.search(r'<h2><a href="[^"]+" download>Resolution</a></h2>', html)  # a file in two languages


@pytest.mark.unit
def test_iso_gives_seconds_and_the_offset_of_the_sites_time_zone():
    moment = datetime.datetime(2017, 2, 23, 8, 30, 15, 123456, tzinfo=datetime.UTC)
    assert iso(moment) == "2017-02-23T09:30:15+01:00"
    assert iso(datetime.date(2017, 2, 23)) == "2017-02-23"
    assert iso(None) == ""
