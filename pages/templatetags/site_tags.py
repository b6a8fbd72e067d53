"""Template tags shared by every page: the contact directory and honest language labels."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language_info

from pages.models import ContactRole

register = template.Library()


@register.simple_tag
def contact_roles():
    return ContactRole.objects.all()


@register.filter
def language_name(code: str) -> str:
    """A language's name in the reader's language, e.g. 'Polish' on an English page."""
    return get_language_info(code)["name_translated"]


@register.filter
def language_dir(code: str) -> str:
    return "rtl" if get_language_info(code)["bidi"] else "ltr"


@register.simple_tag(takes_context=True)
def lang_attrs(context, obj):
    """lang and dir attributes for a translated object shown in a language other than the page's."""
    shown = obj.shown_language()
    if not shown or not obj.is_fallback():
        return ""
    return format_html(' lang="{}" dir="{}"', shown, language_dir(shown))
