"""Open311 GeoReport v2, so that city systems can send reports in and follow them: discovery, services and requests
in JSON or XML, with the spec's error list for every error under /open311/ (http://wiki.open311.org/GeoReport_v2).

Where the spec is silent this follows FixMyStreet's endpoint. None of these answers is kept by the page cache
(core/cache.py): no view here is cacheable, and a new report does not empty that cache.
"""

import datetime
import functools
import json
import math
import re
import uuid
from xml.etree import ElementTree as ET

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import HttpResponse
from django.urls import re_path
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_exempt

from feedback import services
from feedback.forms import NOT_ALLOWED, has_control_characters
from feedback.models import ApiKey, Category, Report
from openkrakow.languages import SOURCE_LANGUAGE

CITY = "Kraków"
SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
# When the discovery document or the shape of the service definitions last changed (FixMyStreet keeps one date).
CHANGESET = "2026-11-30T00:00:00Z"
# The spec's default and limit: the last 90 days, at most 1,000 requests; a range may not span more.
MAX_REQUESTS = 1000
SPAN = datetime.timedelta(days=90)
# An XML list's items, named as the spec nests them (the JSON is the same data, lists as arrays).
XML_ITEMS = {"endpoints": "endpoint", "formats": "format", "attributes": "attribute", "values": "value"}
# A W3C datetime (http://www.w3.org/TR/NOTE-datetime) to the minute or finer with its time zone, or a date alone.
W3C_DATETIME = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)?(Z|[+-][0-9]{2}:[0-9]{2}))?"
)
DEGREES = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,3})?")
# A posted request's texts and their longest lengths (the spec's 4,000 for a description, the columns' for the rest).
TEXT_LIMITS = {
    "description": 4000,
    "address_string": 200,
    "address_id": 100,
    "email": 254,
    "first_name": 200,
    "last_name": 200,
}
# A posted form, as GeoReport v2 sends requests; anything else (a JSON body) carries none of its fields.
FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}
# The fields a post is read from: each may come once (a second value would be silently dropped).
POSTED_FIELDS = ("api_key", "service_code", "lat", "long", *TEXT_LIMITS)
# Retries of one post by one city system (its Idempotency-Key header) are one report; keys of two systems never meet.
IDEMPOTENCY_NAMESPACE = uuid.UUID("7f0c3b52-6a43-4d8e-9a55-0c3e5f311311")


class Open311Error(Exception):
    """An answer in the spec's error list: 404 for what does not exist, 403 for the api_key, 400 for the rest."""

    def __init__(self, status: int, description: str):
        super().__init__(description)
        self.status, self.description = status, description


# --- Answers ----------------------------------------------------------------------------------------------------


def _fill(element: ET.Element, value, item: str | None = None) -> None:
    if isinstance(value, list):
        for entry in value:
            _fill(ET.SubElement(element, item or XML_ITEMS[element.tag]), entry)
    elif isinstance(value, dict):
        for key, entry in value.items():
            _fill(ET.SubElement(element, key), entry)
    elif value is not None:  # None is an empty element, as null is in JSON
        text = str(value).lower() if isinstance(value, bool) else str(value)
        # Refused on the way in, but an old row or a name might hold one: the replacement character, not broken XML.
        element.text = NOT_ALLOWED.sub("\ufffd", text)


def _render(data, fmt: str, *, root: str, item: str | None = None, status: int = 200, language: str = "en"):
    """The answer in JSON or XML; `language` is that of its texts (?locale=), English for the API's own."""
    if fmt == "xml":
        element = ET.Element(root)
        _fill(element, data, item)
        body = ET.tostring(element, encoding="utf-8", xml_declaration=True)
        content_type = "application/xml; charset=utf-8"
    else:
        body = json.dumps(data, ensure_ascii=False)
        content_type = "application/json; charset=utf-8"
    response = HttpResponse(body, status=status, content_type=content_type)
    response["Content-Language"] = language
    return response


def _error(status: int, description: str, fmt: str) -> HttpResponse:
    return _render([{"code": status, "description": description}], fmt, root="errors", item="error", status=status)


def _format_of(request) -> str:
    """The format an address asks for by its suffix, where no view read it; JSON when it names neither."""
    return "xml" if request.path_info.rstrip("/").lower().endswith(".xml") else "json"


# The errors that arise before or outside any view here: a request refused early (a NUL byte), and a bug.
EARLY_ERRORS = {
    400: "The request could not be read: a control character or NUL, or a body that is not a form",
    500: "The server failed to answer this request; it was logged. Please try again later",
}


def error_response(request, status: int) -> HttpResponse:
    """The site's 400 and 500 handlers answer under /open311/ with this (settings.API_ERROR_RESPONSES).

    It reads nothing of the request but its address: its query or body may be what could not be read.
    """
    return _error(status, EARLY_ERRORS[status], _format_of(request))


