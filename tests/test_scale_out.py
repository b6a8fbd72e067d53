"""Scale-out: two gunicorn instances behind nginx on one PostgreSQL database behave as one site.

The cluster is deploy/scale_demo.py's (`make scale-demo`), started once for this module in its own database,
openkrakow_scale; these tests speak HTTP to it like browsers, never through Django's test client or ORM.

Each test connects from its own loopback address (127.0.0.2, 127.0.0.3, ... all reach 127.0.0.1 on Linux):
nginx appends that address to X-Forwarded-For and the instances (TRUSTED_PROXY_COUNT=1) take it as the
client's, so rate limits and login lockouts see a different visitor per test, as they would in production.
"""

import functools
import gzip
import http.client
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from email.message import Message
from http.cookiejar import CookieJar

import lxml.html
import pytest

from deploy import scale_demo
from feedback.forms import MIN_SECONDS
from feedback.services import RATE_LIMIT_PER_MINUTE

pytestmark = pytest.mark.integration

if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
    pytest.skip(
        "the scale-out test runs on PostgreSQL, like production (set DATABASE_URL; .ci/run does)",
        allow_module_level=True,
    )

AXES_FAILURE_LIMIT = 5  # settings.AXES_FAILURE_LIMIT of the instances


@pytest.fixture(scope="module")
def cluster():
    if scale_demo.find_nginx() is None:
        message = "nginx is not installed: the scale-out test cannot run (apt-get install nginx)."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    with scale_demo.cluster(say=lambda line: print(f"scale demo: {line}")) as running:
        yield running


@pytest.fixture(autouse=True)
def _logs_on_failure(request, cluster):
    """When a test fails, show what the instances and nginx logged while it ran."""
    offsets = {path: path.stat().st_size for path in cluster.logs()}
    failed_before = request.session.testsfailed
    yield
    if request.session.testsfailed > failed_before or cluster.dead():
        for path in cluster.logs():
            with path.open("rb") as log:
                log.seek(offsets.get(path, 0))
                text = log.read().decode(errors="replace")
            print(f"--- {path.name} during {request.node.name}{', exited' if path.stem in cluster.dead() else ''}")
            print("\n".join(text.splitlines()[-80:]))


@dataclass
class Response:
    status: int
    headers: Message
    text: str

    @property
    def upstream(self) -> str:
        return self.headers.get("X-Upstream", "")

    @property
    def page_cache(self) -> str | None:
        return self.headers.get("X-Page-Cache")


class _FromAddress(urllib.request.HTTPHandler):
    """Connects from a chosen loopback address, so that nginx sees a different client per test."""

    def __init__(self, address: str):
        super().__init__()
        self.address = address

    def http_open(self, req):
        return self.do_open(functools.partial(http.client.HTTPConnection, source_address=(self.address, 0)), req)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the 302 itself is what the tests look at


