"""The page cache: whole anonymous pages, per address and language, correct across app instances.

Each cacheable view declares, next to it in its urls.py, the models whose rows it shows (`shows`) and the query
parameters it reads (`query`). Every such model has a *generation*, a random value in the shared cache (the
database cache by default) that a save of one of its rows replaces. A page is kept in each process's memory with
the generations of what it shows, and served while they are still current, so a save drops only the pages that
show what changed. Counts that change more often than the pages (places left) are holes, filled in on each
answer (hole_source, fill_holes): a booking drops no page. Each process reads the generations at most once a
second (PAGE_CACHE_CHECK_SECONDS), so an edit shows on every instance within that time and a cached page costs no
shared-cache read at all in between. Parameters a page does not read are dropped before it is rendered and keyed,
so `?utm_source=` or `?fbclid=` neither change it nor add entries. Pages are never kept when the response set a
cookie or carries a CSRF token, nor for visitors with a session, messages or a personal agenda: their pages are
built for them. Form pages are kept with placeholders instead of the token, and filled in for each visitor
(cacheable's `fill`, render_with_visitor_values).
"""

import functools
import hashlib
import operator
import pickle
import re
import secrets
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.core.exceptions import TooManyFieldsSent
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, QueryDict
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import parse_http_date_safe
from django.utils.safestring import mark_safe
from parler.models import TranslatedFieldsModel

GENERATION_PREFIX = "page-cache:generation:"
STATUS_HEADER = "X-Page-Cache"


@dataclass(frozen=True)
class Policy:
    """What a cacheable view's pages depend on: the models whose rows they show (as "app.Model" labels, the
    site's layout included) and the query parameters they read."""

    shows: tuple[str, ...]
    query: tuple[str, ...]
    # A form's: each visitor's own values, by placeholder name (render_with_visitor_values); None for other pages.
    fill: tuple[tuple[str, Callable[[], object]], ...] | None = None


def cacheable(view=None, *, shows=(), query=(), timeout=None, fill=None):
    """Mark a view's 200 responses as the same for every anonymous visitor, so they may be cached.

    `shows` names the models whose rows the pages show ("conference.Session"): a save of any of them drops the
    pages; the layout's (settings.PAGE_CACHE_LAYOUT) are added. `query` names the parameters the view reads; it
    sees no others. `timeout` (seconds) bounds how long a page may be kept when it also changes with the clock,
    such as the schedule's "now running"; edits invalidate it at once regardless. `fill` makes it a form page:
    kept with placeholders (render_with_visitor_values), and answered with each visitor's CSRF token and the
    values of `fill` (name -> function giving the value) filled in.
    """

    def decorate(view_func):
        @functools.wraps(view_func)
        def wrapper(request, *args, **kwargs):
            response = view_func(request, *args, **kwargs)
            response.page_cache_timeout = timeout or settings.PAGE_CACHE_SECONDS
            if _has_personal_cookie(request):
                # Built for this visitor (their agenda's secret link, an editor's drafts): kept by no cache.
                patch_cache_control(response, private=True, no_store=True)
            return response

        layout = settings.PAGE_CACHE_LAYOUT
        wrapper.page_cache = Policy(
            shows=tuple(sorted({*shows, *layout})),
            query=tuple(sorted(query)),
            fill=None if fill is None else tuple(fill.items()),
        )
        return wrapper

    return decorate(view) if view else decorate


# This process's copy of the generations it has read: label -> (generation, time.monotonic() when it was read).
_generations: dict[str, tuple[str, float]] = {}


