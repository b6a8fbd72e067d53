"""The programme pages in the sitemap: the sections once per language, each page and news entry once per real
translation."""

from core.sitemaps import SectionSitemap, TranslatedSitemap
from pages.models import NewsEntry, Page


class PagesSectionSitemap(SectionSitemap):
    url_names = ["pages:home", "pages:news_list", "pages:documents", "pages:contacts"]


class PageSitemap(TranslatedSitemap):
    def items(self):
        return Page.objects.published().programme().with_translations()


class NewsSitemap(TranslatedSitemap):
    def items(self):
        return NewsEntry.objects.published().with_translations()


sitemaps = {"sections": PagesSectionSitemap, "pages": PageSitemap, "news": NewsSitemap}
