"""Open311 GeoReport v2 through Django's test client: JSON and XML shapes, filters, locations, errors, privacy."""

import datetime
import json
import uuid
from xml.etree import ElementTree as ET

import pytest
from django.test import Client
from django.utils import timezone
from post_office.models import Email

from feedback.models import Category, Report
from feedback.services import erase_for_email, export_for_email, purge_feedback, submit_report, update_report
from feedback.tests.factories import AIR_QUALITY, ApiKeyFactory, CategoryFactory

pytestmark = pytest.mark.integration

KRAKOW = {"lat": "50.061947", "long": "19.936856"}
# Every field a request shows, as the spec lists them; those that may not be returned are left out.
REQUEST_FIELDS = {
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "requested_datetime",
    "updated_datetime",
    "address",
    "address_id",
    "lat",
    "long",
}


@pytest.fixture
def api_key(db):
    ApiKeyFactory(key="secret-key")
    return "secret-key"


@pytest.fixture
def categories(db):
    """Two categories and no other reports than a test's own, for filters whose answers are counted exactly."""
    return [
        CategoryFactory(code="roads", name_en="Roads", name_pl="Drogi", name_uk="Дороги", name_ru="Дороги"),
        CategoryFactory(code="parks", name_en="Parks", name_pl="Parki", name_uk="Парки", name_ru="Парки"),
    ]


def make_report(code: str, *, days_ago: float = 1, state: str = Report.State.RECEIVED, **fields) -> Report:
    """A report as the form or a city system stores it (services.submit_report), then moved to `state`."""
    report = submit_report(
        idempotency_key=uuid.uuid4(),
        category=Category.objects.get(code=code),
        message=fields.pop("message", "Pothole in front of my flat at Długa 5/12"),
        language="pl",
        **fields,
    )
    Report.objects.filter(pk=report.pk).update(created_at=timezone.now() - datetime.timedelta(days=days_ago))
    if state != Report.State.RECEIVED:
        update_report(report=report, state=state)
    report.refresh_from_db()
    return report


def errors(response) -> list[dict]:
    """The GeoReport error list of an answer, read from JSON or XML as its Content-Type says."""
    if response["Content-Type"].startswith("application/json"):
        return json.loads(response.content)
    root = ET.fromstring(response.content)
    assert root.tag == "errors", response.content
    return [{"code": int(e.findtext("code")), "description": e.findtext("description")} for e in root]


def assert_error(response, status: int, fragment: str = "", fmt: str = "json"):
    assert response.status_code == status, response.content[:300]
    expected = "application/json" if fmt == "json" else "application/xml"
    assert response["Content-Type"].startswith(expected)
    [error] = errors(response)
    assert error["code"] == status
    assert fragment in error["description"]


def ids(response) -> set[str]:
    assert response.status_code == 200, response.content[:300]
    return {entry["service_request_id"] for entry in json.loads(response.content)}


def post(client, api_key, fmt="json", **data):
    return client.post(f"/open311/v2/requests.{fmt}", {"api_key": api_key, **data})


# --- Services ---------------------------------------------------------------------------------------------------


def test_services_list_the_active_categories_by_code(client, air_quality, categories):
    CategoryFactory(code="retired", active=False)
    services = json.loads(client.get("/open311/v2/services.json").content)
    assert {s["service_code"] for s in services} == {"air-quality", "roads", "parks"}
    smog = next(s for s in services if s["service_code"] == "air-quality")
    assert smog["service_name"] == "Air quality and smog"
    assert smog["metadata"] is False and smog["type"] == "realtime"
    polish = json.loads(client.get("/open311/v2/services.json", {"locale": "pl"}).content)
    assert next(s for s in polish if s["service_code"] == "air-quality")["service_name"] == "Jakość powietrza i smog"
    xml = ET.fromstring(client.get("/open311/v2/services.xml").content)
    assert xml.tag == "services" and xml.find("service/service_code").text


@pytest.mark.parametrize(
    "locale,language",
    [("uk", "uk"), ("uk_UA", "uk"), ("uk-UA", "uk"), ("UK", "uk"), ("en_US", "en"), ("ru-RU", "ru"), ("pl", "pl")],
)
def test_the_locale_is_read_as_a_language_tag(client, air_quality, locale, language):
    response = client.get("/open311/v2/services.json", {"locale": locale})
    assert response["Content-Language"] == language
    smog = next(s for s in json.loads(response.content) if s["service_code"] == "air-quality")
    assert smog["service_name"] == AIR_QUALITY[language]


