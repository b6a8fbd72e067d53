"""The admin every translated model shares: language tabs, a missing-translation filter, previews and the
workflow (statuses, minor edits, machine translation, and what translators may change)."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils import translation
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin
from parler.forms import TranslatableModelForm

from core.admin import UserLanguageInline
from translations.models import (
    GlossaryTerm,
    LanguageSetting,
    TranslationStatus,
    TranslatorLanguage,
    reviewed_languages,
    translatable_languages,
)
from translations.queue import workspace_url
from translations.services import record_translation_save, review_required


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("missing translation")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return settings.LANGUAGES

    def queryset(self, request, queryset):
        if self.value():
            return queryset.exclude(translations__language_code=self.value())
        return queryset


class WorkflowForm(TranslatableModelForm):
    """The edit form of one language, with the two workflow choices an editor makes when saving it."""

    minor_edit = forms.BooleanField(
        label=_("Minor edit"),
        required=False,
        help_text=_("A typo or formatting fix in the source text: translations stay up to date."),
    )
    machine_translated = forms.BooleanField(
        label=_("Machine-translated"),
        required=False,
        help_text=_("Pasted from a translation tool and not yet checked by a person; readers are told so."),
    )

    translation_state = forms.CharField(label=_("Status of this language"), required=False, disabled=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        row = self.instance.translations.filter(language_code=self.language_code).first() if self.instance.pk else None
        status = TranslationStatus(row.translation_status) if row else TranslationStatus.MISSING
        self.fields["machine_translated"].initial = status == TranslationStatus.MACHINE
        by = f" · {row.translated_by}" if row and row.translated_by else ""
        at = f" · {row.translated_at:%Y-%m-%d %H:%M}" if row and row.translated_at else ""
        self.fields["translation_state"].initial = f"{status.label}{by}{at}"


class TranslationWorkflowAdmin(TranslatableAdmin):
    """Language tabs, per-language previews and statuses; translators may only change translations."""

    form = WorkflowForm
    list_filter = ["status", MissingTranslationFilter]
    search_fields = ["translations__title"]
    workflow_fieldset = (_("Translation"), {"fields": ["translation_state", "machine_translated", "minor_edit"]})

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    def can_publish(self, request) -> bool:
        opts = self.model._meta
        return request.user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")

    def translator_languages(self, request) -> list[str] | None:
        """The languages a translator was assigned, or None for an editor of this model, who may change all."""
        if self.can_publish(request):
            return None
        return translatable_languages(request.user, self.model)

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        languages = self.translator_languages(request)
        if languages is None:
            return True
        # A translator changes only their own languages; with none assigned, nothing.
        return bool(languages) if obj is None else self.get_form_language(request, obj) in languages

    def change_view(self, request, object_id, form_url="", extra_context=None):
        languages = self.translator_languages(request)
        if languages is not None and self._language(request) not in languages:
            # Besides their own languages a translator may only read the source they translate from.
            obj = self.get_object(request, unquote(object_id))
            if obj is not None and self._language(request) != obj.source_language:
                raise PermissionDenied
        elif languages is not None and self._needs_reviewer(request, self._language(request)):
            # Where a reviewer approves each translation, a translator's work goes through the workspace.
            obj = self.get_object(request, unquote(object_id))
            if obj is not None and self._language(request) != obj.source_language:
                return redirect(workspace_url(obj, self._language(request)))
        return super().change_view(request, object_id, form_url, extra_context)

    def _needs_reviewer(self, request, language) -> bool:
        return language not in reviewed_languages(request.user, self.model) and review_required(language)

    def get_language_tabs(self, request, obj, available_languages, css_class=None):
        tabs = super().get_language_tabs(request, obj, available_languages, css_class)
        languages = self.translator_languages(request)
        if languages is not None:
            source = obj.source_language if obj is not None else None
            tabs[:] = [tab for tab in tabs if tab[2] in languages or tab[2] == source]
        return tabs

    def get_fieldsets(self, request, obj=None):
        return [*super().get_fieldsets(request, obj), self.workflow_fieldset]

    def get_readonly_fields(self, request, obj=None):
        if self.can_publish(request):
            return []
        # Translators: the shared fields (status, place, dates) and the source text are the editors' to change.
        language = self.get_form_language(request, obj)
        source = obj.source_language if obj else settings.PARLER_DEFAULT_LANGUAGE_CODE
        texts = self.model._parler_meta.get_translated_fields() if language == source else []
        return [*self.shared_fields(), *[name for name in texts if name in self.form_field_names()]]

    def shared_fields(self) -> list[str]:
        fields = [*self.model._meta.concrete_fields, *self.model._meta.many_to_many]
        return [f.name for f in fields if f.editable and not f.primary_key]

    def form_field_names(self) -> set[str]:
        return {name for _title, options in self.fieldsets for name in options["fields"]}

    def has_add_permission(self, request):
        return super().has_add_permission(request) and self.can_publish(request)

    def save_model(self, request, obj, form, change):
        language = form.language_code
        source = obj.source_language
        texts = set(self.model._parler_meta.get_translated_fields())
        text_changed = bool(texts & set(form.changed_data))
        if language == source and text_changed and not self.can_publish(request):
            raise PermissionDenied
        languages = self.translator_languages(request)
        if languages is not None and (language not in languages or self._needs_reviewer(request, language)):
            raise PermissionDenied
        super().save_model(request, obj, form, change)
        record_translation_save(
            obj=obj,
            language=language,
            user=request.user,
            text_changed=text_changed or not change,
            minor_edit=form.cleaned_data.get("minor_edit", False),
            machine=form.cleaned_data.get("machine_translated", False),
        )

    @admin.display(description=_("preview"))
    def preview_links(self, obj):
        """A link to the public page in each language; staff see drafts there too."""
        links = []
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                links.append((obj.get_absolute_url(), code, code.upper()))
        return format_html_join(" ", '<a href="{}" hreflang="{}" target="_blank">{}</a>', links)


class TranslatorLanguageInline(admin.TabularInline):
    model = TranslatorLanguage
    extra = 0
    verbose_name = _("language this person translates")
    verbose_name_plural = _("languages this person translates")


User = get_user_model()


class TranslatorUserAdmin(UserAdmin):
    """Django's user admin, with the languages a translator is assigned."""

    inlines = [*UserAdmin.inlines, TranslatorLanguageInline, UserLanguageInline]


if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, TranslatorUserAdmin)


@admin.register(TranslatorLanguage)
class TranslatorLanguageAdmin(admin.ModelAdmin):
    """Where editors assign translators their languages (the user form has the same inline for superusers)."""

    list_display = ["user", "language"]
    list_filter = ["language"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "user__email"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            kwargs["queryset"] = User.objects.filter(is_staff=True).order_by("username")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(admin.ModelAdmin):
    """Terms translated one agreed way; the workspace highlights them and warns when a translation departs."""

    list_display = ["term", "translation", "language", "source_language", "note"]
    list_filter = ["language", "source_language"]
    search_fields = ["term", "translation", "note"]


@admin.register(LanguageSetting)
class LanguageSettingAdmin(admin.ModelAdmin):
    """Per language, whether translations wait for a reviewer before readers see them."""

    list_display = ["language", "review_required"]
    list_editable = ["review_required"]
