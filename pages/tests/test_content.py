"""Programme pages, news, documents, contacts, sitemap and feeds, as a reader in each language sees them."""

import datetime
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import feedparser
import pytest
from django.utils import translation

from pages.models import NewsEntry, Page, Status
from pages.tests.factories import ContactRoleFactory, DocumentFactory, NewsEntryFactory, PageFactory

pytestmark = pytest.mark.integration

LANGUAGES = ["pl", "en", "uk", "ru"]
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}

AIMS = {
    "pl": {"title": "Cele programu", "summary": "Po co miastu program."},
    "en": {"title": "What the programme is for", "summary": "Why the city has a programme."},
    "uk": {"title": "Мета програми", "summary": "Навіщо місту програма."},
    "ru": {"title": "Цели программы", "summary": "Зачем городу программа."},
}
LIAISON = {
    "pl": {"title": "Pełnomocnik do spraw cudzoziemców"},
    "en": {"title": "A liaison officer for foreign residents"},
    "uk": {"title": "Уповноважений у справах іноземців"},
    "ru": {"title": "Уполномоченный по делам иностранцев"},
}
# No Russian text: a Russian reader gets the English one, and is told so.
FORUM = {
    "pl": {"title": "Forum cudzoziemców"},
    "en": {"title": "A forum for foreigners"},
    "uk": {"title": "Форум іноземців"},
}


def hreflangs(html: str) -> set[str]:
    return {part.split('"')[0] for part in html.split('<link rel="alternate" hreflang="')[1:]}


@pytest.fixture
def aims(db):
    """A section in every language, with a child in every language and a child that has no Russian text."""
    aims = PageFactory(slug="aims", translations=AIMS)
    PageFactory(slug="liaison-officer", parent=aims, menu_order=1, translations=LIAISON)
    PageFactory(slug="forum", parent=aims, menu_order=2, translations=FORUM)
    return aims


def news_in_every_language(slug: str, date: datetime.date, titles: dict[str, str]) -> NewsEntry:
    return NewsEntryFactory(slug=slug, date=date, translations={code: {"title": t} for code, t in titles.items()})


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_and_news_entry_renders_in_each_language(client, aims, language):
    news_in_every_language(
        "adopted", datetime.date(2016, 9, 30), {"pl": "Przyjęto", "en": "Adopted", "uk": "Ухвалено", "ru": "Принято"}
    )
    objects = [*Page.objects.programme(), *NewsEntry.objects.all()]
    assert len(objects) == 4
    for obj in objects:
        obj.set_current_language(language)
        shown = obj.shown_language()
        with translation.override(language):
            response = client.get(obj.get_absolute_url())
        html = response.content.decode()
        assert response.status_code == 200, obj
        assert f'<html lang="{language}"' in html
        assert obj.safe_translation_getter("title", language_code=shown) in html
        # Only the untranslated forum page falls back, and never from Ukrainian.
        assert shown == language or (obj.slug == "forum" and language == "ru")


def test_untranslated_page_says_so_and_marks_its_language(client, aims):
    html = client.get("/ru/aims/forum/").content.decode()
    assert "Этот текст пока недоступен на русском. Он показан на английском." in html
    assert '<article class="page" lang="en" dir="ltr">' in html
    assert "<h1>A forum for foreigners</h1>" in html
    assert hreflangs(html) == {"pl", "en", "uk", "x-default"}
    assert '<link rel="alternate" hreflang="uk" href="http://testserver/uk/aims/forum/">' in html


def test_translated_page_lists_every_language_and_no_notice(client, aims):
    html = client.get("/uk/aims/liaison-officer/").content.decode()
    assert "<h1>Уповноважений у справах іноземців</h1>" in html
    assert "notice-fallback" not in html
    assert hreflangs(html) == {"pl", "en", "uk", "ru", "x-default"}


def test_ukrainian_reader_never_gets_russian(client, db):
    PageFactory(slug="only-ru-pl", translations={"ru": {"title": "Только по-русски"}, "pl": {"title": "Po polsku"}})
    html = client.get("/uk/only-ru-pl/").content.decode()
    assert "Po polsku" in html
    assert "Только по-русски" not in html
    assert '<article class="page" lang="pl" dir="ltr">' in html