@pytest.mark.parametrize("locale", ["ukr", "rus", "plx", "xx", "u", "uk_UA_x_y" + "z" * 600, ""])
def test_an_unknown_locale_is_answered_in_english(client, air_quality, locale):
    # "ukr" used to be read as "uk": only its first two letters were looked at.
    response = client.get("/open311/v2/services.json", {"locale": locale})
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    smog = next(s for s in json.loads(response.content) if s["service_code"] == "air-quality")
    assert smog["service_name"] == "Air quality and smog"


def test_a_service_definition_is_its_code_and_no_attributes(client, air_quality):
    response = client.get("/open311/v2/services/air-quality.json")
    assert response.status_code == 200
    assert json.loads(response.content) == {"service_code": "air-quality", "attributes": []}
    root = ET.fromstring(client.get("/open311/v2/services/air-quality.xml").content)
    assert root.tag == "service_definition"
    assert root.findtext("service_code") == "air-quality"
    assert root.find("attributes") is not None and len(root.find("attributes")) == 0


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_an_unknown_or_retired_service_definition_is_a_404(client, air_quality, fmt):
    assert_error(client.get(f"/open311/v2/services/no-such-service.{fmt}"), 404, "no-such-service", fmt)
    Category.objects.filter(code="air-quality").update(active=False)
    assert_error(client.get(f"/open311/v2/services/air-quality.{fmt}"), 404, "air-quality", fmt)


# --- One request ------------------------------------------------------------------------------------------------


def test_one_request_is_a_one_element_list(client, categories):
    report = make_report("roads", latitude=50.061947, longitude=19.936856, address_id="KRK-123")
    response = client.get(f"/open311/v2/requests/{report.reference}.json")
    assert response.status_code == 200, response.content[:300]
    [entry] = json.loads(response.content)
    assert set(entry) == REQUEST_FIELDS
    assert entry["service_request_id"] == report.reference
    assert (entry["lat"], entry["long"], entry["address_id"]) == (50.061947, 19.936856, "KRK-123")
    assert (entry["status"], entry["service_code"], entry["service_name"]) == ("open", "roads", "Roads")
    assert datetime.datetime.fromisoformat(entry["requested_datetime"]) == report.created_at.replace(microsecond=0)

    root = ET.fromstring(client.get(f"/open311/v2/requests/{report.reference}.xml").content)
    assert root.tag == "service_requests"
    [request] = root.findall("request")
    assert request.findtext("service_request_id") == report.reference
    assert (request.findtext("lat"), request.findtext("long")) == ("50.061947", "19.936856")
    assert {child.tag for child in request} == REQUEST_FIELDS


def test_a_report_from_the_web_form_has_no_coordinates(client, categories):
    report = make_report("roads", place="Długa 5/12, my flat")
    [entry] = json.loads(client.get(f"/open311/v2/requests/{report.reference}.json").content)
    assert (entry["lat"], entry["long"], entry["address_id"]) == (None, None, None)
    request = ET.fromstring(client.get(f"/open311/v2/requests/{report.reference}.xml").content).find("request")
    assert (request.find("lat").text, request.find("long").text, request.find("address_id").text) == (None,) * 3


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_an_unknown_held_or_spam_request_is_a_404_not_a_redirect(client, categories, fmt):
    assert_error(client.get(f"/open311/v2/requests/FB-2020-99999.{fmt}"), 404, "FB-2020-99999", fmt)
    held = make_report("roads", state="held")
    spam = make_report("roads", state="spam")
    for report in (held, spam):
        assert_error(client.get(f"/open311/v2/requests/{report.reference}.{fmt}"), 404, report.reference, fmt)


# --- The list and its filters -----------------------------------------------------------------------------------


def test_requests_list_has_public_fields_only(client, categories):
    personal = {"name": "Secret Name", "email": "secret@example.org", "place": "Długa 5/12"}
    for state in Report.State:
        make_report("roads", state=state, message="The smog in winter is so bad.", **personal)
    response = client.get("/open311/v2/requests.json")
    body = response.content.decode()
    requests = json.loads(body)
    assert len(requests) == len(Report.State) - 2  # neither the spam nor the held report
    assert {r["status_notes"] for r in requests} == {"received", "in progress", "forwarded to the city", "answered",
                                                     "closed"}  # fmt: skip
    assert "Secret Name" not in body and "secret@example.org" not in body and "Długa" not in body
    assert "smog in winter" not in body  # residents' own words are not published
    assert {r["address"] for r in requests} == {"Kraków"}
    assert {r["description"] for r in requests} == {None}
    assert set(requests[0]) == REQUEST_FIELDS
    xml_body = client.get("/open311/v2/requests.xml").content.decode()
    xml = ET.fromstring(xml_body)
    assert xml.tag == "service_requests"
    assert len(xml.findall("request")) == len(requests)
    assert "Secret Name" not in xml_body and "secret@example.org" not in xml_body and "smog" not in xml_body


