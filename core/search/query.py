"""Answering a search: matches in the reader's language first, then those found only in other languages in the
order of the reader's fallback chain, best match first (the title above the text), with a highlighted snippet
and a count per kind.

On PostgreSQL (production and CI) this is full-text search over the index's tsvectors with a GIN index, ranked
with ts_rank, snippets from ts_headline, phrases in quotation marks, and misspelt words matched to the index's
vocabulary by trigram similarity (pg_trgm). SQLite, the embedded default, has a simpler match: every word (or one
of its forms) must occur, a phrase's words need not stand together, titles rank first, and nothing corrects typos.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQueryField, SearchRank
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import BooleanField, Case, F, FloatField, Func, Q, Value, When
from django.db.models.functions import Cast
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.models import SearchEntry, SearchWord
from core.search.analysis import (
    MARK_END,
    MARK_START,
    WORD,
    ParsedQuery,
    Term,
    add_corrections,
    fold,
    parse_query,
    tsquery,
)
from core.search.index import SOURCES
from openkrakow.languages import FALLBACK_CHAINS

PER_PAGE = 10
# What a result shows of its entry.
SHOWN = ("kind", "object_id", "language", "url", "title", "detail", "detail_language")
# ts_rank's weights for D (a text), C, B (details) and A (the title).
WEIGHTS = [0.1, 0.2, 0.4, 1.0]
# The text search configuration snippets are cut with: words folded as the index folds them (migration 0004).
HEADLINE_CONFIG = "openkrakow_search"
SNIPPET_WORDS = 30


@dataclass(frozen=True)
class Result:
    kind: str
    kind_label: str
    title: str
    detail: str
    detail_language: str  # set when it is not the page's language
    detail_is_name: bool  # written one way in every language (an address): marked translate="no"
    url: str
    language: str
    snippet: SafeString
    in_other_language: bool
    title_is_name: bool


@dataclass
class Results:
    query: str
    total: int = 0
    counts: list[tuple[str, str, int]] = field(default_factory=list)  # kind, its label, how many
    kind: str | None = None
    page: Page | None = None
    corrections: list[str] = field(default_factory=list)


class _Counted(Paginator):
    """A paginator told its count, which the counts per kind already gave: no extra COUNT query."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self._count = count

    @cached_property
    def count(self):
        return self._count


