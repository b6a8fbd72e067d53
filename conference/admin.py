"""Admin for the conference: days, venues and rooms, tracks and types, speakers, sessions, schedule versions."""

from collections import Counter

from django import forms
from django.conf import settings
from django.conf.global_settings import LANGUAGES as ALL_LANGUAGES
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import get_language_info, gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from parler.admin import TranslatableAdmin

from conference.models import (
    Booking,
    Conference,
    Day,
    Registration,
    Room,
    ScheduleVersion,
    Session,
    SessionType,
    Speaker,
    Track,
    Venue,
    Volunteer,
)
from conference.services import change_capacity, delete_registration, publish_schedule_version
from core.spreadsheet import csv_download
from translations.admin import TranslationWorkflowAdmin, WorkflowForm
from translations.invitations import invite_translator


class DayInline(TranslationTabularInline):
    model = Day
    extra = 0


@admin.register(Conference)
class ConferenceAdmin(TranslatableAdmin):
    list_display = ["__str__", "start_date", "end_date", "registration_opens", "registration_closes", "language_column"]
    inlines = [DayInline]
    actions = ["publish_version"]

    @admin.action(description=_("Publish a new schedule version"))
    def publish_version(self, request, queryset):
        for conference in queryset:
            version = publish_schedule_version(conference=conference, notes={})
            self.message_user(
                request,
                _("Version %(number)s published. Add its note under “Schedule versions”.") % {"number": version.number},
                messages.SUCCESS,
            )


class RoomInline(TranslationTabularInline):
    model = Room
    extra = 0


@admin.register(Venue)
class VenueAdmin(TranslationAdmin):
    list_display = ["name", "address"]
    inlines = [RoomInline]


@admin.register(Track)
class TrackAdmin(TranslationAdmin):
    list_display = ["name", "slug", "colour"]


@admin.register(SessionType)
class SessionTypeAdmin(TranslationAdmin):
    list_display = ["name", "slug"]


@admin.register(ScheduleVersion)
class ScheduleVersionAdmin(TranslationAdmin):
    list_display = ["__str__", "conference", "published_at", "note"]
    readonly_fields = ["conference", "number", "published_at"]

    def has_add_permission(self, request):
        return False  # versions are published with the action on the conference, which records the changes


@admin.register(Speaker)
class SpeakerAdmin(TranslationWorkflowAdmin):
    list_display = ["name", "affiliation", "language_column", "preview_links"]
    list_filter = []
    search_fields = ["name", "affiliation"]
    fieldsets = [
        (None, {"fields": ["role", "bio"]}),
        (
            _("Speaker"),
            {"fields": ["name", "slug", "affiliation", "affiliation_language", "photo", "source_language"]},
        ),
    ]


