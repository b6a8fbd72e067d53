"""Root URLs: language-prefixed public pages, and the few unprefixed addresses machines and staff use."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from pages import dashboard as translation_dashboard
from pages import otp as two_factor
from pages import views as page_views
from pages.sitemaps import sitemaps

urlpatterns = [
    path("admin/translations/", include(translation_dashboard.urls())),
    path("admin/two-factor/", include(two_factor.urls())),
    path("admin/", admin.site.urls),
    path("open311/", include("feedback.open311")),
    path("healthz", page_views.healthz, name="healthz"),
    path("robots.txt", page_views.robots_txt, name="robots_txt"),
    path("media/<path:path>", page_views.media, name="media"),
    path(
        "sitemap.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps},
        name="django.contrib.sitemaps.views.sitemap",
    ),
]

urlpatterns += i18n_patterns(
    path("conference/", include("conference.urls")),
    path("feedback/", include("feedback.urls")),
    path("", include("pages.urls")),
)

# Our own error views: Django's would answer in English, and its 400 view re-reads a form it could not parse.
handler400 = "pages.views.bad_request"
handler404 = "pages.views.page_not_found"
handler500 = "pages.views.server_error"
