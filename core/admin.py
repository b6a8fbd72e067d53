"""The admin of core's own data: each staff member's language of the admin, which editors may set for them."""

from django.contrib import admin
from django.contrib.auth import get_user_model

from core.admin_language import NO_PREFERENCE, LanguageSelect, remember
from core.models import UserLanguage


class LanguageNamedInItself:
    """Each language in the list named in itself, with its own lang (as on /admin/language/)."""

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "language":
            kwargs["widget"] = LanguageSelect
        return super().formfield_for_choice_field(db_field, request, **kwargs)


class UserLanguageInline(LanguageNamedInItself, admin.StackedInline):
    """The language of the admin on a user's page; for the user admin's `inlines` (translations.admin)."""

    model = UserLanguage
    max_num = 1
    can_delete = True


@admin.register(UserLanguage)
class UserLanguageAdmin(LanguageNamedInItself, admin.ModelAdmin):
    list_display = ["user", "language"]
    list_filter = ["language"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "user__email"]
    ordering = ["user__username"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True).order_by("username")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # Other people's sessions keep what they had until they log in again; one's own takes the change at once.
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.user_id == request.user.pk:
            remember(request.session, obj.language)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        if obj.user_id == request.user.pk:
            remember(request.session, NO_PREFERENCE)

    def delete_queryset(self, request, queryset):
        own = queryset.filter(user=request.user).exists()
        super().delete_queryset(request, queryset)
        if own:
            remember(request.session, NO_PREFERENCE)
