"""URLs of the programme pages, under the language prefix."""

from django.urls import path

from pages import views

app_name = "pages"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
]
