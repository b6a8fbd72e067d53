"""Translation memory: segments translated before, remembered when a translation is published and offered again
when the same or a similar segment is translated."""

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection

from translations.models import MemoryEntry, TranslationRecord, TranslationStatus, translation_models
from translations.segments import split

# Below this share of common trigrams two segments are unrelated (pg_trgm's own default threshold).
THRESHOLD = 0.3
# The SQLite fallback scores in Python: it reads at most this many of a language pair's most recent entries.
FALLBACK_ROWS = 2_000
_TRIGRAM_WORD = re.compile(r"[^\W_]+")

_SIMILAR_SQL = """
SELECT position, id, source_text, target_text, score FROM (
    SELECT wanted.position, entry.id, entry.source_text, entry.target_text,
           similarity(entry.source_text, wanted.text) AS score,
           row_number() OVER (
               PARTITION BY wanted.position
               ORDER BY entry.source_text = wanted.text DESC, similarity(entry.source_text, wanted.text) DESC,
                        entry.updated_at DESC, entry.id DESC
           ) AS rank
    FROM unnest(%(segments)s::text[]) WITH ORDINALITY AS wanted(text, position)
    JOIN {table} entry ON entry.source_text %% wanted.text
    WHERE entry.source_language = %(source_language)s AND entry.language = %(language)s
      AND similarity(entry.source_text, wanted.text) >= %(threshold)s
) AS ranked
WHERE rank <= %(limit)s
ORDER BY position, rank
"""


@dataclass(frozen=True)
class Suggestion:
    """A remembered translation of a segment like the one being translated; score 1 is the same text."""

    id: int
    source_text: str
    target_text: str
    score: float

    @property
    def percent(self) -> int:
        return round(self.score * 100)


def remember(*, obj, language: str, source: dict[str, str], target: dict[str, str]) -> None:
    """Remember each segment of `target` (obj's texts in `language`) with the segment of `source` it translates.

    A field is only remembered when source and translation have as many segments, since otherwise nothing says
    which paragraph translates which. One query, whatever the length of the texts.
    """
    _store(_entries(obj, language, source, target))


def suggestions(segments: list[str], *, source_language: str, language: str, limit: int = 3) -> list[list[Suggestion]]:
    """For each of `segments`, its best `limit` matches in the memory of the language pair, the same text first.

    One query for all segments together, so a workspace of any length costs the same. PostgreSQL compares in the
    database with pg_trgm's similarity(), helped by the trigram index of migration 0002; SQLite, used in
    development and tests, reads the pair's most recent entries and computes the same similarity in Python.
    """
    if not segments:
        return []
    if connection.vendor == "postgresql":
        found = _similar_in_postgresql(segments, source_language, language, limit)
    else:
        found = _similar_in_python(segments, source_language, language, limit)
    return [found.get(position, []) for position in range(len(segments))]


def rebuild(*, objects=None) -> int:
    """Fill the memory from the translations already published (of `objects`, or of every translated object),
    each paired with the source text it was made from: the recorded one, or the current source for a translation
    that is up to date. For the demo data and sites that had translations before the memory. Returns the number of
    segment pairs stored."""
    by_model = defaultdict(list)
    if objects is None:
        for model in translation_models():
            by_model[model] = list(model.objects.prefetch_related("translations"))
    else:
        for obj in objects:
            by_model[type(obj)].append(obj)
    entries = []
    for model, objs in by_model.items():
        records = TranslationRecord.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id__in=[obj.pk for obj in objs]
        )
        made_from = {(record.object_id, record.language): record.made_from for record in records}
        for obj in objs:
            entries += _published_entries(obj, made_from)
    return _store(entries)