def test_demo_smoke_the_demo_reports_are_listed_with_public_fields_only(client, demo):
    """Demo smoke test: the Open311 list of the demo's reports, as a city system would first see it."""
    Report.objects.update(name="Secret Name", email="secret@example.org", place="Długa 5/12")
    response = client.get("/open311/v2/requests.json")
    body = response.content.decode()
    requests = json.loads(body)
    assert len(requests) == Report.objects.public().count()
    assert "Secret Name" not in body and "secret@example.org" not in body and "Długa" not in body
    assert "smog in winter" not in body  # residents' own words are not published
    assert {r["address"] for r in requests} == {"Kraków"}
    assert {r["description"] for r in requests} == {None}
    assert set(requests[0]) == REQUEST_FIELDS
    xml = ET.fromstring(client.get("/open311/v2/requests.xml").content)
    assert xml.tag == "service_requests"
    assert len(xml.findall("request")) == len(requests)


def test_the_list_filters_by_service_code_status_and_ids(client, categories):
    road_open = make_report("roads")
    road_closed = make_report("roads", state="closed")
    park_answered = make_report("parks", state="answered")
    park_open = make_report("parks", state="in_progress")
    make_report("parks", state="spam")
    url = "/open311/v2/requests.json"
    assert ids(client.get(url)) == {road_open.reference, road_closed.reference, park_answered.reference,
                                    park_open.reference}  # fmt: skip
    assert ids(client.get(url, {"service_code": "roads"})) == {road_open.reference, road_closed.reference}
    assert len(ids(client.get(url, {"service_code": "roads,parks"}))) == 4
    assert ids(client.get(url, {"service_code": "nothing"})) == set()
    assert ids(client.get(url, {"status": "open"})) == {road_open.reference, park_open.reference}
    assert ids(client.get(url, {"status": "closed"})) == {road_closed.reference, park_answered.reference}
    assert len(ids(client.get(url, {"status": "open,closed"}))) == 4
    assert ids(client.get(url, {"status": "open", "service_code": "parks"})) == {park_open.reference}
    # service_request_id overrides every other filter.
    chosen = f"{road_closed.reference}, {park_open.reference},FB-2020-99999"
    both = {road_closed.reference, park_open.reference}
    assert ids(client.get(url, {"service_request_id": chosen, "service_code": "nothing", "status": "open"})) == both


def test_the_list_filters_by_date_and_defaults_to_the_last_90_days(client, categories):
    recent = make_report("roads", days_ago=10)
    older = make_report("roads", days_ago=40)
    oldest = make_report("roads", days_ago=100)
    url = "/open311/v2/requests.json"
    assert ids(client.get(url)) == {recent.reference, older.reference}

    def day(days_ago: int) -> str:
        moment = timezone.now() - datetime.timedelta(days=days_ago)
        return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    assert ids(client.get(url, {"start_date": day(50), "end_date": day(5)})) == {recent.reference, older.reference}
    assert ids(client.get(url, {"start_date": day(50), "end_date": day(20)})) == {older.reference}
    assert ids(client.get(url, {"start_date": day(135)})) == {oldest.reference}  # a span of 90 days from there
    assert ids(client.get(url, {"end_date": day(30)})) == {older.reference, oldest.reference}
    local = (timezone.localtime() - datetime.timedelta(days=45)).replace(microsecond=0).isoformat()
    assert ids(client.get(url, {"start_date": local})) == {recent.reference, older.reference}
    assert ids(client.get(url, {"start_date": local[:10]})) == {recent.reference, older.reference}  # a date alone


@pytest.mark.parametrize(
    "params,fragment",
    [
        ({"start_date": "yesterday"}, "start_date"),
        ({"start_date": "2024-02-30T00:00:00Z"}, "start_date"),
        ({"start_date": "2024-01-01T10:00:00"}, "start_date"),  # a time without its time zone
        ({"end_date": "2024-13-01"}, "end_date"),
        ({"end_date": "٢٠٢٤-٠١-٠١"}, "end_date"),
        ({"end_date": "9999-12-31T23:59:59-14:00"}, "end_date"),
        ({"start_date": "2024-03-01T00:00:00Z", "end_date": "2024-01-01T00:00:00Z"}, "end_date"),
        ({"start_date": "2024-01-01T00:00:00Z", "end_date": "2024-06-01T00:00:00Z"}, "90 days"),
        ({"status": "pending"}, "status"),
        ({"status": "open,unknown"}, "status"),
    ],
)
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_an_invalid_filter_is_a_400(client, categories, params, fragment, fmt):
    assert_error(client.get(f"/open311/v2/requests.{fmt}", params), 400, fragment, fmt)