def generations(labels) -> tuple[str, ...]:
    """The current generation of each model, read from the shared cache (in one round trip) when this process's
    copy is older than PAGE_CACHE_CHECK_SECONDS."""
    now = time.monotonic()
    stale = [
        label
        for label in labels
        if label not in _generations or now - _generations[label][1] >= settings.PAGE_CACHE_CHECK_SECONDS
    ]
    if stale:
        shared = caches[settings.PAGE_CACHE_SHARED]
        found = shared.get_many([GENERATION_PREFIX + label for label in stale])
        for label in stale:
            generation = found.get(GENERATION_PREFIX + label)
            if generation is None:
                fresh = uuid.uuid4().hex
                shared.add(GENERATION_PREFIX + label, fresh, timeout=None)
                # Another process's, if it came first; ours, should the shared cache have dropped it again since.
                generation = shared.get(GENERATION_PREFIX + label) or fresh
            _generations[label] = (generation, now)
    return tuple(_generations[label][0] for label in labels)


def _version(labels) -> str:
    """The generations of these models as one short key part."""
    return hashlib.blake2b(":".join(generations(labels)).encode(), digest_size=16).hexdigest()


def forget_generations():
    """Read every generation afresh next time (tests, whose shared cache is rolled back)."""
    _generations.clear()


def cached_value(request, name: str, compute, *, shows):
    """A value kept in this process until a row of one of the models it `shows` changes (see generations()).

    Only for visitors who see what everybody sees, whatever the method (a post to the registration form reads
    the same conference): for others (page cache off, an editor seeing drafts, a visitor with a session) it is
    computed afresh. The value is kept per language, whatever it is: a translated object carries the language it
    was loaded in (parler) or text in it, and the one read first must not answer the readers of another language.
    """
    if not _sees_what_everybody_sees(request):
        return compute()
    key = f"value:{_version(tuple(sorted(shows)))}:{translation.get_language()}:{name}"
    return caches[settings.PAGE_CACHE_LOCAL].get_or_set(key, compute)


class Rendered:
    """Text rendered by this process, kept under everything it was rendered from (a key of stored values, the
    language...): an edit changes the key, so it can never be stale, bulk updates included. Bounded: emptied when
    full. For parts of pages rendered even when the page cache is off (schedule rows, calendar events)."""

    def __init__(self, size: int):
        self.size = size
        self.kept: dict[tuple, object] = {}
        self.lock = threading.Lock()

    def get_or_render(self, key: tuple | None, render):
        """The text kept under `key`, else render() kept there; a key that cannot be hashed (None, or a value such
        as a JSON list among the stored ones) is rendered every time."""
        try:
            found = self.kept.get(key) if key is not None else None
        except TypeError:
            return render()
        if found is None:
            found = render()
            if key is not None and found is not None:  # None: nothing to keep
                with self.lock:
                    if len(self.kept) >= self.size:
                        self.kept.clear()
                    self.kept[key] = found
        return found


class Whole:
    """Rows read whole (with what their parts show of other tables), by primary key: read once, when first needed."""

    def __init__(self, queryset):
        self.queryset = queryset

    @functools.cached_property
    def rows(self) -> dict:
        return {row.pk: row for row in self.queryset}

    def some(self, pks) -> dict:
        """Only these rows, read whole (from all of them, once they have been read)."""
        if not pks:
            return {}
        if "rows" in self.__dict__:
            return {pk: self.rows[pk] for pk in pks if pk in self.rows}
        return {row.pk: row for row in self.queryset.filter(pk__in=pks)}


@dataclass(frozen=True)
class Rows:
    """A list's rows for parts kept per row (Rendered), see rows_for_parts()."""

    rows: list
    whole: Whole | None  # the rows read whole, when `rows` were read bare
    version: str | None  # the generations of what the parts show besides each row's own values

    @classmethod
    def read_whole(cls, rows) -> "Rows":
        """Rows already read whole: each part keyed by every value it shows."""
        return cls(list(rows), None, None)

    def __iter__(self):
        return iter(self.rows)

    def key(self, row, whole_key):
        """A part's key: the row's own values and `version`, else whole_key() (every value it shows)."""
        return (stored_values(row), self.version) if self.version is not None else whole_key()

    def shown(self, row):
        """The row to render a part from, read whole; None when it has gone between the two reads (deleted, or no
        longer in the list): its part is left out."""
        return self.whole.rows.get(row.pk) if self.whole is not None else row

    def shown_only(self, rows) -> list:
        """These few rows read whole, by themselves (for what the page shows of them besides parts), but those gone
        between the two reads."""
        if self.whole is None:
            return list(rows)
        found = self.whole.some([row.pk for row in rows])
        return [found[row.pk] for row in rows if row.pk in found]


