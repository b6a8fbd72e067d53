"""The gettext round trip for volunteer translators: export editorial text as a .po file, import it back."""

import datetime
import hashlib
import tempfile
from dataclasses import dataclass, field

import polib
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from translations import services
from translations.models import (
    TranslationRecord,
    TranslationStatus,
    TranslationWorkflow,
    translatable_languages,
    translation_models,
)

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def fingerprint(text: str) -> str:
    """A short mark of a translation as exported, to tell on import whether it was changed on the site since."""
    return hashlib.sha256(text.encode()).hexdigest()[:8]


def context_for(obj: TranslationWorkflow, field_name: str, target: str | None = None) -> str:
    """A stable msgctxt naming the object and the field, e.g. 'pages.page:3:title'; given the translation as
    exported, also its fingerprint: 'pages.page:3:title:5e8a0c1f'. PO editors keep msgctxt as it is."""
    context = f"{obj._meta.label_lower}:{obj.pk}:{field_name}"
    return context if target is None else f"{context}:{fingerprint(target)}"


def object_key(obj: TranslationWorkflow) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def admin_link(obj: TranslationWorkflow, language: str) -> str:
    """The absolute address of the object's admin page in `language`, or "" for a model the admin does not edit."""
    opts = obj._meta
    try:
        path = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return ""
    return f"{settings.SITE_URL}{path}?language={language}"


def _made_from(objects: list[TranslationWorkflow], language: str) -> dict[tuple[int, int], dict[str, str]]:
    """The source each object's translation into `language` was made from, read in one query."""
    types = {ContentType.objects.get_for_model(obj).pk for obj in objects}  # cached by Django after the first
    records = TranslationRecord.objects.filter(language=language, content_type__in=types)
    return {(ct, pk): made_from for ct, pk, made_from in records.values_list("content_type", "object_id", "made_from")}


def export_catalogue(
    *, language: str, statuses: set[str] | None = None, objects: list[TranslationWorkflow] | None = None
) -> polib.POFile:
    """One entry per source text: msgid the source, msgstr the translation so far, msgctxt naming the field and
    fingerprinting that translation (so an import sees whether it changed on the site since).

    An outdated translation is fuzzy where its source changed, with the source it was made from as the previous
    msgid (#| msgid), as msgmerge writes it; a translator comment links to the object's admin page.
    """
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
    made_from = _made_from(objects, language)
    for obj in objects:
        if obj.source_language == language:
            continue
        rows = {t.language_code: t for t in obj.translations.all()}
        source, target = rows.get(obj.source_language), rows.get(language)
        status = target.translation_status if target else TranslationStatus.MISSING
        if source is None or (statuses and status not in statuses):
            continue
        link = admin_link(obj, language)
        previous = made_from.get((ContentType.objects.get_for_model(obj).pk, obj.pk), {})
        for name in obj.translated_text_fields():
            text = getattr(source, name)
            if not text:
                continue
            current = (getattr(target, name, "") or "") if target else ""
            entry = polib.POEntry(
                msgctxt=context_for(obj, name, current),
                msgid=text,
                msgstr=current,
                comment=f"{obj._meta.verbose_name}: {getattr(source, 'title', '')} ({status})",
                tcomment=link,
            )
            # Outdated where its source changed since it was translated (everywhere, if that is not known).
            if status == TranslationStatus.OUTDATED and current and previous.get(name) != text:
                entry.flags.append("fuzzy")
                if previous.get(name):
                    entry.previous_msgid = previous[name]
            catalogue.append(entry)
    return catalogue


