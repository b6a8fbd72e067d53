"""URLs of the conference section, under the language prefix."""

import uuid

from django.urls import path

from conference import views
from core.cache import cacheable

# The schedule shows what runs now: kept a minute at most (seconds), besides being dropped on every change.
LIVE_TIMEOUT = 60

# The parameters each reads: the filters, the agenda shared by its link, an export's language.
SCHEDULE_QUERY = ["day", "lang", "venue", "track", "agenda"]

app_name = "conference"


def export(view):
    return cacheable(view, shows=views.EXPORT, query=["lang"])


urlpatterns = [
    path("", cacheable(views.OverviewView.as_view(), shows=views.PROGRAMME), name="overview"),
    path(
        "schedule/",
        cacheable(views.ScheduleView.as_view(), shows=views.PROGRAMME, query=SCHEDULE_QUERY, timeout=LIVE_TIMEOUT),
        name="schedule",
    ),
    path("schedule.ics", export(views.schedule_ics), name="schedule_ics"),
    path("schedule.xml", export(views.schedule_xml), name="schedule_xml"),
    path("schedule.json", export(views.schedule_json), name="schedule_json"),
    path(
        "sessions/<str:code>/",
        cacheable(views.SessionView.as_view(), shows=views.SESSION, query=["agenda"], timeout=LIVE_TIMEOUT),
        name="session",
    ),
    path("sessions/<str:code>.ics", export(views.session_ics), name="session_ics"),
    path("speakers/<slug:slug>/", cacheable(views.SpeakerView.as_view(), shows=views.PROGRAMME), name="speaker"),
    path("venues/<slug:slug>/", cacheable(views.VenueView.as_view(), shows=views.PROGRAMME), name="venue"),
    path("agenda/star/", views.star, name="star"),
    path("agenda/<str:token>/", views.agenda_view, name="agenda"),
    path("agenda/<str:token>.ics", views.agenda_ics, name="agenda_ics"),
    # The blank form: kept, and filled in with each visitor's token and idempotency key (and the places left).
    path(
        "register/",
        cacheable(views.register, shows=views.PROGRAMME, timeout=LIVE_TIMEOUT, fill={"key": uuid.uuid4}),
        name="register",
    ),
    path("registrations/<str:token>/", views.manage_registration, name="manage_registration"),
    path("registrations/<str:token>/calendar.ics", views.registration_calendar, name="registration_calendar"),
    path("changes/", cacheable(views.ChangesView.as_view(), shows=views.CHANGES), name="changes"),
    path("changes/feed/", cacheable(views.ChangesFeed(), shows=views.CHANGES), name="changes_feed"),
    # The archive: past editions, each at its own address (slugs sit under editions/, clear of the routes above).
    path("archive/", cacheable(views.ArchiveView.as_view(), shows=views.EDITION), name="archive"),
    *[
        path(
            f"editions/<slug:slug>/{route}",
            cacheable(views.edition_address(view, name), shows=shows, query=query),
            name=f"edition_{name}",
        )
        for route, view, name, shows, query in [
            ("", views.OverviewView.as_view(), "overview", views.PROGRAMME, []),
            ("schedule/", views.ScheduleView.as_view(), "schedule", views.PROGRAMME, SCHEDULE_QUERY),
            ("schedule.ics", views.schedule_ics, "schedule_ics", views.EXPORT, ["lang"]),
            ("schedule.xml", views.schedule_xml, "schedule_xml", views.EXPORT, ["lang"]),
            ("schedule.json", views.schedule_json, "schedule_json", views.EXPORT, ["lang"]),
            ("changes/", views.ChangesView.as_view(), "changes", views.CHANGES, []),
        ]
    ],
]
