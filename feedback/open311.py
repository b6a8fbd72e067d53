"""Open311 GeoReport v2, so that city systems can take the reports in: services and requests, JSON or XML."""

import json
import uuid
from xml.etree import ElementTree as ET

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.urls import re_path
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from feedback import services
from feedback.forms import has_control_characters
from feedback.models import ApiKey, Category, Report

CITY = "Kraków"


def _xml_text(value) -> str:
    if value is None:
        return ""
    return str(value).lower() if isinstance(value, bool) else str(value)


def _render(
    data: list[dict], fmt: str, *, root: str, item: str, status: int = 200, language: str = "en"
) -> HttpResponse:
    """The answer in JSON or XML; `language` is that of its texts (?locale=), English for the API's own."""
    if fmt == "xml":
        element = ET.Element(root)
        for entry in data:
            child = ET.SubElement(element, item)
            for key, value in entry.items():
                ET.SubElement(child, key).text = _xml_text(value)
        body = ET.tostring(element, encoding="utf-8", xml_declaration=True)
        response = HttpResponse(body, status=status, content_type="application/xml; charset=utf-8")
    else:
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False), status=status, content_type="application/json; charset=utf-8"
        )
    response["Content-Language"] = language
    return response


def _error(status: int, description: str, fmt: str) -> HttpResponse:
    return _render([{"code": status, "description": description}], fmt, root="errors", item="error", status=status)


def _language(request) -> str:
    requested = request.GET.get("locale", "")[:2]
    return requested if requested in dict(settings.LANGUAGES) else "en"


@require_GET
def service_list(request, fmt):
    with translation.override(_language(request)):
        data = [
            {
                "service_code": category.code,
                "service_name": category.name,
                "description": category.description,
                "metadata": False,
                "type": "realtime",
                "keywords": "",
                "group": "",
            }
            for category in Category.objects.active()
        ]
    return _render(data, fmt, root="services", item="service", language=_language(request))


def _public(report: Report) -> dict:
    # Only what the public may see: never the resident's words, name, e-mail or address.
    return {
        "service_request_id": report.reference,
        "status": "open" if report.is_open else "closed",
        "status_notes": report.state,
        "service_name": report.category.name,
        "service_code": report.category.code,
        "description": None,
        "requested_datetime": report.created_at.isoformat(),
        "updated_datetime": report.updated_at.isoformat(),
        "address": CITY,
    }


@csrf_exempt
@require_http_methods(["GET", "POST"])
def request_list(request, fmt):
    if request.method == "POST":
        return _create(request, fmt)
    reports = Report.objects.public().select_related("category").order_by("-created_at")
    if code := request.GET.get("service_code"):
        reports = reports.filter(category__code=code)
    with translation.override(_language(request)):
        data = [_public(report) for report in reports[:1000]]
    return _render(data, fmt, root="service_requests", item="request", language=_language(request))


def _create(request, fmt):
    if not ApiKey.is_valid(request.POST.get("api_key", "")):
        return _error(403, "api_key is missing or not valid", fmt)
    code = request.POST.get("service_code", "")
    if not code:
        return _error(400, "service_code was not provided", fmt)
    category = Category.objects.active().filter(code=code).first()
    if category is None:
        return _error(400, f"service_code {code[:50]!r} is not a known service", fmt)
    description = request.POST.get("description", "").strip()
    if not description:
        return _error(400, "description was not provided", fmt)
    fields = {
        "description": description,
        "address_string": request.POST.get("address_string", "").strip(),
        "email": request.POST.get("email", "").strip(),
        "name": " ".join(filter(None, [request.POST.get("first_name", ""), request.POST.get("last_name", "")])).strip(),
    }
    if len(description) > 4000 or any(has_control_characters(value) for value in fields.values()):
        return _error(400, "description is too long or contains control characters", fmt)
    try:
        report = services.submit_report(
            idempotency_key=uuid.uuid4(),
            category=category,
            message=description,
            place=fields["address_string"][:200],
            name=fields["name"][:200],
            email=fields["email"],
            language="pl",
            source="open311",
        )
    except ValidationError as error:
        return _error(400, "; ".join(error.messages), fmt)
    notice = {"service_request_id": report.reference, "service_notice": "", "account_id": None}
    return _render([notice], fmt, root="service_requests", item="request")


urlpatterns = [
    re_path(r"^services\.(?P<fmt>json|xml)$", service_list, name="open311_services"),
    re_path(r"^requests\.(?P<fmt>json|xml)$", request_list, name="open311_requests"),
]
