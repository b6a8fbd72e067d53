"""Admin for the conference: days, venues and rooms, tracks and types, speakers, sessions, schedule versions."""

from django import forms
from django.conf.global_settings import LANGUAGES as ALL_LANGUAGES
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from parler.admin import TranslatableAdmin

from conference.models import Conference, Day, Room, ScheduleVersion, Session, SessionType, Speaker, Track, Venue
from conference.services import publish_schedule_version
from pages.admin import TranslationWorkflowAdmin, WorkflowForm


class DayInline(TranslationTabularInline):
    model = Day
    extra = 0


@admin.register(Conference)
class ConferenceAdmin(TranslatableAdmin):
    list_display = ["__str__", "start_date", "end_date", "language_column"]
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
        (None, {"fields": ["bio"]}),
        (_("Speaker"), {"fields": ["name", "slug", "affiliation", "photo", "source_language"]}),
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