class Browser:
    """A visitor: a cookie jar shared by every port of 127.0.0.1 (as browsers do), one address, no redirects."""

    def __init__(self, address: str):
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(
            _FromAddress(address), _NoRedirects, urllib.request.HTTPCookieProcessor(self.cookies)
        )

    def request(self, url: str, data: list | dict | None = None, headers: dict | None = None) -> Response:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        headers = dict(headers or {})
        if body is not None:
            # A browser's POST names the page's origin; Django's CSRF check compares it with the Host nginx passed.
            parts = urllib.parse.urlsplit(url)
            headers.setdefault("Origin", f"{parts.scheme}://{parts.netloc}")
        request = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310 (http://127.0.0.1 only)
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:  # 3xx, 4xx and 5xx: answers like any other here
            response = error
        with response:
            raw = response.read()
            if response.headers.get("Content-Encoding") == "gzip":
                raw = gzip.decompress(raw)
            return Response(response.status, response.headers, raw.decode(errors="replace"))

    def get(self, url: str, **headers) -> Response:
        return self.request(url, headers=headers)

    def post(self, url: str, data: list | dict) -> Response:
        return self.request(url, data=data)

    def log_in(self, base: str, username: str, password: str) -> Response:
        page = self.get(f"{base}/admin/login/")
        assert page.status == 200, page.status
        fields = dict(form_values(page.text, "login-form"))
        return self.post(f"{base}/admin/login/?next=/admin/", {**fields, "username": username, "password": password})


_next_address = iter(range(2, 250))


def browser() -> Browser:
    """A new visitor from a loopback address no other test uses."""
    return Browser(f"127.0.0.{next(_next_address)}")


def form_values(html: str, form_id: str | None = None, field: str | None = None) -> list[tuple[str, str]]:
    """What a browser would submit from the form with this id (or the one with this field), unchanged."""
    document = lxml.html.fromstring(html)
    for form in document.forms:
        if (form_id and form.get("id") == form_id) or (field and field in form.fields):
            return list(form.form_values())
    raise AssertionError(f"no form {form_id or field} on the page")


def open_report_form(visitor: Browser, base: str) -> dict:
    """The feedback form's fields, with a topic chosen, once its stamp is old enough not to be held as spam."""
    page = visitor.get(f"{base}/en/feedback/")
    assert page.status == 200, page.status
    fields = dict(form_values(page.text, field="message"))
    document = lxml.html.fromstring(page.text)
    fields["category"] = next(value for value in document.xpath('//select[@name="category"]/option/@value') if value)
    time.sleep(MIN_SECONDS + 0.5)
    return fields


def send_report(visitor: Browser, base: str, fields: dict, message: str) -> Response:
    """One report; a new idempotency key each time, as a new form would have."""
    return visitor.post(f"{base}/en/feedback/", {**fields, "message": message, "idempotency_key": str(uuid.uuid4())})


def instance_addresses(cluster) -> set[str]:
    return {url.removeprefix("http://") for url in cluster.instances}


def test_nginx_alternates_between_the_two_instances(cluster):
    visitor = browser()
    first, second = visitor.get(f"{cluster.url}/en/"), visitor.get(f"{cluster.url}/en/")
    assert (first.status, second.status) == (200, 200)
    assert {first.upstream, second.upstream} == instance_addresses(cluster)


def test_a_report_sent_to_one_instance_is_seen_by_a_moderator_on_the_other(cluster):
    instance_a, instance_b = cluster.instances
    resident = browser()
    message = f"The tram stop on Mogilska has no ramp ({uuid.uuid4().hex[:8]})."
    response = send_report(resident, instance_a, open_report_form(resident, instance_a), message)
    assert response.status == 302, response.text[:2000]
    status_page = resident.get(instance_a + response.headers["Location"])
    reference = re.search(r"FB-\d{4}-\d{5}", status_page.text).group()

    moderator = browser()
    assert moderator.log_in(instance_b, *scale_demo.MODERATOR).status == 302
    changelist = moderator.get(f"{instance_b}/admin/feedback/report/")
    assert changelist.status == 200
    assert reference in changelist.text
    # The session is in the shared database and signed with the shared key: instance A knows the moderator too.
    assert moderator.get(f"{instance_a}/admin/feedback/report/?q={reference}").status == 200


def test_the_rate_limit_counts_submissions_to_both_instances(cluster):
    # Through nginx, which alternates the POSTs between the instances: the limit holds only if they count in
    # the shared database, and per client only if they read the address nginx appended to X-Forwarded-For.
    resident = browser()
    fields = open_report_form(resident, cluster.url)
    answers = [send_report(resident, cluster.url, fields, f"Report {n}.") for n in range(RATE_LIMIT_PER_MINUTE + 2)]
    accepted, refused = answers[:RATE_LIMIT_PER_MINUTE], answers[RATE_LIMIT_PER_MINUTE:]
    assert [a.status for a in accepted] == [302] * RATE_LIMIT_PER_MINUTE, [a.text[:500] for a in accepted]
    assert [a.status for a in refused] == [429, 429]
    assert {a.upstream for a in accepted} == {a.upstream for a in refused} == instance_addresses(cluster)
    assert "Please try again later" in refused[0].text

    # A forged X-Forwarded-For does not buy a new budget: the instances read only what nginx appended.
    forged = resident.request(
        f"{cluster.url}/en/feedback/",
        {**fields, "message": "Forged.", "idempotency_key": str(uuid.uuid4())},
        headers={"X-Forwarded-For": "198.51.100.23"},
    )
    assert forged.status == 429
    # Another visitor (another address) is not held back by this one.
    neighbour = browser()
    assert send_report(neighbour, cluster.url, open_report_form(neighbour, cluster.url), "Mine.").status == 302


def test_a_login_lockout_holds_on_both_instances(cluster):
    username, password = scale_demo.MODERATOR
    attacker = browser()
    page = attacker.get(f"{cluster.url}/admin/login/")
    fields = dict(form_values(page.text, "login-form"))

    def attempt(base, secret):
        return attacker.post(f"{base}/admin/login/?next=/admin/", {**fields, "username": username, "password": secret})

    wrong = [attempt(cluster.url, f"wrong-{n}") for n in range(AXES_FAILURE_LIMIT + 1)]
    assert [r.status for r in wrong] == [200] * (AXES_FAILURE_LIMIT - 1) + [429, 429]
    assert {r.upstream for r in wrong[-2:]} == instance_addresses(cluster)
    # The right password, from the same address, straight to each instance: refused by both.
    for instance in cluster.instances:
        assert attempt(instance, password).status == 429
    # The lockout is for this user from this address only: the moderator at their own desk still gets in.
    assert browser().log_in(cluster.url, username, password).status == 302


def schedule(visitor: Browser, base: str) -> Response:
    response = visitor.get(f"{base}/en/conference/schedule/")
    assert response.status == 200
    return response


def cached_schedule(base: str) -> Response:
    """The schedule as an instance keeps it; each of its gunicorn workers keeps its own copy, so ask until a hit."""
    visitor = browser()
    answers = [schedule(visitor, base) for _ in range(int(scale_demo.WORKERS) * 3)]
    assert "hit" in [a.page_cache for a in answers], [a.page_cache for a in answers]
    return answers[-1]


def test_a_schedule_change_saved_on_one_instance_reaches_the_cached_schedule_of_both(cluster):
    instance_a, instance_b = cluster.instances
    for instance in cluster.instances:
        cached_schedule(instance)
    link = lxml.html.fromstring(schedule(browser(), instance_a).text).xpath(
        '//a[contains(@href, "/en/conference/sessions/")]'
    )[0]
    code = link.get("href").rstrip("/").rsplit("/", 1)[-1]

    editor = browser()
    assert editor.log_in(instance_a, *scale_demo.ADMIN).status == 302
    found = editor.get(f"{instance_a}/admin/conference/session/?q={code}")
    pk = re.search(r"/admin/conference/session/(\d+)/change/", found.text).group(1)
    change_url = f"{instance_a}/admin/conference/session/{pk}/change/?language=en"
    form = form_values(editor.get(change_url).text, "session_form")
    new_title = f"Moved: accessible transport ({uuid.uuid4().hex[:6]})"
    data = [(name, new_title if name == "title" else value) for name, value in form] + [("_save", "Save")]
    assert "title" in dict(form)
    saved = editor.post(change_url, data)
    assert saved.status == 302, re.findall(r'<ul class="errorlist[^>]*>.*?</ul>', saved.text, re.S)

    # Each instance reads the generations at most once a second (PAGE_CACHE_CHECK_SECONDS): by then both know.
    time.sleep(1)
    for instance in cluster.instances:
        first = schedule(browser(), instance)
        assert (first.page_cache, new_title in first.text) == ("miss", True), instance
        # Cached again from here on, and only the new version.
        assert new_title in cached_schedule(instance).text
    assert new_title in schedule(browser(), cluster.url).text


def test_static_files_through_nginx_are_cached_for_good_and_revalidate(cluster):
    visitor = browser()
    home = visitor.get(f"{cluster.url}/en/")
    href = lxml.html.fromstring(home.text).xpath('//link[@rel="stylesheet"]/@href')[0]
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", href), href

    css = visitor.get(cluster.url + href, **{"Accept-Encoding": "gzip"})
    assert css.status == 200 and "body" in css.text
    cache_control = css.headers["Cache-Control"]
    assert int(re.search(r"max-age=(\d+)", cache_control).group(1)) >= 365 * 24 * 3600
    assert "immutable" in cache_control and "public" in cache_control
    assert css.headers["Content-Encoding"] == "gzip"  # the .gz that collectstatic wrote
    validators = {
        name: css.headers[header]
        for name, header in (("If-None-Match", "ETag"), ("If-Modified-Since", "Last-Modified"))
        if css.headers[header]
    }
    assert validators
    for name, value in validators.items():
        assert visitor.get(cluster.url + href, **{name: value, "Accept-Encoding": "gzip"}).status == 304

    # A name without a hash may change with the next deploy: kept briefly, never immutable.
    plain = visitor.get(f"{cluster.url}/static/css/site.css")
    assert plain.status == 200 and "immutable" not in plain.headers["Cache-Control"]


def test_pages_through_nginx_are_compressed(cluster):
    page = browser().get(f"{cluster.url}/en/conference/schedule/", **{"Accept-Encoding": "gzip"})
    assert page.status == 200
    assert page.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in page.headers["Vary"]
    assert "</html>" in page.text
