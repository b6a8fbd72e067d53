"""Site-wide views: the health check, robots.txt, the web app manifest, uploaded files and the error pages."""

import logging
import posixpath

from django.conf import settings
from django.core.exceptions import BadRequest, SuspiciousOperation
from django.db import DatabaseError, connection
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseServerError,
    JsonResponse,
    QueryDict,
)
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.module_loading import import_string
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from core.media import uploaded_file

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request):
    """200 while the database answers, 503 when it does not, for load balancers and monitors."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database did not answer")
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("django.contrib.sitemaps.views.sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


# The palette's brand blue and page background (--colour-brand and --colour-background in static/css/site.css).
THEME_COLOUR = "#0b4f8a"
BACKGROUND_COLOUR = "#ffffff"


@require_GET
@cache_control(max_age=86400)
def web_app_manifest(request):
    """The web app manifest in the address's language: the site's name in it, its home page to start from."""
    language = translation.get_language()
    info = translation.get_language_info(language)
    icons = [
        {"src": static("img/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
        {"src": static("img/icon-192.png"), "sizes": "192x192", "type": "image/png"},
        {"src": static("img/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        {"src": static("img/icon-maskable-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
    ]
    manifest = {
        "id": "/",
        "name": str(settings.SITE_NAME),
        "short_name": str(settings.SITE_NAME),
        "description": translation.gettext(
            "The Open Kraków programme for foreign residents of Kraków, explained in your language."
        ),
        "lang": language,
        "dir": "rtl" if info["bidi"] else "ltr",
        "start_url": reverse("pages:home"),
        "scope": "/",
        "display": "minimal-ui",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": icons,
    }
    return JsonResponse(
        manifest, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False, "indent": 2}
    )


@require_GET
def media(request, path):
    """Uploaded files, as downloads, when no web server in front serves them (SERVE_MEDIA)."""
    if not settings.SERVE_MEDIA:
        raise Http404
    upload = uploaded_file(request, path)
    if upload is None:
        raise Http404
    try:
        stream = upload.storage.open(upload.name, "rb")
    except FileNotFoundError as error:  # the row outlived its file
        raise Http404 from error
    # The type follows the file's extension (documents are checked on upload; photos are images).
    return FileResponse(stream, as_attachment=True, filename=posixpath.basename(upload.name))


def _api_error(request, status: int) -> HttpResponse | None:
    """The error as the API at the address's prefix writes it (settings.API_ERROR_RESPONSES), or None for a page:
    a machine reading an API expects its error format, not the site's page."""
    for prefix, responder in settings.API_ERROR_RESPONSES.items():
        if request.path_info.startswith(prefix):
            return import_string(responder)(request, status)
    return None


def bad_request(request, exception):
    """The 400 page, in the address's (or the browser's) language: it may answer before LocaleMiddleware ran, for
    a request refused early or a bad Host header. It reads nothing of the request's body, and never fails."""
    if api_error := _api_error(request, 400):
        return api_error
    try:
        request.GET  # noqa: B018 (the page's search box shows ?q=; a query that was itself the bad part is left out)
    except (BadRequest, SuspiciousOperation):
        request.GET = QueryDict()
    try:
        language = translation.get_language_from_request(request, check_path=True)
        with translation.override(language):
            response = render(request, "400.html", status=400)
        response["Content-Language"] = language
        return response
    except Exception:  # the error page must never fail in turn
        logger.exception("The 400 page itself failed to render")
        return HttpResponseBadRequest("Bad request", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    try:
        return _api_error(request, 500) or render(request, "500.html", status=500)
    except Exception:  # the error page must never fail in turn, whatever broke
        logger.exception("The 500 page itself failed to render")
        return HttpResponseServerError("Server error", content_type="text/plain; charset=utf-8")


def style_guide(request):
    """The living style page: every component of site.css with its class names. Only while DEBUG is on."""
    if not settings.DEBUG:
        raise Http404
    return render(request, "core/style.html")
