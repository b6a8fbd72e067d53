"""The fuzz test: every URL pattern in every language, sent hostile requests, never answers 500 or more.

Each pattern of the root URLconf (admin, Open311, sitemap, media, robots, healthz, and every public page under
each language's prefix) is filled with real values from the demo, then with hostile ones: NUL, invalid UTF-8,
10,000-character segments, traversals, numbers too large for the database, quotes, emoji. Each address is asked
with every method (GET, HEAD, OPTIONS, PUT, DELETE, POST, PATCH), with hostile query strings (arrays where one
value is expected, 1,500 fields), hostile headers, and bodies of odd content types and encodings; the site's
forms get their real fields, one at a time hostile; the admin is asked as a superuser too. A deterministic
matrix runs first; Hypothesis then draws requests from the same parts. Every answer of 500 or more is listed
with its request, and the test fails once with the whole list. The pieces are in fuzz.py.
"""

import itertools
import re
import time
import uuid
from types import SimpleNamespace
from urllib.parse import quote

import pytest
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponse
from django.test import Client
from django.urls import path
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from conference import agenda
from conference.models import Booking, Day, Session, Speaker, Venue
from feedback.models import ApiKey, Category, Report
from feedback.tokens import form_stamp
from openkrakow import urls as site_urls
from pages.models import Document, NewsEntry, Page
from tests import fuzz
from tests.fuzz import HARSHEST, HOSTILE, LANGUAGES, METHODS, Body, Fuzzer, Probe

pytestmark = pytest.mark.integration

API_KEY = "fuzz-api-key"
SENDERS = itertools.count()
EDITOR = "fuzz-editor"
# Hostile values sent to every query parameter at once, and to each of the site's form fields in turn.
QUERY_HOSTILE = [
    "NUL", "invalid UTF-8", "overlong UTF-8 slash", "10,000 characters", "emoji", "long number", "negative",
    "SQL quote", "control characters", "CRLF", "absolute URL", "scheme-relative", "bad date", "year 9999", "empty",
]  # fmt: skip
FORM_HOSTILE = [
    "NUL", "invalid UTF-8", "10,000 characters", "long number", "negative", "float", "SQL quote", "markup",
    "control characters", "CRLF", "absolute URL", "JSON",
]  # fmt: skip
CHANGELIST_VALUES = itertools.cycle(
    ["NUL", "invalid UTF-8", "long number", "SQL quote", "10,000 characters", "year 9999"]
)
# What the admin's forms get in every field; ten thousand characters in each of them would cost more than it tells.
FIELD_VALUES = ["invalid UTF-8", "long number", "SQL quote", "control characters"]
QUERY_SHAPES = ["repeated", "PHP array", "NUL in a name", "invalid UTF-8 in a name", "1,500 fields"]
# Headers a browser, a proxy or an attacker may send, as WSGI environ entries (latin-1 strings stand for bytes).
HEADERS = {
    "agenda cookie, invalid UTF-8": ("HTTP_COOKIE", "agenda=\xff\xfe\xc0"),
    "agenda cookie, NUL": ("HTTP_COOKIE", "agenda=a\x00b; sessionid=\x00"),
    "session and CSRF cookies": ("HTTP_COOKIE", "sessionid=../../x; csrftoken=%00; django_language=xx\xff"),
    "language cookie, 10,000 characters": ("HTTP_COOKIE", f"django_language={fuzz.TEN_THOUSAND}"),
    "Accept-Language": ("HTTP_ACCEPT_LANGUAGE", "xx-\xff;q=abc, *;q=-1, uk;q=1e999, " + "pl," * 3000),
    "If-None-Match": ("HTTP_IF_NONE_MATCH", 'W/"\x00", *, "' + "a" * 10_000),
    "If-Modified-Since": ("HTTP_IF_MODIFIED_SINCE", "Mon, 99 Foo 0000 99:99:99 GMT"),
    "X-Forwarded-For": ("HTTP_X_FORWARDED_FOR", "unknown, \x00, 999.1.1.1, ::ffff:zz, " + "1" * 5000),
    "X-Forwarded-For, one garbage entry": ("HTTP_X_FORWARDED_FOR", "not-an-address"),
    "Host": ("HTTP_HOST", "evil.example\xff"),
    "Content-Length": ("CONTENT_LENGTH", "-1"),
}


