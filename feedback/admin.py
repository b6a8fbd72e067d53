"""Admin for moderators: categories, reports with their history and notes, and Open311 keys."""

import secrets

from django import forms
from django.contrib import admin, messages
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from core import personal_data
from core.admin_personal_data import download, erased_message
from core.spreadsheet import csv_download
from feedback.models import ApiKey, Category, Report
from feedback.services import update_report

NOT_EVERY_PART = _(
    "Only staff who may see every part of the site that holds personal data can do this: "
    "ask for the Data protection group."
)


@admin.register(Category)
class CategoryAdmin(TranslationAdmin):
    list_display = ["name", "code", "position", "active"]
    list_editable = ["position", "active"]
    list_filter = ["active"]


class ReportAdminForm(forms.ModelForm):
    public_reply = forms.CharField(
        label=_("Public reply"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown on the resident's status page and sent to them by e-mail."),
    )
    internal_note = forms.CharField(
        label=_("Internal note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For moderators only; never shown to the resident or the public."),
    )

    class Meta:
        model = Report
        fields = ["state", "assigned_to", "flagged"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    form = ReportAdminForm
    list_display = ["reference", "category", "state", "language", "flagged", "created_at", "assigned_to"]
    list_filter = ["category", "state", "language", ("created_at", admin.DateFieldListFilter), "flagged", "source"]
    search_fields = ["reference", "message", "place", "email"]
    readonly_fields = [
        "reference",
        "category",
        "message",
        "place",
        "latitude",
        "longitude",
        "address_id",
        "name",
        "email",
        "language",
        "flag_reason",
        "source",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["reference", "category", "message", "language", "created_at", "source"]}),
        (_("Place"), {"fields": ["place", ("latitude", "longitude"), "address_id"]}),
        (_("Resident"), {"fields": ["name", "email"]}),
        (
            _("Moderation"),
            {"fields": ["state", "assigned_to", "flagged", "flag_reason", "public_reply", "internal_note"]},
        ),
    ]
    actions = ["mark_spam", "export_csv", "export_for_address", "erase_for_address"]

    def has_add_permission(self, request):
        return False  # reports come from residents, through the form or Open311

    @admin.display(description=_("history"))
    def history(self, obj):
        rows = [(f"{e.created_at:%Y-%m-%d %H:%M}", e.get_state_display(), e.reply) for e in obj.events.all()]
        return format_html_join(mark_safe("<br>"), "{} · {} {}", rows) or "—"

    @admin.display(description=_("internal notes"))
    def internal_notes(self, obj):
        rows = [(f"{n.created_at:%Y-%m-%d %H:%M}", n.author or "—", n.text) for n in obj.notes.all()]
        return format_html_join(mark_safe("<br>"), "{} · {}: {}", rows) or "—"

    def save_model(self, request, obj, form, change):
        new_state = obj.state if "state" in form.changed_data else None
        if new_state:
            obj.state = form.initial["state"]  # update_report records the change and its history entry
        super().save_model(request, obj, form, change)
        update_report(
            report=obj,
            author=request.user,
            state=new_state,
            reply=form.cleaned_data["public_reply"].strip(),
            note=form.cleaned_data["internal_note"].strip(),
        )

    @admin.action(description=_("Mark as spam"))
    def mark_spam(self, request, queryset):
        for report in queryset:
            update_report(report=report, author=request.user, state=Report.State.SPAM)

    @admin.action(description=_("Export the selected reports as CSV"))
    def export_csv(self, request, queryset):
        header = ["reference", "category", "state", "language", "received", "place", "message", "flagged"]
        rows = (
            [r.reference, r.category.code, r.state, r.language, r.created_at.isoformat(), r.place, r.message, r.flagged]
            for r in queryset.select_related("category")
        )
        return csv_download("reports.csv", header, rows)

    # Both reach every app that holds the address (core.personal_data), not only feedback.
    @admin.action(description=_("Export everything stored for the e-mail address of the selected report"))
    def export_for_address(self, request, queryset):
        emails = {r.email.lower() for r in queryset if r.email}
        if len(emails) != 1:
            self.message_user(request, _("Select reports from exactly one e-mail address."), messages.ERROR)
            return None
        if not personal_data.can_export(request.user):
            self.message_user(request, NOT_EVERY_PART, messages.ERROR)
            return None
        return download(emails.pop())

    @admin.action(description=_("Erase everything stored for the e-mail address of the selected report"))
    def erase_for_address(self, request, queryset):
        if not personal_data.can_erase(request.user):
            self.message_user(request, NOT_EVERY_PART, messages.ERROR)
            return
        counts = {}
        for email in {r.email.lower() for r in queryset if r.email}:
            for key, count in personal_data.erase_for_email(email).items():
                counts[key] = counts.get(key, 0) + count
        self.message_user(request, erased_message(counts), messages.SUCCESS)


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ["name", "active", "created_at"]
    fields = ["name", "active"]

    def save_model(self, request, obj, form, change):
        if not change:
            key = secrets.token_urlsafe(32)
            obj.key_hash = ApiKey.hash(key)
            self.message_user(
                request,
                _("The new key is %(key)s. Copy it now: it is not stored and will not be shown again.") % {"key": key},
                messages.WARNING,
            )
        super().save_model(request, obj, form, change)
