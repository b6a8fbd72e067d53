"""Project-wide test fixtures: a headless Chromium page against the live server."""

import os
import uuid
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from there are safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM}: browser tests cannot run (install Debian's 'chromium')."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="en-GB", base_url=live_server.url)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(autouse=True, scope="session")
def _test_settings():
    """What every test needs of the one settings module, set here rather than by sniffing for pytest in it.

    Plain HTTP, as the test client and the live server speak it; no page cache (tests of the cache switch it
    on with pytest-django's `settings`); static files from the apps' folders, since tests run without
    collectstatic; and e-mail delivered into mail.outbox. Session-wide, so that the live server, started once,
    is built with them too. The secret key comes from the environment or var/secret_key, which `make` writes.
    """
    from django.conf import settings
    from django.test import override_settings

    test_settings = override_settings(
        HTTPS=False,
        SECURE_SSL_REDIRECT=False,
        SESSION_COOKIE_SECURE=False,
        CSRF_COOKIE_SECURE=False,
        SECURE_HSTS_SECONDS=0,
        SECURE_HSTS_INCLUDE_SUBDOMAINS=False,
        SECURE_HSTS_PRELOAD=False,
        PAGE_CACHE=False,
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        WHITENOISE_AUTOREFRESH=True,
        POST_OFFICE={**settings.POST_OFFICE, "BACKENDS": {"default": "django.core.mail.backends.locmem.EmailBackend"}},
    )
    test_settings.enable()
    yield
    test_settings.disable()


@pytest.fixture
def demo(db):
    """The demo content of every app, as `make run` loads it: for the few smoke tests of the demo itself, and for
    site-wide tests (the crawl, the fuzz) that need a full site. Tests of behaviour build their own data."""
    from django.core.management import call_command

    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture(autouse=True)
def _clear_cache():
    """Pages a test kept in this process's memory must not answer the next test, whose rows differ.

    The shared cache lives in the test database, which each test rolls back or flushes.
    """
    from django.core.cache import caches

    from core.cache import forget_generations

    caches["pages"].clear()
    forget_generations()
    yield
    caches["pages"].clear()
    forget_generations()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files of a test go to its own temporary folder, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _reset_language():
    """A request leaves its language active in the thread; each test starts from the default."""
    from django.utils import translation

    yield
    translation.deactivate()


@pytest.fixture
def report_data(db, monkeypatch):
    """A valid feedback form post, shown long enough ago that it is not flagged as too fast.

    Its topic, air quality, is made here (named in every language) unless it exists already, e.g. from the demo.
    """
    import feedback.tokens
    from feedback.tests.factories import CategoryFactory
    from feedback.tokens import form_stamp

    CategoryFactory(air_quality=True)
    real_seconds_since = feedback.tokens.seconds_since

    def a_minute_earlier(stamp):
        elapsed = real_seconds_since(stamp)
        return None if elapsed is None else elapsed + 60

    monkeypatch.setattr("feedback.forms.seconds_since", a_minute_earlier)

    def make(**overrides):
        data = {
            "category": "air-quality",
            "message": "Smog near my home in Nowa Huta.",
            "place": "Nowa Huta",
            "name": "Olena",
            "email": "olena@example.org",
            "website": "",
            "stamp": form_stamp(),
            "idempotency_key": str(uuid.uuid4()),
        }
        data.update(overrides)
        return data

    return make
