"""The fuzz test's pieces: every URL pattern of the site, hostile values for each of its parts, and a checker
that sends requests, counts them and keeps every answer of 500 or more (see test_fuzz.py)."""

import contextlib
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote

from django.apps import apps
from django.conf import settings
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from django.utils import translation
from django.utils.regex_helper import normalize

LANGUAGES = [code for code, _name in settings.LANGUAGES]
METHODS = ("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "POST", "PATCH")
TEN_THOUSAND = "a" * 10_000

# Values for a path segment or a parameter, percent-encoded as they travel on the wire: Django decodes them the
# way a WSGI server does, so "%ff" reaches the site as the byte 0xFF.
HOSTILE = {
    "NUL": "%00",
    "NUL inside": "OK17%0001",
    "invalid UTF-8": "%ff%fe",
    "overlong UTF-8 slash": "%c0%af",
    "UTF-16 surrogate": "%ed%a0%80",
    "10,000 characters": TEN_THOUSAND,
    "dot-dot": "..",
    "encoded dot-dot": "%2e%2e",
    "traversal": "..%2f..%2f..%2fopenkrakow%2fsettings.py",
    "encoded slash": "a%2fb",
    "backslash": "..%5c..%5cwin.ini",
    "Polish": quote("Zażółć gęślą jaźń"),
    "Ukrainian": quote("Їжак і ґудзик"),
    "emoji": quote("😀🇵🇱"),
    "right-to-left override": quote("\u202eabc"),
    "BOM": "%ef%bb%bf",
    "U+FFFF": "%ef%bf%bf",
    "Arabic digits": quote("١٢٣"),
    "full-width": quote("ＯＫ１７０１"),
    "long number": "9" * 40,
    "negative": "-1",
    "zero": "0",
    "float": "1e308",
    "NaN": "NaN",
    "SQL quote": quote("' OR '1'='1' --"),
    "markup": quote('"><script>alert(1)</script>'),
    "lone percent": "%",
    "bad escape": "%zz",
    "encoded percent": "%2500",
    "control characters": "%01%08%1b%7f%c2%85",
    "CRLF": "%0d%0aSet-Cookie:%20x=1",
    "space": "%20",
    "empty": "",
    "absolute URL": quote("https://evil.example/", safe=""),
    "scheme-relative": "%2f%2fevil.example",
    "javascript": quote("javascript:alert(1)", safe=""),
    "bad date": "2024-02-30",
    "year 0": "0000-01-01",
    "year 9999": "9999-12-31T23:59:59",
    "format string": "%25s%25n%25(x)s{0}{x}",
    "JSON": quote('{"a":[1]}', safe=""),
}
# A handful that break most often, for where the whole list would cost too much.
HARSHEST = ["NUL", "invalid UTF-8", "10,000 characters", "long number", "SQL quote", "control characters"]

# Every GET parameter a view of the site or of the admin reads, and a few that Open311 clients send.
QUERY_NAMES = [
    "q", "page", "session", "next", "agenda", "lang", "locale", "language", "new", "day", "venue", "track",
    "service_code", "service_request_id", "status", "start_date", "end_date", "jurisdiction_id", "format",
    "content_type", "selection", "object", "o", "p", "e", "all", "_changelist_filters", "_popup", "_to_field",
    "term", "app_label", "model_name", "field_name", "redirect_field_name",
]  # fmt: skip
# Every field name of the site's forms (feedback, registration, manage, star, Open311, login, two-factor,
# translation dashboard).
FORM_FIELDS = [
    "category", "message", "place", "name", "email", "website", "stamp", "idempotency_key", "language", "days",
    "sessions", "accessibility_needs", "volunteer_roles", "volunteer_language_pairs", "volunteer_days", "action",
    "booking", "interpretation", "session", "next", "agenda", "from_agenda", "api_key", "service_code",
    "description", "address_string", "first_name", "last_name", "lat", "long", "jurisdiction_id", "username",
    "password", "otp_token", "code", "selection", "object", "file",
]  # fmt: skip


def query_variants(names: list[str]) -> dict[str, str]:
    """Query strings that give every name at once a hostile value, or an array where one value is expected."""
    variants = {label: "&".join(f"{name}={value}" for name in names) for label, value in HOSTILE.items()}
    variants |= {
        "repeated": "&".join(f"{name}=1&{name}=2" for name in names),
        "repeated, one empty": "&".join(f"{name}=1&{name}=" for name in names),
        "PHP array": "&".join(f"{name}[]=x&{name}[]=y" for name in names),
        "indexed array": "&".join(f"{name}[0]=x&{name}[1]=y" for name in names),
        "name without value": "&".join(names),
        "NUL in a name": "%00=1&a%00b=2",
        "invalid UTF-8 in a name": "%ff%fe=1&q%c0=2",
        "10,000-character name": f"{TEN_THOUSAND}=1",
        "only separators": "&&&=&==&;;",
        "1,500 fields": "&".join(f"f{number}=1" for number in range(1500)),
    }
    return variants


@dataclass(frozen=True)
class Body:
    content: bytes
    content_type: str


def bodies(fields: list[str]) -> dict[str, Body]:
    """Request bodies of odd types and encodings, and forms whose fields carry hostile values."""
    form = "application/x-www-form-urlencoded"

    def encoded(value: str) -> bytes:
        return "&".join(f"{name}={value}" for name in fields).encode()

    return {
        "empty form": Body(b"", form),
        "JSON": Body(b'{"name": ["x"], "email": {"a": 1}, "message": null}', "application/json"),
        "broken JSON": Body(b'{"name": ', "application/json"),
        "plain text": Body(b"name=x&email=y", "text/plain"),
        "XML": Body(
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', "application/xml"
        ),  # noqa: E501
        "multipart without boundary": Body(
            b'--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--', "multipart/form-data"
        ),  # noqa: E501
        "multipart, broken": Body(
            b'--x\r\nContent-Disposition: form-data; name="a\r\n\r\n', "multipart/form-data; boundary=x"
        ),  # noqa: E501
        "multipart, file with a NUL name": Body(
            b'--x\r\nContent-Disposition: form-data; name="file"; filename="a\x00.po"\r\n'
            b'Content-Type: text/plain\r\n\r\nmsgid ""\r\n--x--\r\n',
            "multipart/form-data; boundary=x",
        ),
        "UTF-16 charset": Body("name=x&message=ä".encode("utf-16"), f"{form}; charset=utf-16"),
        "bogus charset": Body(encoded("x"), f"{form}; charset=bogus"),
        "invalid UTF-8 bytes": Body("&".join(f"{name}=\xff\xfe\xc0" for name in fields).encode("latin-1"), form),
        "raw NUL bytes": Body(b"\x00" * 64 + b"&name=\x00", form),
        "1,500 fields": Body("&".join(f"f{number}=1" for number in range(1500)).encode(), form),
        "repeated fields": Body("&".join(f"{name}=1&{name}=2" for name in fields).encode(), form),
        "PHP arrays": Body("&".join(f"{name}[]=1" for name in fields).encode(), form),
        **{f"fields {label}": Body(encoded(HOSTILE[label]), form) for label in ["NUL", "invalid UTF-8", "long number"]},
    }


@dataclass(frozen=True)
class Route:
    """One URL pattern in one language: its address with %(name)s where the pattern takes a value."""

    name: str
    template: str
    params: tuple[str, ...]
    language: str | None = None
    model: type | None = None  # the model of an admin page under admin/<app label>/<model name>/

    @property
    def is_admin(self) -> bool:
        return self.template.startswith("/admin/")

    def url(self, values: dict[str, str]) -> str:
        return self.template % {name: values[name] for name in self.params}


def url_patterns() -> list[tuple]:
    """Every URLPattern of the root URLconf, each with the resolvers that lead to it."""

    def walk(resolver, chain):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry, (*chain, entry))
            else:
                yield (*chain, entry)

    return list(walk(get_resolver(), ()))


