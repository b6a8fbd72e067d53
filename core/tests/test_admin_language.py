"""The admin in each staff member's own language: chosen on /admin/language/, kept across log-ins, free of queries."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core.groups import EDITORS
from core.models import UserLanguage

pytestmark = pytest.mark.integration

PASSWORD = "right-password-123"
STEP = "admin_login_view-current_step"  # the log-in wizard's hidden field: which step a post answers

# The admin index's title, from our catalogues (Django's Ukrainian "сайта" is a Russian form; core/admin_site.py).
SITE_ADMINISTRATION = {
    "en": "Site administration",
    "pl": "Administracja serwisu",
    "uk": "Адміністрування сайту",
    "ru": "Администрирование сайта",
}
LOG_OUT_UK = "Вийти"
SKIP_LINK_PL = "Przejdź do treści"


@pytest.fixture
def editor(django_user_model, db):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)


@pytest.fixture
def english_browser():
    """A staff member whose browser asks for English, and who once chose English on the public site."""
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.cookies["django_language"] = "en"
    return client


def log_in(client, username="editor", password=PASSWORD):
    response = client.post("/admin/login/?next=/admin/", {STEP: "auth", "username": username, "password": password})
    assert response.status_code == 302, response.content.decode()[:2000]


def test_the_admin_speaks_the_chosen_language_and_the_public_site_its_address(english_browser, editor):
    UserLanguage.objects.create(user=editor, language="uk")
    english_browser.force_login(editor)

    for address in ("/admin/", "/admin/core/userlanguage/", "/admin/two-factor/"):
        response = english_browser.get(address)
        html = response.content.decode()
        assert response.status_code == 200, address
        assert '<html lang="uk"' in html, address
        assert LOG_OUT_UK in html, address
        assert response["Content-Language"] == "uk", address
    assert SITE_ADMINISTRATION["uk"] in english_browser.get("/admin/").content.decode()

    # The same session on the public site: the language of the address, as before.
    response = english_browser.get("/pl/search/")
    html = response.content.decode()
    assert '<html lang="pl"' in html and SKIP_LINK_PL in html
    assert response["Content-Language"] == "pl"
    assert '<html lang="en"' in english_browser.get("/en/search/").content.decode()


def test_the_user_links_lead_to_the_language_page_and_back(english_browser, editor):
    english_browser.force_login(editor)
    html = english_browser.get("/admin/core/userlanguage/?language__exact=uk").content.decode()
    assert '<a href="/admin/language/?next=/admin/core/userlanguage/%3Flanguage__exact%3Duk">Language</a>' in html

    page = english_browser.get("/admin/language/?next=/admin/core/userlanguage/").content.decode()
    assert '<option value="uk" lang="uk">Українська</option>' in page
    assert '<option value="pl" lang="pl">polski</option>' in page
    assert '<option value="" selected>The language of my browser</option>' in page
    assert '<label for="id_language">Language of the admin:</label>' in page
    assert '<input type="hidden" name="next" value="/admin/core/userlanguage/">' in page


def test_a_language_chosen_in_the_form_is_kept_across_a_new_log_in(english_browser, editor):
    log_in(english_browser)
    assert SITE_ADMINISTRATION["en"] in english_browser.get("/admin/").content.decode()

    response = english_browser.post("/admin/language/", {"language": "uk", "next": "/admin/core/userlanguage/"})
    assert response.status_code == 302 and response["Location"] == "/admin/core/userlanguage/"
    assert UserLanguage.objects.get(user=editor).language == "uk"
    html = english_browser.get(response["Location"]).content.decode()
    assert '<html lang="uk"' in html
    assert "Мову адміністрування змінено: Українська." in html

    english_browser.post("/admin/logout/")
    assert '<html lang="en"' in english_browser.get("/admin/login/").content.decode()  # nobody logged in
    log_in(english_browser)
    assert SITE_ADMINISTRATION["uk"] in english_browser.get("/admin/").content.decode()
    # And in another browser.
    elsewhere = Client(HTTP_ACCEPT_LANGUAGE="pl")
    log_in(elsewhere)
    assert SITE_ADMINISTRATION["uk"] in elsewhere.get("/admin/").content.decode()


def test_forgetting_the_choice_brings_back_the_browsers_language(editor):
    client = Client(HTTP_ACCEPT_LANGUAGE="pl")
    UserLanguage.objects.create(user=editor, language="ru")
    client.force_login(editor)
    assert SITE_ADMINISTRATION["ru"] in client.get("/admin/").content.decode()

    response = client.post("/admin/language/", {"language": ""}, follow=True)
    html = response.content.decode()
    assert not UserLanguage.objects.filter(user=editor).exists()
    assert SITE_ADMINISTRATION["pl"] in html
    assert "Panel administracyjny używa teraz języka Twojej przeglądarki." in html


@pytest.mark.parametrize(
    "language,expected",
    [("uk", "Виберіть одну з мов у списку."), ("pl", "Wybierz jeden z języków z listy.")],
)
def test_a_language_the_site_does_not_have_is_refused_in_words(editor, language, expected):
    client = Client(HTTP_ACCEPT_LANGUAGE="pl")
    if language == "uk":
        UserLanguage.objects.create(user=editor, language="uk")
    client.force_login(editor)
    for code in ("xx", "de", "uk" * 20, "en-us"):
        response = client.post("/admin/language/", {"language": code})
        html = response.content.decode()
        assert response.status_code == 200
        assert f'<html lang="{language}"' in html
        assert expected in html
        assert 'aria-invalid="true"' in html and 'aria-describedby="id_language_helptext id_language_error"' in html
    assert list(UserLanguage.objects.values_list("language", flat=True)) == (["uk"] if language == "uk" else [])


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/admin/", "javascript:alert(1)"])
def test_the_way_back_stays_on_the_site(editor, target):
    client = Client()
    client.force_login(editor)
    response = client.post("/admin/language/", {"language": "pl", "next": target})
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_the_log_in_page_keeps_the_browsers_language(editor):
    UserLanguage.objects.create(user=editor, language="uk")
    for language in ("ru", "pl", "en"):
        response = Client(HTTP_ACCEPT_LANGUAGE=language).get("/admin/login/")
        assert f'<html lang="{language}"' in response.content.decode()
        assert response["Content-Language"] == language
    cookie = Client(HTTP_ACCEPT_LANGUAGE="ru")
    cookie.cookies["django_language"] = "pl"
    assert '<html lang="pl"' in cookie.get("/admin/login/").content.decode()


def test_staff_without_a_choice_keep_the_browsers_language(editor):
    client = Client(HTTP_ACCEPT_LANGUAGE="pl")
    client.force_login(editor)
    response = client.get("/admin/")
    assert SITE_ADMINISTRATION["pl"] in response.content.decode() and response["Content-Language"] == "pl"


def test_the_language_page_needs_a_staff_log_in(django_user_model, db):
    client = Client()
    response = client.post("/admin/language/", {"language": "uk"})
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    visitor = django_user_model.objects.create_user("visitor", password=PASSWORD)
    client.force_login(visitor)
    assert client.post("/admin/language/", {"language": "uk"}).status_code == 302
    assert not UserLanguage.objects.exists()


def test_the_form_needs_its_csrf_token(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post("/admin/language/", {"language": "uk"}).status_code == 403
    assert not UserLanguage.objects.exists()


def test_an_editor_sets_a_translators_language_for_their_next_log_in(django_user_model, db):
    editor = django_user_model.objects.create_user("chief", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    translator = django_user_model.objects.create_user("olena", password=PASSWORD, is_staff=True)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(editor)
    add = client.get("/admin/core/userlanguage/add/").content.decode()
    assert '<option value="uk" lang="uk">Українська</option>' in add
    response = client.post("/admin/core/userlanguage/add/", {"user": translator.pk, "language": "uk"})
    assert response.status_code == 302
    assert UserLanguage.objects.get(user=translator).language == "uk"

    theirs = Client(HTTP_ACCEPT_LANGUAGE="en")
    log_in(theirs, "olena")
    assert '<html lang="uk"' in theirs.get("/admin/").content.decode()


def test_admin_pages_in_a_chosen_language_are_not_kept_by_the_page_cache(settings, editor):
    settings.PAGE_CACHE = True
    UserLanguage.objects.create(user=editor, language="uk")
    staff = Client(HTTP_ACCEPT_LANGUAGE="en")
    staff.force_login(editor)
    for address in ("/admin/", "/admin/login/", "/admin/jsi18n/"):
        assert "X-Page-Cache" not in staff.get(address), address
    anonymous = Client(HTTP_ACCEPT_LANGUAGE="en")
    response = anonymous.get("/admin/login/")
    assert '<html lang="en"' in response.content.decode() and "X-Page-Cache" not in response


def add_choices(django_user_model, count):
    for number in range(count):
        user = django_user_model.objects.create_user(f"translator{number}", is_staff=True)
        UserLanguage.objects.create(user=user, language="pl")


@pytest.mark.parametrize("count", [1, 30])
@pytest.mark.parametrize("chosen", ["uk", None])
def test_the_chosen_language_costs_no_query(django_assert_num_queries, django_user_model, editor, count, chosen):
    add_choices(django_user_model, count)
    if chosen:
        UserLanguage.objects.create(user=editor, language=chosen)
    client = Client(HTTP_ACCEPT_LANGUAGE="pl")
    client.force_login(editor)
    # session, user, device check (core.admin_site), then the change list's counts, rows and filter.
    with django_assert_num_queries(QUERIES_ON_THE_CHANGE_LIST):
        response = client.get("/admin/core/userlanguage/")
    assert f'<html lang="{chosen or "pl"}"' in response.content.decode()


QUERIES_ON_THE_CHANGE_LIST = 6


def test_a_session_from_before_the_choice_was_kept_there_asks_once(django_user_model, editor):
    UserLanguage.objects.create(user=editor, language="uk")
    client = Client(HTTP_ACCEPT_LANGUAGE="pl")
    client.force_login(editor)
    session = client.session
    del session["_admin_language"]
    session.save()
    for asks in (True, False):
        with CaptureQueriesContext(connection) as queries:
            assert '<html lang="uk"' in client.get("/admin/").content.decode()
        assert any("core_userlanguage" in query["sql"] for query in queries.captured_queries) is asks
    assert client.session["_admin_language"] == "uk"


def test_public_pages_read_no_session_for_the_admins_sake(db):
    response = Client(HTTP_ACCEPT_LANGUAGE="uk").get("/pl/search/")
    assert response["Content-Language"] == "pl" and "Cookie" not in response.get("Vary", "")
