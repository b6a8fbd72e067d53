"""Attacks on the kept form pages (registration, feedback), kept with placeholders and filled in for each visitor at
the top of the stack; and on the memo of kept pages with their holes filled (core.cache._pages_filled)."""

import datetime
import time

import pytest
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.utils import timezone
from lxml import html as lxml_html

from conference import agenda
from conference.models import Conference, Registration
from conference.tests.factories import SessionFactory
from core import cache as core_cache
from feedback.models import Report
from feedback.tests.factories import CategoryFactory
from tests.test_cache import page_cache  # noqa: F401 (the page-cache fixture, for every test here)

pytestmark = pytest.mark.integration

REGISTER = "/en/conference/register/"
FEEDBACK = "/en/feedback/"
SECURITY_HEADERS = (
    "Content-Security-Policy",
    "X-Frame-Options",
    "Referrer-Policy",
    "Permissions-Policy",
    "X-Content-Type-Options",
    "Content-Language",
    "Vary",
    "Cache-Control",
)


@pytest.fixture
def workshop(db):
    CategoryFactory(air_quality=True)
    return SessionFactory(registration_required=True, capacity=5, titles={"en": "Residence card workshop"})


def hidden(response, name):
    return lxml_html.fromstring(response.content).xpath(f"//input[@name='{name}']/@value")[0]


def assert_no_marks(response):
    content = response.content.decode()
    assert core_cache._PLACEHOLDER_PREFIX not in content
    assert core_cache._HOLE_PREFIX not in content


def posted(url, form):
    data = {name: hidden(form, name) for name in ("csrfmiddlewaretoken", "idempotency_key")}
    if url == FEEDBACK:
        return data | {"stamp": hidden(form, "stamp"), "category": "air-quality", "message": "Bad air.", "website": ""}
    return data | {"name": "Oksana Kovalenko", "email": "oksana@example.org", "language": "uk"}


@pytest.mark.parametrize("url", [REGISTER, FEEDBACK])
@pytest.mark.parametrize("cookie", [None, "short", "a" * 31, "A" * 64, "!" * 32])
@pytest.mark.parametrize("warm", [False, True], ids=["miss", "hit"])
def test_the_filled_in_token_goes_through_strict_csrf_checks_and_a_post_without_it_is_refused(
    workshop, url, cookie, warm
):
    if warm:
        Client().get(url)
    strict = Client(enforce_csrf_checks=True)
    if cookie:
        strict.cookies["csrftoken"] = cookie
    form = strict.get(url)
    assert form.status_code == 200
    assert_no_marks(form)
    assert _unmask_cipher_token(hidden(form, "csrfmiddlewaretoken")) == form.cookies["csrftoken"].value
    assert "private" in form["Cache-Control"] and "ETag" not in form and "Cookie" in form["Vary"]
    assert int(form["Content-Length"]) == len(form.content)
    data = posted(url, form)
    assert Client(enforce_csrf_checks=True).post(url, {**data, "csrfmiddlewaretoken": ""}).status_code == 403
    assert strict.post(url, data).status_code == 302


@pytest.mark.parametrize("url", [REGISTER, FEEDBACK])
def test_hit_and_miss_carry_the_same_security_headers(workshop, url):
    miss, hit = Client().get(url), Client().get(url)
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    for header in SECURITY_HEADERS:
        assert miss.get(header) and miss.get(header) == hit.get(header), header
    assert {name for name, _ in miss.items()} == {name for name, _ in hit.items()}


