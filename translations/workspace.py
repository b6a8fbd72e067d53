"""The translator's workspace: one object in one language, field by field and segment by segment beside its source,
with what changed in the source, suggestions from the translation memory, the glossary and the checks."""

import hashlib
import json
from dataclasses import dataclass, field

from django import forms
from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Subquery
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from translations import checks, memory, segments
from translations.models import (
    LanguageSetting,
    MemoryEntry,
    TranslationRecord,
    TranslationStatus,
    TranslationWorkflow,
    translation_models,
)
from translations.services import proposal_stamp, source_texts

# Below this similarity a remembered translation helps less than it distracts.
MIN_SCORE = 0.5
NO_SOURCE = _("There is no source text to translate yet.")


def source_title(obj: TranslationWorkflow) -> str:
    """What the object is called in its source language (a speaker's name, which is not translated, otherwise)."""
    title = obj.safe_translation_getter("title", language_code=obj.source_language) if hasattr(obj, "title") else None
    return title or str(obj)


def model_for(label: str) -> type[TranslationWorkflow]:
    """The translated model a workspace address names ('pages.page'), or 404."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError) as error:
        raise Http404 from error
    if model not in translation_models():
        raise Http404
    return model


RECORD_FIELDS = ("id", "made_from", "proposed", "proposed_from", "proposed_at", "review_note")


def load(model: type[TranslationWorkflow], pk: int, language: str) -> TranslationWorkflow:
    """The object with its translations, whether `language` requires review, and the object's record in `language`
    (see record_of), in two queries: the workspace renders in ten at most."""
    if language not in dict(settings.LANGUAGES):
        raise Http404
    records = TranslationRecord.objects.filter(
        content_type__app_label=model._meta.app_label,
        content_type__model=model._meta.model_name,
        object_id=OuterRef("pk"),
        language=language,
    )
    annotations = {f"record_{name}": Subquery(records.values(name)[:1]) for name in RECORD_FIELDS}
    annotations["record_proposer"] = Subquery(records.values("proposed_by__username")[:1])
    reviewed = LanguageSetting.objects.filter(language=language, review_required=True)
    obj = (
        model.objects.prefetch_related("translations")
        .annotate(review_required=Exists(reviewed), **annotations)
        .filter(pk=pk)
        .first()
    )
    if obj is None or obj.source_language == language:
        raise Http404
    return obj


def record_of(obj: TranslationWorkflow) -> TranslationRecord | None:
    """The record load() read along with the object: what its translation was made from, and any proposal."""
    if obj.record_id is None:
        return None
    record = TranslationRecord(**{name: getattr(obj, f"record_{name}") for name in RECORD_FIELDS})
    record.proposer = obj.record_proposer
    return record


@dataclass
class SegmentRow:
    """One segment of one field: its source, the translation being written, and what helps to write it."""

    name: str  # of its form field
    source: str
    state: str
    previous_source: str | None
    initial: str = ""
    source_html: str = ""
    diff_html: str = ""
    suggestions: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    glossary: list = field(default_factory=list)
    bound: object = None

    @property
    def state_label(self):
        return segments.SegmentState(self.state).label


@dataclass
class FieldRows:
    name: str
    label: str
    one_line: bool
    rows: list[SegmentRow]


class Workspace:
    """Everything the editor shows for obj in `language`; `texts` are the translations to show (stored or posted)."""

    def __init__(self, *, obj: TranslationWorkflow, language: str, record: TranslationRecord | None):
        self.obj = obj
        self.language = language
        self.record = record
        rows = {t.language_code: t for t in obj.translations.all()}
        self.source_row = rows.get(obj.source_language)
        self.target_row = rows.get(language)
        self.status = self.target_row.translation_status if self.target_row else TranslationStatus.MISSING
        self.title = source_title(obj)
        self.proposal = record.proposed if record and record.proposed is not None else None
        made_from = record.made_from if record else None
        if not made_from and self.status in (TranslationStatus.UP_TO_DATE, TranslationStatus.MACHINE):
            made_from = source_texts(obj)  # saved before sources were kept, and the source has not changed since
        self.fields: list[FieldRows] = []
        root = obj._parler_meta.root_model
        for name in obj.translated_text_fields():
            source = getattr(self.source_row, name, "") or ""
            published = getattr(self.target_row, name, "") or ""
            # What changed in the source is always told against the published translation's source...
            pieces = segments.align(made_from=(made_from or {}).get(name), source=source, translation=published)
            if self.proposal is not None:  # ...while the boxes show the proposal waiting for review.
                proposed = segments.align(
                    made_from=(record.proposed_from or {}).get(name),
                    source=source,
                    translation=self.proposal.get(name, ""),
                )
                texts = [piece.translation for piece in proposed]
            else:
                texts = [piece.translation for piece in pieces]
            rows = [
                SegmentRow(
                    name=f"{name}__{piece.index}",
                    source=piece.source,
                    state=piece.state,
                    previous_source=piece.previous_source,
                    initial=text,
                )
                for piece, text in zip(pieces, texts, strict=True)
            ]
            model_field = root._meta.get_field(name)
            one_line = not isinstance(model_field, models.TextField)
            self.fields.append(FieldRows(name=name, label=model_field.verbose_name, one_line=one_line, rows=rows))

    def proposal_changes(self) -> list[tuple[str, str]]:
        """For a reviewer: per field, the published translation and the proposal as a word diff."""
        if self.proposal is None:
            return []
        changes = []
        for group in self.fields:
            published = getattr(self.target_row, group.name, "") or ""
            proposed = self.proposal.get(group.name, "")
            if proposed != published:
                changes.append((group.label, segments.diff_html(published, proposed)))
        return changes

    @property
    def version(self) -> str:
        """The source texts and the proposal this page shows, as a mark the form sends back: a post made from another
        version (the source or the proposal changed meanwhile) is shown again rather than saved over changes its
        author never saw."""
        shown = json.dumps([source_texts(self.obj), proposal_stamp(self.record)], sort_keys=True)
        return hashlib.sha256(shown.encode()).hexdigest()[:16]

    @property
    def status_label(self) -> str:
        return TranslationStatus(self.status).label

    def rows(self):
        return [row for group in self.fields for row in group.rows]

    def form(self, data=None) -> "WorkspaceForm":
        return WorkspaceForm(data, workspace=self)

    def annotate(self, form: "WorkspaceForm", *, with_checks: bool) -> None:
        """Fill each row with its highlighted source, diff, suggestions, glossary hits and (when asked) checks."""
        terms = checks.glossary_for(source_language=self.obj.source_language, language=self.language)
        rows = self.rows()
        found = memory.suggestions(
            [row.source for row in rows], source_language=self.obj.source_language, language=self.language
        )
        values = form.segment_values()
        for row, suggestions in zip(rows, found, strict=True):
            text = values.get(row.name, "")
            row.bound = form[row.name]
            row.source_html = checks.highlight(row.source, terms)
            if row.previous_source is not None:
                row.diff_html = segments.diff_html(row.previous_source, row.source)
            if row.state != segments.SegmentState.UP_TO_DATE:  # what is up to date needs no suggestion
                row.suggestions = [s for s in suggestions if s.score >= MIN_SCORE and not _same(s.target_text, text)]
            row.glossary = checks.glossary_problems(row.source, text, terms) if text else []
            if with_checks and text:
                row.problems = checks.check(row.source, text, language=self.language)

    def suggestion(self, entry_id: str) -> MemoryEntry | None:
        """A memory entry a 'use this' button names, if it belongs to this language pair."""
        if not (entry_id.isascii() and entry_id.isdigit()):  # not "²", which isdigit() but int() refuses
            return None
        return MemoryEntry.objects.filter(
            pk=entry_id, source_language=self.obj.source_language, language=self.language
        ).first()


def _same(first: str, second: str) -> bool:
    """The same words, however the lines are wrapped: a suggestion equal to the box would only repeat it."""
    return first.split() == second.split()


class WorkspaceForm(forms.Form):
    """A text box per segment; the texts of a field are joined back into paragraphs when saved."""

    review_note = forms.CharField(
        label=_("Note to the translator"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    confirm = forms.BooleanField(label=_("I checked the warnings above; save anyway"), required=False)

    def __init__(self, data=None, *, workspace: Workspace):
        super().__init__(data)
        self.workspace = workspace
        root = workspace.obj._parler_meta.root_model
        for group in workspace.fields:
            for row in group.rows:
                widget = forms.TextInput() if group.one_line else forms.Textarea(attrs={"rows": 4})
                self.fields[row.name] = forms.CharField(
                    label=group.label, required=False, initial=row.initial, widget=widget
                )
                self.fields[row.name].widget.attrs["lang"] = workspace.language
        self.limits = {g.name: root._meta.get_field(g.name).max_length for g in workspace.fields}

    def segment_values(self) -> dict[str, str]:
        """The text of each segment as shown: posted, or as stored."""
        names = [row.name for row in self.workspace.rows()]
        if self.is_bound:
            return {name: (self.data.get(name) or "").strip() for name in names}
        return {name: self.fields[name].initial or "" for name in names}

    def texts(self) -> dict[str, str]:
        values = self.segment_values()
        return {
            group.name: segments.join([values[row.name] for row in group.rows if values[row.name]])
            for group in self.workspace.fields
        }

    def clean(self):
        cleaned = super().clean()
        if not self.workspace.rows():
            raise forms.ValidationError(NO_SOURCE, code="no_source")
        texts = self.texts()
        if not any(texts.values()):
            self.add_error(None, _("Write the translation in the boxes before saving."))
        for group in self.workspace.fields:
            limit = self.limits[group.name]
            if limit and len(texts[group.name]) > limit:
                self.add_error(
                    group.rows[0].name,
                    _("At most %(limit)d characters (this has %(length)d).")
                    % {"limit": limit, "length": len(texts[group.name])},
                )
        title = next((group for group in self.workspace.fields if group.name == "title" and group.rows), None)
        if title is not None and not texts["title"]:  # a source without a title asks for none
            self.add_error(title.rows[0].name, _("A translation needs its title."))
        return cleaned