def endpoint(*methods: str):
    """An Open311 view: other methods are a 405, a jurisdiction_id must be ours, and errors are the spec's list."""
    allowed = [method for method in ("GET", "HEAD", "POST") if method in methods or method == "HEAD"]

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, fmt: str, **kwargs):
            # LocaleMiddleware takes any 404 outside the language prefixes for a page that lost its prefix, and
            # redirects to /en/open311/…/; this module's own URLconf, which has no prefixes, tells it otherwise.
            request.urlconf = __name__
            if request.method not in allowed:
                response = _error(405, f"{request.method[:20]} is not allowed here, only {', '.join(allowed)}", fmt)
                response["Allow"] = ", ".join(allowed)
                return response
            try:
                _check_jurisdiction(request)
                return view(request, fmt, **kwargs)
            except Open311Error as error:
                return _error(error.status, error.description, fmt)

        return csrf_exempt(wrapper)  # city systems post with their api_key, not from a page of ours

    return decorate


@csrf_exempt
def not_found(request):
    request.urlconf = __name__  # as in endpoint(): no redirect to a language prefix
    description = "Nothing is at this address; /open311/discovery.json lists what is"
    return _error(404, description, _format_of(request))


# --- Reading the request ----------------------------------------------------------------------------------------


def _single(query, name: str) -> str:
    """A parameter that may come once: given more than once, which one was meant is unknown."""
    values = query.getlist(name)
    if len(values) > 1:
        raise Open311Error(400, f"{name} was given more than once; give it once")
    return values[0].strip() if values else ""


def _param(request, name: str) -> str:
    """A parameter of the query, or of the posted form, which wins; once in either."""
    posted = _single(request.POST, name) if request.method == "POST" else ""
    return posted or _single(request.GET, name)


def _check_jurisdiction(request) -> None:
    given = _param(request, "jurisdiction_id")
    if given and given.lower() != settings.OPEN311_JURISDICTION.lower():
        raise Open311Error(
            404, f"jurisdiction_id {given[:100]!r} was not found: this endpoint serves {settings.OPEN311_JURISDICTION}"
        )


def _requested_language(request) -> str | None:
    """The site's language that ?locale= names as a language tag ("uk", "uk_UA", "uk-UA"), or None."""
    tag = _param(request, "locale").replace("_", "-").lower()
    try:
        return translation.get_supported_language_variant(tag, strict=True) if tag else None
    except LookupError:
        return None


def _values(query, name: str) -> set[str]:
    """A parameter's values: every one given, each possibly a comma-separated list."""
    values = {value.strip() for given in query.getlist(name) for value in given.split(",") if value.strip()}
    if len(values) > MAX_REQUESTS:
        raise Open311Error(400, f"{name} may list at most {MAX_REQUESTS} values")
    return values


def _moment(query, name: str, *, end: bool = False) -> datetime.datetime | None:
    """A date or datetime parameter; a date alone is its first moment in Kraków, or its last for an `end`."""
    text = _single(query, name)
    if not text:
        return None
    try:
        if not (match := W3C_DATETIME.fullmatch(text)):
            raise ValueError(text)
        year, month, day, hour, minute, second, fraction, zone = match.groups()
        if hour is None:  # a date alone: the whole day in Kraków
            date = datetime.date(int(year), int(month), int(day))
            time = datetime.time.max if end else datetime.time.min
            moment = timezone.make_aware(datetime.datetime.combine(date, time))
        else:
            microsecond = int((fraction or "0")[:6].ljust(6, "0"))
            moment = datetime.datetime(
                int(year), int(month), int(day), int(hour), int(minute), int(second or 0), microsecond, _zone(zone)
            )
        moment.astimezone(datetime.UTC)  # as the database will store it: years 1 to 9999 in UTC
    except (ValueError, OverflowError):
        raise Open311Error(
            400, f"{name} must be a W3C date or datetime with a time zone, e.g. 2010-01-01T00:00:00Z"
        ) from None
    return moment


def _zone(text: str) -> datetime.tzinfo:
    if text == "Z":
        return datetime.UTC
    sign = -1 if text[0] == "-" else 1
    return datetime.timezone(sign * datetime.timedelta(hours=int(text[1:3]), minutes=int(text[4:6])))


def _shifted(moment: datetime.datetime, delta: datetime.timedelta) -> datetime.datetime | None:
    try:
        return moment + delta
    except OverflowError:  # past the end of the calendar: no bound that way
        return None