@pytest.mark.parametrize("url", [REGISTER, FEEDBACK])
@pytest.mark.parametrize("who", ["editor", "messages", "session", "agenda"])
def test_a_visitor_with_pages_of_their_own_gets_a_form_built_for_them_that_goes_through(
    workshop, url, who, django_user_model
):
    Client().get(url)
    strict = Client(enforce_csrf_checks=True)
    if who == "editor":
        strict.force_login(django_user_model.objects.create_user("ed", password="x", is_staff=True))
    else:
        strict.cookies[{"messages": "messages", "session": "sessionid", "agenda": "agenda"}[who]] = "garbage"
    form = strict.get(url)
    assert_no_marks(form)
    assert "X-Page-Cache" not in form and "private" in form["Cache-Control"]
    assert strict.post(url, posted(url, form)).status_code == 302


def test_each_language_and_visitor_gets_their_own_values(workshop):
    seen = set()
    for language in ("pl", "en", "uk", "ru"):
        for _ in range(2):
            page = Client().get(f"/{language}/conference/register/")
            assert_no_marks(page)
            assert f'<html lang="{language}"' in page.content.decode() and page["Content-Language"] == language
            values = (hidden(page, "csrfmiddlewaretoken"), hidden(page, "idempotency_key"))
            assert not seen & set(values)
            seen |= set(values)


def test_the_same_form_sent_twice_is_one_registration(workshop):
    Client().get(REGISTER)
    strict = Client(enforce_csrf_checks=True)
    data = posted(REGISTER, strict.get(REGISTER))
    first, second = strict.post(REGISTER, data), strict.post(REGISTER, data)
    assert first.status_code == second.status_code == 302 and first["Location"] == second["Location"]
    assert Registration.objects.count() == 1


def test_the_page_says_registration_opened_within_a_minute(workshop, monkeypatch):
    opens = timezone.now() + datetime.timedelta(seconds=30)
    Conference.objects.filter(pk=workshop.conference_id).update(registration_opens=opens)  # no signal: the clock
    core_cache.forget_generations()
    assert 'class="registration-form"' not in Client().get(REGISTER).content.decode()
    assert Client().get(REGISTER)["X-Page-Cache"] == "hit"
    real_time, real_now = time.time, timezone.now
    monkeypatch.setattr(time, "time", lambda: real_time() + 61)
    monkeypatch.setattr(timezone, "now", lambda: real_now() + datetime.timedelta(seconds=61))
    assert 'class="registration-form"' in Client().get(REGISTER).content.decode()


def test_a_form_from_the_cache_sent_at_once_is_still_held_as_too_fast(workshop):
    Client().get(FEEDBACK)
    strict = Client(enforce_csrf_checks=True)
    form = strict.get(FEEDBACK)
    assert form["X-Page-Cache"] == "hit"
    assert strict.post(FEEDBACK, posted(FEEDBACK, form)).status_code == 302
    report = Report.objects.get()
    assert report.flag_reason == "sent within seconds of opening the form"


def test_pages_built_for_one_visitor_are_not_memoised_with_their_holes_filled(db):
    """A session page opened from a shared agenda link (?agenda=) carries the visitor's CSRF token in its star form,
    so it is not kept; before the fix each such answer was memoised in _pages_filled (page and filled copy, under a
    key nobody else would ever ask for), growing it by a page per request and clearing the memo of the kept pages
    every 500 requests. Failed before the fix in core.cache._holes_filled (20 entries), passes after."""
    session = SessionFactory(registration_required=True, capacity=5)
    url = f"/uk/conference/sessions/{session.code}/?agenda={agenda.make_token([session.code])}"
    core_cache._pages_filled.kept.clear()
    for _ in range(20):
        page = Client().get(url)
        assert page.status_code == 200 and "X-Page-Cache" not in page and "csrfmiddlewaretoken" in page.content.decode()
        assert_no_marks(page)
    assert len(core_cache._pages_filled.kept) == 0
    # Kept pages are still memoised once, and filled as before.
    Client().get(f"/uk/conference/sessions/{session.code}/")
    kept = Client().get(f"/uk/conference/sessions/{session.code}/")
    assert kept["X-Page-Cache"] == "hit" and len(core_cache._pages_filled.kept) == 1
    assert_no_marks(kept)
