"""Writes with rules of the translation workflow: every translation's status after a save, what each translation was
made from, and the review a volunteer's translation waits for."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from core.cache import rows_changed
from translations.models import (
    LanguageSetting,
    TranslationRecord,
    TranslationStatus,
    TranslationWorkflow,
    reviewed_languages,
    translatable_languages,
)

APPLIED = "applied"
PROPOSED = "proposed"


def source_texts(obj: TranslationWorkflow) -> dict[str, str]:
    """The text of every translated text field in the object's source language (reads prefetched translations)."""
    row = next((t for t in obj.translations.all() if t.language_code == obj.source_language), None)
    return {name: getattr(row, name, "") or "" for name in obj.translated_text_fields()} if row else {}


def record_translation_save(
    *,
    obj: TranslationWorkflow,
    language: str,
    user=None,
    text_changed: bool,
    minor_edit: bool = False,
    machine: bool = False,
) -> None:
    """After an editor saved one language of obj: keep every translation's status honest.

    A real change to the source text makes all other translations outdated; a minor edit (a typo) does not.
    Saving any other language makes that translation up to date again, or machine-translated if so marked, and
    remembers the source text it now matches (the workspace shows what changed since).
    """
    now = timezone.now()
    with transaction.atomic():
        if language == obj.source_language:
            if text_changed and not minor_edit:
                type(obj).objects.filter(pk=obj.pk).update(source_changed_at=now)
                obj.source_changed_at = now
                obj.translations.exclude(language_code=language).update(translation_status=TranslationStatus.OUTDATED)
            elif text_changed:  # a typo fixed: the translations still match, so do the texts they were made from
                _records(obj).update(made_from=_stored_source_texts(obj))
            status = TranslationStatus.UP_TO_DATE
        else:
            status = TranslationStatus.MACHINE if machine else TranslationStatus.UP_TO_DATE
            TranslationRecord.objects.update_or_create(
                **_record_key(obj, language), defaults={"made_from": _stored_source_texts(obj)}
            )
        obj.translations.filter(language_code=language).update(
            translation_status=status, translated_by=user, translated_at=now
        )
        # Statuses (the notices pages show) written without a signal, also when the texts were saved unchanged and
        # parler saved no row: the pages and kept rows that show obj are dropped as by a save.
        rows_changed(type(obj))


def _stored_source_texts(obj: TranslationWorkflow) -> dict[str, str]:
    """The source texts as saved now, in one query: translations prefetched before a save may hold the old ones."""
    row = obj.translations.filter(language_code=obj.source_language).first()
    return {name: getattr(row, name, "") or "" for name in obj.translated_text_fields()} if row else {}


def _record_key(obj: TranslationWorkflow, language: str) -> dict:
    return {"content_type": ContentType.objects.get_for_model(obj), "object_id": obj.pk, "language": language}


def _records(obj: TranslationWorkflow):
    return TranslationRecord.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


def record_for(obj: TranslationWorkflow, language: str) -> TranslationRecord | None:
    return _records(obj).filter(language=language).first()


def review_required(language: str) -> bool:
    return LanguageSetting.objects.filter(language=language, review_required=True).exists()


def may_review(user, obj: TranslationWorkflow, language: str) -> bool:
    """Editors of the model review every language; a translator reviews the languages marked so for them."""
    return language in reviewed_languages(user, type(obj))


def save_translation(
    *, obj: TranslationWorkflow, language: str, texts: dict[str, str], user, machine: bool = False
) -> str:
    """A translator's or editor's translation of obj into `language`: public at once (APPLIED), or kept for a
    reviewer (PROPOSED) when the language requires review and `user` may not approve it themselves."""
    if language == obj.source_language or language not in translatable_languages(user, type(obj)):
        raise PermissionDenied
    if review_required(language) and not may_review(user, obj, language):
        TranslationRecord.objects.update_or_create(
            **_record_key(obj, language),
            defaults={
                "proposed": texts,
                "proposed_from": source_texts(obj),
                "proposed_by": user,
                "proposed_at": timezone.now(),
                "review_note": "",
            },
        )
        return PROPOSED
    apply_translation(obj=obj, language=language, texts=texts, user=user, machine=machine)
    return APPLIED


