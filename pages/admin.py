"""Admin for programme pages, news, documents and contact roles: language tabs, filters and previews."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from parler.admin import TranslatableAdmin
from parler.forms import TranslatableModelForm

from pages.models import ContactRole, Document, NewsEntry, Page


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("missing translation")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return settings.LANGUAGES

    def queryset(self, request, queryset):
        if self.value():
            return queryset.exclude(translations__language_code=self.value())
        return queryset


class PreviewLinksMixin:
    """A link to the public page in each language; staff see drafts there too."""

    @admin.display(description=_("preview"))
    def preview_links(self, obj):
        links = []
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                links.append((obj.get_absolute_url(), code, code.upper()))
        return format_html_join(" ", '<a href="{}" hreflang="{}" target="_blank">{}</a>', links)


class PublishableAdmin(PreviewLinksMixin, TranslatableAdmin):
    list_filter = ["status", MissingTranslationFilter]
    search_fields = ["slug", "translations__title"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")


@admin.register(Page)
class PageAdmin(PublishableAdmin):
    list_display = ["__str__", "path", "status", "publish_at", "language_column", "preview_links"]
    fieldsets = [
        (None, {"fields": ["title", "summary", "body"]}),
        (_("Place and publishing"), {"fields": ["slug", "parent", "menu_order", "status", "publish_at"]}),
    ]


@admin.register(NewsEntry)
class NewsEntryAdmin(PublishableAdmin):
    list_display = ["__str__", "date", "status", "language_column", "preview_links"]
    date_hierarchy = "date"
    fieldsets = [
        (None, {"fields": ["title", "summary", "body"]}),
        (_("Publishing"), {"fields": ["slug", "date", "status", "publish_at"]}),
    ]


class DocumentForm(TranslatableModelForm):
    file_languages = forms.MultipleChoiceField(
        label=_("languages of the file"), choices=settings.LANGUAGES, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Document
        fields = ["title", "description", "file", "file_languages", "position", "status", "publish_at"]


@admin.register(Document)
class DocumentAdmin(TranslatableAdmin):
    form = DocumentForm
    list_display = ["__str__", "file_link", "languages", "status", "language_column"]
    list_filter = ["status", MissingTranslationFilter]

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
