"""The side column of a programme page: what is on the page (its headings), its subpages and its sibling pages."""

import pytest
from lxml import html as lxml_html

from pages.tests.factories import PageFactory

pytestmark = pytest.mark.django_db

BODY = "Intro.\n\n## Two aims\n\nText.\n\n## Why it matters\n\nMore.\n\n## Two aims\n\nAgain."


def side(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return lxml_html.fromstring(response.content)


def test_on_this_page_links_to_each_second_level_heading(client):
    PageFactory(slug="aims", translations={"en": {"title": "Aims", "body": BODY}})
    tree = side(client, "/en/aims/")
    links = tree.xpath("//aside//nav[@aria-labelledby='toc-heading']//a")
    assert [(link.text, link.get("href")) for link in links] == [
        ("Two aims", "#section-two-aims"),
        ("Why it matters", "#section-why-it-matters"),
        ("Two aims", "#section-two-aims-2"),
    ]
    for link in links:  # each link reaches its heading in the page's text
        assert len(tree.xpath(f"//main//h2[@id='{link.get('href')[1:]}']")) == 1


def test_on_this_page_speaks_the_readers_language_and_cyrillic_headings_keep_their_words(client):
    PageFactory(slug="aims", translations={"uk": {"title": "Мета", "body": "## Дві мети\n\nа\n\n## Чому це важливо"}})
    tree = side(client, "/uk/aims/")
    assert tree.xpath("string(//h2[@id='toc-heading'])") == "На цій сторінці"
    assert tree.xpath("//aside//a/@href") == ["#section-дві-мети", "#section-чому-це-важливо"]


def test_subpages_and_sibling_pages_are_in_the_side_column_not_the_page_itself(client):
    parent = PageFactory(slug="aims", translations={"en": {"title": "Aims"}})
    PageFactory(slug="forum", parent=parent, translations={"en": {"title": "Forum"}})
    PageFactory(slug="officer", parent=parent, translations={"en": {"title": "Officer", "summary": "One person."}})
    tree = side(client, "/en/aims/")
    assert tree.xpath("//aside//nav[@aria-labelledby='subpages-heading']//a/text()") == ["Forum", "Officer"]
    assert "One person." in tree.xpath("string(//aside)")

    tree = side(client, "/en/aims/forum/")
    assert tree.xpath("//aside//nav[@aria-labelledby='related-heading']//a/text()") == ["Officer"]
    assert tree.xpath("//aside//nav[@aria-labelledby='subpages-heading']") == []


def test_a_page_with_nothing_beside_it_has_no_side_column(client):
    PageFactory(slug="alone", translations={"en": {"title": "Alone", "body": "## Only one heading"}})
    assert side(client, "/en/alone/").xpath("//aside") == []