def test_page_tree_gives_paths_and_breadcrumbs(client, aims):
    html = client.get("/pl/aims/liaison-officer/").content.decode()
    assert '<li><a href="/pl/aims/">Cele programu</a></li>' in html
    assert '<span aria-current="page">Pełnomocnik do spraw cudzoziemców</span>' in html
    section = client.get("/en/aims/").content.decode()
    assert '<a href="/en/aims/liaison-officer/">A liaison officer for foreign residents</a>' in section


def test_moving_a_page_moves_its_children(db):
    parent = PageFactory(slug="about")
    child = PageFactory(slug="team", parent=parent)
    grandchild = PageFactory(slug="alice", parent=child)
    parent.slug = "who"
    parent.save()
    grandchild.refresh_from_db()
    assert grandchild.path == "who/team/alice"
    assert grandchild.get_absolute_url() == "/en/who/team/alice/"


@pytest.mark.parametrize(
    "path,expected",
    [
        ("/en/no-such-page/", "Page not found"),
        ("/uk/aims/no-such-child/", "Сторінку не знайдено"),
        ("/ru/news/no-such-entry/", "Страница не найдена"),
        ("/pl/home/", "Nie znaleziono strony"),  # the home page's text lives at /pl/ only
    ],
)
def test_unknown_slugs_get_translated_404(client, aims, path, expected):
    PageFactory(slug=Page.HOME_SLUG, translations={"pl": {"title": "Strona główna"}})
    NewsEntryFactory(slug="an-entry")
    response = client.get(path)
    assert response.status_code == 404
    assert expected in response.content.decode()


def test_draft_page_is_hidden_from_visitors_and_previewed_by_staff(client, admin_client, db):
    PageFactory(slug="draft", status=Status.DRAFT, translations={"en": {"title": "Not yet"}})
    NewsEntryFactory(slug="draft-news", status=Status.DRAFT, translations={"en": {"title": "Not yet news"}})
    assert client.get("/en/draft/").status_code == 404
    assert client.get("/en/news/draft-news/").status_code == 404
    preview = admin_client.get("/en/draft/").content.decode()
    assert "Preview: this page is not published." in preview
    assert "Not yet" in preview
    assert admin_client.get("/en/news/draft-news/").status_code == 200


def test_home_shows_its_text_the_sections_and_the_latest_news(client, aims):
    PageFactory(slug=Page.HOME_SLUG, translations={"uk": {"title": "Відкритий Краків: програма"}})
    news_in_every_language("volunteers", datetime.date(2017, 1, 29), {"pl": "Wolontariusze", "uk": "Волонтери"})
    for n in range(4):  # older news, of which only the newest fit on the home page
        NewsEntryFactory(date=datetime.date(2016, 1, 1 + n), translations={"uk": {"title": f"Старе {n}"}})
    html = client.get("/uk/").content.decode()
    assert "<h1>Відкритий Краків: програма</h1>" in html
    assert '<a href="/uk/aims/">Мета програми</a>' in html  # a key page of the programme, among the tasks
    assert "Уповноважений у справах іноземців" not in html  # a child page is no section of its own
    assert "Волонтери" in html
    assert [f"Старе {n}" in html for n in range(4)] == [False, False, True, True]


def test_news_list_and_detail(client, db):
    news_in_every_language("adopted", datetime.date(2016, 9, 30), {"pl": "Rada Miasta przyjęła program"})
    news_in_every_language(
        "volunteers", datetime.date(2017, 1, 29), {"pl": "Poszukiwani wolontariusze", "en": "Volunteers wanted"}
    )
    html = client.get("/pl/news/").content.decode()
    assert html.index("Poszukiwani wolontariusze") < html.index("Rada Miasta przyjęła program")
    assert '<time datetime="2017-01-29">' in html
    detail = client.get("/en/news/volunteers/").content.decode()
    assert "<h1>Volunteers wanted</h1>" in detail


