"""Template tags of the conference: when one can register, which edition a page belongs to, and the teaser other
sections show of the coming edition."""

import datetime

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from conference.models import Conference
from core.fallback import lang_attrs_for
from core.templatetags.date_tags import iso

register = template.Library()


def _time(value: datetime.date | datetime.datetime | None):
    """A <time> element for a sentence: the value as the reader's language writes it, in the site's time zone."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        shown = date_format(timezone.localtime(value), "DATETIME_FORMAT")
    else:
        shown = date_format(value, "DATE_FORMAT")
    return format_html('<time datetime="{}">{}</time>', iso(value), shown)


@register.inclusion_tag("conference/includes/registration_state.html")
def registration_state(conference: Conference, *, link: bool = True) -> dict:
    """Whether registration is open and until or from when; the link to the form only while it is open."""
    state = conference.registration_state()
    return {
        "state": state,
        "ended": conference.has_ended(),
        "opens": _time(conference.registration_opens),
        "closes": _time(conference.registration_closes),
        "link": link and state == Conference.RegistrationState.OPEN,
    }


@register.inclusion_tag("conference/includes/edition_notice.html")
def edition_notice(conference: Conference, *, session=None) -> dict:
    """On the page of an edition that is not the current one (or of one of its sessions): which it is, and that
    it is archived once it is over."""
    name = conference.safe_translation_getter("name", any_language=True)
    attrs = lang_attrs_for(conference.shown_language()) if conference.is_fallback() else ""
    return {
        "session": session,
        "ended": conference.has_ended(),
        "name": format_html('<a href="{}"{}>{}</a>', conference.get_absolute_url(), attrs, name),
        "start": _time(conference.start_date),
        "end": _time(conference.end_date),
    }


@register.inclusion_tag("conference/includes/teaser.html")
def conference_teaser() -> dict:
    """The coming edition (else the latest): its name, days and whether one can register, for the home page."""
    return {"conference": Conference.objects.upcoming_or_latest()}
