"""The sitemap: every public section once per language, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class SectionSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["pages:home", "conference:overview", "feedback:index"]

    def location(self, item):
        return reverse(item)


sitemaps = {"sections": SectionSitemap}
