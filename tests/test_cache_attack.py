"""The page cache under attack: edits it could miss, parameters it could echo or lose, and visitors it could mix up.

The moved session's JSON-LD, the registration's days, the too-long query and the oracle over content the demo
leaves out failed before their fixes; the others guard what held."""

import datetime
import json
import re

import pytest
from django.test import Client
from lxml import html as lxml_html

from conference import services as conference_services
from conference.tests.factories import (
    BookingFactory,
    ConferenceFactory,
    SessionFactory,
    SpeakerFactory,
    TrackFactory,
    publish_changes,
    register,
)
from feedback.tests.factories import CategoryFactory
from pages.tests.factories import ContactRoleFactory, DocumentFactory, NewsEntryFactory, PageFactory
from tests import test_cache_dependencies as dependencies
from tests.test_cache import get, page_cache  # noqa: F401 (the page cache on, for every test here)

pytestmark = pytest.mark.integration

SCHEDULE = "/en/conference/schedule/"


def json_ld(response) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode())[1])


def previous_start(response) -> datetime.datetime:
    return datetime.datetime.fromisoformat(json_ld(response)["previousStartDate"])


def move(session, hours=1):
    session.refresh_from_db()  # as an editor's form loads it: marked moved once published
    session.start += datetime.timedelta(hours=hours)
    session.end += datetime.timedelta(hours=hours)
    session.save()


def test_a_moved_sessions_page_follows_each_published_move(client, db):
    """Its JSON-LD names the start before its latest move, read from the schedule changes: a version that logs a
    second move of a session already marked moved saves no session, so the page must show the changes' model."""
    session = SessionFactory(titles={"en": "Painted eggs"})
    conference = session.conference
    url = f"/en/conference/sessions/{session.code}/"
    first_start = session.start
    conference_services.publish_schedule_version(conference=conference, notes={})
    move(session)
    conference_services.publish_schedule_version(conference=conference, notes={})  # moved: 09:00 → 10:00
    assert previous_start(get(client, url)) == first_start
    second_start = session.start
    move(session)
    get(client, url)  # kept after the edit, before it is published
    conference_services.publish_schedule_version(conference=conference, notes={})  # moved again: 10:00 → 11:00
    assert previous_start(get(client, url)) == second_start


@pytest.fixture
def varied(db):
    """Content the demo leaves out: a session moved twice, one with places and bookings, a past edition with its
    changes, a page two levels down, a second page of news."""
    current, past = ConferenceFactory(), ConferenceFactory(past=True)
    speaker = SpeakerFactory(translations={"en": {"role": "Translator"}})
    track = TrackFactory()
    limited = SessionFactory(
        conference=current, registration_required=True, capacity=3, titles={"en": "Workshop"}, interpretation=["en"]
    )
    BookingFactory(session=limited, interpretation="en")
    moved = SessionFactory(conference=current, titles={"en": "Moved"}, speakers=[speaker], track=track)
    publish_changes(current, moved=moved, cancelled=limited)
    gone = SessionFactory(conference=past, speakers=[speaker])
    publish_changes(past, moved=gone)
    aims = PageFactory(slug="aims", translations={"en": {"title": "Aims"}})
    child = PageFactory(slug="housing", parent=aims, translations={"en": {"title": "Housing"}})
    PageFactory(slug="deposits", parent=child, translations={"en": {"title": "Deposits"}})
    PageFactory(slug="home", translations={"en": {"title": "Welcome"}})
    for n in range(25):
        NewsEntryFactory(translations={"en": {"title": f"News {n}"}})
    DocumentFactory(translations={"en": {"title": "Resolution"}})
    ContactRoleFactory()
    CategoryFactory(air_quality=True)
    day = current.days.first().date.isoformat()
    edition = f"/en/conference/editions/{past.slug}/"
    return [
        *(f"/en/conference/sessions/{s.code}/" for s in (limited, moved, gone)),
        *(f"/en/conference/sessions/{s.code}.ics" for s in (limited, moved, gone)),
        f"/en/conference/speakers/{speaker.slug}/",
        f"/en/conference/venues/{moved.room.venue.slug}/",
        f"{SCHEDULE}?day={day}&lang=en&venue={moved.room.venue.slug}&track={track.slug}",
        SCHEDULE,
        "/en/conference/",
        "/en/conference/changes/",
        "/en/conference/changes/feed/",
        "/en/conference/schedule.ics",
        "/en/conference/schedule.xml?lang=uk",
        "/en/conference/schedule.json",
        "/en/conference/archive/",
        edition,
        f"{edition}schedule/",
        f"{edition}changes/",
        f"{edition}schedule.xml",
        "/en/",
        "/en/aims/",
        "/en/aims/housing/",
        "/en/aims/housing/deposits/",
        "/en/news/?page=2",
        "/en/news/feed/",
        "/en/documents/",
        "/en/contacts/",
        "/en/conference/register/",
        "/en/feedback/",
    ]