def apply_translation(
    *, obj: TranslationWorkflow, language: str, texts: dict[str, str], user, machine=False, made_from=None
) -> None:
    """Make `texts` the public translation: saved, up to date (or machine-made), its source remembered, any
    proposal cleared, and its segments added to the translation memory. Given `made_from` (the source a proposal
    was translated from), that is remembered instead, and a translation of a source changed since stays outdated."""
    from translations import memory  # the memory reads segments, which read this module's callers

    with transaction.atomic():
        obj.set_current_language(language)
        for name, value in texts.items():
            setattr(obj, name, value)
        obj.save_translations()
        record_translation_save(obj=obj, language=language, user=user, text_changed=False, machine=machine)
        record = record_for(obj, language)
        stale = made_from is not None and made_from != record.made_from
        if stale:
            record.made_from = made_from
            obj.translations.filter(language_code=language).update(translation_status=TranslationStatus.OUTDATED)
        if stale or record.proposed is not None:
            record.proposed = record.proposed_from = record.proposed_by = record.proposed_at = None
            record.review_note = ""
            record.save()
        if not machine:
            memory.remember(obj=obj, language=language, source=record.made_from, target=texts)


class ProposalChanged(ValueError):
    """Nothing waits for review any more, or not the proposal the reviewer read: approved, or saved again."""


def proposal_stamp(record: TranslationRecord | None) -> str:
    """Which proposal a record holds ("" for none), to tell whether it is still the one a reviewer read."""
    if record is None or record.proposed is None:
        return ""
    return record.proposed_at.isoformat() if record.proposed_at else "?"


def approve(
    *,
    obj: TranslationWorkflow,
    language: str,
    reviewer,
    texts: dict[str, str] | None = None,
    expected: str | None = None,
) -> None:
    """A reviewer publishes the translation waiting for review, as proposed or as they corrected it; given the
    `expected` proposal_stamp, only if that proposal still waits. Translated from the source it was proposed for,
    it stays outdated if that source changed since. The record is locked, so two reviewers publish once."""
    if not may_review(reviewer, obj, language):
        raise PermissionDenied
    with transaction.atomic():
        record = _records(obj).select_for_update().filter(language=language).first()
        if record is None or record.proposed is None or expected not in (None, proposal_stamp(record)):
            raise ProposalChanged("nothing waits for review, or not the proposal the reviewer read")
        apply_translation(
            obj=obj, language=language, texts=texts or record.proposed, user=reviewer, made_from=record.proposed_from
        )


def send_back(*, obj: TranslationWorkflow, language: str, reviewer, note: str) -> None:
    """A reviewer returns a proposal with a note; it stays saved for its translator, and stays unpublished."""
    if not may_review(reviewer, obj, language):
        raise PermissionDenied
    _records(obj).filter(language=language).exclude(proposed=None).update(review_note=note)


def apply_part(*, obj: TranslationWorkflow, language: str, texts: dict[str, str], user) -> None:
    """Publish some fields of a translation whose other fields still need work (a partly translated .po file): a
    new translation is outdated, an existing one keeps its status; the fields applied count as made from today's
    source, and feed the memory."""
    from translations import memory

    with transaction.atomic():
        is_new = not obj.has_translation(language)
        obj.set_current_language(language)
        for name, value in texts.items():
            setattr(obj, name, value)
        obj.save_translations()
        changes = {"translated_by": user, "translated_at": timezone.now()}
        if is_new:
            changes["translation_status"] = TranslationStatus.OUTDATED
        obj.translations.filter(language_code=language).update(**changes)
        rows_changed(type(obj))  # a new translation's status, written without a signal
        source = {name: text for name, text in _stored_source_texts(obj).items() if name in texts}
        record, _created = TranslationRecord.objects.get_or_create(**_record_key(obj, language))
        record.made_from = {**record.made_from, **source}
        record.save(update_fields=["made_from"])
        memory.remember(obj=obj, language=language, source=source, target=texts)
