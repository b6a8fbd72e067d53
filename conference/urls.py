"""URLs of the conference section, under the language prefix."""

from django.urls import path

from conference import views
from core.cache import cacheable

# The schedule shows what runs now: kept a minute at most (seconds), besides being dropped on every change.
LIVE_TIMEOUT = 60

# What the pages show, for the page cache (core.cache.cacheable): a save of any of these drops them.
EDITION = ["conference.Conference", "conference.Day"]
PROGRAMME = [
    *EDITION,
    *["conference.Room", "conference.Session", "conference.SessionType", "conference.Speaker", "conference.Track"],
    "conference.Venue",
]
EXPORT = [*PROGRAMME, "conference.ScheduleVersion"]
CHANGES = [*PROGRAMME, "conference.ScheduleChange", "conference.ScheduleVersion"]
# Places left: a booking drops only the pages that count them.
PLACES = [*PROGRAMME, "conference.Booking"]
# The parameters each reads: the filters, the agenda shared by its link, an export's language.
SCHEDULE_QUERY = ["day", "lang", "venue", "track", "agenda"]

app_name = "conference"


def export(view):
    return cacheable(view, shows=EXPORT, query=["lang"])


urlpatterns = [
    path("", cacheable(views.OverviewView.as_view(), shows=PLACES), name="overview"),
    path(
        "schedule/",
        cacheable(views.ScheduleView.as_view(), shows=PROGRAMME, query=SCHEDULE_QUERY, timeout=LIVE_TIMEOUT),
        name="schedule",
    ),
    path("schedule.ics", export(views.schedule_ics), name="schedule_ics"),
    path("schedule.xml", export(views.schedule_xml), name="schedule_xml"),
    path("schedule.json", export(views.schedule_json), name="schedule_json"),
    path(
        "sessions/<str:code>/",
        cacheable(views.SessionView.as_view(), shows=PLACES, query=["agenda"], timeout=LIVE_TIMEOUT),
        name="session",
    ),
    path("sessions/<str:code>.ics", export(views.session_ics), name="session_ics"),
    path("speakers/<slug:slug>/", cacheable(views.SpeakerView.as_view(), shows=PROGRAMME), name="speaker"),
    path("venues/<slug:slug>/", cacheable(views.VenueView.as_view(), shows=PROGRAMME), name="venue"),
    path("agenda/star/", views.star, name="star"),
    path("agenda/<str:token>/", views.agenda_view, name="agenda"),
    path("agenda/<str:token>.ics", views.agenda_ics, name="agenda_ics"),
    path("register/", views.register, name="register"),
    path("registrations/<str:token>/", views.manage_registration, name="manage_registration"),
    path("registrations/<str:token>/calendar.ics", views.registration_calendar, name="registration_calendar"),
    path("changes/", cacheable(views.ChangesView.as_view(), shows=CHANGES), name="changes"),
    path("changes/feed/", cacheable(views.ChangesFeed(), shows=CHANGES), name="changes_feed"),
    # The archive: past editions, each at its own address (slugs sit under editions/, clear of the routes above).
    path("archive/", cacheable(views.ArchiveView.as_view(), shows=EDITION), name="archive"),
    *[
        path(
            f"editions/<slug:slug>/{route}",
            cacheable(views.edition_address(view, name), shows=shows, query=query),
            name=f"edition_{name}",
        )
        for route, view, name, shows, query in [
            ("", views.OverviewView.as_view(), "overview", PLACES, []),
            ("schedule/", views.ScheduleView.as_view(), "schedule", PROGRAMME, SCHEDULE_QUERY),
            ("schedule.ics", views.schedule_ics, "schedule_ics", EXPORT, ["lang"]),
            ("schedule.xml", views.schedule_xml, "schedule_xml", EXPORT, ["lang"]),
            ("schedule.json", views.schedule_json, "schedule_json", EXPORT, ["lang"]),
            ("changes/", views.ChangesView.as_view(), "changes", CHANGES, []),
        ]
    ],
]
