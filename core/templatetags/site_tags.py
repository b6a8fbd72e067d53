"""Template tags shared by every page: honest language labels."""

from django import template
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from core.fallback import field_language, lang_attrs_for, language_dir

register = template.Library()


@register.filter
def language_name(code: str) -> str:
    """A language's name in the reader's language, e.g. 'Polish' on an English page."""
    return str(get_language_info(code)["name_translated"])


register.filter("language_dir", language_dir)


@register.simple_tag
def lang_attrs(obj):
    """lang and dir attributes for a translated object shown in a language other than the page's."""
    if not obj.is_fallback():
        return ""
    return lang_attrs_for(obj.shown_language())


@register.simple_tag
def field_lang_attrs(obj, field: str):
    """lang and dir attributes for a reference-data field (modeltranslation) shown in a fallback language,
    e.g. a venue's name that nobody has written in Ukrainian yet."""
    return lang_attrs_for(field_language(obj, field))


@register.simple_tag
def label_lang_attrs(label):
    """lang and dir attributes for a choice's label (a LangLabel) shown in a fallback language; nothing otherwise."""
    return lang_attrs_for(getattr(label, "lang", None))


@register.filter
def file_languages_label(codes: list[str]) -> str:
    """'Polish only' for a file in one language, or the list of its languages, in the reader's language."""
    names = [language_name(code) for code in codes]
    if len(names) == 1:
        return _("Only in %(language)s") % {"language": names[0]}
    return _("In %(languages)s") % {"languages": ", ".join(names)}
