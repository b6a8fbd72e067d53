"""Admin for programme pages and contact roles."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from parler.admin import TranslatableAdmin

from pages.models import ContactRole, Page


@admin.register(Page)
class PageAdmin(TranslatableAdmin):
    list_display = ["__str__", "slug", "parent", "status", "publish_at", "language_column"]
    list_filter = ["status"]
    search_fields = ["slug", "translations__title"]
    fieldsets = [
        (None, {"fields": ["title", "summary", "body"]}),
        (_("Publishing"), {"fields": ["slug", "parent", "menu_order", "status", "publish_at"]}),
    ]


@admin.register(ContactRole)
class ContactRoleAdmin(TranslationAdmin):
    list_display = ["name", "email", "phone", "position"]
    list_editable = ["position"]
