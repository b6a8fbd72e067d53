"""Inviting a translator: the account, the e-mail in their language, and the link with which they choose a password,
then log in and find only their languages; a second invitation makes no second account; a bad link says so."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from post_office.models import Email

from core.models import UserLanguage
from translations.apps import TRANSLATORS
from translations.invitations import invite_translator
from translations.models import TranslatorLanguage

pytestmark = pytest.mark.integration

PASSWORD = "Kalyna-u-sadu-2017"
STEP = "admin_login_view-current_step"  # the admin log-in wizard's hidden field: which step a post answers
LINK = re.compile(r"https?://\S+/admin/invitation/\S+/")
BAD_LINK_UK = "Це посилання не працює"


@pytest.fixture
def editor(django_user_model, db):
    return django_user_model.objects.create_superuser("redaktorka", "redakcja@example.org", "x", first_name="Anna")


def invite(editor, **overrides):
    values = {
        "email": "oksana@example.org",
        "name": "Оксана Коваль",
        "language": "uk",
        "languages": ["uk", "en"],
        "invited_by": editor,
    }
    return invite_translator(**{**values, **overrides})


def detected_language(text: str) -> str:
    from lingua import Language, LanguageDetectorBuilder

    codes = {Language.POLISH: "pl", Language.ENGLISH: "en", Language.UKRAINIAN: "uk", Language.RUSSIAN: "ru"}
    detector = LanguageDetectorBuilder.from_languages(*codes).build()
    return codes[detector.detect_language_of(text)]


def words(body: str) -> str:
    """The message's prose, without its links and the user name."""
    return LINK.sub("", re.sub(r"https?://\S+", "", body))


def test_an_invitation_makes_a_staff_translator_and_queues_a_ukrainian_email(editor, settings):
    settings.SITE_URL = "https://openkrakow.example"
    user = invite(editor)

    assert user.is_staff and user.is_active and not user.is_superuser
    assert not user.has_usable_password()
    assert user.username == "oksana"
    assert list(user.groups.values_list("name", flat=True)) == [TRANSLATORS]
    assert set(TranslatorLanguage.objects.filter(user=user).values_list("language", flat=True)) == {"uk", "en"}
    assert UserLanguage.objects.get(user=user).language == "uk"

    email = Email.objects.get(to=["oksana@example.org"])
    assert email.headers["Content-Language"] == "uk"
    assert email.subject == "Запрошуємо вас перекладати вебсайт «Відкритого Кракова»"
    body = email.message
    assert body.startswith("Вітаємо, Оксана Коваль!")
    assert "Від імені команди «Відкритого Кракова» Anna запрошує вас перекладати" in body
    assert "Ви можете перекладати на такі мови:\n- Англійська\n- Українська\n" in body
    assert "Ваше ім'я користувача: oksana." in body
    assert "Оберіть пароль за цим посиланням" in body
    assert detected_language(words(body)) == "uk"
    [link] = LINK.findall(body)
    assert link.startswith("https://openkrakow.example/admin/invitation/")


