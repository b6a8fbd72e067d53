"""The page cache: anonymous pages come from it, and the next GET after any editor's save shows the change."""

import datetime
import json
import uuid
from unittest import mock

import icalendar
import pytest
from django.core.cache import caches
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext_lazy
from lxml import etree as lxml_etree
from lxml import html as lxml_html

from conference import services as conference_services
from conference.models import ConferenceQuerySet, Session
from conference.templatetags import conference_tags
from conference.tests.factories import ConferenceFactory, SessionFactory, register, schedule_of
from core import cache as core_cache
from core.cache import cached_value
from core.tests.helpers import resubmit_admin_form
from feedback.models import Report
from feedback.tests.factories import CategoryFactory
from pages.tests.factories import NewsEntryFactory, PageFactory

pytestmark = pytest.mark.integration

SCHEDULE = "/en/conference/schedule/"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE = True
    # However slow the machine, a test's next request comes within the interval; tests of the interval set it to 0.
    settings.PAGE_CACHE_CHECK_SECONDS = 60
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def get(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code in (200, 304), url
    return response


def english_session(**fields) -> Session:
    """A session of the upcoming conference, with a Polish and an English title."""
    session = SessionFactory(title="Smog w mieście", **fields)
    session.set_current_language("en")
    session.title = "Living with smog"
    session.abstract = "What the air is like in winter."
    session.save()
    return session


def test_a_repeat_visit_is_served_from_the_cache_without_a_query(client, db, django_assert_num_queries, settings):
    first = schedule_of(3).sessions.order_by("start").first()
    assert get(client, SCHEDULE)["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):  # the generations were read within the interval
        response = get(client, SCHEDULE)
    assert response["X-Page-Cache"] == "hit"
    assert f'id="session-{first.code}"' in response.content.decode()
    settings.PAGE_CACHE_CHECK_SECONDS = 0
    with django_assert_num_queries(1):  # older: the generations of what the page shows, in one read
        assert get(client, SCHEDULE)["X-Page-Cache"] == "hit"


@pytest.mark.parametrize("size", [5, 60])
def test_schedule_queries_stay_flat_from_a_cold_process_to_a_hit(client, db, django_assert_num_queries, size):
    schedule_of(size)
    get(client, SCHEDULE)  # another process has been first: the shared generations exist
    caches["pages"].clear()
    core_cache.forget_generations()
    conference_tags._ROWS.kept.clear()
    # Cold: the generations (one read), the conference (3), venues, tracks, the number of sessions, the sessions
    # bare (1) and, as no row is kept, whole (3), and the footer's contacts.
    with django_assert_num_queries(12):
        assert get(client, SCHEDULE)["X-Page-Cache"] == "miss"
    # Another address of the same generations: the reference data is already in memory; the rows are kept per
    # address (their star links return to it), so the sessions are read bare, then whole.
    with django_assert_num_queries(4):
        assert get(client, SCHEDULE + "?day=")["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        assert get(client, SCHEDULE)["X-Page-Cache"] == "hit"


def test_editing_a_session_in_the_admin_shows_on_the_next_anonymous_get(client, admin_client, db):
    session = english_session()
    old_title = "Living with smog"
    for url in (SCHEDULE, f"/en/conference/sessions/{session.code}/", "/en/conference/schedule.ics"):
        assert old_title in get(client, url).content.decode()
        assert get(client, url)["X-Page-Cache"] == "hit"

    resubmit_admin_form(
        admin_client,
        f"/admin/conference/session/{session.pk}/change/?language=en",
        {"title": "Smog and you", "abstract": "What the air in the city is like, and what helps."},
    )

    for url in (SCHEDULE, f"/en/conference/sessions/{session.code}/", "/en/conference/schedule.ics"):
        content = get(client, url).content.decode()
        assert "Smog and you" in content and old_title not in content, url


def test_editing_a_page_in_the_admin_shows_on_the_next_anonymous_get(client, admin_client, db):
    page = PageFactory(slug="aims", translations={"en": {"title": "Aims"}})  # a section: also on the home page
    for url in ("/en/aims/", "/en/"):
        assert "Aims, updated" not in get(client, url).content.decode()
        assert get(client, url)["X-Page-Cache"] == "hit"

    resubmit_admin_form(admin_client, f"/admin/pages/page/{page.pk}/change/?language=en", {"title": "Aims, updated"})

    for url in ("/en/aims/", "/en/"):
        assert "Aims, updated" in get(client, url).content.decode(), url


def test_publishing_a_schedule_version_refreshes_the_cached_schedule(client, db):
    conference = schedule_of(3)
    conference_services.publish_schedule_version(conference=conference, notes={})  # the first version
    session = conference.sessions.order_by("start").last()
    # A bulk update sends no signal: the cached schedule is stale until the version is published.
    Session.objects.filter(pk=session.pk).update(start=session.start + datetime.timedelta(hours=2))
    assert "session-moved" not in _session_row(get(client, SCHEDULE), session.code)
    assert "session-moved" not in _session_row(get(client, SCHEDULE), session.code)

    conference_services.publish_schedule_version(conference=session.conference, notes={"en": "One session moved"})

    response = get(client, SCHEDULE)
    assert response["X-Page-Cache"] == "miss"
    assert "session-moved" in _session_row(response, session.code)


def _session_row(response, code: str) -> str:
    tree = lxml_html.fromstring(response.content)
    return lxml_html.tostring(tree.get_element_by_id(f"session-{code}")).decode()


def test_each_language_is_cached_on_its_own(client, db):
    schedule_of(3)
    for language, word in (("en", "Schedule"), ("pl", "Program"), ("uk", "Розклад"), ("ru", "Расписание")):
        for _ in range(2):
            response = get(client, f"/{language}/conference/schedule/")
            assert f'<html lang="{language}"' in response.content.decode()
            assert word in response.content.decode()
        assert response["X-Page-Cache"] == "hit"


def test_a_form_page_is_kept_without_a_token_and_each_visitor_gets_their_own(db):
    CategoryFactory()
    first, second = Client(), Client()
    pages = [get(first, "/en/feedback/"), get(second, "/en/feedback/")]
    assert [page["X-Page-Cache"] for page in pages] == ["miss", "hit"]
    tokens = [
        lxml_html.fromstring(page.content).xpath("//input[@name='csrfmiddlewaretoken']/@value")[0] for page in pages
    ]
    secrets = [page.cookies["csrftoken"].value for page in pages]
    assert tokens[0] != tokens[1] and secrets[0] != secrets[1]
    # Neither the proxies nor the browser keep a page with the visitor's token.
    assert all("private" in page["Cache-Control"] and "ETag" not in page for page in pages)
    # A visitor who has a token keeps its secret (Django sends the cookie again, to renew it).
    again = get(second, "/en/feedback/")
    assert again["X-Page-Cache"] == "hit" and again.cookies["csrftoken"].value == secrets[1]
    assert (again["Vary"], int(again["Content-Length"])) == (pages[1]["Vary"], len(again.content))


def test_cached_pages_carry_no_token_and_set_no_cookie(client, db):
    schedule_of(3)
    get(client, SCHEDULE)
    hit = get(client, SCHEDULE)
    assert hit["X-Page-Cache"] == "hit"
    assert not hit.cookies
    assert "csrfmiddlewaretoken" not in hit.content.decode()


def test_a_visitor_with_an_agenda_gets_their_own_schedule(client, db):
    starred, other_session = schedule_of(2).sessions.order_by("start")
    get(client, SCHEDULE)
    assert get(client, SCHEDULE)["X-Page-Cache"] == "hit"
    confirm = client.get("/en/conference/agenda/star/", {"session": starred.code, "next": SCHEDULE})
    assert confirm.status_code == 200 and "csrfmiddlewaretoken" in confirm.content.decode()
    client.post("/en/conference/agenda/star/", {"session": starred.code, "next": SCHEDULE})

    personal = get(client, SCHEDULE)
    assert "X-Page-Cache" not in personal
    assert "In my agenda" in _session_row(personal, starred.code)
    assert "In my agenda" not in _session_row(personal, other_session.code)
    # It carries the agenda's secret address: neither a proxy nor the browser's cache may keep it.
    assert {"private", "no-store"} <= {part.strip() for part in personal["Cache-Control"].split(",")}
    # Somebody else, without an agenda, still gets the shared page, with nothing starred.
    other = get(Client(), SCHEDULE)
    assert other["X-Page-Cache"] == "hit"
    assert "private" not in other.get("Cache-Control", "")
    assert "In my agenda" not in other.content.decode()


def test_an_editor_with_a_session_sees_drafts_and_never_fills_the_cache(client, admin_client, db):
    aims = PageFactory(slug="aims", translations={"en": {"title": "Aims"}})
    page = PageFactory(slug="liaison-officer", parent=aims, translations={"en": {"title": "A liaison officer"}})
    get(client, "/en/aims/liaison-officer/")
    page.title = "Draft only"
    page.status = "draft"
    page.save()
    assert "Draft only" in get(admin_client, "/en/aims/liaison-officer/").content.decode()
    assert "X-Page-Cache" not in get(admin_client, "/en/aims/liaison-officer/")
    assert client.get("/en/aims/liaison-officer/").status_code == 404


EXPORTS_AND_FEEDS = [
    "/en/conference/schedule.ics",
    "/en/conference/schedule.xml",
    "/en/news/feed/",
    "/en/conference/changes/feed/",
]


@pytest.mark.parametrize("url", EXPORTS_AND_FEEDS)
@pytest.mark.parametrize("cached", [True, False])
def test_exports_and_feeds_answer_a_repeat_request_with_304(client, db, settings, url, cached):
    NewsEntryFactory(translations={"en": {"title": "News"}})
    conference_services.publish_schedule_version(conference=schedule_of(3), notes={"en": "The first schedule"})
    settings.PAGE_CACHE = cached
    first = get(client, url)
    assert first.has_header("ETag")
    repeat = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert repeat.status_code == 304 and not repeat.content
    if first.has_header("Last-Modified"):
        since = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
        assert since.status_code == 304


def test_a_new_booking_updates_the_places_left(client, db):
    session = SessionFactory(registration_required=True, capacity=5)  # of an upcoming conference: open
    url = f"/en/conference/sessions/{session.code}/"
    places = 5
    assert f"{places} places left" in get(client, url).content.decode()
    assert get(client, url)["X-Page-Cache"] == "hit"

    register(session)

    assert f"{places - 1} places left" in get(client, url).content.decode()


def test_a_booking_drops_no_page_and_every_page_shows_the_places_left(client, db):
    session = SessionFactory(registration_required=True, capacity=5, titles={"en": "Residence card workshop"})
    others = ["/en/", SCHEDULE, "/en/conference/schedule.ics", "/en/conference/schedule.xml", "/en/aims/"]
    PageFactory(slug="aims", translations={"en": {"title": "Aims"}})
    session_url = f"/en/conference/sessions/{session.code}/"
    counted = {session_url: "Required; 5 places left.", "/en/conference/": "5 places left"}
    for url in [*others, *counted]:
        get(client, url)
    assert all(text in get(client, url).content.decode() for url, text in counted.items())
    register(session)
    every = [*others, *counted]
    assert {url: get(client, url)["X-Page-Cache"] for url in every} == dict.fromkeys(every, "hit")
    # The pages that count places are kept, and the count in them is the new one.
    for url, text in counted.items():
        page = get(client, url)
        assert text.replace("5", "4") in page.content.decode()
        assert int(page["Content-Length"]) == len(page.content)


def test_places_left_are_filled_in_each_pages_language_whoever_came_first(client, db):
    session = SessionFactory(registration_required=True, capacity=5, titles={"en": "Workshop", "uk": "Майстерня"})
    url = f"/{{}}/conference/sessions/{session.code}/"
    assert "Required; 5 places left." in get(client, url.format("en")).content.decode()
    for _ in range(3):
        register(session)
    # Two places: Ukrainian's "few" form, not the English text kept from the first answer.
    for _ in range(2):  # rendered, then kept
        assert "Потрібна; 2 вільні місця." in get(client, url.format("uk")).content.decode()
    assert "Required; 2 places left." in get(client, url.format("en")).content.decode()


def test_a_kept_page_with_places_is_not_taken_for_current_once_they_change(client, db):
    """The ETag is the filled page's: a browser revalidating its copy gets the new count, not 304."""
    session = SessionFactory(registration_required=True, capacity=5)
    url = f"/en/conference/sessions/{session.code}/"
    get(client, url)
    first = get(client, url)
    assert get(client, url, if_none_match=first["ETag"]).status_code == 304
    register(session)
    again = get(client, url, if_none_match=first["ETag"])
    assert (again.status_code, again["X-Page-Cache"]) == (200, "hit")
    assert "Required; 4 places left." in again.content.decode()
    assert again["ETag"] != first["ETag"]


def test_an_edit_on_another_instance_shows_here_within_the_check_interval(client, db, settings):
    session = english_session()
    get(client, SCHEDULE)
    # Another instance saves a session: it replaces the generation in the shared cache, not in this process.
    caches["default"].set(f"{core_cache.GENERATION_PREFIX}conference.Session", uuid.uuid4().hex, timeout=None)
    Session.objects.filter(pk=session.pk).update(end=session.end)  # (no signal here)
    assert get(client, SCHEDULE)["X-Page-Cache"] == "hit"  # this process read the generations under a second ago
    settings.PAGE_CACHE_CHECK_SECONDS = 0  # the second has passed
    assert get(client, SCHEDULE)["X-Page-Cache"] == "miss"


@pytest.mark.parametrize("junk", ["utm_source=newsletter", "fbclid=IwAR0x", "x=1&y=2", "utm_source=a&day=&agenda="])
def test_parameters_a_page_does_not_read_neither_change_it_nor_add_entries(client, db, junk):
    english_session()
    plain = get(client, SCHEDULE)
    entries = len(caches["pages"]._cache)
    with_junk = get(client, f"{SCHEDULE}?{junk}")
    if "day=" in junk:  # a filter the schedule reads: its own page, without the rest
        assert with_junk["X-Page-Cache"] == "miss"
        assert get(client, f"{SCHEDULE}?agenda=&day=")["X-Page-Cache"] == "hit"
        assert "utm_source" not in with_junk.content.decode()
        return
    assert with_junk["X-Page-Cache"] == "hit"
    assert len(caches["pages"]._cache) == entries
    assert with_junk.content == plain.content
    # Nor is a page rendered for them: the language switcher never echoes them.
    caches["pages"].clear()
    assert junk.split("&")[0] not in get(client, f"{SCHEDULE}?{junk}").content.decode()


def test_the_blank_registration_form_is_rendered_once_and_follows_the_places_left(db, django_assert_num_queries):
    session = SessionFactory(registration_required=True, capacity=5, titles={"en": "Residence card workshop"})

    def key(response):
        return lxml_html.fromstring(response.content).xpath("//input[@name='idempotency_key']/@value")[0]

    first = get(Client(), "/en/conference/register/")
    assert "5 places left" in first.content.decode()
    with django_assert_num_queries(0):  # the conference and the form, as rendered for the first visitor
        second = get(Client(), "/en/conference/register/")
    assert key(first) != key(second) and uuid.UUID(key(second))
    assert second.cookies["csrftoken"].value and second["X-Page-Cache"] == "hit"
    register(session, idempotency_key=uuid.UUID(key(second)))
    assert "4 places left" in get(Client(), "/en/conference/register/").content.decode()
    assert '<html lang="uk"' in get(Client(), "/uk/conference/register/").content.decode()


def test_the_blank_feedback_form_is_rendered_once_but_each_visitor_gets_their_own_values(db, django_assert_num_queries):
    CategoryFactory(air_quality=True)

    def hidden(response, name):
        return lxml_html.fromstring(response.content).xpath(f"//input[@name='{name}']/@value")[0]

    first_client, second_client = Client(), Client()
    first = get(first_client, "/en/feedback/")
    with django_assert_num_queries(0):  # generations read under a second ago: no categories, no rendering
        second = get(second_client, "/en/feedback/")
    assert second["X-Page-Cache"] == "hit"  # kept with placeholders, filled in for this visitor
    for name in ("csrfmiddlewaretoken", "idempotency_key", "stamp"):
        assert hidden(first, name) != hidden(second, name), name
    assert second.cookies["csrftoken"].value
    assert 'name="message"' in second.content.decode() and '<html lang="en"' in second.content.decode()

    # The filled-in form goes through, CSRF checks and all, and the report is stored.
    get(Client(), "/uk/feedback/")
    strict = Client(enforce_csrf_checks=True)
    form = get(strict, "/uk/feedback/")
    assert form["X-Page-Cache"] == "hit"
    assert '<html lang="uk"' in form.content.decode()
    data = {name: hidden(form, name) for name in ("csrfmiddlewaretoken", "idempotency_key", "stamp")}
    data |= {"category": "air-quality", "message": "The air near the school is bad every morning.", "website": ""}
    response = strict.post("/uk/feedback/", data)
    assert response.status_code == 302, response.content.decode()
    assert Report.objects.get(idempotency_key=data["idempotency_key"]).language == "uk"


LANGUAGES = ("pl", "en", "uk", "ru")


CONFERENCE_NAMES = {
    "pl": "Konferencja „Otwarty Kraków”",
    "en": "The Open Kraków conference",
    "uk": "Конференція «Відкритий Краків»",
    "ru": "Конференция «Открытый Краков»",
}


@pytest.fixture
def named_conference(db):
    """The upcoming conference, named differently in each language, with a session on its schedule."""
    conference = ConferenceFactory()
    for code, name in CONFERENCE_NAMES.items():
        conference.set_current_language(code)
        conference.name = name
        conference.save()
    SessionFactory(conference=conference)
    return conference


def conference_name_shown(client, language: str, what: str) -> str:
    """The conference's name as a reader (or their calendar or schedule app) sees it in one of its places."""
    response = get(client, f"/{language}/conference/{what}")
    if what == "":
        return lxml_html.fromstring(response.content).findtext(".//h1").strip()
    if what == "register/":
        return lxml_html.fromstring(response.content).findtext(".//title").strip()
    if what == "schedule.ics":
        return str(icalendar.Calendar.from_ical(response.content)["X-WR-CALNAME"])
    if what == "schedule.xml":
        return lxml_etree.fromstring(response.content).findtext("conference/title")
    return json.loads(response.content)["schedule"]["conference"]["title"]


@pytest.mark.parametrize("first", LANGUAGES)
@pytest.mark.parametrize("what", ["", "register/", "schedule.ics", "schedule.xml", "schedule.json"])
def test_the_conference_is_named_in_each_readers_language_whoever_came_first(client, named_conference, first, what):
    """The first reader after a change fills the memory; every later reader still gets their own language."""
    for language in (first, *[code for code in LANGUAGES if code != first], first):
        assert CONFERENCE_NAMES[language] in conference_name_shown(client, language, what), (first, language)


def test_a_remembered_value_is_kept_per_language(rf, db):
    """cached_value() keeps anything, so it keeps it per language: a translated value never crosses languages."""
    request = rf.get("/")
    for language in LANGUAGES:
        with translation.override(language):
            greeting = cached_value(request, "greeting", lambda: str(gettext_lazy("Schedule")), shows=["pages.Page"])
            assert greeting == gettext_lazy("Schedule")


def test_a_post_to_the_registration_form_reads_the_conference_kept_for_everybody(client, db):
    """A booking's post costs no reload of the conference: anonymous posts see what everybody sees."""
    session = SessionFactory(registration_required=True, capacity=5)
    form = lxml_html.fromstring(get(client, "/en/conference/register/").content)
    data = {
        name: form.xpath(f"//input[@name='{name}']/@value")[0] for name in ("csrfmiddlewaretoken", "idempotency_key")
    }
    data |= {"name": "Olena", "email": "olena@example.org", "language": "uk", "sessions": session.pk}
    with mock.patch.object(ConferenceQuerySet, "upcoming_or_latest", side_effect=AssertionError("loaded again")):
        response = client.post("/en/conference/register/", data)
    assert response.status_code == 302
    assert session.bookings.get().registration.email == "olena@example.org"


@pytest.mark.parametrize("url", [SCHEDULE, "/en/conference/schedule.ics"])
def test_a_browser_revalidating_its_copy_leaves_the_page_kept_where_it_was_missing(client, db, url):
    """Another process, a restart or an edit: the browser's If-None-Match gets its 304, and the page is kept there
    too, rather than rendered for every revalidation and never kept."""
    english_session()
    copy = get(client, url)
    caches["pages"].clear()
    revalidated = get(client, url, if_none_match=copy["ETag"])
    assert (revalidated.status_code, revalidated["ETag"]) == (304, copy["ETag"])
    again = get(client, url)
    assert (again.status_code, again["X-Page-Cache"]) == (200, "hit")
    assert again.content == copy.content