def _period(query) -> tuple[datetime.datetime | None, datetime.datetime | None]:
    """The range of requested_datetime asked for: the last 90 days by default, 90 days from one date given."""
    start, end = _moment(query, "start_date"), _moment(query, "end_date", end=True)
    if start and end:
        if end < start:
            raise Open311Error(400, "end_date is before start_date")
        if end - start > SPAN + datetime.timedelta(days=1):  # a day's grace: a date-only end_date is a whole day
            raise Open311Error(400, "start_date and end_date may not span more than 90 days")
        return start, end
    if start:
        return start, _shifted(start, SPAN)
    if end:
        return _shifted(end, -SPAN), end
    return timezone.now() - SPAN, None


def _filtered(query):
    """The public reports a GET Service Requests asks for, newest first."""
    reports = Report.objects.public().select_related("category").order_by("-created_at", "-pk")
    if references := _values(query, "service_request_id"):
        return reports.filter(reference__in=references)  # the spec: it overrides all other arguments
    if codes := _values(query, "service_code"):
        reports = reports.filter(category__code__in=codes)
    if statuses := _values(query, "status"):
        if unknown := sorted(statuses - {"open", "closed"}):
            raise Open311Error(400, f"status may be open or closed, comma-separated, not {unknown[0][:50]!r}")
        reports = reports.with_status(statuses)
    return reports.received_between(*_period(query))


def _category(code: str) -> Category:
    category = Category.objects.active().filter(code=code).first()
    if category is None:
        raise Open311Error(404, f"service_code {code[:50]!r} was not found")
    return category


def _degrees(text: str, name: str, limit: int) -> float:
    if len(text) > 40 or not DEGREES.fullmatch(text):
        raise Open311Error(400, f"{name} must be a number of degrees (WGS84), such as 50.0614")
    value = float(text)
    if not (math.isfinite(value) and -limit <= value <= limit):
        raise Open311Error(400, f"{name} must be between -{limit} and {limit} degrees")
    return round(value, 6)  # under 1 m, as FixMyStreet keeps them


def _location(form) -> tuple[float | None, float | None]:
    """The spec's location: lat and long, or address_string, or address_id; the coordinates if they came."""
    latitude, longitude = form.get("lat", "").strip(), form.get("long", "").strip()
    if latitude or longitude:
        if not (latitude and longitude):
            raise Open311Error(400, "lat and long must both be given")
        return _degrees(latitude, "lat", 90), _degrees(longitude, "long", 180)
    if not (form.get("address_string", "").strip() or form.get("address_id", "").strip()):
        raise Open311Error(400, "A location is required: lat and long, address_string or address_id")
    return None, None


def _texts(form) -> dict[str, str]:
    texts = {name: form.get(name, "").strip() for name in TEXT_LIMITS}
    for name, text in texts.items():
        if len(text) > TEXT_LIMITS[name]:
            raise Open311Error(400, f"{name} is longer than {TEXT_LIMITS[name]} characters")
        if has_control_characters(text):
            raise Open311Error(400, f"{name} contains control characters")
    if not texts["description"]:
        raise Open311Error(400, "description was not provided")
    if texts["email"]:
        try:
            validate_email(texts["email"])
        except ValidationError:
            raise Open311Error(400, "email is not a valid e-mail address") from None
    if len(name := f"{texts['first_name']} {texts['last_name']}".strip()) > 200:
        raise Open311Error(400, "first_name and last_name are longer than 200 characters together")
    return {**texts, "name": name}


# --- What the public sees ---------------------------------------------------------------------------------------


def _w3c(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


def _service(category: Category) -> dict:
    return {
        "service_code": category.code,
        "service_name": category.name,
        "description": category.description,
        "metadata": False,
        "type": "realtime",
        "keywords": "",
        "group": "",
    }


def _public(report: Report) -> dict:
    # Only what the public may see. The spec has a description and an address, but the resident's words, name,
    # e-mail and own wording of the place stay private: they wrote to the moderators, not to the world (on
    # FixMyStreet, which publishes them, residents write knowing their report is public). Where the problem is,
    # as a city system sent it (coordinates to 6 decimals, its address_id), is shown as FixMyStreet shows it;
    # it is erased with the personal data when the report is anonymised. Reports from the web form have no
    # coordinates: null in JSON, an empty element in XML, as the spec's examples show what is missing.
    return {
        "service_request_id": report.reference,
        "status": "open" if report.is_open else "closed",
        "status_notes": str(report.get_state_display()),  # in the answer's language (the caller's override)
        "service_name": report.category.name,
        "service_code": report.category.code,
        "description": None,
        "requested_datetime": _w3c(report.created_at),
        "updated_datetime": _w3c(report.updated_at),
        "address": CITY,
        "address_id": report.address_id or None,
        "lat": report.latitude,
        "long": report.longitude,
    }


# --- Views ------------------------------------------------------------------------------------------------------


@endpoint("GET")
def discovery(request, fmt):
    data = {
        "changeset": CHANGESET,
        "contact": settings.OPEN311_CONTACT,
        "key_service": settings.OPEN311_KEY_SERVICE,
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": f"{settings.SITE_URL}/open311/v2",
                "changeset": CHANGESET,
                "type": "test" if settings.DEBUG else "production",
                # The spec's names of its formats; the XML is served as application/xml, its current name.
                "formats": ["text/xml", "application/json"],
            }
        ],
    }
    return _render(data, fmt, root="discovery")


