"""Site search on PostgreSQL, as production and CI run it: word forms in every language, typos, phrases, ranking
and highlighted snippets (SQLite's simpler match is documented in core/search/query.py)."""

import pytest
from django.db import connection
from lxml import html as lxml_html

from conference.tests.factories import SessionFactory
from pages.tests.factories import NewsEntryFactory, PageFactory

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search is PostgreSQL's"),
]


def found(client, language: str, query: str) -> list[str]:
    tree = lxml_html.fromstring(client.get(f"/{language}/search/", {"q": query}).content)
    return [a.text for a in tree.xpath("//ol[@class='results']/li//h3/a")]


def snippets(client, language: str, query: str):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return response, lxml_html.fromstring(response.content).xpath("//p[@class='snippet']")


@pytest.fixture
def content(db):
    PageFactory(
        slug="eggs",
        translations={
            "uk": {"title": "Великодній майстер-клас", "body": "Розпис писанок разом з майстринями з Коломиї."},
            "pl": {"title": "Warsztaty wielkanocne", "body": "Malowanie pisanek w Krakowie dla cudzoziemców."},
            "ru": {"title": "Воздух зимой", "body": "Как защититься от смога в Кракове."},
            "en": {"title": "Health insurance", "body": "Register with the National Health Fund before you travel."},
        },
    )
    NewsEntryFactory(
        slug="fund",
        translations={"en": {"title": "New office hours", "body": "Insurance for students and health advice."}},
    )


@pytest.mark.parametrize(
    "language,query,title",
    [
        ("uk", "писанку", "Великодній майстер-клас"),  # "писанок" in the text: another form of the same word
        ("uk", "писанками", "Великодній майстер-клас"),
        ("ru", "смогу", "Воздух зимой"),  # "смога" in the text
        ("ru", "Краков", "Воздух зимой"),
        ("pl", "Kraków", "Warsztaty wielkanocne"),  # "Krakowie" in the text
        ("pl", "cudzoziemcy", "Warsztaty wielkanocne"),  # "cudzoziemców"
        ("en", "registering", "Health insurance"),
        ("en", "travelled", "Health insurance"),
    ],
)
def test_other_forms_of_a_word_find_it(client, content, language, query, title):
    assert found(client, language, query)[0] == title


@pytest.mark.parametrize("query", ["Krakowie", "Krakowi", "Krakow", "Krakw", "Krakowe", "KRAKÓW"])
def test_spellings_and_typos_of_krakow_find_the_same_things(client, content, query):
    assert found(client, "pl", query) == ["Warsztaty wielkanocne"]


def test_a_typo_is_corrected_to_the_words_the_site_uses_and_says_so(client, content):
    response = client.get("/en/search/", {"q": "insurence"})
    tree = lxml_html.fromstring(response.content)
    assert [a.text for a in tree.xpath("//ol[@class='results']/li//h3/a")] == ["Health insurance", "New office hours"]
    assert tree.xpath("//p[span[@class='tag']]/span/text()") == ["insurance"]
    assert "Also searched for words like yours:" in tree.xpath("string(//p[span[@class='tag']])")
    # A word the site uses is taken as it is.
    assert "Also searched for" not in client.get("/en/search/", {"q": "insurance"}).content.decode()


def test_quotation_marks_search_a_phrase(client, content):
    assert found(client, "en", '"health insurance"') == ["Health insurance"]
    assert found(client, "en", "health insurance") == ["Health insurance", "New office hours"]
    assert found(client, "en", '"insurance health"') == []
    assert found(client, "uk", "«майстер-клас»") == ["Великодній майстер-клас"]
    assert found(client, "pl", "„malowanie pisanek”") == ["Warsztaty wielkanocne"]


def test_title_matches_rank_above_text_matches(client, db):
    PageFactory(slug="text", translations={"en": {"title": "Office hours", "body": "Smog alerts by text message."}})
    NewsEntryFactory(slug="title", translations={"en": {"title": "Smog alerts", "body": "Winter."}})
    PageFactory(slug="twice", translations={"en": {"title": "Air", "body": "Smog, smog and more smog."}})
    assert found(client, "en", "smog") == ["Smog alerts", "Air", "Office hours"]


def test_snippets_highlight_word_forms(client, content):
    _response, [snippet] = snippets(client, "uk", "писанки")
    assert snippet.xpath("./mark/text()") == ["писанок"]
    _response, [snippet] = snippets(client, "pl", "Kraków")
    assert snippet.xpath("./mark/text()") == ["Krakowie"]


def test_a_script_in_the_query_or_the_text_is_escaped_around_the_highlight(client, db):
    PageFactory(
        slug="xss",
        translations={"en": {"title": "Alerts", "body": "Smog alert: <script>alert(1)</script> & <i>stay</i> home."}},
    )
    SessionFactory(titles={"en": "<script>alert(2)</script> smog walk"})
    response, _snippets = snippets(client, "en", "<script>alert(1)</script> smog")
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; smog" in html  # the query as typed, escaped
    assert "&lt;script&gt;alert(2)&lt;/script&gt; smog walk" in html  # a session's title, escaped
    response, found_snippets = snippets(client, "en", "smog alert")
    assert "<script>" not in response.content.decode()
    assert found_snippets
    for snippet in found_snippets:
        assert {child.tag for child in snippet} <= {"mark"}
    marked = [text.lower() for snippet in found_snippets for text in snippet.xpath("./mark/text()")]
    assert "smog" in marked


def test_the_vocabulary_learns_new_words_as_editors_save(client, db):
    assert found(client, "en", "Wieliczka") == []
    PageFactory(slug="salt", translations={"en": {"title": "A trip to Wieliczka"}})
    assert found(client, "en", "Wielicka") == ["A trip to Wieliczka"]
