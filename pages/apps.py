"""App configuration for the programme pages."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _visible_documents(request):
    from pages.models import Document

    return Document.objects.visible_to(request.user)


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Programme pages")

    def ready(self):
        from core.media import serve_uploads
        from pages.search_index import register_sources

        serve_uploads(field="file", visible=_visible_documents)
        register_sources()
