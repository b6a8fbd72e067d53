"""Template tags of the programme pages: the contact directory shown in every page's footer."""

from django import template

from core import cache as page_cache
from pages.models import ContactRole

register = template.Library()


@register.simple_tag(takes_context=True)
def contact_roles(context):
    """The footer's contacts, on every page: kept in memory until the next change to them."""
    return page_cache.cached_value(
        context.get("request"), "contact-roles", lambda: list(ContactRole.objects.all()), shows=["pages.ContactRole"]
    )
