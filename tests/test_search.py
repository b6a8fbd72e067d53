"""Site search on every database: what it finds (each kind of content, published only), in which language and
order, how a result looks, and odd queries handled calmly. PostgreSQL's fuller matching is in
test_search_postgres.py."""

import datetime
import re

import pytest
from django.db import connection
from django.utils import timezone
from lxml import html as lxml_html

from conference.tests.factories import SessionFactory, SpeakerFactory, TrackFactory, VenueFactory
from core.models import SearchEntry
from pages.tests.factories import DocumentFactory, NewsEntryFactory, PageFactory

pytestmark = pytest.mark.integration


def results(client, language: str, **params):
    """Each result on the page as (kind label, language badge or None, title, link, its lang attribute)."""
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200
    tree = lxml_html.fromstring(response.content)
    found = []
    for item in tree.xpath("//ol[@class='results']/li"):
        badges = item.xpath(".//span[@class='badge']/text()")
        link = item.xpath(".//h3/a")[0]
        found.append((badges[0], badges[1] if len(badges) > 1 else None, link.text, link.get("href"), link.get("lang")))
    return found


def heading(client, language: str, **params) -> str:
    tree = lxml_html.fromstring(client.get(f"/{language}/search/", params).content)
    return " ".join(tree.xpath("string(//h2[@id='results-heading'])").split())


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
    assert heading(client, "en", q="forum") == "2 results for “forum”"
    # The title's match ranks above the text's.
    assert results(client, "en", q="forum") == [
        ("Pages", None, "A forum for foreigners", "/en/aims/forum/", None),
        ("News", None, "News", "/en/news/forum-met/", None),
    ]


@pytest.mark.parametrize(
    "language,query,kind,title,url",
    [
        ("uk", "писанки", "Сесії", "Писанки: майстер-клас", "/uk/conference/sessions/{session}/"),
        ("en", "workshop", "Sessions", "Pysanky workshop", "/en/conference/sessions/{session}/"),
        ("en", "crafts", "Sessions", "Pysanky workshop", "/en/conference/sessions/{session}/"),  # its track
        ("pl", "Kowalczyk", "Sesje", "Warsztaty pisanek", "/pl/conference/sessions/{session}/"),  # its speaker
        ("pl", "Kowalczyk", "Prelegenci", "Oksana Kowalczyk", "/pl/conference/speakers/oksana/"),
        ("uk", "художниця", "Доповідачі", "Oksana Kowalczyk", "/uk/conference/speakers/oksana/"),  # role
        ("en", "embroidery", "Speakers", "Oksana Kowalczyk", "/en/conference/speakers/oksana/"),  # biography
        ("en", "Kazimierz", "Venues", "Jewish Culture Centre", "/en/conference/venues/centre/"),  # address
        ("ru", "Центр", "Места проведения", "Центр еврейской культуры", "/ru/conference/venues/centre/"),
        ("en", "ordinance", "Documents", "The ordinance", "/media/documents/"),
        ("pl", "Uchwała", "Dokumenty", "Uchwała Rady Miasta", "/media/documents/"),
    ],
)
def test_every_kind_of_content_is_found(client, db, language, query, kind, title, url):
    speaker = SpeakerFactory(
        slug="oksana",
        name="Oksana Kowalczyk",
        translations={
            "pl": {"role": "Artystka ludowa"},
            "uk": {"role": "Народна художниця"},
            "en": {"role": "Folk artist", "bio": "She teaches *embroidery* and egg painting."},
        },
    )
    session = SessionFactory(
        titles={"pl": "Warsztaty pisanek", "uk": "Писанки: майстер-клас", "en": "Pysanky workshop"},
        track=TrackFactory(name_en="Crafts", name_pl="Rękodzieło"),
        speakers=[speaker],
    )
    VenueFactory(
        slug="centre",
        name_en="Jewish Culture Centre",
        name_pl="Centrum Kultury Żydowskiej",
        name_uk="Центр єврейської культури",
        name_ru="Центр еврейской культуры",
        address="ul. Meiselsa 17, Kazimierz",
    )
    DocumentFactory(translations={"pl": {"title": "Uchwała Rady Miasta"}, "en": {"title": "The ordinance"}})
    found = {(k, t): link for k, _badge, t, link, _lang in results(client, language, q=query)}
    assert found[kind, title].startswith(url.format(session=session.code))


