"""modeltranslation registrations for the conference's reference data."""

from modeltranslation.translator import TranslationOptions, register

from conference.models import Day


@register(Day)
class DayTranslationOptions(TranslationOptions):
    fields = ("theme",)