@pytest.mark.parametrize("date", ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "9999-12-31", "0001-01-01"])
@pytest.mark.parametrize("name", ["start_date", "end_date"])
def test_dates_at_the_ends_of_the_calendar_are_answered(client, categories, date, name):
    assert client.get("/open311/v2/requests.json", {name: date}).status_code in (200, 400)


def test_the_list_stops_at_1000_requests_newest_first(client, categories):
    roads = Category.objects.get(code="roads")
    now = timezone.now()
    Report.objects.bulk_create(
        Report(reference=f"T-{n:05d}", category=roads, message="x", language="pl",
               created_at=now - datetime.timedelta(minutes=n))
        for n in range(1001)
    )  # fmt: skip
    requests = json.loads(client.get("/open311/v2/requests.json").content)
    assert len(requests) == 1000
    assert requests[0]["service_request_id"] == "T-00000" and requests[-1]["service_request_id"] == "T-00999"


# --- Posting a request ------------------------------------------------------------------------------------------


def test_posting_a_request_with_coordinates_stores_and_returns_them(client, categories, api_key):
    response = post(client, api_key, service_code="roads", description="Broken ticket machine",
                    email="c@example.org", lat="50.0619474", long="19.9368564")  # fmt: skip
    assert response.status_code == 200, response.content
    [created] = json.loads(response.content)
    assert set(created) == {"service_request_id", "service_notice", "account_id"}
    report = Report.objects.get(reference=created["service_request_id"])
    assert (report.source, report.category.code, report.place) == (Report.Source.OPEN311, "roads", "")
    assert (report.latitude, report.longitude) == (50.061947, 19.936856)  # FixMyStreet's 6 decimals, under 1 m
    [shown] = json.loads(client.get(f"/open311/v2/requests/{report.reference}.json").content)
    assert (shown["lat"], shown["long"]) == (50.061947, 19.936856)


@pytest.mark.parametrize(
    "location",
    [{"address_string": "Rynek Główny 1"}, {"address_id": "KRK-000123"}, {"lat": "-90", "long": "180"},
     {"lat": "5e-05", "long": "-0.5"}],
)  # fmt: skip
def test_any_one_location_the_spec_allows_is_enough(client, categories, api_key, location):
    response = post(client, api_key, service_code="roads", description="Bench broken", **location)
    assert response.status_code == 200, response.content
    report = Report.objects.get(reference=json.loads(response.content)[0]["service_request_id"])
    assert report.place == location.get("address_string", "")
    assert report.address_id == location.get("address_id", "")
    if "lat" in location:
        assert (report.latitude, report.longitude) == (float(location["lat"]), float(location["long"]))


@pytest.mark.parametrize(
    "location,fragment",
    [
        ({}, "location"),
        ({"address_string": "   ", "address_id": ""}, "location"),
        ({"lat": "50.06"}, "long"),
        ({"long": "19.94", "address_string": "Rynek"}, "lat"),
        ({"lat": "91", "long": "19.94"}, "lat"),
        ({"lat": "-90.5", "long": "19.94"}, "lat"),
        ({"lat": "50.06", "long": "180.01"}, "long"),
        ({"lat": "NaN", "long": "19.94"}, "lat"),
        ({"lat": "50.06", "long": "inf"}, "long"),
        ({"lat": "1e308", "long": "19.94"}, "lat"),
        ({"lat": "fifty", "long": "19.94"}, "lat"),
        ({"lat": "50,06", "long": "19,94"}, "lat"),
        ({"lat": "5_0", "long": "19.94"}, "lat"),
        ({"lat": "٥٠", "long": "19.94"}, "lat"),
        ({"address_id": "x" * 101}, "address_id"),
        ({"address_id": "KRK\x07"}, "address_id"),
        ({"address_string": "x" * 201}, "address_string"),
    ],
)
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_missing_or_invalid_location_is_a_400_and_stores_nothing(
    client, categories, api_key, location, fragment, fmt
):
    before = Report.objects.count()
    response = post(client, api_key, fmt, service_code="roads", description="Bench broken", **location)
    assert_error(response, 400, fragment, fmt)
    assert Report.objects.count() == before


@pytest.mark.parametrize("key", [None, "", "wrong"])
def test_a_missing_or_invalid_key_is_403(client, categories, api_key, key):
    data = {"service_code": "roads", "description": "x", **KRAKOW}
    if key is not None:
        data["api_key"] = key
    response = client.post("/open311/v2/requests.json", data)
    assert_error(response, 403, "api_key")
    assert_error(client.post("/open311/v2/requests.xml", data), 403, "api_key", "xml")


