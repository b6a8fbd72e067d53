"""Sitemap pieces every app uses: its fixed sections once per language, its translated objects once per real
translation. Each app lists its own in its sitemaps.py; openkrakow/urls.py joins them."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class SectionSitemap(Sitemap):
    """Fixed addresses, by URL name, in every language."""

    i18n = True
    alternates = True
    x_default = True
    url_names: list[str] = []

    def items(self):
        return self.url_names

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
