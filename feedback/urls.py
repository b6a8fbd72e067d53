"""URLs of the feedback section."""

from django.urls import path

from feedback import views

app_name = "feedback"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
]
