"""Languages: every page in pl, en, uk and ru, the switcher, redirects and honest fallbacks."""

import pytest
from django.utils import translation
from django.utils.html import escape
from lxml import html as lxml_html
from parler import appsettings as parler_appsettings
from parler.utils import i18n as parler_i18n
from parler.utils.conf import add_default_language_settings

from conference.tests.factories import ConferenceFactory
from feedback.tests.factories import CategoryFactory
from openkrakow import languages
from pages.models import Page
from pages.tests.factories import ContactRoleFactory, NewsEntryFactory, PageFactory

pytestmark = pytest.mark.integration

# One known interface string per language (the main navigation's first item).
PROGRAMME = {"pl": "Program", "en": "Programme", "uk": "Програма", "ru": "Программа"}
HOME = {
    "pl": {"title": "Otwarty Kraków: miejski program dla cudzoziemców"},
    "en": {"title": "Open Kraków: the city's programme for foreign residents"},
    "uk": {"title": "Відкритий Краків: міська програма для іноземців"},
    "ru": {"title": "Открытый Краков: городская программа для иностранцев"},
}


@pytest.fixture
def home(db):
    """The home page's text, in every language."""
    return PageFactory(slug=Page.HOME_SLUG, translations=HOME)


@pytest.mark.unit
@pytest.mark.parametrize("language,expected", PROGRAMME.items())
def test_locale_catalogue_has_known_string(language, expected):
    with translation.override(language):
        assert translation.gettext("Programme") == expected


