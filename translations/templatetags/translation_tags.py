"""Template tags of the translation workflow: what a reader is told about the translation shown."""

from django import template
from django.utils import translation

register = template.Library()


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
