"""Project-wide request helpers: the client's address behind proxies, refusing what no client sends, and headers
every response carries."""

import ipaddress
import re

from django.conf import settings
from django.core.exceptions import SuspiciousOperation

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

# An address (ip, "ip:port", "[v6]:port", "[v6]") as proxies write it into X-Forwarded-For; RFC 7239 quotes it.
_BRACKETED = re.compile(r"\[(?P<host>[^\]]+)\](?::\d{1,5})?")
_IPV4_WITH_PORT = re.compile(r"(?P<host>[\d.]+):\d{1,5}")


def _address(value: str) -> str | None:
    """The IP address in one proxy entry, normalised; None for "unknown", obfuscated names ("_hidden") and junk."""
    value = value.strip().strip('"')
    if len(value) > 64:
        return None
    match = _BRACKETED.fullmatch(value) or _IPV4_WITH_PORT.fullmatch(value)
    try:
        address = ipaddress.ip_address(match["host"] if match else value)
    except ValueError:
        return None
    if address.version == 6 and address.scope_id:  # a link-local zone means nothing to the database or to us
        return None
    return str(getattr(address, "ipv4_mapped", None) or address)


def client_ip(request) -> str | None:
    """The visitor's address; behind TRUSTED_PROXY_COUNT proxies, the entry that many from the right.

    When that entry is no IP address (a proxy may write "unknown", a port, or hide the client), the address of
    the nearest proxy stands in: stored rows and rate limits always get an address, or None.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies and (address := _address(forwarded[-proxies])):
        return address
    return _address(request.META.get("REMOTE_ADDR", ""))


# No address holds a control character; no text holds a NUL (nor can PostgreSQL store one). The other control
# characters in a query or a form are for the forms to judge, with a message next to the field.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}


class MalformedRequest(SuspiciousOperation):
    """A request no browser sends; logged as django.security.MalformedRequest, answered with the 400 page."""


def _has_nul(data) -> bool:
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in data.lists())


class RejectMalformedRequestMiddleware:
    """Refuse, with the translated 400 page, a request no browser sends: a control character in the address, or
    a NUL in the query or in a form. Early in MIDDLEWARE, so that no view, session or database lookup sees one.

    Reading the form here also turns a body Django cannot parse (a charset other than UTF-8, a multipart body
    without a boundary, too large, too many fields) into that 400 before anything else trips over it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _CONTROL.search(request.path_info) or _has_nul(request.GET):
            raise MalformedRequest("A control character in the address or a NUL in the query")
        if request.method == "POST" and request.content_type in _FORM_TYPES and _has_nul(request.POST):
            raise MalformedRequest("A NUL in a form")
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    """Switch off browser features the site never uses (Django's SecurityMiddleware sets the other headers)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
