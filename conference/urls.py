"""URLs of the conference section."""

from django.urls import path

from conference import views

app_name = "conference"

urlpatterns = [
    path("", views.OverviewView.as_view(), name="overview"),
]
