"""Public views of the conference: overview, schedule, sessions, speakers, venues, agenda, changes, exports,
and registration."""

import functools
import json
from itertools import groupby
from operator import itemgetter

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django.views.generic import DetailView, TemplateView

from conference import agenda, exports, jsonld, live, services
from conference.conditional import conditional_export, export_language, in_export_language
from conference.forms import ManageAction, ManageForm, RegistrationForm, ScheduleFilterForm
from conference.models import (
    Conference,
    Registration,
    Room,
    ScheduleVersion,
    Session,
    SessionQuerySet,
    Speaker,
    Track,
    Venue,
)
from core import cache as page_cache
from core.cache import visitor_placeholder
from core.feeds import SiteFeed

# What the pages show, for the page cache (core.cache.cacheable in urls.py, and the blank registration form): a
# save of any of these drops them.
EDITION = ["conference.Conference", "conference.Day"]
PROGRAMME = [
    *EDITION,
    *["conference.Room", "conference.Session", "conference.SessionType", "conference.Speaker", "conference.Track"],
    "conference.Venue",
]
EXPORT = [*PROGRAMME, "conference.ScheduleVersion"]
CHANGES = [*PROGRAMME, "conference.ScheduleChange", "conference.ScheduleVersion"]
# A session's page: for a moved session, the start before its latest move (jsonld), which a version that logs a
# second move saves no session for. Places left are a hole (the "places" source, conference/apps.py): no page
# declares bookings, so a booking drops none.
SESSION = [*PROGRAMME, "conference.ScheduleChange", "conference.ScheduleVersion"]


def current_conference(request) -> Conference:
    conference = upcoming_or_latest(request)
    if conference is None:
        raise Http404
    return conference


def upcoming_or_latest(request) -> Conference | None:
    """The conference the section is about, with its days: kept in memory until the next change or day."""
    return page_cache.cached_value(
        request,
        f"conference:{timezone.localdate()}",
        Conference.objects.upcoming_or_latest,
        shows=EDITION,
    )


def edition_or_404(slug: str) -> Conference:
    return get_object_or_404(Conference.objects.with_days(), slug=slug)


def conference_for(request, slug: str | None) -> Conference:
    """The edition a page is about: the one its address names (editions/<slug>/), else the current one."""
    return current_conference(request) if slug is None else edition_or_404(slug)


def edition_address(view, url_name: str):
    """A page of one edition under editions/<slug>/. The current edition's pages live at the section's own
    addresses, so its editions/ address redirects there, temporarily: once it is over, the archive serves it."""

    @functools.wraps(view)
    def wrapper(request, *args, slug, **kwargs):
        current = upcoming_or_latest(request)
        if current is not None and current.slug == slug:
            query = request.META.get("QUERY_STRING", "")
            return HttpResponseRedirect(reverse(f"conference:{url_name}") + (f"?{query}" if query else ""))
        return view(request, *args, slug=slug, **kwargs)

    return wrapper


# An edition's pages: the URL names of the current edition's; a past edition's add "edition_".
EDITION_PAGES = {"overview": "overview", "schedule": "schedule", "calendar": "schedule_ics", "changes": "changes"}


def edition_links(slug: str | None) -> dict[str, str]:
    """Where the pages of the edition a page is about are, so that its links stay within that edition."""
    if slug is None:
        return {key: reverse(f"conference:{name}") for key, name in EDITION_PAGES.items()}
    return {key: reverse(f"conference:edition_{name}", kwargs={"slug": slug}) for key, name in EDITION_PAGES.items()}


def _registration_open(conference: Conference | None) -> bool:
    return conference is not None and conference.registration_state() == Conference.RegistrationState.OPEN


# The models a schedule row shows besides its session's own row (a session's translations and speakers count as
# the session): the version it is kept under when it is read bare (core.cache.rows_for_parts,
# conference_tags.session_row).
ROW_SHOWS = [
    "conference.Room",
    "conference.Session",
    "conference.SessionType",
    "conference.Speaker",
    "conference.Track",
    "conference.Venue",
]


def schedule_sessions(conference: Conference):
    return Session.objects.in_conference(conference).for_schedule()