@pytest.fixture
def site(demo, settings):
    """The demo with an editor and an Open311 key, the page cache on as in production, behind one proxy."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # hundreds of log-in attempts
    settings.PAGE_CACHE = True
    settings.SERVE_MEDIA = True
    settings.TRUSTED_PROXY_COUNT = 1
    ApiKey.objects.create(name="Fuzz", key_hash=ApiKey.hash(API_KEY))
    editor = User.objects.create_superuser(EDITOR, "fuzz-editor@example.org", "fuzz-password-123")
    session = Session.objects.for_schedule().first()
    registration = Booking.objects.select_related("registration").first().registration
    document = Document.objects.published().first()
    page = Page.objects.published().filter(parent__isnull=False).first()
    return SimpleNamespace(
        editor=editor,
        session=session,
        session_code=session.code,
        bookable=Session.objects.open_for_registration().first(),
        registration=registration,
        booking=registration.bookings.first(),
        category=Category.objects.active().first(),
        day=Day.objects.first(),
        routes=fuzz.routes(),
        # By (pattern name, value name); values of other names are in real_values().
        real={
            ("conference:speaker", "slug"): Speaker.objects.first().slug,
            ("conference:venue", "slug"): Venue.objects.first().slug,
            ("pages:news_detail", "slug"): NewsEntry.objects.published().first().slug,
            ("conference:agenda", "token"): agenda.make_token([session.code]),
            ("conference:agenda_ics", "token"): agenda.make_token([session.code]),
            ("conference:manage_registration", "token"): registration.manage_token(),
            ("conference:registration_calendar", "token"): registration.manage_token(),
            ("feedback:status", "token"): Report.objects.first().status_token(),
            ("pages:page", "path"): page.path,
            ("media", "path"): document.file.name,
            ("admin:view_on_site", "content_type_id"): str(ContentType.objects.get_for_model(Page).pk),
            ("admin:view_on_site", "object_id"): str(page.pk),
        },
    )


def real_values(route: fuzz.Route, site) -> dict[str, str]:
    """The values that lead to a real page: the demo's objects, tokens and files."""
    first = route.model._default_manager.order_by("pk").first() if route.model else None
    by_name = {
        "code": site.session_code,
        "fmt": "json",
        "app_label": "pages",
        "url": "no-such-page/",
        "content_id": "0" * 32,
        "_1": "en",  # the language of a translation to delete
        **dict.fromkeys(["object_id", "_0", "pk", "id"], str(first.pk) if first else "1"),
    }
    return {name: site.real.get((route.name, name), by_name.get(name, "1")) for name in route.params}


def query_after(route: fuzz.Route, site) -> str:
    """What a route needs in its query string to get past its first check; sent last, so that it wins."""
    return f"session={site.session_code}" if route.name == "conference:star" else ""


