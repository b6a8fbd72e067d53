"""modeltranslation registrations for the pages app's reference data."""

from modeltranslation.translator import TranslationOptions, register

from pages.models import ContactRole


@register(ContactRole)
class ContactRoleTranslationOptions(TranslationOptions):
    fields = ("name", "description", "hours")
