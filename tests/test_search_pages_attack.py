"""An outsider's attack on how the site search picks a page (core.search.query.search): a page that lies within
the reader's language is ranked from those entries alone, any other page by the window over every match. Every
page must be what the window alone gives, so each test here compares the pages, read one after another, with an
order computed independently from the ranked entries, on SQLite and on PostgreSQL."""

import datetime
import math

import pytest
from django.db import connection
from django.utils import timezone

from conference.tests.factories import SessionFactory
from core.models import SearchEntry, SearchEntryQuerySet
from core.search import query as search_query
from core.search.analysis import parse_query
from core.search.index import SOURCES
from pages.tests.factories import NewsEntryFactory, PageFactory
from tests.test_search import heading, results

pytestmark = pytest.mark.integration

LANGUAGES = ["en", "pl", "uk", "ru"]


def expected(query: str, language: str, kind: str | None = None) -> list[tuple]:
    """The order the window over every match gives, worked out here in Python from each matching entry's rank: each
    object in its first language of the reader's order, that language's place first, then the title's match, the
    rank, the kind's place, the object's id and, between kinds that have no place, the kind's name."""
    languages = search_query.preferred_languages(language)
    parsed = parse_query(query, languages)
    postgres = connection.vendor == "postgresql"
    if postgres:
        search_query._correct_typos(parsed, languages)
    matched = SearchEntry.objects.public().in_languages(languages)
    matched = search_query._full_text(matched, parsed) if postgres else search_query._simple_match(matched, parsed)
    if kind in SOURCES:
        matched = matched.filter(kind=kind)
    ranked = search_query._ranked(matched, parsed) if postgres else search_query._simply_ranked(matched, parsed)
    rows = ranked.values_list("kind", "object_id", "language_order", "title_hit", "rank", "language", "url", "title")
    best = {}
    for row in rows:
        if (row[0], row[1]) not in best or row[2] < best[row[0], row[1]][2]:
            best[row[0], row[1]] = row
    places = list(SOURCES)

    def key(row):
        kind_place = places.index(row[0]) if row[0] in places else 99
        return (row[2], not row[3], -row[4], kind_place, row[1], row[0])

    return [(row[0], row[5], row[6], row[7]) for row in sorted(best.values(), key=key)]


def all_pages(query: str, language: str, kind: str | None = None) -> tuple[list[tuple], int]:
    first = search_query.search(query, language=language, kind=kind)
    if not first.total:
        return [], 0
    found = []
    for number in range(1, first.page.paginator.num_pages + 1):
        page = search_query.search(query, language=language, kind=kind, page=number).page
        assert page.number == number
        found += [(result.kind, result.language, result.url, result.title) for result in page.object_list]
    return found, first.total


def window_only(monkeypatch):
    """search() as it was before pages of the reader's language were ranked alone: the window for every page."""
    counted = SearchEntryQuerySet.count_per_kind

    def nothing_in_language(self, language):
        return {kind: (found, 0) for kind, (found, _in_language) in counted(self, language).items()}

    monkeypatch.setattr(SearchEntryQuerySet, "count_per_kind", nothing_in_language)


@pytest.fixture
def corpus(db):
    """Objects of three kinds in several languages, where only some of each object's languages match "smog":
    titles that tie (the same words), titles that rank higher (the word twice), texts that mention it, drafts and
    pages not yet published."""
    texts = {
        "en": ("Smog", "Smog smog advice", "Air", "About smog."),
        "pl": ("Smog", "Smog smog porady", "Powietrze", "O smogu i smog."),
        "uk": ("Smog", "Smog smog поради", "Повітря", "Про smog."),
        "ru": ("Smog", "Smog smog советы", "Воздух", "Про smog."),
    }
    n = 0
    for mask in range(1, 16):
        languages = [code for bit, code in enumerate(LANGUAGES) if mask & (1 << bit)]
        for variant in range(4):
            translations = {}
            for place, code in enumerate(languages):
                tie, higher, plain, body = texts[code]
                # Some languages match, some do not; by the title, by the text, or tie with others.
                how = (variant + place + mask) % 4
                if how == 0:
                    translations[code] = {"title": f"{tie}"}
                elif how == 1:
                    translations[code] = {"title": f"{higher} {n}"}
                elif how == 2:
                    translations[code] = {"title": f"{plain} {n}", "body": body}
                else:
                    translations[code] = {"title": f"{plain} {n}"}
            factory = PageFactory if variant % 2 else NewsEntryFactory
            factory(slug=f"o-{n}", translations=translations)
            n += 1
    for number in range(5):
        SessionFactory(titles={"en": "Smog", "uk": f"Smog {number}"}, abstracts={"pl": "Smog"})
    PageFactory(slug="draft", status="draft", translations={"en": {"title": "Smog"}, "pl": {"title": "Smog"}})
    PageFactory(
        slug="later",
        publish_at=timezone.now() + datetime.timedelta(hours=1),
        translations={"en": {"title": "Smog"}, "uk": {"title": "Smog"}},
    )


