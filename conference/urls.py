"""URLs of the conference section, under the language prefix."""

from django.urls import path

from conference import views
from core.cache import shared_page

# The schedule shows what runs now: kept a minute at most, besides being dropped on every change.
NOW = 60

app_name = "conference"

urlpatterns = [
    path("", shared_page(views.OverviewView.as_view()), name="overview"),
    path("schedule/", shared_page(views.ScheduleView.as_view(), timeout=NOW), name="schedule"),
    path("schedule.ics", shared_page(views.schedule_ics), name="schedule_ics"),
    path("schedule.xml", shared_page(views.schedule_xml), name="schedule_xml"),
    path("schedule.json", shared_page(views.schedule_json), name="schedule_json"),
    path("sessions/<str:code>/", shared_page(views.SessionView.as_view(), timeout=NOW), name="session"),
    path("sessions/<str:code>.ics", shared_page(views.session_ics), name="session_ics"),
    path("speakers/<slug:slug>/", shared_page(views.SpeakerView.as_view()), name="speaker"),
    path("venues/<slug:slug>/", shared_page(views.VenueView.as_view()), name="venue"),
    path("agenda/star/", views.star, name="star"),
    path("agenda/<str:token>/", views.agenda_view, name="agenda"),
    path("agenda/<str:token>.ics", views.agenda_ics, name="agenda_ics"),
    path("register/", views.register, name="register"),
    path("registrations/<str:token>/", views.manage_registration, name="manage_registration"),
    path("registrations/<str:token>/calendar.ics", views.registration_calendar, name="registration_calendar"),
    path("changes/", shared_page(views.ChangesView.as_view()), name="changes"),
    path("changes/feed/", shared_page(views.ChangesFeed()), name="changes_feed"),
    # The archive: past editions, each at its own address (slugs sit under editions/, clear of the routes above).
    path("archive/", shared_page(views.ArchiveView.as_view()), name="archive"),
    *[
        path(f"editions/<slug:slug>/{route}", shared_page(views.edition_address(view, name)), name=f"edition_{name}")
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