def forms(site, language: str) -> dict[str, dict[str, list[str]]]:
    """Each public form's fields, filled in as a visitor would."""
    interpretation = {
        f"interpretation_{session.code}": [session.interpretation_languages[0]]
        for session in Session.objects.open_for_registration()
        if session.interpretation_languages
    }
    return {
        "feedback:index": {
            "category": [site.category.code],
            "message": ["Na przystankach brakuje rozkładów jazdy."],
            "place": ["Nowa Huta"],
            "name": ["Olena Kovalenko"],
            "email": ["olena@example.org"],
            "website": [""],
            "stamp": [form_stamp()],
            "idempotency_key": [str(uuid.uuid4())],
        },
        "conference:register": {
            "name": ["Olena Kovalenko"],
            "email": ["olena@example.org"],
            "language": [language],
            "days": [str(site.day.pk)],
            "sessions": [str(site.bookable.pk)] if site.bookable else [],
            "accessibility_needs": ["A seat near the door."],
            "volunteer_roles": ["guide"],
            "volunteer_language_pairs": ["pl-uk"],
            "volunteer_days": [str(site.day.pk)],
            "idempotency_key": [str(uuid.uuid4())],
            **interpretation,
        },
        "conference:manage_registration": {
            "action": ["interpretation"],
            "booking": [str(site.booking.pk)],
            "interpretation": ["uk"],
        },
        "conference:star": {
            "session": [site.session.code],
            "next": [f"/{language}/conference/schedule/"],
            "agenda": [agenda.make_token([site.session.code])],
            "from_agenda": ["1"],
        },
        "open311_requests": {
            "api_key": [API_KEY],
            "service_code": [site.category.code],
            "description": ["Brak rozkładów jazdy."],
            "address_string": ["Rynek Główny 1"],
            "email": ["olena@example.org"],
            "first_name": ["Olena"],
            "last_name": ["Kovalenko"],
            "lat": ["50.06"],
            "long": ["19.94"],
        },
        "admin:login": {
            "admin_login_view-current_step": ["auth"],
            "username": [EDITOR],
            "password": ["wrong password"],
        },
    }


def encode(fields: dict[str, list[str]], *, hostile: tuple[str, str] | None = None) -> bytes:
    """A form body; `hostile` puts one raw (already percent-encoded) value in place of one field's values."""
    pairs = [
        f"{quote(name)}={quote(value)}"
        for name, values in fields.items()
        if name != (hostile or ("",))[0]
        for value in values
    ]
    if hostile:
        pairs.append(f"{quote(hostile[0])}={hostile[1]}")
    return "&".join(pairs).encode()


def anonymous_probes(route: fuzz.Route, site, *, turn: bool):
    """What an anonymous visitor may send to one pattern in one language. On the pattern's `turn` (one language
    per pattern), every hostile value, body and header; in the other languages, the harshest few."""
    values = real_values(route, site)
    real = route.url(values)
    after = query_after(route, site)

    def address(query: str) -> str:
        return f"{real}?{'&'.join(filter(None, [query, after]))}" if query or after else real

    for method in METHODS:
        yield Probe(method, address(""))
    yield Probe("GET", f"{real}{HOSTILE['NUL']}/{fuzz.TEN_THOUSAND}/%ff/", label="hostile segments after")
    queries = fuzz.query_variants(fuzz.QUERY_NAMES)
    if route.is_admin:  # anonymous visitors only meet the log-in redirect, which carries what they sent
        yield Probe("POST", real, fuzz.bodies(fuzz.FORM_FIELDS)["UTF-16 charset"], label="UTF-16 charset")
        if turn:
            for label in ["10,000 characters", "1,500 fields"]:
                yield Probe("GET", address(queries[label]), label=f"query: {label}")
        return
    for name in route.params:
        for label in HOSTILE if turn else HARSHEST:
            yield Probe("GET", route.url({**values, name: HOSTILE[label]}), label=f"{name}: {label}")
    for label in [*QUERY_HOSTILE, *QUERY_SHAPES] if turn else ["NUL", "invalid UTF-8", "repeated"]:
        yield Probe("GET", address(queries[label]), label=f"query: {label}")
    body_variants = fuzz.bodies(fuzz.FORM_FIELDS)
    for label in body_variants if turn else ["UTF-16 charset", "invalid UTF-8 bytes", "multipart without boundary"]:
        yield Probe("POST", address(""), body_variants[label], label=label)
    if turn:
        for label in ["JSON", "plain text", "raw NUL bytes"]:
            yield Probe("PUT", address(""), body_variants[label], label=label)
            yield Probe("PATCH", address(""), body_variants[label], label=label)
        for label, header in HEADERS.items():
            yield Probe("GET", address(""), headers=(header,), label=label)


