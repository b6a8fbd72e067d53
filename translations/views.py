"""The admin's "Translations" dashboard: a matrix of objects × languages, counts, and the .po round trip."""

from collections import Counter

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from translations.forms import DashboardFilterForm, ExportForm, ImportForm
from translations.models import TranslationStatus, translatable_languages, translation_models
from translations.po import MAX_UPLOAD_BYTES, export_catalogue, export_filename, import_catalogue, object_key

COUNTED = [TranslationStatus.MISSING, TranslationStatus.OUTDATED, TranslationStatus.MACHINE]


def _check_access(request):
    """Editors and translators: anyone who may change at least one translated model."""
    opts = [model._meta for model in translation_models()]
    if not any(request.user.has_perm(f"{o.app_label}.change_{o.model_name}") for o in opts):
        raise PermissionDenied


def _matrix(filters: dict, languages: list[str]) -> tuple[list[dict], dict[str, Counter]]:
    """Rows and counts for `languages` only: a translator sees the languages they translate."""
    counts = {code: Counter() for code in languages}
    rows = []
    for model in translation_models():
        label = model._meta.label_lower
        change_url = f"admin:{model._meta.app_label}_{model._meta.model_name}_change"
        for obj in model.objects.prefetch_related("translations"):
            states = obj.translation_states()
            for code, state in states.items():
                if code in counts and code != obj.source_language:
                    counts[code][state] += 1
            if filters.get("content_type") and filters["content_type"] != label:
                continue
            shown = [filters["language"]] if filters.get("language") else languages
            wanted = filters.get("status")
            if wanted and not any(states[c] == wanted and c != obj.source_language for c in shown):
                continue
            url = reverse(change_url, args=[obj.pk])
            rows.append(
                {
                    "object": obj,
                    "key": object_key(obj),
                    "type": model._meta.verbose_name,
                    "cells": [
                        {
                            "language": code,
                            "status": "source" if code == obj.source_language else states[code],
                            "label": _("original")
                            if code == obj.source_language
                            else TranslationStatus(states[code]).label,
                            "url": f"{url}?language={code}",
                        }
                        for code in shown
                    ],
                }
            )
    return rows, counts


def dashboard(request, import_form=None, summary=None, export_form=None):
    _check_access(request)
    filter_form = DashboardFilterForm(request.GET or None, user=request.user)
    filters = filter_form.cleaned_data if filter_form.is_valid() else {}
    mine = translatable_languages(request.user)
    rows, counts = _matrix(filters, mine)
    shown_languages = [
        (c, n) for c, n in settings.LANGUAGES if c in mine and (not filters.get("language") or c == filters["language"])
    ]
    default = filters.get("language") or ("uk" if "uk" in mine else next(iter(mine), ""))
    context = {
        **admin.site.each_context(request),
        "title": _("Translations"),
        "filter_form": filter_form,
        "rows": rows,
        "languages": shown_languages,
        "counts": [
            {"language": code, "name": name, "numbers": [counts[code][state] for state in COUNTED]}
            for code, name in settings.LANGUAGES
            if code in mine
        ],
        "counted": [state.label for state in COUNTED],
        "export_form": export_form or ExportForm(initial={"language": default}, user=request.user),
        "import_form": import_form or ImportForm(initial={"language": default}, user=request.user),
        "summary": summary,
    }
    return render(request, "admin/translations/dashboard.html", context)


@require_GET
def export_po(request):
    _check_access(request)
    form = ExportForm(request.GET, user=request.user)
    if not form.is_valid():
        return dashboard(request, export_form=form)
    language = form.cleaned_data["language"]
    catalogue = export_catalogue(language=language, statuses=form.statuses(), objects=form.cleaned_data.get("objects"))
    response = HttpResponse(str(catalogue), content_type="text/x-gettext-translation; charset=utf-8")
    filename = export_filename(language, form.cleaned_data["selection"])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_POST
def import_po(request):
    _check_access(request)
    form = ImportForm(request.POST, request.FILES, user=request.user)
    if not form.is_valid():
        return dashboard(request, import_form=form)
    # Reading one byte past the limit is enough to refuse a file that is too large.
    content = form.cleaned_data["file"].read(MAX_UPLOAD_BYTES + 1)
    try:
        summary = import_catalogue(content=content, language=form.cleaned_data["language"], user=request.user)
    except ValidationError as error:
        form.add_error("file", error)
        return dashboard(request, import_form=form)
    return dashboard(request, summary=summary)


def urls():
    """The dashboard's addresses, placed under /admin/ by the root URLconf."""
    return [
        path("", admin.site.admin_view(dashboard), name="translation_dashboard"),
        path("export/", admin.site.admin_view(export_po), name="translation_export"),
        path("import/", admin.site.admin_view(import_po), name="translation_import"),
    ]
