"""Growth for make bench (run in manage.py shell, page cache off): the uncached render time per session of an
edition's schedule with 60 sessions (one page) and with 600 (one day of 200 at a time), measured in this process
through the WSGI application; everything it adds is rolled back. Prints one JSON line."""

import io
import json
import statistics
import sys
import time

from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction

from conference.tests.factories import long_schedule

application = get_wsgi_application()
# The requests share this transaction's connection, which the end of a request would otherwise close.
request_started.disconnect(close_old_connections)
request_finished.disconnect(close_old_connections)
WARM_UP, TIMED = 5, 30


def render_ms(path: str, query: str) -> float:
    """The median time of a GET of `path`, in ms, after a warm-up."""
    times = []
    for number in range(WARM_UP + TIMED):
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80",
            "HTTP_HOST": "127.0.0.1",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": sys.stderr,
        }
        started = time.perf_counter()
        answer = []
        body = b"".join(application(environ, lambda status, headers, answer=answer: answer.extend([status, headers])))
        elapsed = (time.perf_counter() - started) * 1000
        if not answer[0].startswith("200") or b"GR0" not in body:
            raise RuntimeError(f"{path}?{query} answered {answer}")
        if number >= WARM_UP:
            times.append(elapsed)
    return statistics.median(times)


class RolledBack(Exception):
    pass


results = []
for size in (60, 600):
    try:
        with transaction.atomic():
            conference = long_schedule(size, past=True)
            path = f"/en/conference/editions/{conference.slug}/schedule/"
            days = [day.date.isoformat() for day in conference.days.all()]
            # 60 sessions are one page; 600 are shown one day (200) at a time.
            pages = [""] if size == 60 else [f"day={date}" for date in days]
            shown = size if size == 60 else size // len(days)
            ms = statistics.mean(render_ms(path, query) for query in pages)
            results.append({"sessions": size, "shown": shown, "ms": ms, "per_session": ms / shown})
            raise RolledBack
    except RolledBack:
        pass
print("GROWTH " + json.dumps(results))
