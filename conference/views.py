"""Public views of the conference."""

from django.db.models import Prefetch
from django.views.generic import TemplateView

from conference.models import Conference, Day


class OverviewView(TemplateView):
    template_name = "conference/overview.html"

    def get_context_data(self, **kwargs):
        conference = (
            Conference.objects.latest_first()
            .prefetch_related("translations", Prefetch("days", queryset=Day.objects.order_by("date")))
            .first()
        )
        return super().get_context_data(conference=conference, **kwargs)