@pytest.mark.parametrize("language,expected", PROGRAMME.items())
def test_home_page_is_in_its_language(client, home, language, expected):
    response = client.get(f"/{language}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}" dir="ltr">' in html
    assert f'aria-current="page">{expected}</a>' in html
    assert f"<h1>{escape(HOME[language]['title'])}</h1>" in html


def test_home_page_shows_translated_content(client, home):
    assert "Відкритий Краків: міська програма для іноземців" in client.get("/uk/").content.decode()
    assert "Otwarty Kraków: miejski program dla cudzoziemców" in client.get("/pl/").content.decode()


def test_switcher_points_to_same_page_in_each_language(client, db):
    ConferenceFactory()
    html = client.get("/en/conference/?day=2").content.decode()
    assert '<a href="/uk/conference/?day=2" lang="uk" hreflang="uk" dir="ltr">Українська</a>' in html
    assert '<a href="/pl/conference/?day=2" lang="pl" hreflang="pl" dir="ltr">polski</a>' in html
    assert 'href="/en/conference/?day=2" lang="en" hreflang="en" dir="ltr" aria-current="true">English</a>' in html


def test_hreflang_alternates_and_x_default(client, db):
    CategoryFactory()
    html = client.get("/ru/feedback/").content.decode()
    for code in ("pl", "en", "uk", "ru"):
        assert f'<link rel="alternate" hreflang="{code}" href="http://testserver/{code}/feedback/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/feedback/">' in html


@pytest.mark.parametrize(
    "header,expected",
    [
        ("uk", "/uk/"),
        ("uk-UA,uk;q=0.9,ru;q=0.8", "/uk/"),
        ("ru-RU", "/ru/"),
        ("de-DE,pl;q=0.5", "/pl/"),
        ("fr", "/en/"),
        ("", "/en/"),
        (";;q=xx,,,=", "/en/"),
        ("x" * 5000, "/en/"),
    ],
)
def test_root_redirects_to_best_language(client, db, header, expected):
    response = client.get("/", headers={"accept-language": header})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_unprefixed_section_redirects_to_prefixed(client, db):
    response = client.get("/conference/", headers={"accept-language": "ru"})
    assert response.status_code == 302
    assert response["Location"] == "/ru/conference/"


@pytest.mark.parametrize(
    "path,header,expected",
    [
        ("/xx/", "pl", "Nie znaleziono strony"),
        ("/en/no-such-page/", "pl", "Page not found"),
        ("/uk/no-such-page/", "en", "Сторінку не знайдено"),
        ("/ru/conference/nowhere/", "en", "Страница не найдена"),
        ("/en/%ff%fe/", "en", "Page not found"),
    ],
)
def test_bad_paths_get_translated_404(client, db, path, header, expected):
    # An unknown prefix may first be redirected to the visitor's language; the end is always a 404, never a 500.
    response = client.get(path, headers={"accept-language": header}, follow=True)
    assert response.status_code == 404
    assert expected in response.content.decode()


def test_untranslated_page_falls_back_to_english_never_russian(client, db):
    PageFactory(
        slug="home",
        translations={
            "pl": {"title": "Tytuł po polsku"},
            "en": {"title": "Title in English"},
            "ru": {"title": "Заголовок по-русски"},
        },
    )
    html = client.get("/uk/").content.decode()
    assert "Title in English" in html
    assert "Заголовок по-русски" not in html
    assert '<div class="intro" lang="en" dir="ltr">' in html
    assert "Цей текст ще не перекладено українською. Його показано англійською." in html


def test_page_with_only_polish_falls_back_to_polish(client, db):
    PageFactory(slug="home", translations={"pl": {"title": "Tylko po polsku"}})
    html = client.get("/ru/").content.decode()
    assert '<div class="intro" lang="pl" dir="ltr">' in html
    assert "Tylko po polsku" in html


def test_translated_page_has_no_fallback_notice(client, home):
    html = client.get("/uk/").content.decode()
    assert "notice-fallback" not in html
    assert '<div class="intro">' in html
    assert "<h1>Відкритий Краків: міська програма для іноземців</h1>" in html


@pytest.mark.unit
def test_fallback_chains_never_send_ukrainian_to_russian(settings):
    assert "ru" not in languages.FALLBACK_CHAINS["uk"]
    assert settings.MODELTRANSLATION_FALLBACK_LANGUAGES["uk"] == ("en", "pl")
    parler_uk = next(lang for lang in settings.PARLER_LANGUAGES[settings.SITE_ID] if lang["code"] == "uk")
    assert parler_uk["fallbacks"] == ["en", "pl"]


@pytest.mark.unit
def test_a_fifth_language_needs_only_a_table_row():
    chains = {**languages.FALLBACK_CHAINS, "ar": ("en", "pl")}
    assert ("ar", "العربيّة") in languages.django_languages(chains)
    assert {"code": "ar", "fallbacks": ["en", "pl"]} in languages.parler_languages(chains, site_id=1)[1]
    assert languages.modeltranslation_fallbacks(chains)["ar"] == ("en", "pl")


def test_a_right_to_left_language_renders_rtl(client, db, settings, monkeypatch):
    conference = ConferenceFactory()  # named in English only
    chains = {**languages.FALLBACK_CHAINS, "ar": ("en", "pl")}
    settings.LANGUAGES = languages.django_languages(chains)
    settings.PARLER_LANGUAGES = languages.parler_languages(chains, site_id=settings.SITE_ID)
    # parler reads its table once at start-up, as a new language would be at the next deploy.
    monkeypatch.setattr(parler_i18n, "LANGUAGES_DICT", dict(settings.LANGUAGES))
    parler_table = add_default_language_settings(settings.PARLER_LANGUAGES)
    monkeypatch.setattr(parler_appsettings, "PARLER_LANGUAGES", parler_table)
    html = client.get("/ar/conference/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert '<a href="/ar/conference/" lang="ar" hreflang="ar" dir="rtl" aria-current="true">العربيّة</a>' in html
    # No Arabic translation yet: the conference is shown in English, marked as such.
    assert f"<h1>{conference.safe_translation_getter('name', language_code='en')}</h1>" in html
    assert '<article lang="en" dir="ltr">' in html


@pytest.mark.parametrize("roles", [3, 30])
def test_home_page_query_count_does_not_grow_with_contacts(client, home, django_assert_num_queries, roles):
    ConferenceFactory()  # its teaser reads the conference and its days
    NewsEntryFactory(translations={"uk": {"title": "Новина"}})
    ContactRoleFactory.create_batch(roles)
    with django_assert_num_queries(8):
        response = client.get("/uk/")
    assert response.status_code == 200
    assert response.content.decode().count('<span class="contact-role"') == roles  # the footer lists them all


@pytest.mark.parametrize(
    "url,section",
    [
        ("/en/", "Programme"),
        ("/en/aims/", "Programme"),
        ("/en/news/", None),
        ("/en/documents/", None),
        ("/en/contacts/", "Contacts"),
        ("/en/search/?q=smog", None),
        ("/en/conference/schedule/", "Conference"),
        ("/en/feedback/", "Feedback"),
    ],
)
def test_the_main_menu_marks_only_the_section_the_reader_is_in(client, home, url, section):
    """News, documents and contacts are no part of the programme, though they live in the same app."""
    PageFactory(slug="aims", translations={"en": {"title": "What the programme is for"}})
    ConferenceFactory()
    CategoryFactory()
    response = client.get(url)
    assert response.status_code == 200
    tree = lxml_html.fromstring(response.content)
    marked = [link.text_content().strip() for link in tree.xpath("//nav[@class='main-nav']//a[@aria-current]")]
    assert marked == ([section] if section else [])
