"""Public views of the feedback section."""

from django.views.generic import TemplateView


class IndexView(TemplateView):
    template_name = "feedback/index.html"
