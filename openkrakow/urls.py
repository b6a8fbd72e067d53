"""Root URLs: language-prefixed public pages, and the few unprefixed addresses machines and staff use."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from conference.sitemaps import sitemaps as conference_sitemaps
from core import accounts, two_factor
from core import views as core_views
from core.search import opensearch
from core.search import views as search_views
from feedback.sitemaps import sitemaps as feedback_sitemaps
from pages.sitemaps import sitemaps as pages_sitemaps
from translations import views as translation_dashboard

# Each app lists its own addresses; the sitemap joins them.
sitemaps = {**pages_sitemaps, **conference_sitemaps, **feedback_sitemaps}

urlpatterns = [
    path("admin/translations/", include(translation_dashboard.urls())),
    path("admin/two-factor/", include(two_factor.urls())),
    path("admin/invitation/", include(accounts.urls())),
    path("admin/", admin.site.urls),
    path("open311/", include("feedback.open311")),
    path("healthz", core_views.healthz, name="healthz"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("media/<path:path>", core_views.media, name="media"),
    path(
        "sitemap.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps},
        name="django.contrib.sitemaps.views.sitemap",
    ),
]

urlpatterns += i18n_patterns(
    # The site's name in the address's language, for a phone's home screen.
    path("manifest.webmanifest", core_views.web_app_manifest, name="web_app_manifest"),
    path("conference/", include("conference.urls")),
    path("feedback/", include("feedback.urls")),
    path("style/", core_views.style_guide, name="style_guide"),  # the living style page, in DEBUG only
    # Search is not cached: every query would be a page of its own.
    path("search/", search_views.SearchView.as_view(), name="search"),
    path("opensearch.xml", opensearch.description, name="opensearch"),
    path("", include("pages.urls")),
)

# Our own error views: Django's would answer in English, and its 400 view re-reads a form it could not parse.
handler400 = "core.views.bad_request"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