class _Matches(Func):
    """tsvector @@ tsquery."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def preferred_languages(language: str) -> list[str]:
    """The reader's language, its fallback chain, then every other site language in the site's order."""
    order = [language, *FALLBACK_CHAINS.get(language, ())]
    return order + [code for code, _name in settings.LANGUAGES if code not in order]


def search(query: str, *, language: str, kind: str | None = None, page=1) -> Results:
    """Four queries on PostgreSQL (typos, the counts per kind, the page's ids, its entries with their snippets),
    three on SQLite."""
    languages = preferred_languages(language)
    parsed = parse_query(query, languages)
    results = Results(query, kind=kind if kind in SOURCES else None)
    if not parsed:
        return results
    postgres = connection.vendor == "postgresql"
    if postgres:
        results.corrections = _correct_typos(parsed, languages)
    matched = SearchEntry.objects.public().in_languages(languages)
    matched = _full_text(matched, parsed) if postgres else _simple_match(matched, parsed)
    per_kind = matched.count_per_kind(language)
    results.counts = [(key, source.label, per_kind[key][0]) for key, source in SOURCES.items() if key in per_kind]
    if results.kind:
        matched = matched.filter(kind=results.kind)
    counted = [per_kind.get(results.kind, (0, 0))] if results.kind else list(per_kind.values())
    results.total = sum(found for found, _in_language in counted)
    in_language = sum(in_language for _found, in_language in counted)
    if not results.total:
        return results
    ranked = _ranked(matched, parsed) if postgres else _simply_ranked(matched, parsed)
    kind_order = Case(*(When(kind=key, then=Value(place)) for place, key in enumerate(SOURCES)), default=Value(99))
    best_first = ("-title_hit", "-rank", kind_order, "object_id", "kind")  # kinds no source has share a place
    # One pass over what matched picks the page: ranked, and each object in its best language only.
    paginator = _Counted(
        ranked.best_language_only(F("title_hit").desc(), F("rank").desc())
        .order_by("language_order", *best_first)
        .values_list("pk", flat=True),
        PER_PAGE,
        count=results.total,
    )
    results.page = paginator.get_page(page)
    if results.page.end_index() <= in_language:
        # The page holds only entries in the reader's language, which come first and are each their object's
        # best: ranking those alone gives the same page without sorting every match into a window.
        ids = ranked.filter(language=language).order_by(*best_first).values_list("pk", flat=True)
        results.page.object_list = ids[results.page.start_index() - 1 : results.page.end_index()]
    entries = _shown(list(results.page.object_list), parsed, postgres=postgres)
    results.page.object_list = [_result(entry, language) for entry in entries]
    return results


def _shown(ids: list[int], parsed: ParsedQuery, *, postgres: bool) -> list[SearchEntry]:
    """The page's entries, in the ranked order, each with its snippet: cut by ts_headline on PostgreSQL, in
    Python on SQLite."""
    rows = SearchEntry.objects.filter(pk__in=ids)
    rows = rows.only(*SHOWN).annotate(headline=_headline(parsed)) if postgres else rows.only(*SHOWN, "body")
    by_id = {entry.pk: entry for entry in rows}
    for entry in by_id.values():
        entry.snippet = _marked(entry.headline) if postgres else _snippet(entry.body, parsed.terms)
    return [by_id[pk] for pk in ids if pk in by_id]


def _result(entry: SearchEntry, language: str) -> Result:
    source = SOURCES.get(entry.kind)
    detail_language = entry.detail_language or entry.language
    return Result(
        kind=entry.kind,
        kind_label=source.label if source else entry.kind,
        title=entry.title,
        detail=entry.detail,
        detail_language=detail_language if detail_language != language else "",
        detail_is_name=bool(entry.detail_language),
        url=entry.url,
        language=entry.language,
        snippet=entry.snippet,
        in_other_language=entry.language != language,
        title_is_name=bool(source and source.titles_are_names),
    )


def _correct_typos(parsed: ParsedQuery, languages: list[str]) -> list[str]:
    """A query word the index knows in none of its forms gets the known words most like it as alternatives."""
    asked = [term for term in parsed.terms if len(term.word) > 3 and not term.word.isdigit()]
    if not asked:
        return []
    similar = SearchWord.objects.similar_to(sorted({form for term in asked for form in term.alternatives}))
    corrections = []
    for term in asked:
        if any(form in similar.get(form, ()) for form in term.alternatives):
            continue
        candidates = similar.get(fold(term.word), [])
        add_corrections(term, set(candidates), languages)
        corrections += [word for word in candidates if word not in corrections]
    return corrections


def _query(literal: str):
    return Cast(Value(literal), SearchQueryField())


def _full_text(entries, parsed: ParsedQuery):
    return entries.filter(_Matches(F("search_vector"), _query(tsquery(parsed))))


def _ranked(entries, parsed: ParsedQuery):
    """Ranked by the small rank vector (core.search.analysis.index_text): the title, the details, the start of
    the text."""
    return entries.annotate(
        rank=SearchRank(F("rank_vector"), _query(tsquery(parsed)), weights=WEIGHTS),
        title_hit=_Matches(F("rank_vector"), _query(tsquery(parsed, weight="A"))),
    )


def _simple_match(entries, parsed: ParsedQuery):
    for term in parsed.terms:
        entries = entries.filter(_contains("lexemes", term))
    return entries


def _simply_ranked(entries, parsed: ParsedQuery):
    in_title = Q()
    for term in parsed.terms:
        in_title &= _contains("title_lexemes", term)
    return entries.annotate(
        rank=Value(0.0, output_field=FloatField()),
        title_hit=Case(When(in_title, then=Value(True)), default=Value(False), output_field=BooleanField()),
    )


def _contains(column: str, term: Term) -> Q:
    found = Q()
    for lexeme in term.alternatives:
        found |= Q(**{f"{column}__contains": f" {lexeme} "})
    return found


def _headline(parsed: ParsedQuery) -> SearchHeadline:
    return SearchHeadline(
        "body",
        _query(tsquery(parsed, highlight=True)),
        config=HEADLINE_CONFIG,
        start_sel=MARK_START,
        stop_sel=MARK_END,
        max_words=SNIPPET_WORDS,
        min_words=SNIPPET_WORDS // 2,
        max_fragments=2,
        fragment_delimiter=" … ",
    )


def _marked(headline: str) -> SafeString:
    """The snippet escaped, then the marks (which no stored text contains) made into <mark> elements."""
    escaped = escape(headline)
    return mark_safe(escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))  # noqa: S308 (escaped)


def _snippet(body: str, terms: list[Term]) -> SafeString:
    """SQLite's snippet: the words around the first match, matches marked as the headline marks them."""
    highlight_words = {word for term in terms for word in term.highlight_words}
    prefixes = tuple(prefix for term in terms for prefix in term.highlight_prefixes)

    def matches(word: str) -> bool:
        folded = fold(word)
        return folded in highlight_words or bool(prefixes) and folded.startswith(prefixes)

    spaced = body.split()
    first = next((i for i, part in enumerate(spaced) if any(matches(word) for word in WORD.findall(part))), 0)
    start = max(0, first - SNIPPET_WORDS // 3)
    text = " ".join(spaced[start : start + SNIPPET_WORDS])
    marked = WORD.sub(lambda found: f"{MARK_START}{found[0]}{MARK_END}" if matches(found[0]) else found[0], text)
    return _marked(("… " if start else "") + marked + (" …" if start + SNIPPET_WORDS < len(spaced) else ""))
