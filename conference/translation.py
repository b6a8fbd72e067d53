"""modeltranslation registrations for the conference's reference data."""

from modeltranslation.translator import TranslationOptions, register

from conference.models import Day, Room, ScheduleVersion, SessionType, Track, Venue


@register(Day)
class DayTranslationOptions(TranslationOptions):
    fields = ("theme",)


@register(Venue)
class VenueTranslationOptions(TranslationOptions):
    fields = ("name", "description", "accessibility")


@register(Room)
class RoomTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Track)
class TrackTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(SessionType)
class SessionTypeTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(ScheduleVersion)
class ScheduleVersionTranslationOptions(TranslationOptions):
    fields = ("note",)
