"""Every heading of the admin index is a name in the admin's language, never an app's raw label ("OTP_STATIC")."""

import re
from html import unescape

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def headings(admin_client, language: str) -> list[str]:
    page = admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    return [unescape(name) for name in re.findall(r'<caption>\s*<a[^>]*class="section"[^>]*>(.*?)</a>', page)]


@pytest.mark.parametrize(
    ("language", "expected", "script"),
    [
        (
            "uk",
            {"Вихідні листи", "Блокування входу", "Застосунки-автентифікатори", "Резервні коди редакторів"},
            r"[а-яіїєґ]",
        ),
        (
            "ru",
            {"Исходящие письма", "Блокировка входа", "Приложения-аутентификаторы", "Резервные коды редакторов"},
            r"[а-яё]",
        ),
        (
            "pl",
            {"Skrzynka nadawcza", "Blokada logowania", "Aplikacje uwierzytelniające", "Kody zapasowe redaktorów"},
            r".",
        ),
    ],
)
def test_every_app_in_the_admin_index_has_a_translated_name(admin_client, language, expected, script):
    found = headings(admin_client, language)
    assert len(found) >= 10
    assert expected <= set(found)
    assert [name for name in found if "_" in name or not re.search(script, name, re.IGNORECASE)] == []


def test_english_names_say_what_the_apps_hold(admin_client):
    found = headings(admin_client, "en")
    assert {"Outbox", "Login lockout", "Authenticator apps", "Editors' backup codes"} <= set(found)
    assert not {"Axes", "Otp_Static", "Otp_Totp", "Post Office"} & set(found)
