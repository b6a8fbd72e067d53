"""How the schedule exports answer over HTTP: in the language asked for, with an ETag and a Last-Modified, and
with 304 Not Modified when nothing they show has changed."""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag

from conference.models import schedule_changed_at

# How long the shared cache remembers what an export's address last served (see last_modified).
EXPORT_MEMORY_SECONDS = 60 * 60 * 24 * 90


def export_language(request):
    """Exports follow ?lang= when it names a site language, otherwise the address's language prefix."""
    requested = request.GET.get("lang", "")
    return translation.override(requested if requested in dict(settings.LANGUAGES) else translation.get_language())


def in_export_language(view):
    """An export in another language than its address's (?lang=) says so in its Content-Language."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code in (200, 304):
            with export_language(request):
                response["Content-Language"] = translation.get_language()
        return response

    return wrapper


def export_etag(request, response) -> str:
    """Taken from the export itself, so that whatever it shows changes it: a renamed room, venue, speaker, track or
    conference, a removed session, a new day, a changed format; the language keeps each language's apart."""
    with export_language(request):
        return quote_etag(f"{translation.get_language()}-{hashlib.sha256(response.content).hexdigest()[:32]}")


def conditional_export(view):
    """Answer If-None-Match and If-Modified-Since with 304 when the export has not changed since.

    The export is built to know its ETag. The shared page cache keeps it, and answers the next conditional requests
    from the kept response without building it again, until any change to the conference's content.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response["ETag"] = export_etag(request, response)
        changed = last_modified(request, response["ETag"])
        response["Last-Modified"] = http_date(changed)
        return get_conditional_response(request, etag=response["ETag"], last_modified=changed, response=response)

    return wrapper


def last_modified(request, etag: str) -> int:
    """The export's Last-Modified, in whole seconds: the latest change time of what it shows, and always later than
    the one given with any other content of the same address. A removal (a session deleted, a speaker taken off one)
    changes an export but leaves no newer change time behind, and two changes can fall within one second; without
    this, a client that sends only If-Modified-Since (wget -N, some calendar apps) would get a 304 and keep old
    data. What each address last served is kept in the shared cache, so that every instance says the same."""
    with export_language(request):
        key = "export-served:" + hashlib.sha256(f"{request.path}|{translation.get_language()}".encode()).hexdigest()
    served = cache.get(key)
    if served and served["etag"] == etag:
        return served["last_modified"]
    changed = schedule_changed_at()
    stamp = int(changed.timestamp()) if changed else int(timezone.now().timestamp())
    if served:
        stamp = max(stamp, served["last_modified"] + 1)
    cache.set(key, {"etag": etag, "last_modified": stamp}, timeout=EXPORT_MEMORY_SECONDS)
    return stamp