def test_a_missing_service_code_is_a_geo_report_400(client, categories, api_key):
    response = post(client, api_key, description="x", **KRAKOW)
    assert response.status_code == 400
    assert json.loads(response.content) == [{"code": 400, "description": "service_code was not provided"}]
    assert_error(post(client, api_key, "xml", description="x", **KRAKOW), 400, "service_code", "xml")


@pytest.mark.parametrize("code", ["nope", "air-quality-retired"])
def test_an_unknown_service_code_is_a_404_and_stores_nothing(client, categories, api_key, code):
    CategoryFactory(code="air-quality-retired", active=False)
    before = Report.objects.count()
    assert_error(post(client, api_key, service_code=code, description="x", **KRAKOW), 404, code)
    assert_error(post(client, api_key, "xml", service_code=code, description="x", **KRAKOW), 404, code, "xml")
    assert Report.objects.count() == before


@pytest.mark.parametrize(
    "data,fragment",
    [
        ({"description": ""}, "description"),
        ({"description": "x" * 4001}, "description"),
        ({"description": "bell\x07"}, "description"),
        ({"first_name": "Ol\x1bena"}, "first_name"),
        ({"email": "not-an-email"}, "email"),
        ({"email": "a@" + "b" * 300 + ".pl"}, "email"),
        ({"email": "olena\x9f@example.org"}, "email"),
    ],
)
def test_bad_api_input_is_a_400_and_stores_nothing(client, categories, api_key, data, fragment):
    before = Report.objects.count()
    response = post(client, api_key, **{"service_code": "roads", "description": "x", **KRAKOW, **data})
    assert_error(response, 400, fragment)
    assert Report.objects.count() == before


def test_a_request_in_a_locale_is_stored_and_confirmed_in_that_language(client, air_quality, api_key):
    response = post(client, api_key, service_code="air-quality", description="Smog", email="olena@example.org",
                    locale="uk_UA", **KRAKOW)  # fmt: skip
    assert response["Content-Language"] == "uk"
    report = Report.objects.get(reference=json.loads(response.content)[0]["service_request_id"])
    assert report.language == "uk"
    email = Email.objects.get(to=["olena@example.org"])
    assert email.headers["Content-Language"] == "uk"
    assert "/uk/feedback/status/" in email.message
    unknown = post(client, api_key, service_code="air-quality", description="Smog 2", locale="ukr", **KRAKOW)
    assert Report.objects.get(reference=json.loads(unknown.content)[0]["service_request_id"]).language == "pl"


def test_the_same_idempotency_key_is_the_same_request(client, categories, api_key):
    data = {"api_key": api_key, "service_code": "roads", "description": "Bench broken", **KRAKOW}
    headers = {"Idempotency-Key": "retry-7"}
    first = client.post("/open311/v2/requests.json", data, headers=headers)
    again = client.post("/open311/v2/requests.json", data, headers=headers)
    assert first.status_code == again.status_code == 200
    assert json.loads(first.content) == json.loads(again.content)
    assert Report.objects.filter(message="Bench broken").count() == 1
    changed = client.post("/open311/v2/requests.json", {**data, "description": "Other"}, headers=headers)
    assert_error(changed, 400, "Idempotency-Key")
    # Without the header, or with another key's header, each post is a request of its own.
    client.post("/open311/v2/requests.json", data)
    ApiKeyFactory(name="Other city system", key="other-key")
    other = client.post("/open311/v2/requests.json", {**data, "api_key": "other-key"}, headers=headers)
    assert json.loads(other.content)[0]["service_request_id"] != json.loads(first.content)[0]["service_request_id"]
    assert Report.objects.filter(message="Bench broken").count() == 3


# --- Jurisdiction, discovery, and errors anywhere under /open311/ ----------------------------------------------


@pytest.mark.parametrize(
    "address",
    ["/open311/v2/services.json", "/open311/v2/services/roads.json", "/open311/v2/requests.json",
     "/open311/discovery.json", "/open311/v2/discovery.json"],
)  # fmt: skip
def test_the_jurisdiction_is_checked_when_given(client, categories, settings, address):
    settings.OPEN311_JURISDICTION = "krakow.example.org"
    assert client.get(address).status_code == 200
    assert client.get(address, {"jurisdiction_id": ""}).status_code == 200
    assert client.get(address, {"jurisdiction_id": "Krakow.Example.org"}).status_code == 200
    assert_error(client.get(address, {"jurisdiction_id": "sfgov.org"}), 404, "jurisdiction_id")