def rows_for_parts(request, queryset, *, whole, shows) -> Rows:
    """A list's rows, for parts kept per row: for a visitor who sees what everybody sees, read bare (their own
    columns) and keyed by their values and the generations of the models the parts show besides (`shows`); the
    rows read whole (`whole(queryset)`) only when a part is missing. Else (page cache off, an editor), read whole
    and keyed by every value shown, as the generations are not kept up to date then. So a list whose parts are all
    kept costs one bare query, instead of ~500 model instances for 60 sessions with what they show."""
    if not _sees_what_everybody_sees(request):
        return Rows.read_whole(whole(queryset))
    version = _version(tuple(sorted(shows)))  # read before the rows: a part is never older than its key
    return Rows(list(queryset), Whole(whole(queryset)), version)


# Rows read whole for a page of their own, kept by this process as pickled bytes (see row_read_whole()).
_rows_read_whole = Rendered(1000)


def row_read_whole(request, queryset, *, whole, shows):
    """The one row of `queryset` read whole (`whole(queryset)`: with what its page shows of other tables), or None.

    For a visitor who sees what everybody sees, the row is read bare (its own columns) and the whole row kept by
    this process under its own values, the generations of the models it shows besides (`shows`) and the language
    (a parler instance shows the language it was read in): so a detail page whose row is kept costs one bare query
    instead of one per relation. It is kept pickled and each request unpickles its own copy, so that nothing one
    request caches on the instance (a translation, a relation) reaches another. Else (page cache off, an editor)
    read whole, every time."""
    if not _sees_what_everybody_sees(request):
        return whole(queryset).first()
    version = _version(tuple(sorted(shows)))  # read before the row: what is kept is never older than its key
    bare = queryset.first()
    if bare is None:
        return None
    read = []  # the row read whole by this request, when it was not kept

    def pickled():
        row = whole(queryset.filter(pk=bare.pk)).first()
        read.append(row)
        # Changed between the two reads without a signal (a bulk update): shown, but not kept under the older values.
        return pickle.dumps(row) if row is not None and stored_values(row) == stored_values(bare) else None

    kept = _rows_read_whole.get_or_render(
        (type(bare), stored_values(bare), version, translation.get_language()), pickled
    )
    return read[0] if read else pickle.loads(kept)  # noqa: S301 (bytes this process pickled itself)


def stored_values(obj) -> tuple:
    """Every stored value of a model instance, as loaded: for keys of what is rendered from it."""
    return _getter(type(obj))(obj)


@functools.cache
def _getter(model):
    return operator.attrgetter(*(field.attname for field in model._meta.concrete_fields))


# Markers for per-visitor values in a kept page: random per process, so no stored text can contain them.
_PLACEHOLDER_PREFIX = secrets.token_hex(16)


def visitor_placeholder(name: str) -> str:
    """A placeholder that render_with_visitor_values() fills with this visitor's own value."""
    return f"{_PLACEHOLDER_PREFIX}{name}-"  # ended, so that no name's placeholder begins another's


# Counts that change more often than the pages showing them (places left, which every booking changes): a kept page
# holds a mark where each goes, filled in on every answer from values each process loads at most once per change of
# what they show (read once per PAGE_CACHE_CHECK_SECONDS). So a booking drops no page at all.
_HOLE_PREFIX = secrets.token_hex(16)
_HOLE_MARK = _HOLE_PREFIX.encode()  # looked for in every kept page answered
_HOLE = re.compile(re.escape(_HOLE_PREFIX) + r"([\w.-]+)\|([\w.-]+)\|([\w./-]+)\|")


