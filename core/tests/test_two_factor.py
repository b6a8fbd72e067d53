"""Optional two-step verification for the admin: log-in with a code, set-up, backup codes, turning it off."""

import re

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.two_factor import qr_code_svg

pytestmark = pytest.mark.integration

PASSWORD = "right-password-123"
LOGIN = "/admin/login/?next=/admin/"


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


def wrong_code(device: TOTPDevice) -> str:
    accepted = {app_code(device, offset=o) for o in (-1, 0, 1)}
    return next(code for code in ("123456", "654321", "111111", "222222") if code not in accepted)


def add_devices(user, backup_codes=("abcdefgh", "ijklmnop")):
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    static = StaticDevice.objects.create(user=user, name="Backup codes", confirmed=True)
    for code in backup_codes:
        StaticToken.objects.create(device=static, token=code)
    return device


def log_in(client, code=None, password=PASSWORD, **extra):
    data = {"username": "editor", "password": password}
    if code is not None:
        data["otp_token"] = code
    return client.post(LOGIN, data, **extra)


def verified_login(client, user, device):
    """A session that has passed both steps, as after a log-in with a code."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def test_a_user_without_a_device_logs_in_with_the_password_only(client, editor):
    page = client.get(LOGIN).content.decode()
    assert 'name="otp_token"' in page and "Verification code" in page
    response = log_in(client)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/translations/").status_code == 200


def test_a_user_with_a_device_is_refused_without_a_code(client, editor):
    add_devices(editor)
    response = log_in(client)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Two-step verification is on for this account" in page
    assert PASSWORD not in page  # the password is not sent back in the page
    assert client.get("/admin/").status_code == 302


def test_a_wrong_code_is_refused_and_the_right_one_lets_in(client, editor, no_throttle):
    device = add_devices(editor)
    response = log_in(client, wrong_code(device))
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert client.get("/admin/").status_code == 302

    code = app_code(device)
    response = log_in(client, f"{code[:3]} {code[3:]}")  # as the app groups it
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get("/admin/").status_code == 200
    # A code is good for one log-in only.
    client.logout()
    assert "That code is not right" in log_in(client, code).content.decode()


def test_wrong_codes_count_towards_the_lockout(client, editor, no_throttle):
    device = add_devices(editor)
    statuses = [log_in(client, wrong_code(device)).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    assert AccessAttempt.objects.get(username="editor").failures_since_start == 5
    locked = log_in(client, app_code(device))
    assert locked.status_code == 429
    assert "Too many failed log-ins" in locked.content.decode()


def test_the_password_lockout_still_works_for_a_user_with_a_device(client, editor):
    device = add_devices(editor)
    statuses = [log_in(client, app_code(device), password="wrong").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]


def test_a_backup_code_works_once(client, editor):
    add_devices(editor, backup_codes=("abcdefgh", "ijklmnop"))
    response = log_in(client, "ABCD-EFGH")
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert list(StaticToken.objects.values_list("token", flat=True)) == ["ijklmnop"]
    client.logout()
    response = log_in(client, "abcdefgh")
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()


def test_setting_up_confirms_the_app_from_a_right_code(client, editor, no_throttle):
    client.force_login(editor)
    status = client.get("/admin/two-factor/")
    assert status.status_code == 200
    assert "Two-step verification is off." in status.content.decode()
    assert 'href="/admin/two-factor/"' in client.get("/admin/").content.decode()  # linked in the user tools

    response = client.post("/admin/two-factor/start/")
    assert response.status_code == 302 and response["Location"] == "/admin/two-factor/setup/"
    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed

    page = client.get("/admin/two-factor/setup/").content.decode()
    key = re.search(r"<code>([A-Z2-7]{32})</code>", page).group(1)
    assert key == device.config_url.split("secret=")[1].split("&")[0]
    assert "otpauth://totp/Open%20Krak%C3%B3w%3Aeditor?" in page
    svg = re.search(r"<svg role=\"img\" [^>]*class=\"two-factor-qr\".*?</svg>", page, re.S).group(0)
    assert "style" not in svg and 'role="img"' in svg and "<title>" in svg
    assert 'for="id_code"' in page

    wrong = client.post("/admin/two-factor/setup/", {"code": wrong_code(device)})
    assert wrong.status_code == 200
    assert "That code is not right" in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed and not StaticDevice.objects.exists()

    done = client.post("/admin/two-factor/setup/", {"code": app_code(device)})
    assert done.status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    codes = set(StaticToken.objects.filter(device__user=editor).values_list("token", flat=True))
    assert len(codes) == 10
    page = done.content.decode()
    assert all(f"<code>{code}</code>" in page for code in codes)
    # The session that confirmed the device counts as verified: the admin stays open.
    assert client.get("/admin/").status_code == 200
    status = client.get("/admin/two-factor/").content.decode()
    assert "Two-step verification is on." in status
    assert "You have 10 unused backup codes left." in status
    assert not any(code in status for code in codes)  # shown once only


def test_setting_up_again_replaces_an_unfinished_device(client, editor):
    client.force_login(editor)
    client.post("/admin/two-factor/start/")
    client.post("/admin/two-factor/start/")
    assert TOTPDevice.objects.filter(user=editor).count() == 1
    assert "Continue the set-up you started" in client.get("/admin/two-factor/").content.decode()


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
        ("/admin/two-factor/start/", {}),
        ("/admin/two-factor/setup/", {"code": "123456"}),
        ("/admin/two-factor/disable/", {"password": PASSWORD}),
    ],
)
def test_the_forms_refuse_posts_without_a_csrf_token(editor, path, data):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    TOTPDevice.objects.create(user=editor, name="Pending", confirmed=False)
    assert client.post(path, data).status_code == 403
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert TOTPDevice.objects.count() == 1


def test_the_login_refuses_posts_without_a_csrf_token(editor):
    client = Client(enforce_csrf_checks=True)
    assert client.post(LOGIN, {"username": "editor", "password": PASSWORD}).status_code == 403


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


@pytest.mark.unit
def test_the_qr_code_needs_no_inline_styles():
    svg = qr_code_svg("otpauth://totp/Open%20Krak%C3%B3w%3Aeditor?secret=JBSWY3DPEHPK3PXP&issuer=Open%20Krak%C3%B3w")
    assert svg.startswith('<svg role="img" ')
    assert "style" not in svg and "<script" not in svg


@pytest.mark.browser
def test_an_editor_turns_on_two_step_verification_with_the_keyboard(page, editor):
    from axe_playwright_python.sync_playwright import Axe
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
    setup_button = page.get_by_role("button", name="Set up two-step verification")
    setup_button.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    assert Axe().run(page, context="#content").response["violations"] == []

    device = TOTPDevice.objects.get(user=editor)
    page.get_by_label("Code from the app").fill(app_code(device))
    page.keyboard.press("Enter")
    expect(page.get_by_text("From now on you log in with your password and a code")).to_be_visible()
    expect(page.locator(".two-factor-codes li")).to_have_count(10)

    page.get_by_role("button", name="Log out").click()
    page.goto("/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("Two-step verification is on for this account")).to_be_visible()
    backup = StaticToken.objects.filter(device__user=editor).first().token
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Verification code").fill(backup)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("link", name="Two-step verification")).to_be_visible()
    assert blocked == []