def test_a_post_for_another_jurisdiction_is_a_404(client, categories, api_key, settings):
    settings.OPEN311_JURISDICTION = "krakow.example.org"
    data = {"service_code": "roads", "description": "x", **KRAKOW}
    assert_error(post(client, api_key, jurisdiction_id="sfgov.org", **data), 404, "jurisdiction_id")
    assert post(client, api_key, jurisdiction_id="krakow.example.org", **data).status_code == 200
    report = make_report("roads")
    assert_error(client.get(f"/open311/v2/requests/{report.reference}.json", {"jurisdiction_id": "x"}), 404)


def test_discovery_describes_the_endpoint(client, db, settings):
    settings.SITE_URL = "https://openkrakow.example.org"
    settings.OPEN311_CONTACT = "Write to api@openkrakow.example.org"
    settings.OPEN311_KEY_SERVICE = "Ask api@openkrakow.example.org for a key"
    response = client.get("/open311/discovery.json")
    assert response.status_code == 200
    discovery = json.loads(response.content)
    assert discovery["contact"] == "Write to api@openkrakow.example.org"
    assert discovery["key_service"] == "Ask api@openkrakow.example.org for a key"
    [endpoint] = discovery["endpoints"]
    assert endpoint == {
        "specification": "http://wiki.open311.org/GeoReport_v2",
        "url": "https://openkrakow.example.org/open311/v2",
        "changeset": discovery["changeset"],
        "type": "production",
        "formats": ["text/xml", "application/json"],
    }
    root = ET.fromstring(client.get("/open311/discovery.xml").content)
    assert root.tag == "discovery"
    assert root.findtext("contact") == "Write to api@openkrakow.example.org"
    assert root.findtext("endpoints/endpoint/url") == "https://openkrakow.example.org/open311/v2"
    assert [f.text for f in root.findall("endpoints/endpoint/formats/format")] == ["text/xml", "application/json"]
    assert json.loads(client.get("/open311/v2/discovery.json").content) == discovery  # where FixMyStreet has it


@pytest.mark.parametrize(
    "address,fmt",
    [("/open311/v2/nothing.json", "json"), ("/open311/v2/nothing.xml", "xml"), ("/open311/", "json"),
     ("/open311/v3/services.xml", "xml"), ("/open311/v2/requests/a/b.json", "json"),
     ("/open311/v2/services.html", "json")],
)  # fmt: skip
def test_an_unknown_address_under_open311_is_a_geo_report_404(client, db, address, fmt):
    assert_error(client.get(address), 404, "", fmt)


@pytest.mark.parametrize("method", ["put", "delete", "patch", "options"])
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_method_an_address_does_not_take_is_a_geo_report_405(client, db, method, fmt):
    response = getattr(client, method)(f"/open311/v2/requests.{fmt}")
    assert_error(response, 405, method.upper(), fmt)
    assert response["Allow"] == "GET, HEAD, POST"
    response = client.post(f"/open311/v2/services.{fmt}")
    assert_error(response, 405, "POST", fmt)
    assert response["Allow"] == "GET, HEAD"


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_nul_or_control_character_is_a_geo_report_400(client, categories, api_key, fmt):
    client.raise_request_exception = False
    for response in [
        client.get(f"/open311/v2/requests.{fmt}", {"service_code": "\x00"}),
        client.get(f"/open311/v2/services.{fmt}?locale=%00"),
        client.get(f"/open311/v2/requests/%01.{fmt}"),
        client.post(
            f"/open311/v2/requests.{fmt}", {"api_key": api_key, "service_code": "roads", "description": "\x00"}
        ),
    ]:
        assert_error(response, 400, "", fmt)
        assert "<html" not in response.content.decode()


def test_an_unreadable_post_body_is_a_geo_report_400(client, db):
    client.raise_request_exception = False
    response = client.generic("POST", "/open311/v2/requests.xml", b"name=x", content_type="multipart/form-data")
    assert_error(response, 400, "", "xml")


# --- Privacy: what is kept, exported and erased -----------------------------------------------------------------


def test_coordinates_are_exported_and_erased_with_the_residents_data(categories):
    report = make_report("roads", email="olena@example.org", latitude=50.06, longitude=19.94, address_id="KRK-1")
    [exported] = export_for_email("olena@example.org")["reports"]
    assert (exported["lat"], exported["long"], exported["address_id"]) == (50.06, 19.94, "KRK-1")
    erase_for_email("olena@example.org")
    report.refresh_from_db()
    assert (report.latitude, report.longitude, report.address_id) == (None, None, "")


