"""The admin's "Translations" dashboard: a matrix of objects × languages, counts, and the .po round trip."""

from collections import Counter

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, re_path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.language_names import inline_language_name, into_language
from translations import services
from translations.forms import DashboardFilterForm, ExportForm, ImportForm
from translations.models import TranslationStatus, reviewed_languages, translatable_languages, translation_models
from translations.po import MAX_UPLOAD_BYTES, export_catalogue, export_filename, import_catalogue, object_key
from translations.queue import queue, workspace_url
from translations.workspace import Workspace, load, model_for, record_of

COUNTED = [TranslationStatus.MISSING, TranslationStatus.OUTDATED, TranslationStatus.MACHINE]
CHANGED_SINCE = gettext_lazy(
    "The source text or the translation waiting for review changed since you opened this page: nothing was saved. "
    "Check the text below, then save again."
)


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
                            "url": f"{url}?language={code}"
                            if code == obj.source_language
                            else workspace_url(obj, code),
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


def queue_view(request, language):
    """A translator's queue in one of their languages."""
    _check_access(request)
    if language not in dict(settings.LANGUAGES):
        raise Http404
    if language not in translatable_languages(request.user):
        raise PermissionDenied
    context = {
        **admin.site.each_context(request),
        "title": _("Queue: %(language)s") % {"language": inline_language_name(language)},
        "language": language,
        "items": queue(language),
        "reviewer": language in reviewed_languages(request.user),
    }
    return render(request, "admin/translations/queue.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def workspace(request, label, pk, language):
    """One object in one language, side by side with its source: read, check, save (or propose), review."""
    if language not in dict(settings.LANGUAGES):
        raise Http404
    model = model_for(label)
    opts = model._meta
    if not request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        raise PermissionDenied
    if language not in translatable_languages(request.user, model):
        raise PermissionDenied
    obj = load(model, int(pk), language)
    space = Workspace(obj=obj, language=language, record=record_of(obj))
    reviewer = language in reviewed_languages(request.user, model)
    if request.method != "POST":
        form = space.form()
        space.annotate(form, with_checks=False)
        return _render_workspace(request, space, form, reviewer)

    data = request.POST.copy()
    name, _colon, entry_id = request.POST.get("take", "").rpartition(":")
    if name:  # "use this suggestion": put it in its box, save nothing
        entry = space.suggestion(entry_id)
        if entry is not None and name in data:
            data[name] = entry.target_text
        form = space.form(data)
        form.is_valid()
        space.annotate(form, with_checks=True)
        return _render_workspace(request, space, form, reviewer)

    form = space.form(data)
    action = request.POST.get("action", "check")
    valid = form.is_valid()
    space.annotate(form, with_checks=True)
    problems = [p for row in space.rows() for p in row.problems]
    if not valid or action == "check":
        if valid:
            messages.info(request, _("Checked. Nothing was saved yet."))
        return _render_workspace(request, space, form, reviewer)
    if action in ("approve", "send_back") and not reviewer:
        raise PermissionDenied
    if request.POST.get("version", space.version) != space.version or (
        action in ("approve", "send_back") and space.proposal is None
    ):
        return _changed_since(request, space, form, reviewer, review=action in ("approve", "send_back"))
    if action == "send_back":
        services.send_back(obj=obj, language=language, reviewer=request.user, note=form.cleaned_data["review_note"])
        messages.success(request, _("The translation was sent back with your note; it stays unpublished."))
        return redirect("translation_queue", language=language)
    if any(p.blocking for p in problems):
        form.add_error(None, _("Fix the problems marked below before saving."))
        return _render_workspace(request, space, form, reviewer)
    if problems and not form.cleaned_data["confirm"]:
        form.add_error("confirm", _("The checks found something to look at. Correct it, or tick this box to save."))
        return _render_workspace(request, space, form, reviewer)
    if action == "approve":
        try:
            services.approve(
                obj=obj,
                language=language,
                reviewer=request.user,
                texts=form.texts(),
                expected=services.proposal_stamp(space.record),
            )
        except services.ProposalChanged:  # approved or saved again by someone else since this request began
            return _changed_since(request, space, form, reviewer, review=True)
        messages.success(request, _("Approved: the translation is now public."))
    elif (
        services.save_translation(obj=obj, language=language, texts=form.texts(), user=request.user)
        == services.PROPOSED
    ):
        messages.success(request, _("Saved for review. Readers see it once a reviewer approves it."))
    else:
        messages.success(request, _("Saved: the translation is now public."))
    return redirect("translation_queue", language=language)


def _changed_since(request, space, form, reviewer, *, review: bool):
    """The page again, saying that nothing was saved because the source or the proposal changed since it was read:
    with what its author wrote, or for a reviewer with the proposal as it is now, the one they must read."""
    if review:
        obj = load(type(space.obj), space.obj.pk, space.language)
        space = Workspace(obj=obj, language=space.language, record=record_of(obj))
        form = space.form()
        space.annotate(form, with_checks=False)
    messages.error(request, CHANGED_SINCE)
    return _render_workspace(request, space, form, reviewer)


def _render_workspace(request, space, form, reviewer):
    obj, language = space.obj, space.language
    opts = obj._meta
    context = {
        **admin.site.each_context(request),
        "title": _("Translate “%(object)s” %(into_language)s")
        % {"object": obj, "into_language": into_language(language)},
        "space": space,
        "form": form,
        "obj": obj,
        "opts": opts,
        "language": language,
        "reviewer": reviewer,
        "review_applies": obj.review_required and not reviewer,
        "has_warnings": any(problem for row in space.rows() for problem in row.problems),
        "admin_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]),
    }
    return render(request, "admin/translations/workspace.html", context)


def urls():
    """The dashboard's addresses, placed under /admin/ by the root URLconf."""
    return [
        path("", admin.site.admin_view(dashboard), name="translation_dashboard"),
        path("export/", admin.site.admin_view(export_po), name="translation_export"),
        path("import/", admin.site.admin_view(import_po), name="translation_import"),
        path("queue/<str:language>/", admin.site.admin_view(queue_view), name="translation_queue"),
        re_path(
            r"^(?P<label>[a-z_]+\.[a-z_]+)/(?P<pk>[0-9]{1,18})/(?P<language>[a-z-]{2,10})/$",
            admin.site.admin_view(workspace),
            name="translation_workspace",
        ),
    ]
