"""Public views of the conference."""

from django.views.generic import TemplateView

from conference.models import Conference


class OverviewView(TemplateView):
    template_name = "conference/overview.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(conference=Conference.objects.upcoming_or_latest(), **kwargs)
