"""The home page, task first: what a newcomer to Kraków comes for (the programme, the conference, the city's ear,
whom to write to), in their language, then the latest news."""

import datetime

import lxml.html
import pytest

from conference.tests.factories import ConferenceFactory
from pages.models import Page
from pages.tests.factories import NewsEntryFactory, PageFactory

pytestmark = pytest.mark.integration

# The four tasks' headings, and where each one leads, as a reader in Ukrainian and in Polish sees them.
TASKS = {
    "uk": [
        ("Програма вашою мовою", None),
        ("Найближча конференція", "/uk/conference/"),
        ("Розкажіть місту, що для вас важливо", "/uk/feedback/"),
        ("До кого звернутися", "/uk/contacts/"),
    ],
    "pl": [
        ("Program w Twoim języku", None),
        ("Najbliższa konferencja", "/pl/conference/"),
        ("Powiedz miastu, co jest dla Ciebie ważne", "/pl/feedback/"),
        ("Do kogo się zwrócić", "/pl/contacts/"),
    ],
}


def tasks(html: str) -> list[tuple[str, str | None]]:
    page = lxml.html.fromstring(html)
    headings = page.xpath('//section[@aria-labelledby="tasks-heading"]//h3')
    return [(h.text_content().strip(), (h.xpath(".//a/@href") or [None])[0]) for h in headings]


@pytest.mark.parametrize("language", TASKS)
def test_home_page_leads_with_the_four_tasks_in_the_readers_language(client, db, language):
    ConferenceFactory()
    html = client.get(f"/{language}/").content.decode()
    assert tasks(html) == TASKS[language]


def test_the_programme_task_lists_the_sections_and_the_documents(client, db):
    PageFactory(slug=Page.HOME_SLUG, translations={"uk": {"title": "Відкритий Краків"}})
    PageFactory(slug="aims", translations={"uk": {"title": "Мета програми", "summary": "Навіщо місту програма."}})
    page = lxml.html.fromstring(client.get("/uk/").content)
    (card,) = page.xpath('//li[h3="Програма вашою мовою"]')
    links = {a.text_content(): a.get("href") for a in card.xpath(".//a")}
    assert links == {"Мета програми": "/uk/aims/", "Документи": "/uk/documents/"}
    assert "Навіщо місту програма." in card.text_content()


def test_the_conference_task_gives_dates_themes_and_the_way_to_register(client, db):
    conference = ConferenceFactory(names={"uk": "Конференція «Відкритий Краків»"}, themes={"uk": "Що змінилося"})
    page = lxml.html.fromstring(client.get("/uk/").content)
    (card,) = page.xpath('//li[h3="Найближча конференція"]')
    text = " ".join(card.text_content().split())
    assert "Конференція «Відкритий Краків»" in text
    assert card.xpath(".//time/@datetime")[0] == conference.start_date.isoformat()
    assert "Що змінилося" in text
    assert card.xpath('.//a[.="Зареєструйтеся на конференцію"]/@href') == ["/uk/conference/register/"]


def test_after_the_conference_the_task_names_it_the_most_recent_and_offers_no_registration(client, db):
    ConferenceFactory(past=True)
    page = lxml.html.fromstring(client.get("/pl/").content)
    (card,) = page.xpath('//li[h3="Ostatnia konferencja"]')
    assert not card.xpath('.//a[contains(@href, "/register/")]')


def test_the_feedback_task_says_a_reference_number_follows(client, db):
    text = " ".join(lxml.html.fromstring(client.get("/en/").content).text_content().split())
    assert "You get a reference number and a private link where you can follow what happens to your report." in text


def test_the_latest_news_follow_the_tasks_newest_first(client, db):
    for day in (1, 2, 3, 4):
        NewsEntryFactory(date=datetime.date(2027, 1, day), translations={"uk": {"title": f"Новина {day}"}})
    page = lxml.html.fromstring(client.get("/uk/").content)
    (news,) = page.xpath('//section[@aria-labelledby="news-heading"]')
    assert news.xpath(".//h2")[0].text_content() == "Останні новини"
    assert [a.text_content() for a in news.xpath(".//article//a")] == ["Новина 4", "Новина 3", "Новина 2"]
    assert news.xpath('.//a[.="Усі новини"]/@href') == ["/uk/news/"]
