"""Open311 GeoReport v2: services and requests in JSON and XML, keys, errors and no personal data."""

import json
from xml.etree import ElementTree as ET

import pytest

from feedback.models import ApiKey, Report

pytestmark = pytest.mark.integration


@pytest.fixture
def api_key(db):
    ApiKey.objects.create(name="City system", key_hash=ApiKey.hash("secret-key"))
    return "secret-key"


def test_services_list_the_categories_by_code(client, demo):
    services = json.loads(client.get("/open311/v2/services.json").content)
    assert {s["service_code"] for s in services} >= {"air-quality", "foreigners-office"}
    smog = next(s for s in services if s["service_code"] == "air-quality")
    assert smog["service_name"] == "Air quality and smog"
    assert smog["metadata"] is False and smog["type"] == "realtime"
    polish = json.loads(client.get("/open311/v2/services.json", {"locale": "pl"}).content)
    assert next(s for s in polish if s["service_code"] == "air-quality")["service_name"] == "Jakość powietrza i smog"
    xml = ET.fromstring(client.get("/open311/v2/services.xml").content)
    assert xml.tag == "services" and xml.find("service/service_code").text


def test_requests_list_has_public_fields_only(client, demo):
    Report.objects.update(name="Secret Name", email="secret@example.org")
    response = client.get("/open311/v2/requests.json")
    body = response.content.decode()
    requests = json.loads(body)
    assert len(requests) == Report.objects.public().count()
    assert "Secret Name" not in body and "secret@example.org" not in body
    assert "smog in winter" not in body  # residents' own words are not published
    assert {r["address"] for r in requests} == {"Kraków"}
    assert set(requests[0]) == {
        "service_request_id",
        "status",
        "status_notes",
        "service_name",
        "service_code",
        "description",
        "requested_datetime",
        "updated_datetime",
        "address",
    }
    xml = ET.fromstring(client.get("/open311/v2/requests.xml").content)
    assert xml.tag == "service_requests"


def test_posting_a_request_with_a_key_creates_a_report(client, demo, api_key):
    response = client.post(
        "/open311/v2/requests.json",
        {
            "api_key": api_key,
            "service_code": "city-services",
            "description": "Broken ticket machine",
            "email": "c@example.org",
        },
    )
    assert response.status_code == 200
    created = json.loads(response.content)[0]
    report = Report.objects.get(reference=created["service_request_id"])
    assert (report.source, report.category.code, report.place) == ("open311", "city-services", "")


@pytest.mark.parametrize("key", [None, "", "wrong"])
def test_a_missing_or_invalid_key_is_403(client, demo, api_key, key):
    data = {"service_code": "other", "description": "x"}
    if key is not None:
        data["api_key"] = key
    response = client.post("/open311/v2/requests.json", data)
    assert response.status_code == 403
    assert json.loads(response.content)[0]["code"] == 403


def test_a_missing_service_code_is_a_geo_report_400(client, demo, api_key):
    response = client.post("/open311/v2/requests.json", {"api_key": api_key, "description": "x"})
    assert response.status_code == 400
    assert json.loads(response.content) == [{"code": 400, "description": "service_code was not provided"}]
    xml = client.post("/open311/v2/requests.xml", {"api_key": api_key, "description": "x"})
    error = ET.fromstring(xml.content)
    assert (error.tag, error.find("error/code").text) == ("errors", "400")


@pytest.mark.parametrize(
    "data",
    [
        {"service_code": "nope", "description": "x"},
        {"service_code": "other", "description": ""},
        {"service_code": "other", "description": "x" * 4001},
        {"service_code": "other", "description": "bell\x07"},
        {"service_code": "other", "description": "x", "email": "not-an-email"},
    ],
)
def test_bad_api_input_is_a_400_and_stores_nothing(client, demo, api_key, data):
    before = Report.objects.count()
    response = client.post("/open311/v2/requests.json", {"api_key": api_key, **data})
    assert response.status_code == 400
    assert json.loads(response.content)[0]["code"] == 400
    assert Report.objects.count() == before
