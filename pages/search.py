"""Site search over pages and news: matches in the reader's language first, then those in other languages."""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation

from pages.models import NewsEntry, Page


@dataclass(frozen=True)
class SearchResult:
    title: str
    summary: str
    language: str
    url: str


def search(query: str, *, language: str) -> dict[str, list[SearchResult]]:
    needle = query.casefold()
    order = [code for code, _name in settings.LANGUAGES]
    results = {"here": [], "elsewhere": []}
    for matches in (Page.objects.published().programme().search(needle), NewsEntry.objects.published().search(needle)):
        for obj in matches:
            found = {t.language_code: t for t in obj.translations.all() if needle in t.search_text}
            code = language if language in found else min(found, key=order.index)
            with translation.override(code):
                url = obj.get_absolute_url()
            result = SearchResult(found[code].title, found[code].summary, code, url)
            results["here" if code == language else "elsewhere"].append(result)
    return results
