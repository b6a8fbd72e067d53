"""A translator's queue: what is missing, outdated, machine-made or waiting for review in one language, oldest first."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from translations.models import TranslationRecord, TranslationStatus, TranslationWorkflow, translation_models

NEEDS_REVIEW = "needs_review"
STATE_LABELS = {
    TranslationStatus.MISSING: _("missing"),
    TranslationStatus.OUTDATED: _("outdated"),
    TranslationStatus.MACHINE: _("machine-translated"),
    NEEDS_REVIEW: _("needs review"),
}


@dataclass
class QueueItem:
    obj: TranslationWorkflow
    title: str
    type_name: str
    state: str
    waiting_since: datetime | None
    words: int
    url: str
    proposed_by: object = None

    @property
    def state_label(self):
        return STATE_LABELS[self.state]


def workspace_url(obj: TranslationWorkflow, language: str) -> str:
    return reverse("translation_workspace", kwargs={"label": obj._meta.label_lower, "pk": obj.pk, "language": language})


def queue(language: str) -> list[QueueItem]:
    """Every translated object whose `language` version needs a translator or a reviewer; the longest waiting first
    (a date that was never recorded counts as the oldest)."""
    proposals = {
        (record.content_type_id, record.object_id): record
        for record in TranslationRecord.objects.filter(language=language)
        .exclude(proposed=None)
        .select_related("proposed_by")
    }
    items = []
    for model in translation_models():
        content_type = ContentType.objects.get_for_model(model)
        for obj in model.objects.prefetch_related("translations"):
            if obj.source_language == language:
                continue
            item = _item(obj, language, proposals.get((content_type.pk, obj.pk)))
            if item is not None:
                items.append(item)
    items.sort(key=lambda item: (item.waiting_since is not None, item.waiting_since or 0, item.type_name))
    return items


def _item(obj: TranslationWorkflow, language: str, proposal: TranslationRecord | None) -> QueueItem | None:
    rows = {t.language_code: t for t in obj.translations.all()}
    source = rows.get(obj.source_language)
    if source is None:
        return None
    state = rows[language].translation_status if language in rows else TranslationStatus.MISSING
    if proposal is not None:
        state, since = NEEDS_REVIEW, proposal.proposed_at
    elif state == TranslationStatus.UP_TO_DATE:
        return None
    elif state == TranslationStatus.OUTDATED:
        since = obj.source_changed_at
    else:
        since = getattr(source, "updated_at", None)
    words = sum(len((getattr(source, name, "") or "").split()) for name in obj.translated_text_fields())
    return QueueItem(
        obj=obj,
        title=getattr(source, "title", "") or str(obj),
        type_name=obj._meta.verbose_name,
        state=state,
        waiting_since=since,
        words=words,
        url=workspace_url(obj, language),
        proposed_by=proposal.proposed_by if proposal else None,
    )
