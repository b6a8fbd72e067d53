"""URLs of the conference section, under the language prefix."""

from django.urls import path

from conference import views

app_name = "conference"

urlpatterns = [
    path("", views.OverviewView.as_view(), name="overview"),
    path("schedule/", views.ScheduleView.as_view(), name="schedule"),
    path("schedule.ics", views.schedule_ics, name="schedule_ics"),
    path("schedule.xml", views.schedule_xml, name="schedule_xml"),
    path("schedule.json", views.schedule_json, name="schedule_json"),
    path("sessions/<str:code>/", views.SessionView.as_view(), name="session"),
    path("sessions/<str:code>.ics", views.session_ics, name="session_ics"),
    path("speakers/<slug:slug>/", views.SpeakerView.as_view(), name="speaker"),
    path("venues/<slug:slug>/", views.VenueView.as_view(), name="venue"),
    path("agenda/star/", views.star, name="star"),
    path("agenda/<str:token>/", views.agenda_view, name="agenda"),
    path("agenda/<str:token>.ics", views.agenda_ics, name="agenda_ics"),
    path("register/", views.register, name="register"),
    path("registrations/<str:token>/", views.manage_registration, name="manage_registration"),
    path("registrations/<str:token>/calendar.ics", views.registration_calendar, name="registration_calendar"),
    path("changes/", views.ChangesView.as_view(), name="changes"),
    path("changes/feed/", views.ChangesFeed(), name="changes_feed"),
]
