"""Which language a piece of reference data (a modeltranslation field) is really shown in, for lang attributes.

Reads only the fields already loaded on the object, so it costs no query."""

from django import forms
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import get_language_info
from modeltranslation.utils import build_localized_fieldname, resolution_order


def language_dir(code: str) -> str:
    return "rtl" if get_language_info(code)["bidi"] else "ltr"


def field_language(obj, field: str) -> str | None:
    """The language a modeltranslation field is shown in when it is not the page's language, else None."""
    current = translation.get_language()
    for code in resolution_order(current):
        if getattr(obj, build_localized_fieldname(field, code), None):
            return None if code == current else code
    return None


def lang_attrs_for(code: str | None) -> str:
    """' lang="…" dir="…"' for a language other than the page's, or nothing."""
    if not code:
        return ""
    return format_html(' lang="{}" dir="{}"', code, language_dir(code))


class LangLabel(str):
    """A choice's label that remembers the language it is in, when that is not the page's (lang is None otherwise)."""

    lang: str | None

    def __new__(cls, text, lang: str | None = None):
        label = super().__new__(cls, text)
        label.lang = lang
        return label

    @property
    def lang_dir(self) -> str:
        return language_dir(self.lang) if self.lang else ""


def field_label(obj, field: str, text=None) -> LangLabel:
    """The field's text (or the given text built from it) as a label marked with the language it is shown in."""
    return LangLabel(getattr(obj, field) if text is None else text, field_language(obj, field))


def marked_field(obj, field: str):
    """The field's text, wrapped in a span with lang and dir when it is shown in a fallback language: for labels
    rendered as a whole, e.g. a checkbox's, where only part of the label is the translated text."""
    code = field_language(obj, field)
    if code is None:
        return getattr(obj, field)
    return format_html('<span lang="{}" dir="{}">{}</span>', code, language_dir(code), getattr(obj, field))


class LangSelect(forms.Select):
    """A select whose options carry lang and dir when their label (a LangLabel) says it is in another language."""

    def create_option(self, name, value, label, *args, **kwargs):
        option = super().create_option(name, value, label, *args, **kwargs)
        code = getattr(label, "lang", None)
        if code:
            option["attrs"]["lang"] = code
            option["attrs"]["dir"] = language_dir(code)
        return option