@dataclass
class ImportSummary:
    applied: list[str] = field(default_factory=list)
    proposed: list[str] = field(default_factory=list)  # saved for a reviewer, not public yet
    conflicts: list[str] = field(default_factory=list)  # the source changed since the export, or the text won't fit
    changed_on_site: list[str] = field(default_factory=list)  # the translation changed since the export
    incomplete: list[str] = field(default_factory=list)  # objects only partly translated, so not sent for review
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
    if b"\x00" in content:  # no text holds a NUL, nor can PostgreSQL store one
        raise ValidationError(_("This is not a readable .po file."), code="malformed")
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
    """The object, field and exported translation's fingerprint a msgctxt names (the fingerprint None in files
    exported before there was one), or None if it names nothing we know."""
    parts = context.split(":")
    if len(parts) == 3:
        parts.append(None)
    try:
        label, pk, field_name, exported = parts
        model = apps.get_model(label)
    except (ValueError, LookupError):
        return None
    if not issubclass(model, TranslationWorkflow):
        return None
    number = pk.isascii() and pk.isdigit()  # not "²", which isdigit() but no database takes as a number
    obj = model.objects.filter(pk=pk).prefetch_related("translations").first() if number else None
    if obj is None or field_name not in obj.translated_text_fields():
        return None
    return obj, field_name, exported


def _current(obj: TranslationWorkflow, language: str, field_name: str) -> str:
    """The translation readers see now (reads prefetched translations)."""
    row = next((t for t in obj.translations.all() if t.language_code == language), None)
    return (getattr(row, field_name, "") or "") if row else ""


def import_catalogue(*, content: bytes, language: str, user=None) -> ImportSummary:
    """Apply the translated entries of an uploaded .po file, all or nothing, by the workflow's rules.

    An entry whose msgid no longer matches the source text is a conflict and is not applied, and so is one whose
    translation was changed on the site since the export (unless the file says the same); fuzzy and empty entries
    are left alone. An object whose every source text came back translated goes through services.save_translation:
    public at once, or a proposal waiting for review when the language requires it and `user` may not review it.
    Part of an object is published as it was (the translation stays outdated) unless it would have to wait for
    review: a reviewer approves whole translations. Without a user (the command line) nothing waits for review.
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
        obj, field_name, exported = resolved
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
        current = _current(obj, language, field_name)
        if obj.source_language == language:
            summary.unknown.append(entry.msgctxt)
        elif entry.msgid != source:
            summary.conflicts.append(f"{context_for(obj, field_name)}: {entry.msgid[:60]}")
            plan["complete"] = False
        elif not entry.msgstr or entry.fuzzy:
            summary.not_translated += 1
            plan["complete"] = False
        elif exported is not None and exported != fingerprint(current) and entry.msgstr != current:
            summary.changed_on_site.append(
                _("%(entry)s: the translation was changed on the site since the export")
                % {"entry": context_for(obj, field_name)}
            )
            plan["complete"] = False
        elif limit and len(entry.msgstr) > limit:
            summary.conflicts.append(
                _("%(entry)s: longer than %(limit)s characters") % {"entry": entry.msgctxt, "limit": limit}
            )
            plan["complete"] = False
        else:
            plan["fields"][field_name] = entry.msgstr

    with transaction.atomic():
        for key, plan in pending.items():
            obj, fields = plan["obj"], plan["fields"]
            if not fields:
                continue
            if not obj.has_translation(language) and "title" not in fields:
                summary.conflicts.append(_("%(object)s: a new translation needs its title") % {"object": key})
                continue
            names = [f"{key}:{name}" for name in fields]
            wanted = {name for name, text in services.source_texts(obj).items() if text}
            if plan["complete"] and wanted <= set(fields):
                if user is None:
                    services.apply_translation(obj=obj, language=language, texts=fields, user=None)
                    outcome = services.APPLIED
                else:
                    outcome = services.save_translation(obj=obj, language=language, texts=fields, user=user)
                (summary.proposed if outcome == services.PROPOSED else summary.applied).extend(names)
            elif (
                user is not None and services.review_required(language) and not services.may_review(user, obj, language)
            ):
                summary.incomplete.append(key)
            else:
                services.apply_part(obj=obj, language=language, texts=fields, user=user)
                summary.applied.extend(names)
    return summary


def export_filename(language: str, selection: str) -> str:
    return f"openkrakow-{language}-{selection}-{datetime.date.today():%Y%m%d}.po"
