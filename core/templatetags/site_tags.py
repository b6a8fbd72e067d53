"""Template tags shared by every page: honest language labels."""

from django import template
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from core import language_names
from core.fallback import field_language, lang_attrs_for, language_dir
from core.markdown import outline as markdown_outline

register = template.Library()

# Language names inside a sentence, in the case the sentence asks for ("Лише польською", "Tylko po polsku"):
# {{ code|in_language }}, {{ codes|into_language }}, {{ code|from_language }}, {{ code|inline_language_name }}.
register.filter("in_language", language_names.in_language)
register.filter("into_language", language_names.into_language)
register.filter("from_language", language_names.from_language)
register.filter("inline_language_name", language_names.inline_language_name)


@register.filter
def language_name(code: str) -> str:
    """A language's name in the reader's language, e.g. 'Polish' on an English page: capitalised, for a label,
    a chip or a table; inside a sentence use in_language and its siblings."""
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
    """'Only in Polish' for a file in one language, or 'Available in Polish and English', in the reader's language
    ("Лише польською", "Dostępne po polsku i angielsku")."""
    if len(codes) == 1:
        return _("Only %(in_language)s") % {"in_language": language_names.in_language(codes)}
    return _("Available %(in_languages)s") % {"in_languages": language_names.in_language(codes)}


@register.filter
def outline(rendered) -> list[dict]:
    """The second-level headings of rendered Markdown, each with its id: the links of "On this page"."""
    return markdown_outline(rendered)
