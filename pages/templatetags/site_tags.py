"""Template tags shared by every page: the contact directory and honest language labels."""

from django import template
from django.utils import translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from pages import cache as page_cache
from pages.fallback import field_language, lang_attrs_for, language_dir
from pages.models import ContactRole

register = template.Library()


@register.simple_tag(takes_context=True)
def contact_roles(context):
    """The footer's contacts, on every page: kept in memory until the next change to the site's content."""
    return page_cache.remember(context.get("request"), "contact-roles", lambda: list(ContactRole.objects.all()))


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


@register.inclusion_tag("includes/translation_notice.html")
def translation_notice(obj):
    """A quiet note when the text shown was machine-translated or may lag behind a changed original."""
    row = obj.shown_translation()
    if row is None or row.language_code == obj.source_language:
        return {"status": None}
    with translation.override(obj.source_language):
        original_url = obj.get_absolute_url()
    return {
        "status": row.translation_status,
        "original_url": original_url,
        "source_language": obj.source_language,
        "source_changed_at": obj.source_changed_at,
    }
