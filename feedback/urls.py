"""URLs of the feedback section, under the language prefix."""

import uuid

from django.urls import path

from core.cache import cacheable
from feedback import views
from feedback.tokens import form_stamp

app_name = "feedback"

urlpatterns = [
    # The blank form: kept, and filled in with each visitor's token, time-stamp and idempotency key.
    path(
        "",
        cacheable(views.report_form, shows=["feedback.Category"], fill={"stamp": form_stamp, "key": uuid.uuid4}),
        name="index",
    ),
    path("status/<str:token>/", views.report_status, name="status"),
    path("statistics/", views.StatisticsView.as_view(), name="statistics"),
]