@dataclass(frozen=True)
class HoleSource:
    load: Callable[[], dict]
    shows: tuple[str, ...]


_hole_sources: dict[str, HoleSource] = {}
_hole_values: dict[str, tuple] = {}
# A hole's text per template, value and language: a handful each.
_hole_texts = Rendered(1000)


def hole_source(name: str, *, load: Callable[[], dict], shows):
    """Values pages show through {% hole name key template %}: `load()` gives every value, by its key as text; it
    reads only the models in `shows`, whose saves make each process load them again."""
    _hole_sources[name] = HoleSource(load, tuple(sorted(shows)))


def _hole_values_for(request, name: str) -> dict:
    source = _hole_sources[name]
    if not _shared(request):
        # Page cache off, or a visitor with pages of their own: loaded afresh, once per request.
        loaded = request.__dict__.setdefault("_hole_values", {}) if request is not None else {}
        if name not in loaded:
            loaded[name] = source.load()
        return loaded[name]
    version = _version(source.shows)
    kept = _hole_values.get(name)
    if kept is None or kept[0] != version:
        kept = _hole_values[name] = (version, source.load())
    return kept[1]


def _hole_text(request, name: str, key: str, template: str) -> str:
    value = _hole_values_for(request, name).get(key)
    return _hole_texts.get_or_render(
        (template, value, translation.get_language()), lambda: render_to_string(template, {"value": value}).strip()
    )


def hole(request, name: str, key, template: str) -> str:
    """The text `template` renders from the value `key` of hole source `name`; in a page that is kept, a mark that
    is filled in on each answer instead (fill_holes)."""
    if getattr(request, "fills_holes", False):
        return mark_safe(f"{_HOLE_PREFIX}{name}|{key}|{template}|")  # noqa: S308 (our mark, no visitor text)
    return _hole_text(request, name, str(key), template)


def fill_holes(request, html: str) -> str:
    """The page with each hole's text, in the active language. A mark naming no source, or a template outside a
    holes/ folder, is dropped: were the random prefix ever to reach a visitor, text they typed into a kept page
    could not render any other template."""

    def text(match):
        name, key, template = match.groups()
        return _hole_text(request, name, key, template) if name in _hole_sources and "holes/" in template else ""

    return _HOLE.sub(text, html)


# Kept pages with their holes filled in, by page, language and the versions of what the holes show: filled once
# per change of a count, not on every answer.
_pages_filled = Rendered(500)


def _holes_filled(request, page, language: str) -> str:
    def fill():
        with translation.override(language):
            return fill_holes(request, page.content.decode(page.charset))

    if not page.has_header(STATUS_HEADER):  # not kept (built for one visitor, e.g. with their token): not memoised
        return fill()
    versions = tuple(_version(source.shows) for source in _hole_sources.values())
    return _pages_filled.get_or_render((page.content, language, versions), fill)


def _copy(page, content: str, *, drop=()) -> HttpResponse:
    """A new answer with `content` and the kept page's status, headers (but those in `drop`) and cookies; the page
    itself stays as it was, to be kept. Content-Length is the new content's."""
    response = HttpResponse(content, status=page.status_code)
    for header, value in page.items():
        if header.lower() not in drop:
            response[header] = value
    response.cookies = page.cookies
    response["Content-Length"] = str(len(response.content))
    return response


def _filled(request, response, language: str):
    """A copy of a page with holes, filled in. Its ETag is the filled page's, so a browser's copy is not taken for
    current once a count changed."""
    if response.streaming or _HOLE_MARK not in response.content:
        return response
    filled = _copy(response, _holes_filled(request, response, language), drop={"etag"})
    if response.has_header("ETag"):
        set_response_etag(filled)
    return filled


_CONDITIONAL_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")


def _conditional(request, response):
    """304 Not Modified when the browser's copy is this (filled) page."""
    if response.status_code != 200 or not any(name in request.META for name in _CONDITIONAL_HEADERS):
        return response
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    return get_conditional_response(request, etag=response.get("ETag"), last_modified=last_modified, response=response)


