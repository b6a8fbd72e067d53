"""modeltranslation registrations for the feedback categories."""

from modeltranslation.translator import TranslationOptions, register

from feedback.models import Category


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name", "description")
