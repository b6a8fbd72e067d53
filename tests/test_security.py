"""Security: headers and CSP, CSRF on every public form, admin lockout, check --deploy, quiet error pages."""

import os
import subprocess
import sys
import uuid

import pytest
from django.test import Client

from conference.tests.factories import SessionFactory, register
from feedback.tests.factories import CategoryFactory

pytestmark = pytest.mark.integration


def test_every_page_sends_the_security_headers(client, db):
    response = client.get("/en/")
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    for directive in ("default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"):
        assert directive in csp
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize(
    "path,data",
    [
        ("/pl/feedback/", {"category": "other", "message": "x"}),
        ("/pl/conference/register/", {"name": "x", "email": "x@example.org", "language": "en"}),
        ("/pl/conference/agenda/star/", {"session": "{session}"}),
    ],
)
def test_public_forms_refuse_posts_without_a_csrf_token(db, path, data):
    CategoryFactory(code="other")
    session = SessionFactory()
    client = Client(enforce_csrf_checks=True)
    response = client.post(path, {name: value.format(session=session.code) for name, value in data.items()})
    assert response.status_code == 403
    assert "Nie udało się wysłać formularza" in response.content.decode()
    assert "agenda" not in client.cookies  # nothing was starred


def test_public_forms_accept_posts_with_the_token(db):
    code = SessionFactory().code
    client = Client(enforce_csrf_checks=True)
    # The session page is cached and the same for everybody: its star leads to a form of the visitor's own.
    client.get("/en/conference/agenda/star/", {"session": code, "next": f"/en/conference/sessions/{code}/"})
    token = client.cookies["csrftoken"].value
    response = client.post("/en/conference/agenda/star/", {"session": code, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert client.cookies["agenda"].value  # starred


def test_manage_link_refuses_posts_without_a_csrf_token(db):
    session = SessionFactory(registration_required=True, capacity=10)
    registration = register(session)
    client = Client(enforce_csrf_checks=True)
    response = client.post(registration.get_manage_url(), {"action": "cancel_all"})
    assert response.status_code == 403
    assert registration.bookings.filter(status="cancelled").count() == 0
    assert registration.bookings.count() == 1


# The admin login is a wizard (django-two-factor-auth): a post says which step it answers.
LOGIN_STEP = {"admin_login_view-current_step": "auth"}


def test_admin_login_locks_out_after_five_failures(client, django_user_model, db):
    django_user_model.objects.create_superuser("boss", "boss@example.org", "right-password-123")
    statuses = [
        client.post("/admin/login/?next=/admin/", {**LOGIN_STEP, "username": "boss", "password": "wrong"}).status_code
        for _ in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]  # the fifth failure locks the account for this address
    locked = client.post(
        "/admin/login/?next=/admin/", {**LOGIN_STEP, "username": "boss", "password": "right-password-123"}
    )
    assert locked.status_code == 429
    assert "Too many failed log-ins" in locked.content.decode()
    other_address = client.post(
        "/admin/login/?next=/admin/",
        {**LOGIN_STEP, "username": "boss", "password": "right-password-123"},
        REMOTE_ADDR="198.51.100.20",
    )
    assert other_address.status_code == 302


def test_lockout_reads_the_address_behind_the_proxy(client, django_user_model, settings, db):
    settings.TRUSTED_PROXY_COUNT = 1
    django_user_model.objects.create_superuser("boss", "boss@example.org", "right-password-123")
    for _ in range(5):
        wrong = {**LOGIN_STEP, "username": "boss", "password": "x"}
        client.post("/admin/login/", wrong, headers={"x-forwarded-for": "203.0.113.5"})
    blocked = {**LOGIN_STEP, "username": "boss", "password": "right-password-123"}
    assert client.post("/admin/login/", blocked, headers={"x-forwarded-for": "203.0.113.5"}).status_code == 429
    assert client.post("/admin/login/", blocked, headers={"x-forwarded-for": "203.0.113.6"}).status_code == 302


@pytest.mark.unit
def test_check_deploy_has_no_warnings_with_production_settings(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},  # set only for browser tests
        "DEBUG": "0",
        "HTTPS": "1",
        "BEHIND_TLS_PROXY": "1",
        "SECRET_KEY": uuid.uuid4().hex + uuid.uuid4().hex,
        "ALLOWED_HOSTS": "openkrakow.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_an_error_shows_the_site_page_without_details(client, db, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("SELECT secret FROM settings")

    monkeypatch.setattr("pages.views.HomeView.get_context_data", broken)
    client.raise_request_exception = False
    response = client.get("/uk/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Щось пішло не так" in html
    assert "SELECT secret" not in html and "Traceback" not in html and "SECRET_KEY" not in html