def form_probes(route: fuzz.Route, site, fields: dict[str, list[str]], turns):
    """A form's real fields, each in turn hostile; each (field, value) in one of the languages, by `turns`."""
    real = route.url(real_values(route, site))
    form = "application/x-www-form-urlencoded"

    def filled(**changed) -> dict[str, list[str]]:
        # A new sender each time, so that a limit per e-mail address does not answer in the form's place.
        sender = {"email": [f"visitor.{next(SENDERS)}@example.org"]} if "email" in fields else {}
        return {**fields, **sender, **changed}

    yield Probe("POST", real, Body(encode(filled()), form), label="as filled in")
    mine = LANGUAGES.index(route.language or "en")
    for name in fields:
        for label in FORM_HOSTILE:
            if next(turns) % len(LANGUAGES) == mine:
                body = Body(encode(filled(), hostile=(name, HOSTILE[label])), form)
                yield Probe("POST", real, body, label=f"{name}: {label}")
        if next(turns) % len(LANGUAGES) == mine:
            body = Body(encode(filled(**{name: ["1", "2", fuzz.TEN_THOUSAND]})), form)
            yield Probe("POST", real, body, label=f"{name}: repeated")


def editor_probes(route: fuzz.Route, site, editor):
    """The admin as a superuser: each page, its values hostile, changelists' parameters, forms' fields."""
    values = real_values(route, site)
    real = route.url(values)
    yield Probe("GET", real)
    for name in route.params:
        for label in ["NUL", "invalid UTF-8", "10,000 characters", "long number"]:
            yield Probe("GET", route.url({**values, name: HOSTILE[label]}), label=f"{name}: {label}")
    if route.name.endswith("_changelist"):
        names = ["q", "o", "p", "e", "all", "_facets", "_popup", "_to_field", "_changelist_filters"]
        names += sorted({name for name, _value in fuzz.filter_links(editor.get(real).content.decode())} - set(names))
        for name in names:
            label = next(CHANGELIST_VALUES)  # the values take turns, from name to name and list to list
            yield Probe("GET", f"{real}?{name}={HOSTILE[label]}", label=f"{name}: {label}")
        yield Probe("GET", f"{real}?{'&'.join(f'{name}=1&{name}=2' for name in names)}", label="repeated")
        yield Probe("GET", f"{real}?{'&'.join(f'{name}[]=1' for name in names)}", label="PHP arrays")
    forms_page = route.name.startswith(("translation_", "two_factor")) and route.name != "two_factor:qr"  # a PNG
    if route.name.endswith(("_add", "_change")) or forms_page:
        html = editor.get(real).content.decode()
        names = sorted(
            set(re.findall(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"', html)) - {"csrfmiddlewaretoken"}
        )
        # The inlines' form counts are tried apart: a huge one is taken as Django's cap, two thousand empty forms.
        counts = [name for name in names if name.endswith("_FORMS")]
        fields = [name for name in names if name not in counts]
        # Each field gets every one of these values across the posts (all of them on add pages). No NUL: one in
        # any field has the whole form refused before the admin reads it (that is tried on its own, below).
        for shift in range(len(FIELD_VALUES) if route.name.endswith("_add") else 2):
            body = "&".join(
                f"{name}={HOSTILE[FIELD_VALUES[(i + shift) % len(FIELD_VALUES)]]}" for i, name in enumerate(fields)
            )
            form = Body(body.encode(), "application/x-www-form-urlencoded")
            yield Probe("POST", real, form, label=f"every field hostile ({shift + 1})")
        for value in ["-1", "abc"] if counts else []:
            body = "&".join(f"{name}={value}" for name in counts).encode()
            yield Probe("POST", real, Body(body, "application/x-www-form-urlencoded"), label=f"form counts {value}")
        nul = "&".join(f"{name}={HOSTILE['NUL inside']}" for name in names)
        yield Probe("POST", real, Body(nul.encode(), "application/x-www-form-urlencoded"), label="NUL in every field")
        yield Probe("POST", real, fuzz.bodies(names)["multipart, file with a NUL name"], label="file with a NUL name")


# Hostile dates reach the admin's date filters, where Django warns before it refuses them.
@pytest.mark.filterwarnings(r"ignore:DateTimeField \w+\.\w+ received a naive datetime:RuntimeWarning")
def test_every_url_pattern_in_every_language_survives_hostile_requests(site, capsys):
    started = time.monotonic()
    fuzzer = Fuzzer()
    anonymous = Client(raise_request_exception=False)
    editor = Client(raise_request_exception=False)
    turns = itertools.count()
    patterns = list(dict.fromkeys(route.name for route in site.routes))
    with fuzz.quiet_logs():
        for route in site.routes:
            # Each public pattern has its turn in one language, the languages taking turns from pattern to
            # pattern; the patterns outside the language prefixes have it always, but for a quarter of the admin's.
            index = patterns.index(route.name) % len(LANGUAGES)
            turn = route.language == LANGUAGES[index] if route.language else not route.is_admin or index == 0
            for probe in anonymous_probes(route, site, turn=turn):
                fuzzer.send(anonymous, probe)
            fields = forms(site, route.language or "en").get(route.name)
            if fields:
                for probe in form_probes(route, site, fields, turns):
                    fuzzer.send(anonymous, probe)
            if route.is_admin:
                editor.force_login(site.editor)  # again: the logout page may have ended the last session
                for probe in editor_probes(route, site, editor):
                    fuzzer.send(editor, probe)
                    if route.name == "admin:logout":
                        editor.force_login(site.editor)
    summary = fuzzer.summary(
        patterns=len(fuzz.url_patterns()), routes=len(site.routes), seconds=time.monotonic() - started
    )
    with capsys.disabled():  # in the log of every run, not only of a failed one
        print(f"\n{summary}")
    assert not fuzzer.failures, f"{summary}\n{fuzzer.report()}"


# Hostile values Hypothesis draws from: the list above, any bytes, any text, any integer; percent-encoded.
SEGMENTS = st.one_of(
    st.sampled_from(list(HOSTILE.values())),
    st.binary(max_size=40).map(lambda raw: quote(raw, safe="")),
    st.text(st.characters(codec="utf-8"), max_size=40).map(lambda text: quote(text, safe="")),
    st.integers().map(str),
)
CONTENT_TYPES = [
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=utf-16",
    "application/x-www-form-urlencoded; charset=latin-1",
    "multipart/form-data",
    "multipart/form-data; boundary=x",
    "application/json",
    "text/plain",
    "",
]


def drawn_probe(data, site) -> tuple[Probe, bool]:
    """One request: a pattern, its values real or hostile, a query, a method, maybe a body and a header; or one
    of the site's forms with some of its fields hostile. True when it is for the admin, as a superuser."""
    public = [route for route in site.routes if not route.is_admin]
    route = data.draw(st.one_of(st.sampled_from(public), st.sampled_from(site.routes)))  # the public ones oftener
    language = route.language or "en"
    form_fields = forms(site, language).get(route.name)
    if form_fields and data.draw(st.booleans()):
        fields = {
            name: [data.draw(SEGMENTS)] if data.draw(st.booleans()) else values for name, values in form_fields.items()
        }
        body = b"&".join(f"{quote(name)}={value}".encode() for name, values in fields.items() for value in values)
        content_type = data.draw(st.sampled_from(CONTENT_TYPES[:3]))
        return Probe("POST", route.url(real_values(route, site)), Body(body, content_type), label="form"), False
    values = {name: data.draw(st.one_of(st.just(real), SEGMENTS)) for name, real in real_values(route, site).items()}
    names = st.one_of(st.sampled_from(fuzz.QUERY_NAMES), SEGMENTS)
    query = "&".join(f"{name}={value}" for name, value in data.draw(st.lists(st.tuples(names, SEGMENTS), max_size=5)))
    method = data.draw(st.sampled_from(METHODS))
    body = Body(b"", "application/octet-stream")
    if method in ("POST", "PUT", "PATCH"):
        body = Body(data.draw(st.binary(max_size=300)), data.draw(st.sampled_from(CONTENT_TYPES)))
    headers = tuple(data.draw(st.lists(st.sampled_from(list(HEADERS.values())), max_size=1)))
    address = f"{route.url(values)}?{query}" if query else route.url(values)
    return Probe(method, address, body, headers), route.is_admin and data.draw(st.booleans())


def test_requests_drawn_by_hypothesis_never_get_a_server_error(site, settings, capsys):
    """The same parts, combined at random (reproducibly: derandomize); Hypothesis shrinks a failure to its core.

    The page cache is off here, as in the other tests, so that a repeated address still reaches its view.
    """
    settings.PAGE_CACHE = False
    started = time.monotonic()
    fuzzer = Fuzzer()
    anonymous = Client(raise_request_exception=False)
    editor = Client(raise_request_exception=False)
    editor.force_login(site.editor)

    # The fixtures stay outside: every example reads and adds to the same demo, which nothing here needs reset.
    @hypothesis_settings(max_examples=300, derandomize=True, database=None, deadline=None)
    @given(st.data())
    def generated(data):
        probe, as_editor = drawn_probe(data, site)
        if as_editor and "_auth_user_id" not in editor.session:
            editor.force_login(site.editor)
        status = fuzzer.send(editor if as_editor else anonymous, probe)
        assert status is not None and status < 500, fuzzer.failures[-1]

    with fuzz.quiet_logs():
        generated()
    summary = fuzzer.summary(
        patterns=len(fuzz.url_patterns()), routes=len(site.routes), seconds=time.monotonic() - started
    )
    with capsys.disabled():
        print(f"\nHypothesis: {summary}")


def crash_unless_a_number(request, code):
    return HttpResponse(str(int(code)))  # ValueError, so a 500, for anything but digits


# The URLconf of the test below: the site's (its error pages link to it) and one broken page.
urlpatterns = [path("broken/<str:code>/", crash_unless_a_number), *site_urls.urlpatterns]


@pytest.mark.urls(__name__)
def test_the_fuzz_lists_every_server_error_with_its_request(db):
    site = SimpleNamespace(session_code="1701", real={})
    [broken] = [route for route in fuzz.routes() if route.template == "/broken/%(code)s/"]
    fuzzer = Fuzzer()
    client = Client(raise_request_exception=False)
    with fuzz.quiet_logs():
        for probe in anonymous_probes(broken, site, turn=True):
            fuzzer.send(client, probe)
    assert not [failure for failure in fuzzer.failures if failure.split()[1] == "/broken/1701/"]  # the real value
    assert fuzzer.server_errors == len(fuzzer.failures) > 0
    assert "GET /broken/%27%20OR%20%271%27%3D%271%27%20--/ (code: SQL quote) -> 500: ValueError: invalid literal" in (
        fuzzer.report(limit=len(fuzzer.failures))
    )


@pytest.mark.unit
def test_the_fuzz_counts_what_escapes_the_handler_as_a_failure():
    class Broken:
        def generic(self, *args, **kwargs):
            raise RuntimeError("escaped")

    fuzzer = Fuzzer()
    assert fuzzer.send(Broken(), Probe("GET", "/x/")) is None
    assert fuzzer.server_errors == fuzzer.requests == 1
    assert fuzzer.failures == ["GET /x/ -> raised RuntimeError: escaped"]
