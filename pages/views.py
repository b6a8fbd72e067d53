"""Views for the programme pages, plus the site-wide health check, robots.txt and error pages."""

import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from pages.models import Page

logger = logging.getLogger(__name__)


class HomeView(TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        page = Page.objects.published().prefetch_related("translations").filter(slug=Page.HOME_SLUG).first()
        return super().get_context_data(page=page, **kwargs)


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


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    try:
        return render(request, "500.html", status=500)
    except Exception:  # the error page must never fail in turn, whatever broke
        logger.exception("The 500 page itself failed to render")
        return HttpResponseServerError("Server error", content_type="text/plain; charset=utf-8")
