"""The gettext round trip for volunteer translators: export editorial text as a .po file, import it back."""

import datetime
import tempfile
from dataclasses import dataclass, field

import polib
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from translations.models import TranslationStatus, TranslationWorkflow, translatable_languages, translation_models

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def context_for(obj: TranslationWorkflow, field_name: str) -> str:
    """A stable msgctxt naming the object and the field, e.g. 'pages.page:3:title'."""
    return f"{obj._meta.label_lower}:{obj.pk}:{field_name}"


def object_key(obj: TranslationWorkflow) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def export_catalogue(
    *, language: str, statuses: set[str] | None = None, objects: list[TranslationWorkflow] | None = None
) -> polib.POFile:
    """One entry per source text: msgid the source, msgstr the translation so far, fuzzy if outdated."""
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.metadata = {
        "Project-Id-Version": "Open Kraków content",
        "POT-Creation-Date": timezone.now().strftime("%Y-%m-%d %H:%M%z"),
        "PO-Revision-Date": timezone.now().strftime("%Y-%m-%d %H:%M%z"),
        "Last-Translator": "",
        "Language-Team": get_language_info(language)["name"],
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    if objects is None:
        objects = [obj for model in translation_models() for obj in model.objects.prefetch_related("translations")]
    for obj in objects:
        if obj.source_language == language:
            continue
        rows = {t.language_code: t for t in obj.translations.all()}
        source, target = rows.get(obj.source_language), rows.get(language)
        status = target.translation_status if target else TranslationStatus.MISSING
        if source is None or (statuses and status not in statuses):
            continue
        for name in obj.translated_text_fields():
            text = getattr(source, name)
            if not text:
                continue
            entry = polib.POEntry(
                msgctxt=context_for(obj, name),
                msgid=text,
                msgstr=getattr(target, name, "") if target else "",
                comment=f"{obj._meta.verbose_name}: {getattr(source, 'title', '')} ({status})",
            )
            if status == TranslationStatus.OUTDATED and entry.msgstr:
                entry.flags.append("fuzzy")
            catalogue.append(entry)
    return catalogue


@dataclass
class ImportSummary:
    applied: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    not_translated: int = 0


def read_catalogue(content: bytes, *, language: str) -> polib.POFile:
    """Parse an uploaded file, or raise ValidationError saying plainly what is wrong with it."""
    if len(content) > MAX_UPLOAD_BYTES:
        raise ValidationError(_("The file is larger than 5 MB."), code="too_large")
    if not content.strip():
        raise ValidationError(_("The file is empty."), code="empty")
    try:
        content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _("The file is not in UTF-8. Save it as UTF-8 and try again."), code="encoding"
        ) from error
    # polib takes a string that names an existing file as a path, so the upload is always parsed from a file.
    with tempfile.NamedTemporaryFile(suffix=".po") as upload:
        upload.write(content)
        upload.flush()
        try:
            catalogue = polib.pofile(upload.name, encoding="utf-8", wrapwidth=0)
        except (OSError, ValueError) as error:
            raise ValidationError(_("This is not a readable .po file."), code="malformed") from error
    if not [entry for entry in catalogue if not entry.obsolete]:
        raise ValidationError(_("The file has no entries."), code="empty")
    file_language = catalogue.metadata.get("Language", "").replace("_", "-").split("-")[0].lower()
    if file_language != language:
        raise ValidationError(
            _("The file is for the language “%(found)s”, not “%(expected)s”.")
            % {"found": file_language or "?", "expected": language},
            code="wrong_language",
        )
    return catalogue


def _resolve(context: str):
    """The object and field a msgctxt names, or None if it names nothing we know."""
    try:
        label, pk, field_name = context.split(":")
        model = apps.get_model(label)
    except (ValueError, LookupError):
        return None
    if not issubclass(model, TranslationWorkflow):
        return None
    obj = model.objects.filter(pk=pk).prefetch_related("translations").first() if pk.isdigit() else None
    if obj is None or field_name not in obj.translated_text_fields():
        return None
    return obj, field_name


def import_catalogue(*, content: bytes, language: str, user=None) -> ImportSummary:
    """Apply the translated entries of an uploaded .po file, all or nothing.

    An entry whose msgid no longer matches the source text is a conflict and is not applied; fuzzy and
    empty entries are left alone. An object becomes up to date only when all its entries in the file applied.
    """
    if language not in dict(settings.LANGUAGES):
        raise ValidationError(_("Choose one of the site's languages."), code="language")
    catalogue = read_catalogue(content, language=language)
    summary = ImportSummary()
    pending: dict[str, dict] = {}
    for entry in catalogue:
        if entry.obsolete:
            continue
        resolved = _resolve(entry.msgctxt or "")
        if resolved is None:
            summary.unknown.append(entry.msgctxt or entry.msgid[:60])
            continue
        obj, field_name = resolved
        opts = obj._meta
        if user is not None and not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
            summary.unknown.append(_("%(entry)s: you may not change this") % {"entry": entry.msgctxt})
            continue
        if user is not None and language not in translatable_languages(user, type(obj)):
            # The form refuses this too; a command or another caller must not get round it.
            summary.unknown.append(_("%(entry)s: you do not translate into this language") % {"entry": entry.msgctxt})
            continue
        plan = pending.setdefault(object_key(obj), {"obj": obj, "fields": {}, "complete": True})
        limit = obj._parler_meta.root_model._meta.get_field(field_name).max_length
        source = obj.safe_translation_getter(field_name, language_code=obj.source_language, default="")
        if obj.source_language == language:
            summary.unknown.append(entry.msgctxt)
        elif entry.msgid != source:
            summary.conflicts.append(f"{entry.msgctxt}: {entry.msgid[:60]}")
            plan["complete"] = False
        elif not entry.msgstr or entry.fuzzy:
            summary.not_translated += 1
            plan["complete"] = False
        elif limit and len(entry.msgstr) > limit:
            summary.conflicts.append(
                _("%(entry)s: longer than %(limit)s characters") % {"entry": entry.msgctxt, "limit": limit}
            )
            plan["complete"] = False
        else:
            plan["fields"][field_name] = entry.msgstr

    now = timezone.now()
    with transaction.atomic():
        for key, plan in pending.items():
            obj, fields = plan["obj"], plan["fields"]
            if not fields:
                continue
            if not obj.has_translation(language) and "title" not in fields:
                summary.conflicts.append(_("%(object)s: a new translation needs its title") % {"object": key})
                continue
            is_new = not obj.has_translation(language)
            obj.set_current_language(language)
            for name, value in fields.items():
                setattr(obj, name, value)
            obj.save()
            translation = obj.translations.get(language_code=language)
            if plan["complete"]:
                translation.translation_status = TranslationStatus.UP_TO_DATE
            elif is_new:  # only part of it came back translated: it still needs work
                translation.translation_status = TranslationStatus.OUTDATED
            translation.translated_by = user
            translation.translated_at = now
            translation.save(update_fields=["translation_status", "translated_by", "translated_at"])
            summary.applied.extend(f"{key}:{name}" for name in fields)
    return summary


def export_filename(language: str, selection: str) -> str:
    return f"openkrakow-{language}-{selection}-{datetime.date.today():%Y%m%d}.po"
