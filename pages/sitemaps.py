"""The sitemap: each section once per language, and each page and news entry once per real translation."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from pages.models import NewsEntry, Page


class SectionSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return [
            "pages:home",
            "pages:news_list",
            "pages:documents",
            "pages:contacts",
            "conference:overview",
            "feedback:index",
        ]

    def location(self, item):
        return reverse(item)


class TranslatedSitemap(Sitemap):
    """Lists an object only in the languages it is really translated into, never in a fallback."""

    i18n = True
    alternates = True
    x_default = True

    def get_languages_for_item(self, item):
        return [code for code in self._languages() if code in item.get_available_languages()]

    def lastmod(self, item):
        return max(translation.updated_at for translation in item.translations.all())


class PageSitemap(TranslatedSitemap):
    def items(self):
        return Page.objects.published().programme().with_translations()


class NewsSitemap(TranslatedSitemap):
    def items(self):
        return NewsEntry.objects.published().with_translations()


sitemaps = {"sections": SectionSitemap, "pages": PageSitemap, "news": NewsSitemap}
