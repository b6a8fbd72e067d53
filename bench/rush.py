"""The registration rush for make bench: bookings arrive 10 a second (and an editor saves a session every 10 s)
while four wrk clients, 16 connections each, read the schedule, a session page, the home page and the register
page. Each page's requests per second are compared with the static file read the same way (four clients at once),
and the page cache's hits are counted from its X-Page-Cache header (bench/count_cache.lua).

Bookings go through the site like a visitor's: the blank form (for its CSRF token and key), then the post.
"""

import json
import random
import re
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

HERE = Path(__file__).resolve().parent
BOOKINGS_PER_SECOND = 10
EDITOR_SAVE_SECONDS = 10
SECONDS = "20"  # long enough for two editor saves
CONNECTIONS_EACH = 16

# Run in `manage.py shell` alongside: an editor saves a session's English title every EDITOR_SAVE_SECONDS.
EDITOR = """
import os, time
from conference.models import Session
session = Session.objects.filter(conference__sessions__isnull=False).order_by("start").first()
session.set_current_language("en")
print("READY", flush=True)
deadline = time.monotonic() + float(os.environ["RUSH_SECONDS"])
saves = 0
while time.monotonic() < deadline:
    session.title = f"Opening (edited {saves})"
    session.save()
    saves += 1
    time.sleep(float(os.environ["RUSH_EDITOR_SECONDS"]))
print("EDITOR", saves)
"""

# Run in `manage.py shell` afterwards: bookings made, people waiting, sessions with more confirmed than places.
COUNT = """
import json
from django.db.models import Count, Q
from conference.models import Booking, Session
sessions = Session.objects.exclude(capacity=None).annotate(
    confirmed=Count("bookings", filter=Q(bookings__status="confirmed"))
)
print("COUNT " + json.dumps({
    "confirmed": Booking.objects.filter(status="confirmed").count(),
    "waiting": Booking.objects.filter(status="waiting").count(),
    "overbooked": [s.code for s in sessions if s.confirmed > s.capacity],
}))
"""


def concurrent_wrk(urls: dict[str, str], seconds: str) -> dict[str, dict]:
    """Four (or any number of) wrk clients at once, one per address: requests per second, errors and the page
    cache's answers of each."""
    runs = {
        name: subprocess.Popen(
            ["wrk", "-t1", f"-c{CONNECTIONS_EACH}", f"-d{seconds}s", "-s", HERE / "count_cache.lua", url],
            stdout=subprocess.PIPE,
            text=True,
        )
        for name, url in urls.items()
    }
    results = {}
    for name, run in runs.items():
        out = run.communicate()[0]
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        results[name] = {
            "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "errors": int(errors.group(1)) if errors else 0,
            "cache": json.loads(re.search(r"^CACHE (.*)$", out, re.MULTILINE).group(1)),
        }
    return results


class Booker(threading.Thread):
    """Visitors booking, BOOKINGS_PER_SECOND a second in all: each of that many threads books once a second (the
    register form, then a booking of one session), so a slow answer under load does not slow the rate."""

    def __init__(self, base: str, session_ids: list[str], seconds: float):
        super().__init__(daemon=True)
        self.base, self.session_ids, self.seconds = base, session_ids, seconds
        self.made, self.failed = 0, 0
        self.lock = threading.Lock()

    def run(self):
        visitors = [threading.Thread(target=self.visitor, args=(n,)) for n in range(BOOKINGS_PER_SECOND)]
        for visitor in visitors:
            visitor.start()
        for visitor in visitors:
            visitor.join()

    def visitor(self, first: int):
        started = time.monotonic() + first / BOOKINGS_PER_SECOND
        time.sleep(first / BOOKINGS_PER_SECOND)
        number = 0
        while time.monotonic() - started < self.seconds:
            number += 1
            try:
                self.book(first + number * BOOKINGS_PER_SECOND)
                made = True
            except (OSError, AttributeError):
                made = False
            with self.lock:
                self.made += made
                self.failed += not made
            time.sleep(max(0.0, started + number - time.monotonic()))

    def book(self, number: int):
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()), _NoRedirect)
        url = f"{self.base}/en/conference/register/"
        form = opener.open(url).read().decode()
        fields = {
            name: re.search(rf'name="{name}" value="([^"]+)"', form).group(1)
            for name in ("csrfmiddlewaretoken", "idempotency_key")
        }
        data = {
            **fields,
            "name": f"Rush visitor {number}",
            "email": f"rush{number}-{random.randrange(10**9)}@example.org",  # noqa: S311 (not a secret)
            "language": "en",
            "sessions": random.choice(self.session_ids),  # noqa: S311
        }
        post = urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(url, data=post, headers={"Referer": url})  # noqa: S310 (loopback)
        with opener.open(request) as response:
            if response.status != 302:
                raise OSError(f"registration answered {response.status}")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def http_error_302(self, req, fp, code, msg, headers):
        return fp

    http_error_301 = http_error_303 = http_error_307 = http_error_302


def session_ids(base: str) -> list[str]:
    """The sessions the register form offers (their ids, as it posts them)."""
    form = urllib.request.urlopen(f"{base}/en/conference/register/").read().decode()  # noqa: S310 (loopback)
    return re.findall(r'name="sessions" value="(\d+)"', form)
