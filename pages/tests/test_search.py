"""Site search: the reader's language first, other languages labelled, and odd queries handled calmly."""

import re

import pytest

from pages.tests.factories import NewsEntryFactory, PageFactory

pytestmark = pytest.mark.integration


@pytest.fixture
def forum(db):
    aims = PageFactory(slug="aims", translations={"en": {"title": "What the programme is for"}})
    return PageFactory(
        slug="forum",
        parent=aims,
        translations={"en": {"title": "A forum for foreigners"}, "uk": {"title": "Форум іноземців"}},
    )


def test_finds_pages_and_news_in_the_current_language(client, forum):
    NewsEntryFactory(slug="forum-met", translations={"en": {"title": "News", "body": "The Forum met in May."}})
    NewsEntryFactory(slug="other", translations={"en": {"title": "Other news", "body": "Nothing of the kind."}})
    html = client.get("/en/search/", {"q": "forum"}).content.decode()
    assert "2 results for “forum”" in html
    assert '<li><a href="/en/aims/forum/">A forum for foreigners</a></li>' in html  # pages before news
    assert '<li><a href="/en/news/forum-met/">News</a></li>' in html
    assert html.index("/en/aims/forum/") < html.index("/en/news/forum-met/")
    assert "Other news" not in html


def test_search_ignores_case_in_cyrillic_on_every_database(client, forum):
    html = client.get("/uk/search/", {"q": "ФОРУМ"}).content.decode()
    assert "1 результат для «ФОРУМ»" in html
    assert '<a href="/uk/aims/forum/">Форум іноземців</a>' in html


def test_matches_in_other_languages_are_labelled(client, db):
    PageFactory(slug="smog", translations={"pl": {"title": "Smog w Krakowie", "body": "Jakość powietrza"}})
    NewsEntryFactory(slug="smog-news", translations={"en": {"title": "Smog alert"}, "uk": {"title": "Smog: тривога"}})
    html = client.get("/uk/search/", {"q": "smog"}).content.decode()
    here, elsewhere = html.split("Знайдено іншими мовами")
    assert "Smog alert" not in html  # the entry has a Ukrainian text, so the reader gets that one
    assert '<a href="/uk/news/smog-news/">Smog: тривога</a>' in here
    assert '<span class="badge">Польська</span>' in elsewhere
    assert '<a href="/pl/smog/" hreflang="pl" lang="pl" dir="ltr">Smog w Krakowie</a>' in elsewhere


def test_drafts_and_the_home_text_are_not_found(client, db):
    PageFactory(slug="secret", status="draft", translations={"en": {"title": "Secret forum plans"}})
    PageFactory(slug="home", translations={"en": {"title": "Open Kraków"}})
    PageFactory(slug="open-doors", translations={"en": {"title": "Open doors"}})
    html = client.get("/en/search/", {"q": "secret"}).content.decode()
    assert "0 results for “secret”" in html
    found = client.get("/en/search/", {"q": "open"}).content.decode()
    assert "1 result for “open”" in found
    assert "/en/open-doors/" in found and "/en/home/" not in found


@pytest.mark.parametrize(
    "query,shown",
    [
        ("x" * 2000, "x" * 200),
        ("for\x07um\x1b[31m\r\n", "for um [31m"),  # a NUL is refused before the search (test_attack.py)
        ("'; DROP TABLE pages_page; --", "&#x27;; DROP TABLE pages_page; --"),
        ('<script>alert("x")</script>', "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"),
        ("%_%", "%_%"),
    ],
)
def test_odd_queries_get_a_normal_escaped_results_page(client, forum, query, shown):
    response = client.get("/en/search/", {"q": query})
    html = response.content.decode()
    assert response.status_code == 200
    assert f"results for “{shown}”" in html
    assert "<script>alert" not in html


def test_percent_and_underscore_are_literal(client, db):
    PageFactory(slug="a", translations={"en": {"title": "100% sure"}})
    PageFactory(slug="b", translations={"en": {"title": "1000 sure"}})
    html = client.get("/en/search/", {"q": "100%"}).content.decode()
    assert "1 result for “100%”" in html
    assert "100% sure" in html


def test_empty_query_gets_a_translated_error(client, db):
    html = client.get("/pl/search/", {"q": "   "}).content.decode()
    assert '<p class="error" id="q-error">Wpisz słowo, którego szukasz.</p>' in html
    assert 'aria-invalid="true" aria-describedby="q-error"' in html


def test_search_page_without_query_shows_the_form(client, db):
    html = client.get("/ru/search/").content.decode()
    assert '<label for="search-q">Искать</label>' in html
    assert "results-heading" not in html


def test_other_languages_follow_the_readers_fallback_chain(client, db):
    PageFactory(slug="smog-pl", translations={"pl": {"title": "Smog nad Krakowem"}})
    NewsEntryFactory(slug="smog-en", translations={"en": {"title": "Smog over Kraków"}})
    PageFactory(slug="smog-both", translations={"pl": {"title": "Smog: porady"}, "en": {"title": "Smog: advice"}})
    html = client.get("/ru/search/", {"q": "smog"}).content.decode()
    elsewhere = html.split("Найдено на других языках")[1]
    # Russian falls back to English, then Polish: English hits first, and English text when a page has both.
    assert "Smog: porady" not in elsewhere
    titles = re.findall(r'lang="(\w+)" dir="ltr">(Smog[^<]*)</a>', elsewhere)
    assert titles == [("en", "Smog: advice"), ("en", "Smog over Kraków"), ("pl", "Smog nad Krakowem")]