class OverviewView(TemplateView):
    template_name = "conference/overview.html"

    def get_context_data(self, **kwargs):
        slug = self.kwargs.get("slug")
        conference = upcoming_or_latest(self.request) if slug is None else edition_or_404(slug)
        venues = Venue.objects.hosting(conference) if conference else []
        limited = schedule_sessions(conference).open_for_registration() if conference else Session.objects.none()
        return super().get_context_data(
            conference=conference,
            venues=venues,
            limited_sessions=limited,
            current=slug is None,
            registration_open=slug is None and _registration_open(conference),
            links=edition_links(slug),
            **kwargs,
        )


class ArchiveView(TemplateView):
    """The editions that have ended, latest first."""

    template_name = "conference/archive.html"

    def get_context_data(self, **kwargs):
        editions = Conference.objects.past().with_translations()
        return super().get_context_data(editions=editions, current=upcoming_or_latest(self.request), **kwargs)


# A schedule with more sessions than this shows one day at a time.
ONE_DAY_AT_A_TIME = 150


class ScheduleView(TemplateView):
    template_name = "conference/schedule.html"

    def get_context_data(self, **kwargs):
        slug = self.kwargs.get("slug")
        conference = conference_for(self.request, slug)
        form = ScheduleFilterForm(
            self.request.GET,
            conference=conference,
            # Reference data, the same on every schedule page: kept in memory until the next change.
            venues=page_cache.cached_value(
                self.request, "venues", lambda: list(Venue.objects.all()), shows=["conference.Venue"]
            ),
            tracks=page_cache.cached_value(
                self.request, "tracks", lambda: list(Track.objects.all()), shows=["conference.Track"]
            ),
        )
        filters = form.valid_filters()
        dates = [day.date for day in conference.days.all()]
        # A long schedule is shown one day at a time (today's, else the first), so that no page grows with it.
        one_day = (
            bool(dates) and not filters.get("day") and _session_count(self.request, conference) > ONE_DAY_AT_A_TIME
        )
        today = timezone.localdate()
        day = (today if today in dates else dates[0]) if one_day else filters.get("day")
        matching = Session.objects.in_conference(conference).matching(
            day=day, language=filters.get("lang"), venue=filters.get("venue"), track=filters.get("track")
        )
        rows = page_cache.rows_for_parts(
            self.request, matching.in_schedule_order(), whole=SessionQuerySet.for_schedule, shows=ROW_SHOWS
        )
        sessions = rows.rows
        # What runs now, from the sessions already read; the page is kept a minute at most (urls.LIVE_TIMEOUT).
        now_and_next = live.now_and_next(sessions, conference=conference, now=timezone.now())
        token, codes = agenda.from_request(self.request)
        return super().get_context_data(
            conference=conference,
            current=slug is None,
            links=edition_links(slug),
            form=form,
            ignored=form.ignored_names(),
            filtered=bool(filters),
            one_day=day if one_day else None,
            dates=dates,
            days=_group_by_day_and_time(sessions),
            schedule_rows=rows,
            live=now_and_next.shown_from(rows),
            agenda_token=token,
            starred=set(codes),
            **kwargs,
        )


def _session_count(request, conference) -> int:
    return page_cache.cached_value(
        request, f"sessions:{conference.pk}", conference.sessions.count, shows=["conference.Session"]
    )


def _group_by_day_and_time(sessions):
    starts = [(timezone.localtime(session.start), session) for session in sessions]  # once per session
    return [
        {
            "date": date,
            # Each slot's time as its heading shows it (its <time datetime> as date_tags.iso writes it: the start is
            # local already), written once here rather than by two filters per slot.
            "slots": [
                {
                    "start": start,
                    "iso": start.isoformat(timespec="seconds"),
                    "time": f"{start:%H:%M}",
                    "sessions": [session for _start, session in group],
                }
                for start, group in groupby(items, itemgetter(0))
            ],
        }
        for date, items in groupby(starts, lambda pair: pair[0].date())
    ]