def test_matches_in_other_languages_are_labelled_and_linked_to_the_text_that_matched(client, db):
    PageFactory(slug="smog", translations={"pl": {"title": "Smog w Krakowie", "body": "Jakość powietrza"}})
    NewsEntryFactory(slug="smog-news", translations={"en": {"title": "Smog alert"}, "uk": {"title": "Smog: тривога"}})
    response = client.get("/uk/search/", {"q": "smog"})
    here, elsewhere = response.content.decode().split("Знайдено іншими мовами")
    assert "Smog alert" not in here + elsewhere  # the entry has a Ukrainian text, so the reader gets that one
    assert results(client, "uk", q="smog") == [
        ("Новини", None, "Smog: тривога", "/uk/news/smog-news/", None),
        ("Сторінки", "Польська", "Smog w Krakowie", "/pl/smog/", "pl"),
    ]
    assert '<a href="/pl/smog/" hreflang="pl" lang="pl" dir="ltr">Smog w Krakowie</a>' in elsewhere


def test_other_languages_follow_the_readers_fallback_chain(client, db):
    PageFactory(slug="smog-pl", translations={"pl": {"title": "Smog nad Krakowem"}})
    NewsEntryFactory(slug="smog-en", translations={"en": {"title": "Smog over Kraków"}})
    PageFactory(slug="smog-both", translations={"pl": {"title": "Smog: porady"}, "en": {"title": "Smog: advice"}})
    PageFactory(slug="smog-ru", translations={"ru": {"title": "Smog (смог): советы"}, "pl": {"title": "Smog: rady"}})
    # Ukrainian: English, then Polish, and never the Russian text of a page that has a Polish one.
    assert [(title, lang) for _k, _b, title, _u, lang in results(client, "uk", q="smog")] == [
        ("Smog: advice", "en"),
        ("Smog over Kraków", "en"),
        ("Smog nad Krakowem", "pl"),
        ("Smog: rady", "pl"),
    ]
    # Russian: its own text first, then English, then Polish.
    assert [(title, lang) for _k, _b, title, _u, lang in results(client, "ru", q="smog")] == [
        ("Smog (смог): советы", None),
        ("Smog: advice", "en"),
        ("Smog over Kraków", "en"),
        ("Smog nad Krakowem", "pl"),
    ]


