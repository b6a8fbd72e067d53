"""Site search over pages and news: matches in the reader's language first, then those in other languages in the
order of the reader's fallback chain (a Russian reader gets English before Polish)."""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation

from openkrakow.languages import FALLBACK_CHAINS
from pages.models import NewsEntry, Page


@dataclass(frozen=True)
class SearchResult:
    title: str
    summary: str
    language: str
    url: str


def preferred_languages(language: str) -> list[str]:
    """The reader's language, its fallback chain, then every other site language in the site's order."""
    order = [language, *FALLBACK_CHAINS.get(language, ())]
    return order + [code for code, _name in settings.LANGUAGES if code not in order]


def search(query: str, *, language: str) -> dict[str, list[SearchResult]]:
    needle = query.casefold()
    order = preferred_languages(language)
    found_results = []
    for matches in (Page.objects.published().programme().search(needle), NewsEntry.objects.published().search(needle)):
        for obj in matches:
            found = {t.language_code: t for t in obj.translations.all() if needle in t.search_text}
            code = min(found, key=lambda c: order.index(c) if c in order else len(order))
            with translation.override(code):
                url = obj.get_absolute_url()
            found_results.append(SearchResult(found[code].title, found[code].summary, code, url))
    # A stable sort: within one language, pages stay before news, each in its own order.
    found_results.sort(key=lambda result: order.index(result.language) if result.language in order else len(order))
    return {
        "here": [r for r in found_results if r.language == language],
        "elsewhere": [r for r in found_results if r.language != language],
    }