class SessionView(DetailView):
    template_name = "conference/session.html"
    context_object_name = "session"
    slug_field = slug_url_kwarg = "code"

    def get_object(self, queryset=None):
        session = page_cache.row_read_whole(
            self.request,
            Session.objects.filter(code=self.kwargs["code"]),
            whole=SessionQuerySet.for_detail,
            shows=ROW_SHOWS,  # a schedule row's, and its speakers' roles (the speakers' translations)
        )
        if session is None:
            raise Http404
        return session

    def get_context_data(self, **kwargs):
        session = self.object
        token, codes = agenda.from_request(self.request)
        current = upcoming_or_latest(self.request)
        is_current = current is not None and current.pk == session.conference_id
        # A past edition's session (codes are global): its page says which edition it belongs to.
        conference = current if is_current else Conference.objects.with_translations().get(pk=session.conference_id)
        return super().get_context_data(
            conference=conference,
            current=is_current,
            links=edition_links(None if is_current else conference.slug),
            registration_open=is_current and _registration_open(conference),
            agenda_token=token,
            starred=set(codes),
            translated_languages=session.get_available_languages(),
            json_ld=jsonld.script_text(jsonld.session_event(session, absolute_url=self.request.build_absolute_uri)),
            **kwargs,
        )


class SpeakerView(DetailView):
    template_name = "conference/speaker.html"
    context_object_name = "speaker"

    def get_queryset(self):
        return Speaker.objects.prefetch_related("translations")

    def get_context_data(self, **kwargs):
        sessions = self.object.sessions.for_schedule()
        return super().get_context_data(sessions=sessions, **kwargs)


class VenueView(DetailView):
    template_name = "conference/venue.html"
    context_object_name = "venue"
    model = Venue

    def get_context_data(self, **kwargs):
        sessions = Session.objects.matching(venue=self.object.slug).for_schedule()
        tiles = {
            "url": settings.MAP_TILE_URL,
            "attribution": settings.MAP_TILE_ATTRIBUTION,
            "attribution_url": settings.MAP_TILE_ATTRIBUTION_URL,
        }
        return super().get_context_data(sessions=sessions, tiles=tiles, **kwargs)


def _next_url(request, value: str) -> str:
    """Where to return after starring: an address on this site, or the schedule."""
    if url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return value
    return reverse("conference:schedule")


@never_cache  # its page carries the visitor's own agenda
@require_http_methods(["GET", "POST"])
def star(request):
    """Star or unstar a session: a new signed token, kept in a cookie and in the agenda's address.

    Cached pages link here for visitors without an agenda yet; GET shows the one-button form that does it.
    """
    data = request.POST if request.method == "POST" else request.GET
    session = get_object_or_404(Session, code=data.get("session", ""))
    next_url = _next_url(request, data.get("next", ""))
    if request.method == "GET":
        token, codes = agenda.from_request(request)
        context = {"session": session, "next_url": next_url, "agenda_token": token, "starred": set(codes)}
        return render(request, "conference/star_confirm.html", context)
    token = agenda.toggled(request, session.code)
    if request.POST.get("from_agenda"):  # the agenda's own address changes with its contents
        next_url = reverse("conference:agenda", kwargs={"token": token})
    response = HttpResponseRedirect(f"{next_url.split('#')[0]}#session-{session.code}")
    agenda.set_cookie(response, token)
    return response


def _agenda_or_400(request, token):
    try:
        codes = agenda.read_token(token)
    except agenda.BadAgenda:
        return None, render(request, "conference/agenda_invalid.html", status=400)
    return codes, None


@never_cache  # reached by a secret token, like the never_cache views below: kept by no cache
def agenda_view(request, token):
    codes, error = _agenda_or_400(request, token)
    if error:
        return error
    sessions = Session.objects.in_agenda(codes).for_schedule()
    ics_url = request.build_absolute_uri(reverse("conference:agenda_ics", kwargs={"token": token}))
    webcal_url = "webcal://" + ics_url.split("://", 1)[1]
    response = render(
        request,
        "conference/agenda.html",
        {
            "sessions": sessions,
            "agenda_token": token,
            "starred": set(codes),
            "from_agenda": True,
            "ics_url": ics_url,
            "webcal_url": webcal_url,
        },
    )
    agenda.keep_unless_own(request, response, token)
    return response