def test_drafts_future_pages_and_the_home_text_are_not_found(client, db):
    PageFactory(slug="secret", status="draft", translations={"en": {"title": "Secret forum plans"}})
    PageFactory(slug="home", translations={"en": {"title": "Open Kraków"}})
    PageFactory(slug="open-doors", translations={"en": {"title": "Open doors"}})
    later = PageFactory(
        slug="open-later",
        publish_at=timezone.now() + datetime.timedelta(hours=1),
        translations={"en": {"title": "Open later"}},
    )
    assert heading(client, "en", q="secret") == "0 results for “secret”"
    assert [url for *_rest, url, _lang in results(client, "en", q="open")] == ["/en/open-doors/"]
    # Its date comes: found without anyone saving it again.
    type(later).objects.filter(pk=later.pk).update(publish_at=timezone.now() - datetime.timedelta(minutes=1))
    SearchEntry.objects.filter(object_id=later.pk, kind="page").update(
        publish_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert len(results(client, "en", q="open")) == 2


def test_the_index_follows_every_save(client, db):
    page = PageFactory(slug="fees", translations={"en": {"title": "Residence card fees"}})
    assert len(results(client, "en", q="residence")) == 1
    page.set_current_language("en")
    page.title = "Work permit fees"
    page.save()
    assert results(client, "en", q="residence") == []
    assert len(results(client, "en", q="permit")) == 1
    page.status = "draft"
    page.save()
    assert results(client, "en", q="permit") == []
    page.status = "published"
    page.save()
    page.delete_translation("en")
    assert results(client, "en", q="permit") == []
    page.delete()
    assert not SearchEntry.objects.filter(kind="page", object_id=page.pk).exists()


def test_renaming_what_a_session_shows_updates_its_entries(client, db):
    track = TrackFactory(name_en="Crafts", name_pl="Rękodzieło")
    speaker = SpeakerFactory(name="Oksana Kowalczyk")
    session = SessionFactory(titles={"en": "Pysanky workshop"}, track=track, speakers=[speaker])
    track.name_en = "Folk arts"
    track.save()
    speaker.name = "Oksana Marchenko"
    speaker.save()
    assert len(results(client, "en", q="folk")) == 1
    # The session's English text first; the speaker has only a Polish one.
    assert [t for _k, _b, t, *_ in results(client, "en", q="Marchenko")] == ["Pysanky workshop", "Oksana Marchenko"]
    session.speakers.clear()
    assert [t for _k, _b, t, *_ in results(client, "en", q="Marchenko")] == ["Oksana Marchenko"]
    speaker.sessions.add(session)
    speaker.delete()
    assert results(client, "en", q="Marchenko") == []


def test_counts_per_kind_filter_and_pages(client, db):
    for n in range(12):
        PageFactory(slug=f"smog-{n}", translations={"en": {"title": f"Smog advice {n}"}})
    NewsEntryFactory(slug="smog-news", translations={"en": {"title": "Smog news"}})
    tree = lxml_html.fromstring(client.get("/en/search/", {"q": "smog"}).content)
    kinds = [" ".join(a.text_content().split()) for a in tree.xpath("//nav[@class='search-kinds']//a")]
    assert kinds == ["Everything", "Pages (12)", "News (1)"]
    assert len(results(client, "en", q="smog")) == 10
    assert len(results(client, "en", q="smog", page=2)) == 3
    assert len(results(client, "en", q="smog", page="junk")) == 10
    assert len(results(client, "en", q="smog", page=99)) == 3  # the last page
    news_only = results(client, "en", q="smog", type="news")
    assert [title for _k, _b, title, *_ in news_only] == ["Smog news"]
    assert heading(client, "en", q="smog", type="news") == "1 result for “smog”"
    assert len(results(client, "en", q="smog", type="no-such-kind")) == 10  # an unknown kind filters nothing
    nxt = tree.xpath("//nav[@class='pagination']/a[@rel='next']/@href")
    assert nxt == ["?q=smog&page=2"]


def test_pages_run_on_from_the_readers_language_into_others_without_a_gap_or_a_repeat(client, db):
    for n in range(13):
        PageFactory(slug=f"title-{n}", translations={"en": {"title": f"Smog advice {n}"}, "pl": {"title": "Smog"}})
    for n in range(3):
        NewsEntryFactory(slug=f"text-{n}", translations={"en": {"title": f"Air {n}", "body": "About smog."}})
    for n in range(6):
        PageFactory(slug=f"polish-{n}", translations={"pl": {"title": f"Smog w Krakowie {n}"}})
    pages = [results(client, "en", q="smog", page=number) for number in (1, 2, 3)]
    assert [len(page) for page in pages] == [10, 10, 2]
    found = [(title, lang) for page in pages for _kind, _badge, title, _url, lang in page]
    assert len(set(found)) == 22 == int(heading(client, "en", q="smog").split()[0])
    # English titles, then the English text that mentions smog, then what only Polish has.
    assert [lang for _title, lang in found] == [None] * 16 + ["pl"] * 6
    assert {title for title, _lang in found[:13]} == {f"Smog advice {n}" for n in range(13)}
    assert {title for title, _lang in found[13:16]} == {f"Air {n}" for n in range(3)}


def test_folded_case_and_accents_on_every_database(client, forum):
    assert heading(client, "uk", q="ФОРУМ") == "1 результат для «ФОРУМ»"
    PageFactory(slug="lodz", translations={"pl": {"title": "Łódź i Kraków"}})
    for query in ("Kraków", "krakow", "KRAKOW", "lodz"):
        assert [t for _k, _b, t, *_ in results(client, "pl", q=query)] == ["Łódź i Kraków"]


def test_snippets_mark_the_words_found_and_escape_the_rest(client, db):
    PageFactory(
        slug="air",
        translations={"en": {"title": "Air", "body": "Check the air quality <b>before</b> a walk in Kraków & more."}},
    )
    tree = lxml_html.fromstring(client.get("/en/search/", {"q": "quality"}).content)
    snippet = tree.xpath("//p[@class='snippet']")[0]
    assert snippet.xpath("./mark/text()") == ["quality"]
    # The text's own markup (kept as text by Markdown) never becomes an element: shown escaped, or left out.
    assert snippet.xpath(".//b") == []
    assert "before" in snippet.text_content() and "Kraków &" in snippet.text_content()


@pytest.mark.parametrize(
    "query",
    [
        "for\x07um\x1b[31m\r\n",  # a NUL is refused before the search (test_attack.py)
        "'; DROP TABLE pages_page; --",
        '<script>alert("x")</script>',
        "%_%",
        "\"\"\" „ « '",
        "a & b | !c <-> d:* ( )",
        "ą" * 61,  # one "word" longer than any real one
    ],
)
def test_odd_queries_get_a_normal_escaped_results_page(client, forum, query):
    response = client.get("/en/search/", {"q": query})
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r"\d+ results? for “", html)
    assert "<script>alert" not in html