def _pages(query: str):
    return [
        (query, language, kind, *all_pages(query, language, kind))
        for language in LANGUAGES
        for kind in [None, "page", "news", "session", "", "no-such-kind", "venue"]
    ]


def test_every_page_is_the_windows_page(corpus, monkeypatch):
    queries = ["smog", '"smog smog"', "smog about"] + (["smogg"] if connection.vendor == "postgresql" else [])
    found = [run for query in queries for run in _pages(query)]
    for query, language, kind, pages, total in found:
        want = expected(query, language, kind)
        assert (total, pages) == (len(want), want), (query, language, kind)
        assert not [url for _kind, _language, url, _title in pages if "/draft/" in url or "/later/" in url]
    assert sum(total for *_rest, total in found) > 1000  # pages of every kind: not an empty oracle
    with monkeypatch.context() as patched:
        window_only(patched)
        assert [run for query in queries for run in _pages(query)] == found


@pytest.mark.parametrize(
    "in_language,others", [(10, 0), (20, 0), (10, 1), (20, 5), (9, 1), (11, 9), (19, 11), (21, 10)]
)
def test_pages_around_where_the_readers_language_runs_out(client, db, in_language, others):
    """Exactly 10 or 20 results; a page that ends where the English ones end; one that ends one past it. Every
    object matches in Polish too, and ties with the others: the kind and the object's id decide."""
    for n in range(in_language):
        factory = PageFactory if n % 3 else NewsEntryFactory
        factory(slug=f"en-{n}", translations={"en": {"title": "Smog"}, "pl": {"title": "Smog smog"}})
    for n in range(others):
        factory = NewsEntryFactory if n % 2 else PageFactory
        factory(slug=f"pl-{n}", translations={"pl": {"title": "Smog"}, "en": {"title": "Air"}})
    want = [(url, None if language == "en" else language) for _kind, language, url, _title in expected("smog", "en")]
    total = in_language + others
    assert len(want) == total and [lang for _url, lang in want] == [None] * in_language + ["pl"] * others
    last = math.ceil(total / search_query.PER_PAGE)
    asked = {number: number for number in range(1, last + 1)}
    asked |= {"0": last, "-1": last, "999999999999": last, str(last + 1): last}
    asked |= {"last": 1, "junk": 1, "": 1, "2.0": 1, "9" * 5000: 1}
    for page, number in asked.items():
        shown = [(url, lang) for _kind, _badge, _title, url, lang in results(client, "en", q="smog", page=page)]
        assert shown == want[(number - 1) * 10 : number * 10], page
    assert heading(client, "en", q="smog") == f"{total} results for “smog”"


def test_kinds_no_source_registers_any_more_keep_one_order_across_pages(db):
    """Entries of a kind whose source was removed or renamed stay until the next rebuild, and a search shows them
    (under the kind's own name). They share the kinds' last place, so two of them with one object id and one rank
    tie: unless the kind decides, the reader's-language pages and the window pages order them each their own way,
    and a result is shown twice while another is never shown."""
    page = PageFactory(slug="smog", translations={"en": {"title": "Smog"}})
    entry = SearchEntry.objects.get(kind="page", object_id=page.pk)
    stale = []
    for object_id in range(1, 8):
        for kind, languages in [("zeta", ["en", "pl"]), ("alpha", ["en"]), ("mid", ["pl"])]:
            for language in languages:
                entry.pk, entry.kind, entry.object_id, entry.language = None, kind, object_id, language
                entry.url = f"/{language}/{kind}/{object_id}/"
                stale.append(SearchEntry(**{f.attname: getattr(entry, f.attname) for f in SearchEntry._meta.fields}))
    SearchEntry.objects.bulk_create(stale)
    found, total = all_pages("smog", "en")
    assert total == 1 + 7 * 3
    assert found == expected("smog", "en")
    assert len(set(found)) == total
