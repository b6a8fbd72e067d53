"""The page cache: whole anonymous pages, per address and language, correct across app instances.

A page is kept in each process's memory under the current *generation*, a random value in the shared cache
(the database cache by default). Any editor's save of content a page shows draws a new generation, so every
instance stops serving what it kept, at the cost of one small shared-cache read per cached request. Pages are
never kept when the response set a cookie or carries a CSRF token, nor for visitors with a session, messages
or a personal agenda: their pages are built for them.
"""

import functools
import hashlib
import secrets
import uuid

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe

GENERATION_KEY = "page-cache:generation"
STATUS_HEADER = "X-Page-Cache"


def cacheable(view=None, *, timeout=None):
    """Mark a view's 200 responses as the same for every anonymous visitor, so they may be cached.

    `timeout` (seconds) bounds how long a page may be kept when it also changes with the clock, such as the
    schedule's "now running"; edits invalidate it at once regardless.
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

        return wrapper

    return decorate(view) if view else decorate


def current_generation() -> str:
    shared = caches[settings.PAGE_CACHE_SHARED]
    generation = shared.get(GENERATION_KEY)
    if generation is None:
        shared.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = shared.get(GENERATION_KEY)
    return generation


def cached_value(request, name: str, compute):
    """A value kept in this process until the next content change, when this request has read the generation.

    Otherwise (page cache off, or a visitor whose page is built for them) it is computed afresh. The value is
    kept per language, whatever it is: a translated object carries the language it was loaded in (parler) or
    text in it, and the one read first must not answer the readers of another language.
    """
    generation = getattr(request, "page_cache_generation", None)
    if generation is None:
        return compute()
    key = f"value:{generation}:{translation.get_language()}:{name}"
    return caches[settings.PAGE_CACHE_LOCAL].get_or_set(key, compute)


# Markers for per-visitor values in a kept page: random per process, so no stored text can contain them.
_PLACEHOLDER_PREFIX = secrets.token_hex(16)


def visitor_placeholder(name: str) -> str:
    """A placeholder that render_with_visitor_values() fills with this visitor's own value."""
    return f"{_PLACEHOLDER_PREFIX}{name}"


def render_with_visitor_values(request, template_name: str, context, *, fill: dict):
    """A form page rendered once per address, language and generation, with each visitor's values filled in.

    `context` is a function giving the context, called only when the page is rendered; it uses visitor_placeholder(name)
    wherever the visitor's own value goes, and `fill` maps each name to a function giving that value. The
    response itself is never kept: it carries the visitor's CSRF token.
    """

    def render():
        return render_to_string(template_name, {"csrf_token": visitor_placeholder("csrf_token"), **context()}, request)

    generation = getattr(request, "page_cache_generation", None)
    if generation is None:
        html = render()
    else:
        html = caches[settings.PAGE_CACHE_LOCAL].get_or_set(f"placeholders:{_key(request, generation)}", render)
    for name, value in {"csrf_token": lambda: get_token(request), **fill}.items():
        html = html.replace(visitor_placeholder(name), str(value()))
    return HttpResponse(html)


def _new_generation():
    caches[settings.PAGE_CACHE_SHARED].set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def invalidate():
    """Forget every cached page, on every instance.

    Once now, for readers inside this transaction, and again after the commit: a page rendered between the
    two from the old rows is then kept only under a generation that nobody asks for any more.
    """
    if settings.PAGE_CACHE:
        _new_generation()
        transaction.on_commit(_new_generation, robust=True)


def _content_changed(sender, **kwargs):
    meta = sender._meta
    if meta.app_label in settings.PAGE_CACHE_APPS or meta.label in settings.PAGE_CACHE_APPS:
        invalidate()


def connect_signals():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_content_changed, dispatch_uid=f"page-cache-{signal}")


def _key(request, generation: str) -> str:
    """The page's address and language: an address without a language prefix (Open311, the sitemap) is answered
    in the language of the visitor's cookie or Accept-Language, as LocaleMiddleware will choose it."""
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    language = translation.get_language_from_request(request, check_path=True)
    return f"page:{generation}:{language}:{hashlib.sha256(address.encode()).hexdigest()}"


def _bypass_cookies() -> list[str]:
    return [settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name, *settings.PAGE_CACHE_BYPASS_COOKIES]


def _has_personal_cookie(request) -> bool:
    return any(name in request.COOKIES for name in _bypass_cookies())


def _personal(request) -> bool:
    return (
        request.method != "GET"
        or request.path_info.startswith(settings.STATIC_URL)  # whitenoise's, never kept here
        or "HTTP_AUTHORIZATION" in request.META
        or _has_personal_cookie(request)
    )


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
        request.page_cache_generation = current_generation()
        key = _key(request, request.page_cache_generation)
        pages = caches[settings.PAGE_CACHE_LOCAL]
        response = pages.get(key)
        if response is not None:
            response[STATUS_HEADER] = "hit"
            if "HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META:
                last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
                return get_conditional_response(
                    request, etag=response.get("ETag"), last_modified=last_modified, response=response
                )
            return response
        response = self.get_response(request)
        if _shareable(request, response):
            pages.set(key, response, response.page_cache_timeout)
            response[STATUS_HEADER] = "miss"
        return response