def _published_entries(obj, made_from: dict) -> list[MemoryEntry]:
    rows = {row.language_code: row for row in obj.translations.all()}
    if obj.source_language not in rows:
        return []
    fields = obj.translated_text_fields()
    current = {name: getattr(rows[obj.source_language], name) or "" for name in fields}
    entries = []
    for language, row in rows.items():
        status = getattr(row, "translation_status", TranslationStatus.UP_TO_DATE)
        if language == obj.source_language or status == TranslationStatus.MACHINE:
            continue  # a machine translation is not the kind of work the memory should offer again
        source = made_from.get((obj.pk, language)) or (current if status == TranslationStatus.UP_TO_DATE else None)
        if source:
            entries += _entries(obj, language, source, {name: getattr(row, name) or "" for name in fields})
    return entries


def _entries(obj, language: str, source: dict[str, str], target: dict[str, str]) -> list[MemoryEntry]:
    """The memory entries for one translation: pairs of segments, without empty or untranslated ones."""
    if language == obj.source_language:
        return []
    content_type = ContentType.objects.get_for_model(obj)
    entries = []
    for field, text in (source or {}).items():
        sources, targets = split(text), split((target or {}).get(field))
        if len(sources) != len(targets):
            continue
        for source_text, target_text in zip(sources, targets, strict=True):
            if source_text != target_text:
                entries.append(
                    MemoryEntry(
                        source_language=obj.source_language,
                        language=language,
                        source_text=source_text,
                        target_text=target_text,
                        digest=_digest(obj.source_language, language, source_text, target_text),
                        content_type=content_type,
                        object_id=obj.pk,
                    )
                )
    return entries


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


def _store(entries: list[MemoryEntry]) -> int:
    """Insert new pairs and refresh known ones (newest are offered first), in one statement per 500 pairs."""
    unique = {entry.digest: entry for entry in entries}  # one statement may not touch a row twice
    MemoryEntry.objects.bulk_create(
        unique.values(),
        update_conflicts=True,
        unique_fields=["digest"],
        update_fields=["content_type", "object_id", "updated_at"],
        batch_size=500,
    )
    return len(unique)


def _similar_in_postgresql(segments, source_language, language, limit) -> dict[int, list[Suggestion]]:
    params = {
        "segments": list(segments),
        "source_language": source_language,
        "language": language,
        "threshold": THRESHOLD,
        "limit": limit,
    }
    found = defaultdict(list)
    with connection.cursor() as cursor:
        cursor.execute(_SIMILAR_SQL.format(table=connection.ops.quote_name(MemoryEntry._meta.db_table)), params)
        for position, pk, source_text, target_text, score in cursor.fetchall():
            found[position - 1].append(Suggestion(pk, source_text, target_text, float(score)))
    return found


def _similar_in_python(segments, source_language, language, limit) -> dict[int, list[Suggestion]]:
    """The simple fallback: one query for the pair's most recent entries, pg_trgm's similarity computed here, so
    scores and thresholds mean the same as on PostgreSQL."""
    rows = list(
        MemoryEntry.objects.filter(source_language=source_language, language=language)
        .order_by("-updated_at", "-id")
        .values_list("id", "source_text", "target_text")[:FALLBACK_ROWS]
    )
    candidates = [(pk, source_text, target_text, _trigrams(source_text)) for pk, source_text, target_text in rows]
    found = {}
    for position, segment in enumerate(segments):
        wanted = _trigrams(segment)
        scored = []
        for pk, source_text, target_text, trigrams in candidates:
            score = _similarity(wanted, trigrams)
            if score >= THRESHOLD:
                scored.append((source_text == segment, score, Suggestion(pk, source_text, target_text, score)))
        scored.sort(key=lambda item: item[:2], reverse=True)  # stable: the most recent first among equals
        found[position] = [suggestion for _exact, _score, suggestion in scored[:limit]]
    return found


def _trigrams(text: str) -> set[str]:
    """pg_trgm's trigrams: of each lower-cased word, padded with two spaces in front and one behind."""
    trigrams = set()
    for word in _TRIGRAM_WORD.findall(text.lower()):
        padded = f"  {word} "
        trigrams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return trigrams


def _similarity(first: set[str], second: set[str]) -> float:
    shared = len(first & second)
    return shared / (len(first) + len(second) - shared) if shared else 0.0
