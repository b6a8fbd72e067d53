"""{% hole name key template %}: a count that changes more often than the page showing it (core.cache.hole)."""

from django import template

from core import cache as page_cache

register = template.Library()


@register.simple_tag(takes_context=True)
def hole(context, name: str, key, template_name: str):
    return page_cache.hole(context.get("request"), name, key, template_name)
