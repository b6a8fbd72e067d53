"""Template tags of the conference: when one can register, which edition a page belongs to, and the teaser other
sections show of the coming edition."""

import datetime

from django import template
from django.urls import get_script_prefix
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import format_html

from conference.models import Conference
from core.cache import Rendered, Rows, stored_values
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


# Schedule rows already rendered by this process, each under everything it shows (see _row_key): an unchanged row
# costs a dictionary look-up instead of ~0.7 ms of template rendering.
SESSION_ROW_TEMPLATE = "conference/includes/session_row.html"
_ROWS = Rendered(2000)


def _row_key(context, row, session) -> tuple | None:
    """Everything session_row.html shows, or None when the row is built for one visitor (it has a CSRF token).

    The template itself (a new object once it is edited and reloaded), the row's own context (heading, show_day,
    the address its star link returns to), the site's address prefix, the language and time zone it is rendered
    in, and the session's stored values with either the version of what else the row shows (the rows were read
    bare, context["schedule_rows"]) or every stored value of each of its translations (titles, and which language is
    shown), of its room, venue, track, type and speakers (names in every language: which one is shown)."""
    if context.get("agenda_token") or context.get("from_agenda") or context.get("star_confirm"):
        return None
    request = context.get("request")
    return (
        row,
        get_script_prefix(),
        translation.get_language(),
        timezone.get_current_timezone_name(),
        context.get("heading"),
        context.get("show_day"),
        request.get_full_path() if request is not None else None,
        _rows(context).key(session, lambda: _shown_values(session)),
    )


def _rows(context) -> Rows:
    """The page's rows (context["schedule_rows"]), or rows read whole for a page without them."""
    return context.get("schedule_rows") or Rows.read_whole([])


def _shown_values(session) -> tuple:
    return (
        stored_values(session),
        tuple(stored_values(t) for t in session.translations.all()),
        stored_values(session.room),
        stored_values(session.room.venue),
        stored_values(session.track) if session.track_id else None,
        stored_values(session.session_type),
        tuple(stored_values(speaker) for speaker in session.speakers.all()),
    )


@register.simple_tag(takes_context=True)
def session_row(context, session):
    """{% include "conference/includes/session_row.html" %} for a schedule row, rendered once per process for the
    same inputs (_row_key); a visitor's own row (with their agenda's form) is rendered every time. When the page's
    rows were read bare (context["schedule_rows"], core.cache.Rows), a row is rendered from the session read whole."""
    row = context.template.engine.get_template(SESSION_ROW_TEMPLATE)

    def render():
        shown = _rows(context).shown(session)
        if shown is None:
            return None  # gone while it was read: nothing shown, nothing kept
        with context.push(session=shown):
            return row.render(context)

    return _ROWS.get_or_render(_row_key(context, row, session), render) or ""
