"""Checks of a translation against its source that catch what breaks a page (a lost placeholder or link) or is
easy to overlook (a lost list item, an untranslated text, a glossary term translated another way)."""

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from translations.models import GlossaryTerm

# {name}, {0}, %(name)s, %s, %d: what code fills in; a translation without one breaks the text it is put in.
_PLACEHOLDER = re.compile(r"\{\w*\}|(?<!%)%\(\w+\)[sdif]|(?<!%)%[sdif]")
_LINK_TARGET = re.compile(r"\]\(\s*(?:<([^>\n]*)>|([^\s)]+))")
_REFERENCE_TARGET = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*<?([^\s>]+)>?", re.MULTILINE)
_BARE_URL = re.compile(r"(?:https?://|mailto:|tel:)[^\s<>()\[\]]+", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s", re.MULTILINE)
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s|$)", re.MULTILINE)
_STRUCTURAL_LINE = re.compile(r"^\s*[>|]|(?: {2}|\\)$")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Problem:
    """A finding about a translation; a blocking one must be fixed before it is saved, a warning need not be."""

    code: str
    message: Promise | str
    blocking: bool


def check(source: str, translation: str, *, language: str) -> list[Problem]:
    """Every problem of `translation` (into `language`) against `source`; an empty translation has none, since a
    missing translation is the workflow's business, not a mistake. `language` lets rules that depend on the target
    language (quotation marks, script) be added without changing callers."""
    if not (translation or "").strip():
        return []
    source = source or ""
    problems = []
    if changed := _changed(_placeholders(source), _placeholders(translation)):
        problems.append(
            Problem(
                "placeholders",
                format_lazy(_("Keep the placeholders of the source exactly as they are: {names}"), names=changed),
                blocking=True,
            )
        )
    if changed := _changed(_urls(source), _urls(translation)):
        problems.append(
            Problem(
                "links",
                format_lazy(_("Keep every link address of the source unchanged: {urls}"), urls=changed),
                blocking=True,
            )
        )
    problems.extend(_structure(source, translation))
    if translation.strip() == source.strip() and any(character.isalpha() for character in source):
        problems.append(Problem("untranslated", _("The translation is the same as the source text."), blocking=False))
    return problems


def _placeholders(text: str) -> Counter:
    return Counter(_PLACEHOLDER.findall(text))


def _urls(text: str) -> Counter:
    """Link targets of Markdown links and references, and addresses written out in the text."""
    urls = Counter(angled or plain for angled, plain in _LINK_TARGET.findall(text))
    urls.update(_REFERENCE_TARGET.findall(text))
    rest = _REFERENCE_TARGET.sub(" ", _LINK_TARGET.sub("](", text))
    urls.update(url.rstrip(".,;:!?'\"") for url in _BARE_URL.findall(rest))
    return urls


def _changed(source: Counter, translation: Counter) -> str:
    """What is in one and not the other (counting repeats), for a message; empty when they agree."""
    return ", ".join(sorted(set((source - translation) + (translation - source))))


def _structure(source: str, translation: str) -> list[Problem]:
    """Lists and headings kept; the count of lines only when those agree, since it would only repeat them."""
    problems = []
    for code, pattern, message in (
        ("list_items", _LIST_ITEM, _("Number of list items differs — source: {source}, translation: {translation}.")),
        ("headings", _HEADING, _("Number of headings differs — source: {source}, translation: {translation}.")),
    ):
        counts = {"source": len(pattern.findall(source)), "translation": len(pattern.findall(translation))}
        if counts["source"] != counts["translation"]:
            problems.append(Problem(code, format_lazy(message, **counts), blocking=False))
    lines = {"source": _line_count(source), "translation": _line_count(translation)}
    if not problems and lines["source"] != lines["translation"]:
        message = _("Number of lines differs — source: {source}, translation: {translation}.")
        problems.append(Problem("lines", format_lazy(message, **lines), blocking=False))
    return problems


def _line_count(text: str) -> int:
    """Lines that carry structure: a quote, a table row or a hard line break. A paragraph's other line breaks are
    soft in Markdown (it reads as one line), so a translation may wrap its sentences as it likes."""
    return sum(1 for line in text.splitlines() if _STRUCTURAL_LINE.search(line))


# The glossary: terms found by their stems, since Polish, Ukrainian and Russian inflect them.


@dataclass(frozen=True)
class GlossaryHit:
    """A glossary term used in the source whose agreed translation the translation does not use."""

    term: str
    translation: str
    note: str = ""


def glossary_for(*, source_language: str, language: str) -> list[GlossaryTerm]:
    """The glossary of one language pair, read once for a whole text."""
    return list(GlossaryTerm.objects.filter(source_language=source_language, language=language))


def glossary_problems(source: str, translation: str, terms: Iterable[GlossaryTerm]) -> list[GlossaryHit]:
    """Glossary terms in `source` whose agreed translation is missing from `translation` (in any inflected form);
    nothing for an empty translation, which is not written yet."""
    if not (translation or "").strip():
        return []
    source_words, translated_words = _words(source), _words(translation)
    return [
        GlossaryHit(term.term, term.translation, term.note or "")
        for term in terms
        if _find(source_words, _words(term.term)) and not _find(translated_words, _words(term.translation))
    ]


def highlight(source: str, terms: Iterable[GlossaryTerm]) -> SafeString:
    """`source` escaped, with each glossary term in it marked and its agreed translation as the mark's title.
    Longer terms win where terms overlap ("karta pobytu" over "karta")."""
    source = source or ""
    words = list(_WORD.finditer(source))
    lowered = [match.group().lower() for match in words]
    taken, marks = set(), []
    for term in sorted(terms, key=lambda t: len(_words(t.term)), reverse=True):
        wanted = _words(term.term)
        for start in _find(lowered, wanted):
            span = set(range(start, start + len(wanted)))
            if wanted and not span & taken:
                taken |= span
                marks.append((words[start].start(), words[start + len(wanted) - 1].end(), term))
    html, position = [], 0
    for start, end, term in sorted(marks, key=lambda mark: mark[0]):
        title = f"→ {term.translation}" + (f" ({term.note})" if term.note else "")
        html.append(escape(source[position:start]))
        html.append(f'<mark class="glossary" title="{escape(title)}">{escape(source[start:end])}</mark>')
        position = end
    html.append(escape(source[position:]))
    return mark_safe("".join(html))  # noqa: S308 - every piece of text above is escaped


def _words(text: str) -> list[str]:
    return _WORD.findall((text or "").lower())


def _stem(word: str) -> str:
    """Enough of a word's start to survive inflection: these languages change a noun's last two or three letters
    (karta → kartą, посвідка → посвідку, cudzoziemiec → cudzoziemców). A heuristic: stems like this also match
    unrelated words that start alike, which is acceptable for a hint."""
    cut = 3 if len(word) >= 8 else 2
    return word[: max(4, len(word) - cut)]


def _same_word(word: str, wanted: str) -> bool:
    if len(wanted) <= 3:  # short words (na, do, w, в) barely inflect, and as prefixes they would match anything
        return word == wanted
    return word.startswith(_stem(wanted)) and len(word) <= len(wanted) + 3


def _find(words: list[str], wanted: list[str]) -> list[int]:
    """Where the words of `wanted` follow one another in `words`, each in any inflected form."""
    if not wanted:
        return []
    return [
        start
        for start in range(len(words) - len(wanted) + 1)
        if all(_same_word(words[start + offset], part) for offset, part in enumerate(wanted))
    ]