def test_purged_reports_lose_their_coordinates(categories):
    report = make_report("roads", state="closed", latitude=50.06, longitude=19.94, address_id="KRK-1")
    Report.objects.filter(pk=report.pk).update(updated_at=timezone.now() - datetime.timedelta(days=400))
    assert purge_feedback(older_than_days=365) == 1
    report.refresh_from_db()
    assert (report.latitude, report.longitude, report.address_id) == (None, None, "")


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_server_error_is_the_spec_error_list_too(categories, fmt, monkeypatch):
    """A city system that meets a bug reads a 500 in the format it asked for, not the site's HTML page."""

    def broken(query):
        raise RuntimeError("a bug")

    monkeypatch.setattr("feedback.open311._filtered", broken)
    response = Client(raise_request_exception=False).get(f"/open311/v2/requests.{fmt}")
    assert_error(response, 500, "try again later", fmt)


# --- Findings of the outside test of the endpoint ---------------------------------------------------------------


@pytest.mark.parametrize("text", ["KRK\uffff", "KRK\ufffe", "\ufdd0", "\ufdef", "KRK\U0001fffe", "\U0010ffff"])
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_character_xml_forbids_is_refused_and_stores_nothing(client, categories, api_key, text, fmt):
    before = Report.objects.count()
    response = post(client, api_key, fmt, service_code="roads", description="Bench broken", address_id=text)
    assert_error(response, 400, "address_id", fmt)
    response = post(client, api_key, fmt, service_code="roads", description=f"Bench {text}", **KRAKOW)
    assert_error(response, 400, "description", fmt)
    assert Report.objects.count() == before


def test_the_web_form_refuses_a_character_xml_forbids(client, report_data):
    response = client.post("/pl/feedback/", report_data(message="Smog \uffff"))
    assert response.status_code == 400
    assert "Zawiera niedozwolone znaki." in response.content.decode()
    assert not Report.objects.filter(email="olena@example.org").exists()


def test_stored_characters_xml_forbids_never_break_the_xml(client, categories):
    Category.objects.filter(code="parks").update(name_en="Parks\ufffe")
    report = make_report("roads", address_id="KRK\uffff\ufdd0\x07\x0b1")
    make_report("parks", address_id="KRK-2")
    for address in ["/open311/v2/requests.xml", f"/open311/v2/requests/{report.reference}.xml",
                    "/open311/v2/services.xml", "/open311/v2/services/%EF%BF%BF.xml"]:  # fmt: skip
        response = client.get(address)
        root = ET.fromstring(response.content)  # well-formed
        assert root.tag in {"service_requests", "services", "errors"}
    root = ET.fromstring(client.get("/open311/v2/requests.xml").content)
    assert len(root.findall("request")) == 2
    assert root.find(f"request[service_request_id='{report.reference}']").findtext("address_id").startswith("KRK")
    # JSON carries them as they are.
    assert json.loads(client.get(f"/open311/v2/requests/{report.reference}.json").content)[0]["address_id"] == (
        "KRK\uffff\ufdd0\x07\x0b1"
    )


@pytest.mark.parametrize(
    "change",
    [{"service_code": "parks"}, {"lat": "50.07"}, {"long": "19.95"}, {"first_name": "Olena"},
     {"last_name": "Shevchenko"}, {"address_string": "Rynek 1"}, {"address_id": "KRK-2"},
     {"email": "other@example.org"}, {"description": "Bench broken!"}],
)  # fmt: skip
def test_a_reused_idempotency_key_with_other_data_is_a_400(client, categories, api_key, change):
    data = {"api_key": api_key, "service_code": "roads", "description": "Bench broken", "email": "c@example.org",
            "address_id": "KRK-1", **KRAKOW}  # fmt: skip
    headers = {"Idempotency-Key": "retry-8"}
    first = client.post("/open311/v2/requests.json", data, headers=headers)
    assert first.status_code == 200
    assert_error(client.post("/open311/v2/requests.json", {**data, **change}, headers=headers), 400, "Idempotency-Key")
    assert Report.objects.filter(source=Report.Source.OPEN311).count() == 1
    again = client.post("/open311/v2/requests.json", {**data, "email": "C@Example.org"}, headers=headers)
    assert json.loads(again.content) == json.loads(first.content)


def test_the_web_form_sent_again_with_another_place_is_refused(client, report_data):
    data = report_data()
    first = client.post("/en/feedback/", data)
    assert client.post("/en/feedback/", data)["Location"] == first["Location"]
    response = client.post("/en/feedback/", {**data, "place": "Kazimierz"})
    assert response.status_code == 400
    assert "This form has already been sent." in response.content.decode()
    assert Report.objects.get(email="olena@example.org").place == data["place"]


