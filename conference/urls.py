"""URLs of the conference section, under the language prefix."""

from django.urls import path

from conference import views
from core.cache import cacheable

# The schedule shows what runs now: kept a minute at most (seconds), besides being dropped on every change.
LIVE_TIMEOUT = 60

app_name = "conference"

urlpatterns = [
    path("", cacheable(views.OverviewView.as_view()), name="overview"),
    path("schedule/", cacheable(views.ScheduleView.as_view(), timeout=LIVE_TIMEOUT), name="schedule"),
    path("schedule.ics", cacheable(views.schedule_ics), name="schedule_ics"),
    path("schedule.xml", cacheable(views.schedule_xml), name="schedule_xml"),
    path("schedule.json", cacheable(views.schedule_json), name="schedule_json"),
    path("sessions/<str:code>/", cacheable(views.SessionView.as_view(), timeout=LIVE_TIMEOUT), name="session"),
    path("sessions/<str:code>.ics", cacheable(views.session_ics), name="session_ics"),
    path("speakers/<slug:slug>/", cacheable(views.SpeakerView.as_view()), name="speaker"),
    path("venues/<slug:slug>/", cacheable(views.VenueView.as_view()), name="venue"),
    path("agenda/star/", views.star, name="star"),
    path("agenda/<str:token>/", views.agenda_view, name="agenda"),
    path("agenda/<str:token>.ics", views.agenda_ics, name="agenda_ics"),
    path("register/", views.register, name="register"),
    path("registrations/<str:token>/", views.manage_registration, name="manage_registration"),
    path("registrations/<str:token>/calendar.ics", views.registration_calendar, name="registration_calendar"),
    path("changes/", cacheable(views.ChangesView.as_view()), name="changes"),
    path("changes/feed/", cacheable(views.ChangesFeed()), name="changes_feed"),
    # The archive: past editions, each at its own address (slugs sit under editions/, clear of the routes above).
    path("archive/", cacheable(views.ArchiveView.as_view()), name="archive"),
    *[
        path(f"editions/<slug:slug>/{route}", cacheable(views.edition_address(view, name)), name=f"edition_{name}")
        for route, view, name in [
            ("", views.OverviewView.as_view(), "overview"),
            ("schedule/", views.ScheduleView.as_view(), "schedule"),
            ("schedule.ics", views.schedule_ics, "schedule_ics"),
            ("schedule.xml", views.schedule_xml, "schedule_xml"),
            ("schedule.json", views.schedule_json, "schedule_json"),
            ("changes/", views.ChangesView.as_view(), "changes"),
        ]
    ],
]
