"""Open311 GeoReport v2 as independent client libraries see it, over real HTTP against the live server.

georeport (0.3.1) reads services, definitions and requests in JSON and XML; it has no way to post. civicbot
(0.4.0) posts requests as the spec's form and reads JSON. Neither knows anything of this site: what they parse
is what any city system would.
"""

import datetime
import json
import uuid

import pytest
import requests
from civicbot import Endpoint, HttpError, HttpTransport, Open311Client
from civicbot.http import RateLimiter
from django.utils import timezone
from georeport import GeoReport

from feedback.models import Category, Report
from feedback.services import submit_report, update_report
from feedback.tests.factories import ApiKeyFactory, CategoryFactory

pytestmark = pytest.mark.integration

API_KEY = "city-system-key"
JURISDICTION = "krakow.example.org"


@pytest.fixture
def site(transactional_db, live_server, settings):
    settings.OPEN311_JURISDICTION = JURISDICTION
    ApiKeyFactory(key=API_KEY)
    CategoryFactory(code="roads", name_en="Roads", name_pl="Drogi", name_uk="Дороги", name_ru="Дороги")
    CategoryFactory(code="parks", name_en="Parks", name_pl="Parki", name_uk="Парки", name_ru="Парки")
    return f"{live_server.url}/open311/v2"


def georeport(site, fmt="json", jurisdiction=JURISDICTION) -> GeoReport:
    return GeoReport(site, jurisdiction=jurisdiction, output_format=fmt)


def civicbot(site, jurisdiction=JURISDICTION) -> Open311Client:
    endpoint = Endpoint(id="openkrakow", name="Open Kraków", base_url=site, write=True)
    transport = HttpTransport(rate_limiter=RateLimiter(min_interval=0))  # its politeness pause is for real cities
    return Open311Client(endpoint, transport=transport, jurisdiction_id=jurisdiction)


def report(code: str, *, days_ago: float = 1, state: str = Report.State.RECEIVED, **fields) -> Report:
    created = submit_report(
        idempotency_key=uuid.uuid4(), category=Category.objects.get(code=code), message="x", language="pl", **fields
    )
    Report.objects.filter(pk=created.pk).update(created_at=timezone.now() - datetime.timedelta(days=days_ago))
    if state != Report.State.RECEIVED:
        update_report(report=created, state=state)
    return created


