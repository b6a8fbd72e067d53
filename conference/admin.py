"""Admin for the conference and its days."""

from django.contrib import admin
from modeltranslation.admin import TranslationTabularInline
from parler.admin import TranslatableAdmin

from conference.models import Conference, Day


class DayInline(TranslationTabularInline):
    model = Day
    extra = 0


@admin.register(Conference)
class ConferenceAdmin(TranslatableAdmin):
    list_display = ["__str__", "start_date", "end_date", "language_column"]
    inlines = [DayInline]
