"""The sitemap: each section once per language, and each page and news entry once per real translation."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from conference.models import Conference
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
            "conference:archive",
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


class EditionSitemap(TranslatedSitemap):
    """The archive's editions: their overview and schedule. The current edition lives at the section's own
    addresses (its editions/ address only redirects there), so it is not listed here."""

    url_name = "conference:edition_overview"

    def items(self):
        current = Conference.objects.upcoming_or_latest()
        return Conference.objects.past().exclude(pk=current.pk if current else None).prefetch_related("translations")

    def location(self, item):
        return reverse(self.url_name, kwargs={"slug": item.slug})


class EditionScheduleSitemap(EditionSitemap):
    url_name = "conference:edition_schedule"


sitemaps = {
    "sections": SectionSitemap,
    "pages": PageSitemap,
    "news": NewsSitemap,
    "editions": EditionSitemap,
    "edition-schedules": EditionScheduleSitemap,
}
