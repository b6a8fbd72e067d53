"""Resident feedback in the sitemap: the form, once per language."""

from core.sitemaps import SectionSitemap


class FeedbackSectionSitemap(SectionSitemap):
    url_names = ["feedback:index"]


sitemaps = {"feedback": FeedbackSectionSitemap}