def test_percent_and_underscore_are_literal(client, db):
    PageFactory(slug="a", translations={"en": {"title": "100% sure"}})
    PageFactory(slug="b", translations={"en": {"title": "1000 sure"}})
    assert [t for _k, _b, t, *_ in results(client, "en", q="100%")] == ["100% sure"]


def test_empty_query_gets_a_translated_error(client, db):
    html = client.get("/pl/search/", {"q": "   "}).content.decode()
    assert '<p class="error" id="q-error">Wpisz słowo, którego szukasz.</p>' in html
    assert 'aria-describedby="q-error search-hint" aria-invalid="true"' in html


@pytest.mark.parametrize(
    "language,message",
    [
        ("en", "Shorten your search to 200 characters or fewer (it has 1000)."),
        ("pl", "Skróć wyszukiwanie do 200 znaków lub mniej (ma ich 1000)."),
        ("uk", "Скоротіть запит до 200 символів або менше (зараз їх 1000)."),
        ("ru", "Сократите запрос до 200 символов или меньше (сейчас их 1000)."),
    ],
)
def test_a_thousand_character_query_is_refused_clearly_and_kept(client, forum, language, message):
    query = ("forum " * 200)[:1000]
    response = client.get(f"/{language}/search/", {"q": query})
    tree = lxml_html.fromstring(response.content)
    assert response.status_code == 200
    assert tree.xpath("string(//p[@id='q-error'])") == message
    assert tree.xpath("//input[@id='search-q']/@value") == [query.strip()]
    assert not tree.xpath("//h2[@id='results-heading']")


def test_search_page_without_query_shows_the_form(client, db):
    html = client.get("/ru/search/").content.decode()
    assert '<label for="search-q">Искать</label>' in html
    assert "results-heading" not in html


@pytest.mark.parametrize("language", ["en", "uk"])  # a page of the reader's language; a page of others'
@pytest.mark.parametrize("size", [3, 30])
def test_a_search_takes_a_fixed_number_of_queries(client, db, django_assert_num_queries, size, language):
    for n in range(size):
        PageFactory(slug=f"p{n}", translations={"en": {"title": f"Smog {n}", "body": "Air."}, "pl": {"title": "Smog"}})
        SessionFactory(titles={"en": f"Smog session {n}"})
    # Typos (PostgreSQL only), the counts per kind, the page's ids, its entries with their snippets; and the
    # footer's contact roles, as on every page.
    with django_assert_num_queries(5 if connection.vendor == "postgresql" else 4):
        response = client.get(f"/{language}/search/", {"q": "smog air"})
    assert response.status_code == 200