def routes() -> list[Route]:
    """Every URL pattern, once per language for those under the language prefix."""
    found = []
    for chain in url_patterns():
        localised = any(isinstance(entry.pattern, LocalePrefixPattern) for entry in chain)
        for language in LANGUAGES if localised else [None]:
            regex = "".join(_regex(entry.pattern, language) for entry in chain)
            (template, params), *_alternatives = normalize(regex)
            namespaces = [entry.namespace for entry in chain[:-1] if getattr(entry, "namespace", None)]
            name = ":".join([*namespaces, chain[-1].name or template])
            found.append(Route(name, f"/{template}", tuple(params), language, _admin_model(chain)))
    return found


def _regex(pattern, language) -> str:
    if isinstance(pattern, LocalePrefixPattern):
        with translation.override(language):
            return re.escape(pattern.language_prefix)
    return re.sub(r"(\\Z|\$)$", "", pattern.regex.pattern.removeprefix("^"))


def _admin_model(chain):
    if not str(chain[0].pattern).startswith("admin/"):
        return None
    for entry in chain:
        parts = str(entry.pattern).strip("/").split("/")
        if isinstance(entry.pattern, RoutePattern) and len(parts) == 2:
            try:
                return apps.get_model(*parts)
            except LookupError:
                continue
    return None