def test_repeated_list_parameters_take_every_value(client, categories):
    road_open = make_report("roads")
    road_closed = make_report("roads", state="closed")
    park_open = make_report("parks")
    url = "/open311/v2/requests.json"
    assert ids(client.get(f"{url}?status=open&status=closed")) == {road_open.reference, road_closed.reference,
                                                                   park_open.reference}  # fmt: skip
    assert ids(client.get(f"{url}?service_code=roads&service_code=parks")) == ids(client.get(url))
    assert ids(client.get(f"{url}?service_code=roads,nothing&service_code=parks&status=open")) == {
        road_open.reference,
        park_open.reference,
    }
    chosen = f"service_request_id={road_open.reference}&service_request_id={park_open.reference}"
    assert ids(client.get(f"{url}?{chosen}")) == {road_open.reference, park_open.reference}


@pytest.mark.parametrize(
    "query,name",
    [("jurisdiction_id=krakow.pl&jurisdiction_id=x", "jurisdiction_id"),
     ("jurisdiction_id=x&jurisdiction_id=krakow.pl", "jurisdiction_id"),
     ("jurisdiction_id=krakow.pl&jurisdiction_id=krakow.pl", "jurisdiction_id"),
     ("start_date=2026-01-01&start_date=2026-02-01", "start_date"),
     ("end_date=2026-01-01&end_date=2026-02-01", "end_date"),
     ("locale=pl&locale=uk", "locale")],
)  # fmt: skip
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_repeated_single_parameter_is_a_400(client, categories, settings, query, name, fmt):
    settings.OPEN311_JURISDICTION = "krakow.pl"
    assert_error(client.get(f"/open311/v2/requests.{fmt}?{query}"), 400, name, fmt)


def test_a_repeated_posted_field_is_a_400_and_stores_nothing(client, categories, api_key):
    for name, values in [("api_key", [api_key, "wrong"]), ("service_code", ["roads", "parks"]),
                         ("description", ["a", "b"]), ("lat", ["50.06", "50.07"])]:  # fmt: skip
        data = {"api_key": api_key, "service_code": "roads", "description": "Bench", **KRAKOW, name: values}
        assert_error(client.post("/open311/v2/requests.json", data), 400, name)
    assert not Report.objects.filter(source="open311").exists()


def test_a_date_alone_is_the_whole_day_in_krakow(client, categories):
    report = make_report("roads")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    evening = timezone.make_aware(datetime.datetime.combine(yesterday, datetime.time(23, 30)))
    Report.objects.filter(pk=report.pk).update(created_at=evening)
    url = "/open311/v2/requests.json"
    day = yesterday.isoformat()
    assert ids(client.get(url, {"end_date": day})) == {report.reference}
    assert ids(client.get(url, {"start_date": day, "end_date": day})) == {report.reference}
    assert ids(client.get(url, {"start_date": (yesterday + datetime.timedelta(days=1)).isoformat()})) == set()
    assert ids(client.get(url, {"end_date": (yesterday - datetime.timedelta(days=1)).isoformat()})) == set()


@pytest.mark.parametrize(
    "address",
    ["/open311/v2/requests.XML", "/open311/v2/services/other.XML", "/open311/v2/requests.xml/",
     "/open311/discovery.Xml/"],
)  # fmt: skip
def test_the_error_format_follows_the_suffix_in_any_case(client, db, address):
    assert_error(client.get(address), 404, "", "xml")


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_json_body_is_told_to_send_a_form(client, categories, api_key, fmt):
    body = json.dumps({"api_key": api_key, "service_code": "roads", "description": "Bench", **KRAKOW})
    response = client.post(f"/open311/v2/requests.{fmt}", body, content_type="application/json")
    assert_error(response, 400, "Send the request as a form", fmt)
    assert not Report.objects.filter(source="open311").exists()


@pytest.mark.parametrize("locale,label", [("en", "in progress"), ("pl", "w toku"), ("uk", "в роботі"),
                                          ("ru", "в работе")])  # fmt: skip
def test_status_notes_are_the_states_label_in_the_answers_language(client, categories, locale, label):
    report = make_report("roads", state="in_progress")
    [entry] = json.loads(client.get("/open311/v2/requests.json", {"locale": locale}).content)
    assert entry["status_notes"] == label
    [entry] = json.loads(client.get(f"/open311/v2/requests/{report.reference}.json", {"locale": locale}).content)
    assert entry["status_notes"] == label


def test_a_date_only_range_of_90_days_is_allowed(client, categories):
    """2024-01-01 to 2024-03-31 is 90 days between the dates; the last one counted whole is not too long."""
    response = client.get("/open311/v2/requests.json", {"start_date": "2024-01-01", "end_date": "2024-03-31"})
    assert response.status_code == 200, response.content
    too_long = client.get("/open311/v2/requests.json", {"start_date": "2024-01-01", "end_date": "2024-04-02"})
    assert_error(too_long, 400, "90 days")