@endpoint("GET")
def service_list(request, fmt):
    language = _requested_language(request) or settings.LANGUAGE_CODE
    with translation.override(language):
        data = [_service(category) for category in Category.objects.active()]
    return _render(data, fmt, root="services", item="service", language=language)


@endpoint("GET")
def service_definition(request, fmt, service_code):
    # No service asks for more than the spec's own fields (metadata is false): a definition without attributes.
    category = _category(service_code)
    return _render({"service_code": category.code, "attributes": []}, fmt, root="service_definition")


@endpoint("GET", "POST")
def request_list(request, fmt):
    if request.method == "POST":
        return _create(request, fmt)
    language = _requested_language(request) or settings.LANGUAGE_CODE
    reports = _filtered(request.GET)
    with translation.override(language):
        data = [_public(report) for report in reports[:MAX_REQUESTS]]
    return _render(data, fmt, root="service_requests", item="request", language=language)


@endpoint("GET")
def request_detail(request, fmt, service_request_id):
    report = Report.objects.public().select_related("category").filter(reference=service_request_id).first()
    if report is None:
        raise Open311Error(404, f"service_request_id {service_request_id[:50]!r} was not found")
    language = _requested_language(request) or settings.LANGUAGE_CODE
    with translation.override(language):
        data = [_public(report)]
    return _render(data, fmt, root="service_requests", item="request", language=language)


def _create(request, fmt):
    if request.content_type not in FORM_TYPES:
        raise Open311Error(
            400,
            "Send the request as a form (application/x-www-form-urlencoded or multipart/form-data), "
            "as GeoReport v2 says",
        )
    form = request.POST
    for name in POSTED_FIELDS:
        _single(form, name)
    api_key = ApiKey.find(form.get("api_key", ""))
    if api_key is None:
        raise Open311Error(403, "api_key is missing or not valid")
    if not (code := form.get("service_code", "").strip()):
        raise Open311Error(400, "service_code was not provided")
    category = _category(code)
    latitude, longitude = _location(form)
    texts = _texts(form)
    language = _requested_language(request)
    retried = request.headers.get("Idempotency-Key", "").strip()
    key = uuid.uuid5(IDEMPOTENCY_NAMESPACE, f"{api_key.pk}:{retried}") if retried else uuid.uuid4()
    try:
        with translation.override("en"):  # a model's own message, should one come, in the API's language
            report = services.submit_report(
                idempotency_key=key,
                category=category,
                message=texts["description"],
                place=texts["address_string"],
                latitude=latitude,
                longitude=longitude,
                address_id=texts["address_id"],
                name=texts["name"],
                email=texts["email"],
                # The confirmation goes out in the report's language: the one asked for, else the city's.
                language=language or SOURCE_LANGUAGE,
                source=Report.Source.OPEN311,
            )
    except ValidationError as error:
        if retried and Report.objects.filter(idempotency_key=key).exists():
            raise Open311Error(400, "This Idempotency-Key was already used for another request") from None
        raise Open311Error(400, "; ".join(error.messages)) from None
    notice = {"service_request_id": report.reference, "service_notice": "", "account_id": None}
    return _render([notice], fmt, root="service_requests", item="request", language=language or settings.LANGUAGE_CODE)


FORMAT = r"\.(?P<fmt>json|xml)$"
urlpatterns = [
    re_path(rf"^discovery{FORMAT}", discovery, name="open311_discovery"),
    re_path(rf"^v2/discovery{FORMAT}", discovery, name="open311_discovery_v2"),  # where FixMyStreet has it
    re_path(rf"^v2/services{FORMAT}", service_list, name="open311_services"),
    re_path(rf"^v2/services/(?P<service_code>[^/]+){FORMAT}", service_definition, name="open311_service"),
    re_path(rf"^v2/requests{FORMAT}", request_list, name="open311_requests"),
    re_path(rf"^v2/requests/(?P<service_request_id>[^/]+){FORMAT}", request_detail, name="open311_request"),
    # Anything else under /open311/ is the spec's 404, never a page of the site.
    re_path(r"", not_found, name="open311_not_found"),
]
