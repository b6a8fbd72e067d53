"""Texts cut into segments (Markdown blocks) so a translator sees which paragraphs of an outdated text changed."""

import difflib
import re
from dataclasses import dataclass

from django.db import models
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

# A fence opens with three or more backticks or tildes, indented by at most three spaces (CommonMark).
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# Words, runs of whitespace, and single other characters: joined again they give back the text exactly.
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
# A word diff costs about the product of the two texts' token counts, and far more for repetitive text (5,000
# repeated words took a minute): above this product texts are compared line by line, changed lines word by word
# while twice this budget lasts, and the rest shown whole, so that no text anyone posts holds a page up.
MAX_DIFF_WORK = 250_000


class SegmentState(models.TextChoices):
    """What a translator must do with one segment; the code is stable, the label is for people."""

    UP_TO_DATE = "up_to_date", _("up to date")
    CHANGED = "changed", _("source changed")
    NEW = "new", _("not translated yet")
    UNKNOWN = "unknown", _("not compared")


@dataclass(frozen=True)
class Segment:
    """One source block, the translation that belongs to it, and the source it was translated from if that changed."""

    index: int
    source: str
    translation: str
    state: str
    previous_source: str | None = None

    @property
    def state_label(self) -> str:
        return SegmentState(self.state).label


def split(text: str | None) -> list[str]:
    """The Markdown blocks of `text` (separated by blank lines), each stripped; a fenced code block stays whole,
    blank lines and all, because cutting it would make two broken blocks. A one-line field is one segment."""
    blocks, lines, fence = [], [], None
    for line in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if fence:
            lines.append(line)
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
        elif opening := _FENCE.match(line):
            lines.append(line)
            fence = opening.group(1)
        elif line.strip():
            lines.append(line)
        else:
            blocks.append("\n".join(lines).strip())
            lines = []
    blocks.append("\n".join(lines).strip())
    return [block for block in blocks if block]


def join(segments: list[str]) -> str:
    """The text again, from its segments: what split() cut, joined with blank lines."""
    return "\n\n".join(segment.strip() for segment in segments if segment and segment.strip())


def align(*, made_from: str | None, source: str, translation: str) -> list[Segment]:
    """Every segment of the current `source` with its part of `translation` and a state.

    When we know the source the translation was made from (`made_from`) and the translation has as many segments
    as it did, the old and the current source are compared segment by segment: an unchanged paragraph keeps its
    translation and stays up to date however much the rest of the text changed. Otherwise segments are paired by
    position and marked unknown, because nothing says which of them still match.
    """
    current, translated = split(source), split(translation)
    if not translated:
        return [Segment(i, text, "", SegmentState.NEW) for i, text in enumerate(current)]
    old = split(made_from) if made_from is not None else None
    if old is None or len(old) != len(translated):
        return _paired_by_position(current, translated)

    segments = []
    matcher = difflib.SequenceMatcher(None, old, current, autojunk=False)
    for tag, old_start, old_end, start, end in matcher.get_opcodes():
        for offset, index in enumerate(range(start, end)):
            old_index = old_start + offset
            if tag == "equal":
                segment = Segment(index, current[index], translated[old_index], SegmentState.UP_TO_DATE)
            elif tag == "replace" and old_index < old_end:
                segment = Segment(
                    index, current[index], translated[old_index], SegmentState.CHANGED, previous_source=old[old_index]
                )
            else:  # inserted, or more new segments than the old ones they replaced
                segment = Segment(index, current[index], "", SegmentState.NEW)
            segments.append(segment)
    return segments


def _paired_by_position(current: list[str], translated: list[str]) -> list[Segment]:
    # Translation segments beyond the source's count go with the last segment, so no translated text is lost
    # when the workspace joins the segments again.
    if current and len(translated) > len(current):
        translated = [*translated[: len(current) - 1], join(translated[len(current) - 1 :])]
    segments = []
    for index, text in enumerate(current):
        target = translated[index] if index < len(translated) else ""
        state = SegmentState.UNKNOWN if target else SegmentState.NEW
        segments.append(Segment(index, text, target, state))
    return segments


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """Word-level changes from `old` to `new` as ("equal" | "delete" | "insert", text) parts.

    The equal and inserted parts joined give `new`, the equal and deleted parts give `old`. A lone space between
    two changes is folded into them, so a rewritten phrase reads as one change rather than word, space, word.
    Texts too long to compare word by word at once are compared line by line first (see MAX_DIFF_WORK).
    """
    old, new = old or "", new or ""
    old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
    if len(old_tokens) * len(new_tokens) <= MAX_DIFF_WORK:
        return _token_diff(old_tokens, new_tokens)
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    if len(old_lines) * len(new_lines) > MAX_DIFF_WORK:
        return _whole(old, new)
    parts, budget = [], 2 * MAX_DIFF_WORK
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, old_start, old_end, start, end in matcher.get_opcodes():
        deleted, inserted = "".join(old_lines[old_start:old_end]), "".join(new_lines[start:end])
        work = len(_TOKEN.findall(deleted)) * len(_TOKEN.findall(inserted))
        if tag == "equal":
            parts.append(("equal", inserted))
        elif work <= min(MAX_DIFF_WORK, budget):
            parts += _token_diff(_TOKEN.findall(deleted), _TOKEN.findall(inserted))
            budget -= work
        else:
            parts += _whole(deleted, inserted)
    return parts


def _whole(old: str, new: str) -> list[tuple[str, str]]:
    return [(op, text) for op, text in (("delete", old), ("insert", new)) if text]


def _token_diff(old_tokens: list[str], new_tokens: list[str]) -> list[tuple[str, str]]:
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    runs = []  # equal text as a str, a change as a [deleted, inserted] pair
    for tag, old_start, old_end, start, end in matcher.get_opcodes():
        deleted, inserted = "".join(old_tokens[old_start:old_end]), "".join(new_tokens[start:end])
        if tag == "equal":
            runs.append(inserted)
        elif runs and isinstance(runs[-1], list):
            runs[-1][0] += deleted
            runs[-1][1] += inserted
        elif len(runs) >= 2 and runs[-1].isspace() and isinstance(runs[-2], list):
            space = runs.pop()
            runs[-1][0] += space + deleted
            runs[-1][1] += space + inserted
        else:
            runs.append([deleted, inserted])
    parts = []
    for run in runs:
        if isinstance(run, str):
            parts.append(("equal", run))
        else:
            parts.extend((op, text) for op, text in zip(("delete", "insert"), run, strict=True) if text)
    return parts


def diff_html(old: str, new: str) -> SafeString:
    """The word diff for a template: deleted words in <del>, inserted ones in <ins>, every text escaped."""
    tags = {"delete": "del", "insert": "ins"}
    html = []
    for op, text in word_diff(old, new):
        html.append(escape(text) if op == "equal" else f"<{tags[op]}>{escape(text)}</{tags[op]}>")
    return mark_safe("".join(html))  # noqa: S308 - every piece of text above is escaped