def _calendar_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@in_export_language
@conditional_export
def schedule_ics(request, slug=None):
    with export_language(request):
        conference = conference_for(request, slug)
        sessions = Session.objects.in_conference(conference).in_schedule_order()
        content = exports.calendar(
            page_cache.rows_for_parts(request, sessions, whole=SessionQuerySet.for_calendar, shows=exports.EVENT_SHOWS),
            conference=conference,
            name=str(conference),
            absolute_url=request.build_absolute_uri,
        )
    return _calendar_response(content, f"{conference.acronym}.ics")


@in_export_language
@conditional_export
def session_ics(request, code):
    with export_language(request):
        session = get_object_or_404(Session.objects.for_schedule(), code=code)
        content = exports.calendar(
            [session],
            conference=session.conference,
            name=session.shown_text("title"),
            name_language=session.shown_language() if session.is_fallback() else None,
            absolute_url=request.build_absolute_uri,
        )
    return _calendar_response(content, f"{code}.ics")


@never_cache
@in_export_language
@conditional_export
def agenda_ics(request, token):
    codes, error = _agenda_or_400(request, token)
    if error:
        return error
    with export_language(request):
        conference = current_conference(request)
        content = exports.calendar(
            Session.objects.in_agenda(codes).for_schedule(),
            conference=conference,
            name=f"{conference} · {_('My agenda')}",
            absolute_url=request.build_absolute_uri,
        )
    return _calendar_response(content, "agenda.ics")


def _schedule_export(request, build, slug, *, sessions=lambda request, conference: schedule_sessions(conference)):
    """The whole schedule of an edition through one of the app formats, in the export's language."""
    with export_language(request):
        conference = conference_for(request, slug)
        overview = edition_links(slug)["overview"]
        return build(
            sessions(request, conference),
            conference=conference,
            version=page_cache.cached_value(
                request,
                f"schedule-version:{conference.pk}",
                lambda: exports.schedule_version(conference),
                shows=["conference.ScheduleVersion"],
            ),
            absolute_url=lambda path: request.build_absolute_uri(path or overview),
        )


def _frab_sessions(request, conference):
    sessions = Session.objects.in_conference(conference).in_schedule_order()
    rows = page_cache.rows_for_parts(
        request, sessions, whole=SessionQuerySet.for_schedule, shows=exports.FRAB_EVENT_SHOWS
    )
    if rows.whole is not None:  # read bare: the rooms they are grouped by come from the reference data kept in memory
        rooms = page_cache.cached_value(
            request,
            "rooms",
            lambda: {room.pk: room for room in Room.objects.select_related("venue")},
            shows=["conference.Room", "conference.Venue"],
        )
        for session in rows.rows:
            if session.room_id in rooms:  # else (a room newer than the memory) read with the session
                session.room = rooms[session.room_id]
    return rows


@in_export_language
@conditional_export
def schedule_xml(request, slug=None):
    content = _schedule_export(request, exports.frab_xml, slug, sessions=_frab_sessions)
    return HttpResponse(content, content_type="application/xml; charset=utf-8")


@in_export_language
@conditional_export
def schedule_json(request, slug=None):
    data = _schedule_export(request, exports.c3voc_json, slug)
    return HttpResponse(json.dumps(data, ensure_ascii=False, indent=1), content_type="application/json")


class ChangesView(TemplateView):
    template_name = "conference/changes.html"

    def get_context_data(self, **kwargs):
        slug = self.kwargs.get("slug")
        conference = conference_for(self.request, slug)
        versions = conference.versions.with_changes()
        return super().get_context_data(
            conference=conference, current=slug is None, links=edition_links(slug), versions=versions, **kwargs
        )


