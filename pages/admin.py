"""Admin for programme pages, news, documents and contact roles, on the translation workflow's admin."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from pages.models import ContactRole, Document, NewsEntry, Page
from translations.admin import TranslationWorkflowAdmin, WorkflowForm


@admin.register(Page)
class PageAdmin(TranslationWorkflowAdmin):
    list_display = ["__str__", "path", "status", "publish_at", "language_column", "preview_links"]
    search_fields = ["slug", "translations__title"]
    fieldsets = [
        (None, {"fields": ["title", "summary", "body"]}),
        (
            _("Place and publishing"),
            {"fields": ["slug", "parent", "menu_order", "status", "publish_at", "source_language"]},
        ),
    ]


@admin.register(NewsEntry)
class NewsEntryAdmin(TranslationWorkflowAdmin):
    list_display = ["__str__", "date", "status", "language_column", "preview_links"]
    search_fields = ["slug", "translations__title"]
    date_hierarchy = "date"
    fieldsets = [
        (None, {"fields": ["title", "summary", "body"]}),
        (_("Publishing"), {"fields": ["slug", "date", "status", "publish_at", "source_language"]}),
    ]


class DocumentForm(WorkflowForm):
    file_languages = forms.MultipleChoiceField(
        label=_("languages of the file"), choices=settings.LANGUAGES, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Document
        # The admin's fieldsets choose the fields: a list here would name translated fields that are read-only
        # for a translator on the source tab, and the form could not be built.
        fields = "__all__"


@admin.register(Document)
class DocumentAdmin(TranslationWorkflowAdmin):
    form = DocumentForm
    list_display = ["__str__", "file_link", "languages", "status", "language_column"]
    fieldsets = [
        (None, {"fields": ["title", "description"]}),
        (
            _("File and publishing"),
            {"fields": ["file", "file_languages", "position", "status", "publish_at", "source_language"]},
        ),
    ]

    @admin.display(description=_("file"))
    def file_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.file.url, obj.file.name) if obj.file else ""

    @admin.display(description=_("languages of the file"))
    def languages(self, obj):
        return ", ".join(obj.file_languages)


@admin.register(ContactRole)
class ContactRoleAdmin(TranslationAdmin):
    list_display = ["name", "email", "phone", "position"]
    list_editable = ["position"]


admin.site.site_header = _("Open Kraków administration")
admin.site.site_title = _("Open Kraków")