def filter_links(html: str) -> list[tuple[str, str]]:
    """The parameters of an admin changelist's filter, search and sort links: what it reads besides QUERY_NAMES."""
    found = []
    for query in re.findall(r'href="\?([^"]*)"', html):
        found += parse_qsl(query.replace("&amp;", "&"), keep_blank_values=True)
    return found


@dataclass(frozen=True)
class Probe:
    method: str
    path: str  # percent-encoded, with its query string
    body: Body = Body(b"", "application/octet-stream")
    headers: tuple[tuple[str, str], ...] = ()  # WSGI environ entries
    label: str = ""

    def __str__(self):
        path = self.path if len(self.path) <= 160 else f"{self.path[:120]}…[{len(self.path)} characters]"
        body = f" [{self.body.content_type}, {len(self.body.content)} bytes]" if self.body.content else ""
        headers = f" [{', '.join(name for name, _value in self.headers)}]" if self.headers else ""
        label = f" ({self.label})" if self.label else ""
        return f"{self.method} {path}{body}{headers}{label}"


@dataclass
class Fuzzer:
    """Sends probes through a test client; every answer of 500 or more, or anything raised, is a failure."""

    requests: int = 0
    statuses: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    remote_addr: int = 0

    def send(self, client, probe: Probe) -> int | None:
        self.requests += 1
        # Each request from its own address, so that rate limits and lockouts do not hide what comes after.
        self.remote_addr += 1
        environ = {
            "REMOTE_ADDR": f"10.{self.remote_addr >> 16 & 255}.{self.remote_addr >> 8 & 255}.{self.remote_addr & 255}"
        }
        environ.update(probe.headers)
        try:
            response = client.generic(probe.method, probe.path, probe.body.content, probe.body.content_type, **environ)
        except Exception as error:  # noqa: BLE001 - whatever escapes Django's handler fails the test as well
            self.statuses["raised"] += 1
            self.failures.append(f"{probe} -> raised {type(error).__name__}: {str(error)[:200]}")
            return None
        self.statuses[response.status_code] += 1
        if response.status_code >= 500:
            cause = ""
            if response.exc_info:
                error = response.exc_info[1]
                cause = f": {type(error).__name__}: {str(error)[:200]}"
            self.failures.append(f"{probe} -> {response.status_code}{cause}")
        return response.status_code

    @property
    def server_errors(self) -> int:
        return sum(count for status, count in self.statuses.items() if status == "raised" or status >= 500)

    def summary(self, *, patterns: int, routes: int, seconds: float) -> str:
        statuses = ", ".join(f"{status}: {count}" for status, count in sorted(self.statuses.items(), key=str))
        return (
            f"Fuzz: {patterns} URL patterns ({routes} with each language's prefix), {self.requests} requests in "
            f"{seconds:.0f} s, {self.server_errors} answers of 500 or more. Statuses: {statuses}."
        )

    def report(self, limit: int = 50) -> str:
        shown = "\n".join(self.failures[:limit])
        more = f"\n… and {len(self.failures) - limit} more" if len(self.failures) > limit else ""
        return f"{shown}{more}"


@contextlib.contextmanager
def quiet_logs():
    """Thousands of 404s and refused requests are expected here: keep only errors in the captured log."""
    loggers = [logging.getLogger(name) for name in ("django.request", "django.security", "axes")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