def render_with_visitor_values(request, template_name: str, context):
    """A form page of a view made cacheable with `fill`: rendered with placeholders wherever a visitor's own values
    go, which the page cache keeps and fills in for each visitor (_for_visitor); for a visitor it does not serve
    (page cache off, a session), filled in here.

    `context` is a function giving the context; it uses visitor_placeholder(name) wherever the visitor's own value
    goes, for each name of the view's `fill`.
    """
    html = render_to_string(template_name, {"csrf_token": visitor_placeholder("csrf_token"), **context()}, request)
    if getattr(request, "fills_holes", False):
        return HttpResponse(html)
    response = HttpResponse(fill_holes(request, _with_visitor_values(request, html, request.resolver_match.func)))
    patch_cache_control(response, private=True, no_cache=True)  # it carries this visitor's values
    return response


def _with_visitor_values(request, html: str, view) -> str:
    for name, value in [("csrf_token", lambda: get_token(request)), *view.page_cache.fill]:
        placeholder = visitor_placeholder(name)
        if placeholder in html:
            html = html.replace(placeholder, str(value()))
    return html


def _visitor_page(request):
    """The kept form page request.visitor_page (page, view, language) with this visitor's values: never cached by
    a browser or a proxy, as it carries them."""
    page, view, language = request.visitor_page
    content = _with_visitor_values(request, _holes_filled(request, page, language), view)
    response = _copy(page, content, drop={"etag", "cache-control", "expires", "last-modified"})
    patch_cache_control(response, private=True, no_cache=True)
    return response


# Django's own CSRF middleware around the filling: it reads the visitor's CSRF cookie, and sets one with the
# site's cookie settings when get_token() made a new secret.
_for_visitor = CsrfViewMiddleware(_visitor_page)


def _new_generations(labels):
    shared = caches[settings.PAGE_CACHE_SHARED]
    now = time.monotonic()
    fresh = {label: uuid.uuid4().hex for label in labels}
    shared.set_many({GENERATION_PREFIX + label: generation for label, generation in fresh.items()}, timeout=None)
    _generations.update({label: (generation, now) for label, generation in fresh.items()})


def invalidate(*labels: str):
    """Forget every cached page and value that shows these models, on every instance.

    Once now, for readers inside this transaction, and again after the commit: a page rendered between the
    two from the old rows is then kept only under a generation that nobody asks for any more.
    """
    if settings.PAGE_CACHE and labels:
        _new_generations(labels)
        transaction.on_commit(functools.partial(_new_generations, labels), robust=True)


def shown_as(model) -> str:
    """The label pages declare for a model's rows: a translation (parler) counts as its object."""
    if issubclass(model, TranslatedFieldsModel):
        model = model._meta.get_field("master").related_model
    return model._meta.label


def _watched(label: str) -> bool:
    return label.split(".")[0] in settings.PAGE_CACHE_APPS or label in settings.PAGE_CACHE_APPS


def rows_changed(model):
    """What a save of `model`'s rows drops, for writes that send no signal (QuerySet.update()): call it after one
    that visitors see."""
    label = shown_as(model)
    if _watched(label):
        invalidate(label)


def _content_changed(sender, **kwargs):
    # A change to a many-to-many relation (sender: its through model) changes the model that declares it, whose
    # rows its table counts as (a page reading the relation from the other side declares that model too): not the
    # other side's, so that a registration's days drop no page that shows the days.
    rows_changed(sender._meta.auto_created or sender)


def connect_signals():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_content_changed, dispatch_uid=f"page-cache-{signal}")


def _cacheable_view(request, language: str):
    """The view the address leads to when it is cacheable (its `page_cache` is its Policy), else None."""
    with translation.override(language):
        try:
            match = resolve(request.path_info, getattr(request, "urlconf", None))
        except Resolver404:
            return None
    return match.func if hasattr(match.func, "page_cache") else None