class ChangesFeed(SiteFeed):
    """An Atom feed of the schedule changes of every edition, one entry per published version that says something."""

    title = _("Open Kraków conference: schedule changes")
    subtitle = _("New, moved and cancelled sessions of the Open Kraków conference, by version of the schedule.")
    feed_name = "schedule-changes"
    entry_name = "schedule-versions"

    def link(self):
        return reverse("conference:changes")

    def items(self):
        return ScheduleVersion.objects.newsworthy(translation.get_language()).for_feed()[:20]

    def item_title(self, item):
        return _("%(edition)s: schedule version %(number)s") % {"edition": item.conference, "number": item.number}

    def item_link(self, item):
        # Each version on its own edition's change log; the current edition's address sends readers to its own.
        return f"{reverse('conference:edition_changes', kwargs={'slug': item.conference.slug})}#v{item.number}"

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.published_at  # a version is not edited once published, but for its note

    def item_extra_kwargs(self, item):
        return {"content_html": render_to_string("conference/includes/version_changes.html", {"version": item})}


def register(request):
    """The registration form; a valid post is stored, then the attendee lands on their own manage page.

    Outside the registration window (and always once the conference has ended) the page says so and when
    instead, and whatever is posted is refused; register_attendee refuses it too.
    """
    conference = current_conference(request)
    state = conference.registration_state()
    if state != Conference.RegistrationState.OPEN:
        return render(
            request,
            "conference/registration_closed.html",
            {"conference": conference, "state": state},
            status=403 if request.method == "POST" else 200,
        )
    if request.method == "POST":
        form = RegistrationForm(request.POST, conference=conference)
        if form.is_valid():
            data = form.cleaned_data
            try:
                registration = services.register_attendee(
                    conference=conference,
                    idempotency_key=data["idempotency_key"],
                    name=data["name"],
                    email=data["email"],
                    language=data["language"],
                    days=list(data["days"]),
                    sessions=form.session_requests(),
                    accessibility_needs=data["accessibility_needs"],
                    volunteer=services.VolunteerOffer(
                        roles=tuple(data["volunteer_roles"]),
                        language_pairs=data["volunteer_language_pairs"],
                        days=tuple(data["volunteer_days"]),
                    ),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return HttpResponseRedirect(registration.get_manage_url() + "?new=1")
        return render(request, "conference/register.html", {"conference": conference, "form": form}, status=400)
    # The blank form is the same for everybody but for its token and key (and the places left, holes): kept by
    # the page cache and filled in for each visitor (see urls.py). It also changes with the clock (registration
    # opens and closes), so it is kept a minute at most.
    return page_cache.render_with_visitor_values(
        request,
        "conference/register.html",
        lambda: {
            "conference": conference,
            "form": RegistrationForm(
                conference=conference,
                initial={"language": translation.get_language(), "idempotency_key": visitor_placeholder("key")},
            ),
        },
    )


def _registration_or_404(token):
    registration = Registration.objects.for_manage_token(token)
    if registration is None:
        raise Http404
    return registration


@never_cache
def manage_registration(request, token):
    registration = _registration_or_404(token)
    if request.method == "POST":
        form = ManageForm(request.POST)
        if not form.is_valid():
            return render(request, "conference/manage_invalid.html", status=400)
        action = form.cleaned_data["action"]
        if action == ManageAction.CANCEL_ALL:
            services.cancel_registration(registration=registration)
        else:
            booking = get_object_or_404(registration.bookings, pk=form.cleaned_data["booking"])
            if action == ManageAction.CANCEL:
                services.cancel_booking(booking=booking)
            else:
                try:
                    services.change_interpretation(booking=booking, language=form.cleaned_data["interpretation"])
                except ValidationError:
                    return render(request, "conference/manage_invalid.html", status=400)
        return HttpResponseRedirect(request.path)
    with translation.override(registration.language):
        calendar_url = registration.get_manage_url() + "calendar.ics"
    return render(
        request,
        "conference/manage.html",
        {
            "registration": registration,
            "bookings": registration.bookings.with_sessions(),
            "new": request.GET.get("new") == "1",
            "calendar_url": calendar_url,
            "volunteer": getattr(registration, "volunteer", None),
        },
    )


@never_cache
def registration_calendar(request, token):
    registration = _registration_or_404(token)
    content = exports.calendar(
        Session.objects.confirmed_for(registration).for_schedule(),
        conference=registration.conference,
        name=f"{registration.conference} · {registration.reference}",
        absolute_url=request.build_absolute_uri,
    )
    return _calendar_response(content, f"{registration.reference}.ics")