def test_following_the_link_sets_the_password_then_the_admin_shows_only_their_languages(client, editor):
    user = invite(editor)
    path = "/admin/invitation/" + LINK.search(Email.objects.get().message).group().split("/admin/invitation/")[1]

    # The link's token moves into the session, so that it does not leak through the Referer of the form page.
    response = client.get(path, headers={"accept-language": "en"})
    assert response.status_code == 302
    form_url = response["Location"]
    assert form_url.endswith("/set-password/")

    # In the language of the invitation, whatever the browser says.
    page = client.get(form_url, headers={"accept-language": "en"})
    assert page.status_code == 200
    html = page.content.decode()
    assert '<html lang="uk"' in html
    assert "Оберіть пароль" in html and 'value="oksana"' in html
    # Not logged in yet: no admin sidebar telling her she may change nothing.
    assert 'id="nav-sidebar"' not in html

    too_short = client.post(form_url, {"new_password1": "abc", "new_password2": "abc"})
    assert too_short.status_code == 200
    assert "Пароль занадто короткий" in too_short.content.decode()

    response = client.post(form_url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/admin/login/"
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    login_page = client.get("/admin/login/").content.decode()
    assert '<html lang="uk"' in login_page
    assert "Ваш пароль встановлено. Увійдіть з ім'ям користувача oksana" in login_page.replace("&#x27;", "'")

    response = client.post("/admin/login/?next=/admin/", {STEP: "auth", "username": "oksana", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    dashboard = client.get("/admin/translations/")
    assert dashboard.status_code == 200
    assert [code for code, _name in dashboard.context["languages"]] == ["en", "uk"]

    # Used once, the link works no more.
    client.logout()
    again = client.get(path, headers={"accept-language": "uk"})
    assert again.status_code == 200 and BAD_LINK_UK in again.content.decode()


def test_a_second_invitation_makes_no_second_user(editor, django_user_model):
    first = invite(editor, languages=["uk"])
    second = invite(editor, email="Oksana@Example.org ", languages=["ru"])

    assert second.pk == first.pk
    assert django_user_model.objects.filter(email__iexact="oksana@example.org").count() == 1
    assert list(TranslatorLanguage.objects.filter(user=first).values_list("language", flat=True)) == ["ru", "uk"]
    emails = list(Email.objects.order_by("pk"))
    assert len(emails) == 2
    assert "Оберіть пароль за цим посиланням" in emails[1].message  # still no password: the link is sent again


def test_someone_with_an_account_and_a_password_gets_the_languages_and_no_link(editor, django_user_model):
    olena = django_user_model.objects.create_user("olena", "olena@example.org", PASSWORD)
    UserLanguage.objects.create(user=olena, language="pl")

    user = invite(editor, email="olena@example.org", name="Olena", language="uk", languages=["uk"])

    assert user.pk == olena.pk and user.check_password(PASSWORD) and user.is_staff
    assert Group.objects.get(name=TRANSLATORS) in user.groups.all()
    assert UserLanguage.objects.get(user=user).language == "pl"  # their own choice stays
    email = Email.objects.get()
    assert email.headers["Content-Language"] == "pl"
    assert "/admin/invitation/" not in email.message
    assert "Zaloguj się hasłem, które już masz:" in email.message


def test_a_deactivated_account_is_not_invited(editor, django_user_model):
    django_user_model.objects.create_user("gone", "gone@example.org", is_active=False)
    with pytest.raises(ValidationError, match="deactivated"):
        invite(editor, email="gone@example.org")
    assert not Email.objects.exists()
    assert not TranslatorLanguage.objects.exists()


def test_user_names_are_unique(editor, django_user_model):
    django_user_model.objects.create_user("Oksana")
    first = invite(editor, email="oksana@example.org")
    second = invite(editor, email="oksana@example.com")
    assert (first.username, second.username) == ("oksana2", "oksana3")


def test_languages_must_be_the_sites(editor):
    with pytest.raises(ValidationError):
        invite(editor, languages=[])
    with pytest.raises(ValidationError):
        invite(editor, languages=["de"])
    assert not Email.objects.exists()


@pytest.mark.parametrize("kind", ["forged token", "unknown user", "not a user id", "huge id", "set-password"])
def test_a_bad_link_says_so_in_the_browsers_language_and_names_no_one(client, editor, kind):
    user = invite(editor)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    paths = {
        "forged token": f"/admin/invitation/{uid}/cz1gxh-0123456789abcdef0123456789abcdef/",
        "unknown user": f"/admin/invitation/{urlsafe_base64_encode(b'987654')}/cz1gxh-0123456789abcdef/",
        "not a user id": "/admin/invitation/!!!/x/",
        "huge id": f"/admin/invitation/{urlsafe_base64_encode(b'9' * 30)}/x/",
        "set-password": f"/admin/invitation/{uid}/set-password/",  # without the token in the session
    }
    response = client.get(paths[kind], headers={"accept-language": "uk"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="uk"' in html
    assert BAD_LINK_UK in html
    assert "oksana" not in html and "<form" not in html.split('id="content-main"')[1]
    # The account's own language (Ukrainian) is not given away to a browser that asks for Polish.
    polish = client.get(paths[kind], headers={"accept-language": "pl"}).content.decode()
    assert '<html lang="pl"' in polish and "Ten link nie działa" in polish
    refused = client.post(paths[kind], {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert refused.status_code == 200 and "<form" not in refused.content.decode().split('id="content-main"')[1]
    user.refresh_from_db()
    assert not user.has_usable_password()