def w3c(days_ago: int) -> str:
    return (timezone.now() - datetime.timedelta(days=days_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")


def as_list(entries) -> list[dict]:
    """xmltodict gives one <request> as a dict, several as a list, none as None."""
    return [] if entries is None else entries if isinstance(entries, list) else [entries]


def refs(entries) -> set[str]:
    return {entry["service_request_id"] for entry in as_list(entries)}


# --- Services ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_georeport_reads_the_services_and_a_definition(site, fmt):
    services = georeport(site, fmt).get_service_list()
    assert {s["service_code"] for s in services} == {"roads", "parks"}
    roads = next(s for s in services if s["service_code"] == "roads")
    assert roads["service_name"] == "Roads" and roads["type"] == "realtime"
    assert roads["metadata"] in (False, "false")
    definition = georeport(site, fmt).get_service_definition("roads")
    assert definition["service_code"] == "roads"
    assert definition["attributes"] in ([], None)  # an empty <attributes/> is None to xmltodict


def test_civicbot_reads_the_services(site):
    assert {s["service_code"] for s in civicbot(site).list_services()} == {"roads", "parks"}
    assert civicbot(site).get_service_definition("parks") == {"service_code": "parks", "attributes": []}


# --- Posting, then reading back ---------------------------------------------------------------------------------


def test_civicbot_posts_a_request_that_georeport_reads_back(site):
    sent = civicbot(site).create_request(
        "roads",
        dry_run=False,
        confirm="SEND",
        api_key=API_KEY,
        lat=50.0619474,
        lng=19.9368564,
        description="A deep pothole on Grodzka.",
        email="olena@example.org",
        first_name="Olena",
        last_name="Kovalenko",
    )
    [created] = sent.response
    reference = created["service_request_id"]
    stored = Report.objects.get(reference=reference)
    assert (stored.latitude, stored.longitude, stored.source, stored.name) == (
        50.061947, 19.936856, Report.Source.OPEN311, "Olena Kovalenko"
    )  # fmt: skip

    for fmt in ("json", "xml"):
        shown = georeport(site, fmt).get_service_request(reference)
        assert shown["service_request_id"] == reference
        assert shown["status"] == "open" and shown["service_code"] == "roads"
        assert float(shown["lat"]) == 50.061947 and float(shown["long"]) == 19.936856
        assert "Grodzka" not in json.dumps(shown) and "Olena" not in json.dumps(shown)
    assert civicbot(site).get_request(reference)["service_request_id"] == reference


def test_civicbot_posts_with_an_address_alone(site):
    sent = civicbot(site).create_request(
        "parks", dry_run=False, confirm="SEND", api_key=API_KEY, address_string="Planty, near Wawel", description="x"
    )
    stored = Report.objects.get(reference=sent.response[0]["service_request_id"])
    assert (stored.place, stored.latitude, stored.longitude) == ("Planty, near Wawel", None, None)


# --- The list and its filters -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_georeport_lists_requests_with_each_filter(site, fmt):
    road_open = report("roads", days_ago=5).reference
    road_closed = report("roads", days_ago=20, state="closed").reference
    park_open = report("parks", days_ago=40, state="in_progress").reference
    old_park = report("parks", days_ago=120).reference
    client = georeport(site, fmt)
    assert refs(client.get_service_requests()) == {road_open, road_closed, park_open}
    assert refs(client.get_service_requests(service_code="roads")) == {road_open, road_closed}
    assert refs(client.get_service_requests(service_code="roads,parks")) == {road_open, road_closed, park_open}
    assert refs(client.get_service_requests(status="open")) == {road_open, park_open}
    assert refs(client.get_service_requests(status="closed")) == {road_closed}
    assert refs(client.get_service_requests(status="open,closed")) == {road_open, road_closed, park_open}
    assert refs(client.get_service_requests(start_date=w3c(30), end_date=w3c(10))) == {road_closed}
    assert refs(client.get_service_requests(start_date=w3c(150))) == {old_park}
    chosen = f"{road_open},{old_park}"
    assert refs(client.get_service_requests(service_request_id=chosen, service_code="nothing")) == {road_open, old_park}


def test_civicbot_lists_requests_by_id(site):
    first, second = report("roads").reference, report("parks").reference
    report("parks", state="closed")
    assert refs(civicbot(site).list_requests(service_request_ids=[first, second])) == {first, second}
    assert refs(civicbot(site).list_requests(service_code="parks", status="open")) == {second}


# --- Errors as the clients meet them ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_georeport_meets_a_404_for_an_unknown_request(site, fmt):
    with pytest.raises(requests.HTTPError) as raised:
        georeport(site, fmt).get_service_request("FB-2020-99999")
    response = raised.value.response
    assert response.status_code == 404
    assert response.url.startswith(f"{site}/requests/FB-2020-99999.{fmt}")  # never redirected to /en/
    if fmt == "json":
        assert response.json()[0]["code"] == 404


def test_georeport_meets_a_404_for_another_jurisdiction(site):
    with pytest.raises(requests.HTTPError) as raised:
        georeport(site, jurisdiction="sfgov.org").get_service_list()
    assert raised.value.response.status_code == 404
    assert "jurisdiction_id" in raised.value.response.json()[0]["description"]


def test_georeport_meets_a_400_for_a_bad_date(site):
    with pytest.raises(requests.HTTPError) as raised:
        georeport(site).get_service_requests(start_date="last tuesday")
    assert raised.value.response.status_code == 400
    assert raised.value.response.json() == [
        {"code": 400, "description": "start_date must be a W3C date or datetime with a time zone, e.g. "
                                     "2010-01-01T00:00:00Z"}
    ]  # fmt: skip


@pytest.mark.parametrize(
    "fields,status,fragment",
    [
        ({"api_key": "wrong", "lat": 50.06, "lng": 19.94}, 403, "api_key"),
        ({"api_key": API_KEY, "lat": 50.06, "lng": 19.94, "code": "bridges"}, 404, "bridges"),
        ({"api_key": API_KEY}, 400, "location"),
        ({"api_key": API_KEY, "lat": 50.06, "lng": 19.94, "email": "olena@"}, 400, "email"),
    ],
)
def test_civicbot_meets_the_spec_errors_on_posting(site, fields, status, fragment):
    fields = dict(fields)
    code = fields.pop("code", "roads")
    # civicbot refuses to send a request without a location itself; its prepared form is sent as it stands.
    prepared = civicbot(site).build_request(code, description="x", address_string="", **fields)
    prepared.form.pop("address_string")
    with pytest.raises(HttpError) as raised:
        HttpTransport(rate_limiter=RateLimiter(min_interval=0)).post_form(prepared.url, prepared.form)
    assert raised.value.status == status
    [error] = json.loads(raised.value.body)
    assert error["code"] == status and fragment in error["description"]
    assert not Report.objects.exists()


# --- Discovery ----------------------------------------------------------------------------------------------------


def test_discovery_points_clients_at_the_endpoint(site, live_server, settings):
    settings.SITE_URL = live_server.url
    discovery = HttpTransport(rate_limiter=RateLimiter(min_interval=0)).get_json(
        f"{live_server.url}/open311/discovery.json", {"jurisdiction_id": JURISDICTION}
    )
    [endpoint] = discovery["endpoints"]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"] == site and endpoint["type"] == "production"
    # The endpoint it names is the one the clients above use.
    assert {s["service_code"] for s in GeoReport(endpoint["url"]).get_service_list()} == {"roads", "parks"}
    xml = requests.get(f"{live_server.url}/open311/discovery.xml", timeout=10)
    assert xml.status_code == 200 and xml.headers["Content-Type"].startswith("application/xml")
