"""The conference in the sitemap: its sections, and the archive's editions once per real translation."""

from django.urls import reverse

from conference.models import Conference
from core.sitemaps import SectionSitemap, TranslatedSitemap


class ConferenceSectionSitemap(SectionSitemap):
    url_names = ["conference:overview", "conference:archive"]


class EditionSitemap(TranslatedSitemap):
    """The archive's editions: their overview and schedule. The current edition lives at the section's own
    addresses (its editions/ address only redirects there), so it is not listed here."""

    url_name = "conference:edition_overview"

    def items(self):
        return Conference.objects.archived().prefetch_related("translations")

    def location(self, item):
        return reverse(self.url_name, kwargs={"slug": item.slug})


class EditionScheduleSitemap(EditionSitemap):
    url_name = "conference:edition_schedule"


sitemaps = {
    "conference": ConferenceSectionSitemap,
    "editions": EditionSitemap,
    "edition-schedules": EditionScheduleSitemap,
}