class SessionForm(WorkflowForm):
    interpretation_languages = forms.MultipleChoiceField(
        label=_("interpretation into"), choices=ALL_LANGUAGES, required=False, widget=forms.SelectMultiple
    )

    class Meta:
        model = Session
        exclude = ["interpretation"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "interpretation_languages" in self.fields:
            self.fields["interpretation_languages"].initial = self.instance.interpretation_languages

    def clean(self):
        cleaned = super().clean()
        if "interpretation_languages" in cleaned:
            self.instance.interpretation_languages = cleaned["interpretation_languages"]
        return cleaned


@admin.register(Session)
class SessionAdmin(TranslationWorkflowAdmin):
    form = SessionForm
    list_display = ["__str__", "start", "room", "spoken_language", "state", "language_column", "preview_links"]
    list_filter = ["state", "room__venue", "track", "spoken_language"]
    search_fields = ["code", "translations__title"]
    autocomplete_fields = ["speakers"]
    fieldsets = [
        (None, {"fields": ["title", "abstract"]}),
        (
            _("Time and place"),
            {"fields": ["conference", "start", "end", "room", "track", "session_type", "state"]},
        ),
        (
            _("Languages and places"),
            {
                "fields": [
                    "spoken_language",
                    "interpretation_languages",
                    "speakers",
                    "registration_required",
                    "capacity",
                    "source_language",
                ]
            },
        ),
    ]

    def shared_fields(self):
        return [*super().shared_fields(), "interpretation_languages"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "capacity" in form.changed_data:
            promoted = change_capacity(session=obj, capacity=obj.capacity)
            if promoted:
                message = ngettext(
                    "%(count)d person waiting got a place and was told by e-mail.",
                    "%(count)d people waiting got a place and were told by e-mail.",
                    len(promoted),
                )
                self.message_user(request, message % {"count": len(promoted)}, messages.SUCCESS)


class BookingInline(admin.TabularInline):
    model = Booking
    extra = 0
    fields = ["session", "status", "interpretation", "created_at"]
    readonly_fields = ["session", "status", "interpretation", "created_at"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # places are taken through the public form, so the rules always apply


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["reference", "name", "email", "language", "created_at"]
    list_filter = ["days", "bookings__session", "bookings__status", "language"]
    search_fields = ["reference", "name", "email"]
    readonly_fields = ["reference", "conference", "created_at", "anonymised_at"]
    inlines = [BookingInline]
    actions = ["export_csv"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("days", "bookings__session__translations")

    # Deleting a registration frees its places through the same rules as cancelling: the first waiting get them.
    def delete_model(self, request, obj):
        delete_registration(registration=obj)

    def delete_queryset(self, request, queryset):
        for registration in queryset:
            delete_registration(registration=registration)

    @admin.action(description=_("Export the selected registrations as CSV"))
    def export_csv(self, request, queryset):
        header = ["reference", "name", "email", "language", "days", "confirmed", "waiting", "accessibility"]
        return csv_download("registrations.csv", header, map(self._csv_row, queryset))

    @staticmethod
    def _csv_row(registration: Registration) -> list:
        bookings = list(registration.bookings.all())
        return [
            registration.reference,
            registration.name,
            registration.email,
            registration.language,
            " ".join(f"{day.date:%Y-%m-%d}" for day in registration.days.all()),
            " ".join(b.session.code for b in bookings if b.status == Booking.Status.CONFIRMED),
            " ".join(b.session.code for b in bookings if b.status == Booking.Status.WAITING),
            registration.accessibility_needs,
        ]

    def get_urls(self):
        summary = path(
            "summary/",
            self.admin_site.admin_view(self.organiser_summary),
            name="conference_registration_summary",
        )
        return [summary, *super().get_urls()]

    def organiser_summary(self, request):
        """Per session: places booked, people waiting, and interpretation wanted per language."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        rows = []
        sessions = Session.objects.open_for_registration().prefetch_related("translations", "bookings")
        for session in sessions.in_schedule_order():
            active = [b for b in session.bookings.all() if b.status != Booking.Status.CANCELLED]
            rows.append(
                {
                    "session": session,
                    "confirmed": sum(b.status == Booking.Status.CONFIRMED for b in active),
                    "waiting": sum(b.status == Booking.Status.WAITING for b in active),
                    "interpretation": sorted(Counter(b.interpretation for b in active if b.interpretation).items()),
                }
            )
        context = {**self.admin_site.each_context(request), "title": _("Places and interpretation"), "rows": rows}
        return render(request, "admin/conference/registration_summary.html", context)


class InviteTranslatorsForm(forms.Form):
    """The languages each volunteer chosen for an invitation will translate into, ticked from their language pairs."""

    def __init__(self, *args, volunteers, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(code, get_language_info(code)["name_translated"]) for code, _name in settings.LANGUAGES]
        for volunteer in volunteers:
            self.fields[self.field_name(volunteer)] = forms.MultipleChoiceField(
                choices=choices,
                initial=volunteer.target_languages(),
                widget=forms.CheckboxSelectMultiple,
                error_messages={"required": _("Choose at least one language to translate into.")},
            )

    @staticmethod
    def field_name(volunteer: Volunteer) -> str:
        return f"languages-{volunteer.pk}"


@admin.register(Volunteer)
class VolunteerAdmin(admin.ModelAdmin):
    list_display = ["__str__", "email", "role_list", "language_pairs"]
    list_filter = ["days"]
    search_fields = ["registration__name", "language_pairs"]
    actions = ["invite_as_translator"]

    def has_invite_permission(self, request):
        # Whoever may assign translators their languages (editors): the account an invitation makes can do no more.
        return request.user.has_perm("translations.add_translatorlanguage")

    @admin.action(description=_("Invite as translator"), permissions=["invite"])
    def invite_as_translator(self, request, queryset):
        """A page that shows who gets invited and lets the editor pick their languages; then the invitations."""
        volunteers = list(queryset.select_related("registration").order_by("registration__name", "pk"))
        invitable = [volunteer for volunteer in volunteers if volunteer.registration.anonymised_at is None]
        if skipped := len(volunteers) - len(invitable):
            message = ngettext(
                "%(count)d anonymised volunteer was skipped: there is no one to invite.",
                "%(count)d anonymised volunteers were skipped: there is no one to invite.",
                skipped,
            )
            self.message_user(request, message % {"count": skipped}, messages.WARNING)
        if not invitable:
            return None
        form = InviteTranslatorsForm(request.POST if "confirm" in request.POST else None, volunteers=invitable)
        if form.is_valid():
            self._invite(request, invitable, form)
            return None
        rows = [
            {
                "volunteer": volunteer,
                "field": form[form.field_name(volunteer)],
                "offered": Volunteer.Role.TRANSLATOR in volunteer.roles,
            }
            for volunteer in invitable
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Invite volunteers to translate"),
            "opts": self.model._meta,
            "rows": rows,
            "form": form,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/conference/volunteer/invite_translators.html", context)

    def _invite(self, request, volunteers: list[Volunteer], form: InviteTranslatorsForm) -> None:
        invited = 0
        for volunteer in volunteers:
            registration = volunteer.registration
            try:
                invite_translator(
                    email=registration.email,
                    name=registration.name,
                    language=registration.language,
                    languages=form.cleaned_data[form.field_name(volunteer)],
                    invited_by=request.user,
                )
            except ValidationError as error:
                message = gettext("%(name)s was not invited: %(reason)s")
                self.message_user(
                    request, message % {"name": registration.name, "reason": " ".join(error.messages)}, messages.ERROR
                )
            else:
                invited += 1
        if invited:
            message = ngettext(
                "%(count)d volunteer was invited to translate and gets an e-mail in their language.",
                "%(count)d volunteers were invited to translate and get an e-mail in their language.",
                invited,
            )
            self.message_user(request, message % {"count": invited}, messages.SUCCESS)

    @admin.display(description=_("e-mail"))
    def email(self, obj):
        return obj.registration.email

    @admin.display(description=_("roles"))
    def role_list(self, obj):
        return ", ".join(str(Volunteer.Role(role).label) for role in obj.roles)