def _keep_only(request, names):
    """Drop the query parameters a page does not read, so that it neither sees nor echoes them (the language
    switcher links to the same address) and they do not make a new cache entry; those kept are sorted."""
    kept = QueryDict(mutable=True)
    for name in sorted(names):
        if name in request.GET:
            kept.setlist(name, request.GET.getlist(name))
    kept._mutable = False
    request.GET = kept
    request.META["QUERY_STRING"] = kept.urlencode()


def _key(request, language: str) -> str:
    """The page's address and language: an address without a language prefix (Open311, the sitemap) is answered
    in the language of the visitor's cookie or Accept-Language, as LocaleMiddleware will choose it."""
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"{language}:{hashlib.sha256(address.encode()).hexdigest()}"


def _bypass_cookies() -> list[str]:
    return [settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name, *settings.PAGE_CACHE_BYPASS_COOKIES]


def _has_personal_cookie(request) -> bool:
    return any(name in request.COOKIES for name in _bypass_cookies())


def _has_own_pages(request) -> bool:
    """Whether pages are built for this visitor (an editor, a session, messages, an agenda), whatever the method."""
    return "HTTP_AUTHORIZATION" in request.META or _has_personal_cookie(request)


def _personal(request) -> bool:
    return (
        request.method != "GET"
        or request.path_info.startswith(settings.STATIC_URL)  # whitenoise's, never kept here
        or _has_own_pages(request)
    )


def _shared(request) -> bool:
    """Whether this visitor gets the pages and values everyone gets."""
    return request is not None and settings.PAGE_CACHE and not _personal(request)


def _sees_what_everybody_sees(request) -> bool:
    """Whether this request, of any method, is by a visitor without pages of their own."""
    return request is not None and settings.PAGE_CACHE and not _has_own_pages(request)


def _shareable(request, response) -> bool:
    return (
        getattr(response, "page_cache_timeout", None) is not None
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not any(word in response.get("Cache-Control", "") for word in ("private", "no-store"))
    )


class PageCacheMiddleware:
    """Serve and keep shared pages; first in MIDDLEWARE, so that a kept page skips all the others.

    The middleware below only add headers on the way out, besides the HTTPS redirect, and a page kept for
    https:// is never served for http:// (the address, scheme included, is the key).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE or _personal(request):
            return self.get_response(request)
        language = translation.get_language_from_request(request, check_path=True)
        view = _cacheable_view(request, language)
        if view is None:
            return self.get_response(request)
        policy = view.page_cache
        try:
            _keep_only(request, policy.query)
        except TooManyFieldsSent:
            return self.get_response(request)  # its 400 page, from below the middleware that add the headers
        if not settings.PAGE_CACHE_KEEP_PAGES:
            return self.get_response(request)  # rendered as on a miss, from the address a kept page would have
        key = f"page:{_key(request, language)}"
        current = generations(policy.shows)
        pages = caches[settings.PAGE_CACHE_LOCAL]
        kept = pages.get(key)
        if kept is not None and kept[0] == current:
            kept[1][STATUS_HEADER] = "hit"
            if policy.fill is not None:
                request.visitor_page = (kept[1], view, language)
                return _for_visitor(request)
            return _conditional(request, _filled(request, kept[1], language))
        request.fills_holes = True
        # The whole page, even for a browser revalidating its copy: else the middleware below answers it 304, which
        # is not kept, and a process that lacks the page renders it for every such request without ever keeping it.
        conditional = {name: request.META.pop(name) for name in _CONDITIONAL_HEADERS if name in request.META}
        response = self.get_response(request)
        request.META.update(conditional)
        if _shareable(request, response):
            pages.set(key, (current, response), response.page_cache_timeout)
            response[STATUS_HEADER] = "miss"
        if policy.fill is not None:
            request.visitor_page = (response, view, language)
            return _for_visitor(request)
        return _conditional(request, _filled(request, response, language))