@pytest.mark.parametrize("language", LANGUAGES)
def test_feed_parses_and_entries_carry_their_language(client, db, language):
    for slug in ("first", "second"):
        news_in_every_language(slug, datetime.date(2017, 1, 1), {code: f"{slug} {code}" for code in LANGUAGES})
    NewsEntryFactory(slug="english-only", translations={"en": {"title": "Only in English", "summary": "Hello"}})
    response = client.get(f"/{language}/news/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.language == language
    assert len(feed.entries) == 3
    languages = {entry.title: entry.title_detail.language for entry in feed.entries}
    assert languages == {"first " + language: language, "second " + language: language, "Only in English": "en"}
    assert all(entry.link.startswith(f"http://testserver/{language}/news/") for entry in feed.entries)


def test_sitemap_parses_and_every_url_answers(client, aims):
    news_in_every_language("registration-open", datetime.date(2017, 1, 1), {"en": "Registration is open"})
    PageFactory(slug="hidden", status=Status.DRAFT, translations={"en": {"title": "A draft"}})
    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)
    urls = [loc.text for loc in root.findall("s:url/s:loc", SITEMAP_NS)]
    assert len(urls) == len(set(urls))
    for url in urls:
        assert client.get(urlsplit(url).path).status_code == 200, url
    # The forum page has no Russian translation: listed three times, never in Russian.
    forum = [url for url in urls if url.endswith("/aims/forum/")]
    assert sorted(urlsplit(url).path for url in forum) == ["/en/aims/forum/", "/pl/aims/forum/", "/uk/aims/forum/"]
    entry = next(u for u in root.findall("s:url", SITEMAP_NS) if u.find("s:loc", SITEMAP_NS).text == forum[0])
    alternates = {link.get("hreflang") for link in entry.findall("x:link", SITEMAP_NS)}
    assert alternates == {"pl", "en", "uk", "x-default"}
    assert [url for url in urls if "/news/registration-open/" in url] == [
        "http://testserver/en/news/registration-open/"
    ]
    assert not [url for url in urls if "hidden" in url]


def test_documents_are_labelled_with_their_languages_in_the_readers_language(client, db):
    DocumentFactory(
        file_languages=["pl"],
        translations={
            "pl": {"title": "Uchwała Rady Miasta Krakowa"},
            "en": {"title": "Kraków City Council resolution"},
            "uk": {"title": "Ухвала Ради міста Кракова"},
        },
    )
    assert "Лише польською" in client.get("/uk/documents/").content.decode()
    html = client.get("/en/documents/").content.decode()
    assert "Only in Polish" in html
    assert "Kraków City Council resolution" in html
    assert "download>" in html


def test_document_title_falls_back_with_a_label(client, db):
    DocumentFactory(file_languages=["pl", "en"], translations={"pl": {"title": "Tylko tytuł polski"}})
    html = client.get("/uk/documents/").content.decode()
    assert '<h2 lang="pl" dir="ltr">' in html
    assert "Назву показано польською" in html
    assert "Доступно польською та англійською" in html


def test_contacts_page_lists_roles_in_the_readers_language(client, db):
    ContactRoleFactory(
        name_ru="Обращения иностранцев",
        name_en="Enquiries from foreigners",
        email="enquiries@example.org",
        hours_ru="Отвечаем в течение 5 рабочих дней",
    )
    html = client.get("/ru/contacts/").content.decode()
    assert "<dt>Обращения иностранцев</dt>" in html
    assert "Enquiries from foreigners" not in html
    # An address is written as it is, never translated (translate="no").
    assert '<a href="mailto:enquiries@example.org" translate="no">enquiries@example.org</a>' in html
    assert "Отвечаем в течение 5 рабочих дней" in html


@pytest.mark.parametrize("size", [3, 30])
def test_page_query_count_is_fixed(client, db, django_assert_num_queries, size):
    parent = PageFactory(slug="parent", translations={"en": {"title": "Parent"}})
    for n in range(size):
        PageFactory(slug=f"child-{n}", parent=parent, translations={"en": {"title": f"Child {n}"}})
    with django_assert_num_queries(5):
        assert client.get("/en/parent/").status_code == 200


@pytest.mark.parametrize("size", [3, 30])
def test_home_query_count_is_fixed(client, db, django_assert_num_queries, size):
    PageFactory(slug=Page.HOME_SLUG, translations={"en": {"title": "Open Kraków"}})
    ContactRoleFactory.create_batch(size)
    PageFactory.create_batch(size, translations={"en": {"title": "A section"}})
    NewsEntryFactory.create_batch(size, translations={"en": {"title": "An update"}})
    with django_assert_num_queries(6):  # pages (2), the conference teaser, news (2), contacts
        response = client.get("/en/")
    assert response.status_code == 200
    assert response.content.decode().count("A section") == size


@pytest.mark.parametrize("size", [3, 30])
def test_news_list_query_count_is_fixed(client, db, django_assert_num_queries, size):
    NewsEntryFactory.create_batch(size)
    with django_assert_num_queries(4):
        response = client.get("/en/news/")
    assert response.status_code == 200
    assert len(response.context["entries"]) == min(size, 20)
