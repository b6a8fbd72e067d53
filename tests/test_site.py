"""Site-wide addresses and commands: health check, robots.txt, sitemap, error pages, demo content, admin account."""

import datetime
import os
import subprocess
import sys
from io import BytesIO, StringIO
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import OperationalError
from django.test import Client, RequestFactory
from django.utils import translation
from django.utils.html import escape

from conference.models import Conference, Day
from conference.tests.factories import ConferenceFactory
from core.views import server_error
from pages.models import ContactRole, Document, NewsEntry, Page

pytestmark = pytest.mark.integration


def test_healthz_answers_ok_when_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_over_plain_http_where_everything_else_redirects(settings, db):
    """Load balancers check instances over plain HTTP inside the network; a 301 to https is not 'up'."""
    settings.SECURE_SSL_REDIRECT = True
    visitor = Client()  # its middleware is built now, with the redirect on
    assert visitor.get("/healthz").status_code == 200
    assert visitor.get("/robots.txt").status_code == 301


def test_healthz_answers_503_when_database_is_down(client, db):
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}


def test_robots_txt_points_to_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_sitemap_lists_every_section_in_every_language(client, db):
    response = client.get("/sitemap.xml")
    xml = response.content.decode()
    assert response.status_code == 200
    for language in ("pl", "en", "uk", "ru"):
        for section in ("", "news/", "documents/", "contacts/", "conference/", "feedback/"):
            assert f"<loc>http://testserver/{language}/{section}</loc>" in xml
    assert '<xhtml:link rel="alternate" hreflang="uk" href="http://testserver/uk/conference/"/>' in xml
    assert '<xhtml:link rel="alternate" hreflang="x-default" href="http://testserver/conference/"/>' in xml


def test_admin_asks_for_login(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize(
    "language,expected",
    [("pl", "Coś poszło nie tak"), ("uk", "Щось пішло не так"), ("ru", "Что-то пошло не так"), ("en", "Something")],
)
def test_server_error_page_is_translated(db, language, expected):
    request = RequestFactory().get(f"/{language}/")
    with translation.override(language):
        response = server_error(request)
    assert response.status_code == 500
    assert expected in response.content.decode()
    assert f'<html lang="{language}"' in response.content.decode()


def test_server_error_page_survives_a_broken_database(db):
    request = RequestFactory().get("/en/")
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("down")):
        response = server_error(request)
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_home_page_shows_the_coming_conference_not_an_archived_one(client, db):
    archived = ConferenceFactory(start_date=datetime.date(2017, 2, 23), end_date=datetime.date(2017, 2, 25))
    coming = ConferenceFactory()
    coming.set_current_language("uk")
    coming.name = "Конференція «Відкритий Краків»"
    coming.save()
    coming.days.filter(date=coming.start_date).update(theme_uk="Що змінилося: інформація багатьма мовами")
    html = client.get("/uk/").content.decode()
    assert "Конференція «Відкритий Краків»" in html
    assert f'<time datetime="{coming.start_date.isoformat()}">' in html
    assert "Що змінилося: інформація багатьма мовами" in html
    assert f'<time datetime="{archived.start_date.isoformat()}">' not in html


def test_demo_smoke_load_demo_is_idempotent_and_covers_all_languages(db):
    """Demo smoke test: `make run`'s demo content loads, twice without duplicates, in every language."""
    for _ in range(2):
        call_command("load_demo", stdout=StringIO())
    assert Page.objects.count() == 4
    assert NewsEntry.objects.count() == 4
    assert Document.objects.count() == 6  # the programme in brief in four languages, the 2017 programme in two
    assert ContactRole.objects.count() == 3
    assert Conference.objects.count() == 2  # 2017, in the archive, and an upcoming edition
    assert Day.objects.count() == 3 + 2
    home = Page.objects.get(slug=Page.HOME_SLUG)
    assert sorted(home.get_available_languages()) == ["en", "pl", "ru", "uk"]
    assert Day.objects.get(date="2017-02-24").theme_uk == "Освіта й інтеграція: іноземці в польській школі"


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
def test_demo_smoke_every_language_has_its_home_page_and_sections(client, demo, language):
    """Demo smoke test: the demo's home page is written in every language, and each section it links to answers."""
    home = Page.objects.get(slug=Page.HOME_SLUG)
    html = client.get(f"/{language}/").content.decode()
    assert f'<html lang="{language}"' in html
    assert escape(home.safe_translation_getter("title", language_code=language)) in html
    assert "notice-fallback" not in html
    for section in ("news/", "documents/", "contacts/", "conference/", "conference/schedule/", "feedback/"):
        assert client.get(f"/{language}/{section}").status_code == 200, section


def test_create_admin_prints_a_generated_password_once(db):
    first, second = StringIO(), StringIO()
    call_command("create_admin", stdout=first)
    call_command("create_admin", stdout=second)
    password = first.getvalue().split("admin / ")[1].split()[0]
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password(password)
    assert len(password) >= 20
    assert password not in second.getvalue()
    assert "already exists" in second.getvalue()


@pytest.mark.unit
@pytest.mark.parametrize(
    "env,message",
    [
        ({"ALLOWED_HOSTS": "example.org"}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "x" * 50}, "ALLOWED_HOSTS must be set"),
    ],
)
def test_production_settings_refuse_to_start_without_key_or_hosts(env, message):
    clean_env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG"}}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", "import openkrakow.settings"],
        env={**clean_env, "DEBUG": "0", "SECRET_KEY_FILE": "/nonexistent", **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert message in result.stderr


def test_favicon_is_a_real_icon_at_the_root(client, db):
    """Browsers ask every site for /favicon.ico: a 404 there is a console error on every page."""
    from PIL import Image

    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    icon = Image.open(BytesIO(b"".join(response.streaming_content)))
    assert icon.format == "ICO"
    assert {(16, 16), (32, 32)} <= set(icon.info["sizes"])


@pytest.mark.unit
@pytest.mark.parametrize("env,expected", [({}, "http://127.0.0.1:8000"), ({"PORT": "8123"}, "http://127.0.0.1:8123")])
def test_links_in_e_mails_follow_the_port_make_run_serves(env, expected):
    clean_env = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "PORT"}}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", "from django.conf import settings; print(settings.SITE_URL)"],
        env={**clean_env, "DJANGO_SETTINGS_MODULE": "openkrakow.settings", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == expected