def test_each_page_declares_what_it_reads_of_content_the_demo_leaves_out(client, varied):
    tables = dependencies.models_by_table()
    undeclared = {}
    for url in varied:
        _response, read = dependencies.cold_get(client, url)
        if missing := {tables[table] for table in read} - dependencies.declared(url):
            undeclared[url] = sorted(missing)
    assert undeclared == {}


def test_a_registration_for_some_days_leaves_the_schedule_home_and_exports_cached(client, db):
    """Choosing days changes the registration's many-to-many relation, not the days: no page shows who comes on
    which day, so it must not drop every page that shows the conference's days, as a booking drops none of them."""
    session = SessionFactory(registration_required=True, capacity=5)
    PageFactory(slug="home", translations={"en": {"title": "Welcome"}})
    urls = ["/en/", SCHEDULE, "/en/conference/schedule.ics", "/en/conference/archive/"]
    for url in urls:
        get(client, url)
    register(
        conference=session.conference,
        days=list(session.conference.days.all()[:2]),
        volunteer=conference_services.VolunteerOffer(roles=("helper",), days=tuple(session.conference.days.all())),
    )
    assert {url: get(client, url)["X-Page-Cache"] for url in urls} == dict.fromkeys(urls, "hit")


def test_a_speaker_added_or_removed_from_either_side_shows_on_every_page_of_the_relation(client, db):
    session = SessionFactory(titles={"en": "Painted eggs"})
    speaker = SpeakerFactory(name="Anna Nowak")
    urls = [SCHEDULE, f"/en/conference/sessions/{session.code}/", f"/en/conference/speakers/{speaker.slug}/"]
    for url in urls:
        get(client, url)
    session.speakers.add(speaker)
    assert all("Painted eggs" in get(client, url).content.decode() for url in urls[-1:])
    assert all("Anna Nowak" in get(client, url).content.decode() for url in urls[:-1])
    speaker.sessions.remove(session)  # from the other side
    assert "Painted eggs" not in get(client, urls[-1]).content.decode()
    assert all("Anna Nowak" not in get(client, url).content.decode() for url in urls[:-1])


def hidden(response, name):
    return lxml_html.fromstring(response.content).xpath(f"//input[@name='{name}']/@value")[0]


def places_left(language="en"):
    """The places left the blank form shows for the only session, as a new visitor gets it."""
    form = lxml_html.fromstring(get(Client(), f"/{language}/conference/register/").content)
    return re.search(r"\((\d+) ", form.xpath("//div[contains(@class, 'session-choice')]/label")[0].text_content())[1]


def test_the_blank_registration_form_posts_for_each_visitor_and_counts_bookings_and_cancellations(db):
    workshop = SessionFactory(registration_required=True, capacity=5, titles={"en": "Residence card workshop"})
    day = workshop.conference.days.first()
    assert places_left() == "5"
    manage_urls = []
    for name in ("Olena", "Ivan"):
        visitor = Client(enforce_csrf_checks=True)
        form = get(visitor, "/en/conference/register/")
        data = {name: hidden(form, name) for name in ("csrfmiddlewaretoken", "idempotency_key")}
        data |= {"name": name, "email": f"{name.lower()}@example.org", "language": "en"}
        data |= {"days": [day.pk], "sessions": [workshop.pk]}
        response = visitor.post("/en/conference/register/", data)
        assert response.status_code == 302, response.content.decode()[:2000]
        manage_urls.append((visitor, response["Location"].split("?")[0]))
    assert workshop.bookings.count() == 2
    assert places_left() == "3" and places_left("uk") == "3"
    visitor, manage = manage_urls[0]
    page = get(visitor, manage)
    visitor.post(manage, {"csrfmiddlewaretoken": hidden(page, "csrfmiddlewaretoken"), "action": "cancel_all"})
    assert places_left() == "4"


@pytest.mark.parametrize("url", ["/en/news/", SCHEDULE, "/en/conference/schedule.ics"])
def test_a_query_too_long_to_read_gets_the_same_400_page_as_without_the_cache(client, db, settings, url):
    """Read first by the page cache, above the middleware that give every response its security headers: its
    error must still be answered from below them."""
    junk = "&".join(f"x{n}=1" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    response = client.get(f"{url}?{junk}")
    assert response.status_code == 400
    assert response.has_header("Content-Security-Policy") and response.has_header("X-Content-Type-Options")
