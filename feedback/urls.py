"""URLs of the feedback section, under the language prefix."""

from django.urls import path

from feedback import views

app_name = "feedback"

urlpatterns = [
    path("", views.report_form, name="index"),
    path("status/<str:token>/", views.report_status, name="status"),
    path("statistics/", views.StatisticsView.as_view(), name="statistics"),
]
