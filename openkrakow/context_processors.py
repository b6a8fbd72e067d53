"""Template context shared by every page: the site name and the page's address in each language."""

import functools
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import get_script_prefix, get_urlconf, reverse, translate_url
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _


def _unprefixed(path: str, language: str) -> str:
    prefix = f"/{language}/"
    return "/" + path[len(prefix) :] if path.startswith(prefix) else path


def _absolute(request):
    """Makes a path absolute on the request's host; gives None when that host is not ours (the 400 page for a bad
    Host header must link nowhere on it)."""
    try:
        request.get_host()
    except DisallowedHost:
        return lambda path: None
    return request.build_absolute_uri


@functools.lru_cache(maxsize=2000)
def _translated(here: str, code: str, current: str, prefix: str, urlconf) -> str:
    """translate_url(), which resolves and reverses on every page: kept per address and target language, with the
    active language, address prefix and URLconf it depends on."""
    return translate_url(here, code)


def language_versions(request) -> list[dict]:
    """This page in every language: the switcher's links and the hreflang alternates."""
    absolute = _absolute(request)
    current = get_language()
    here = request.get_full_path()
    versions = []
    for code, _name in settings.LANGUAGES:
        url = _translated(here, code, current, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
        if code != current and url == here:
            # The address does not resolve in that language (a 404, say): offer that language's home page.
            url = f"/{code}/"
        info = get_language_info(code)
        versions.append(
            {
                "code": code,
                "name": info["name_local"],
                "bidi": info["bidi"],
                "url": url,
                "absolute_url": absolute(url),
                "current": code == current,
            }
        )
    return versions


# The main navigation, task first (the programme, the conference, telling the city, whom to write to): (URL name,
# label, what counts as this section: an app, or a set of URL names). News, documents, contacts and search live in
# the pages app too, but they are no part of the programme.
NAVIGATION = [
    ("pages:home", _("Programme"), {"pages:home", "pages:page"}),
    ("conference:overview", _("Conference"), "conference"),
    ("feedback:index", _("Feedback"), "feedback"),
    ("pages:contacts", _("Contacts"), {"pages:contacts"}),
]


def _in_section(match, section: str | set[str]) -> bool:
    return match.view_name in section if isinstance(section, set) else match.app_name == section


def navigation(request) -> list[dict]:
    match = request.resolver_match
    items = []
    for url_name, label, section in NAVIGATION:
        if match and match.view_name == url_name:
            current = "page"
        elif match and _in_section(match, section):
            current = "true"
        else:
            current = None
        items.append({"url": reverse(url_name), "label": label, "current": current})
    return items


def site(request) -> dict:
    if request is None:  # e.g. the bare 500 page
        return {"site_name": settings.SITE_NAME}
    parts = urlsplit(request.get_full_path())
    default_url = urlunsplit(("", "", _unprefixed(parts.path, get_language()), parts.query, ""))
    return {
        "site_name": settings.SITE_NAME,
        "navigation": navigation(request),
        "language_versions": language_versions(request),
        "x_default_url": _absolute(request)(default_url),
    }
