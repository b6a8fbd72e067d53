"""Views for the programme pages, news, documents, contacts and search, plus site-wide health and error pages."""

import datetime
import logging

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView, TemplateView
from django.views.static import serve

from conference.models import Conference
from pages.feeds import LanguageAtomFeed
from pages.forms import SearchForm
from pages.models import ContactRole, Document, NewsEntry, Page
from pages.search import search

logger = logging.getLogger(__name__)


class TranslatedObjectMixin:
    """Tells the base template which languages really have this object, for the hreflang alternates."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(translated_languages=self.object.get_available_languages(), **kwargs)


class HomeView(TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        pages = list(Page.objects.published().with_translations().home_and_sections())
        return super().get_context_data(
            page=next((page for page in pages if page.slug == Page.HOME_SLUG), None),
            sections=[page for page in pages if page.slug != Page.HOME_SLUG],
            news=NewsEntry.objects.published().with_translations()[:3],
            conference=Conference.objects.upcoming_or_latest(),
            **kwargs,
        )


class PageView(TranslatedObjectMixin, DetailView):
    template_name = "pages/page.html"
    context_object_name = "page"
    slug_field = slug_url_kwarg = "path"

    def get_queryset(self):
        return Page.objects.programme().visible_to(self.request.user).with_translations()

    def get_context_data(self, **kwargs):
        visible = Page.objects.visible_to(self.request.user).with_translations()
        paths = self.object.ancestor_paths()
        ancestors = {page.path: page for page in visible.filter(path__in=paths)}
        return super().get_context_data(
            breadcrumbs=[ancestors[path] for path in paths if path in ancestors],
            children=visible.filter(parent=self.object),
            **kwargs,
        )


class NewsListView(ListView):
    template_name = "pages/news_list.html"
    context_object_name = "entries"
    paginate_by = 20

    def get_queryset(self):
        return NewsEntry.objects.published().with_translations()


class NewsDetailView(TranslatedObjectMixin, DetailView):
    template_name = "pages/news_detail.html"
    context_object_name = "entry"

    def get_queryset(self):
        return NewsEntry.objects.visible_to(self.request.user).with_translations()


class NewsFeed(Feed):
    """An Atom feed of the news in the current language; each entry says which language it is really in."""

    feed_type = LanguageAtomFeed
    title = _("Open Kraków: news")
    subtitle = _("Updates about the Open Kraków programme for foreign residents of Kraków.")

    def link(self):
        return reverse("pages:news_list")

    def items(self):
        return NewsEntry.objects.published().with_translations()[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        summary = format_html("<p>{}</p>", item.summary) if item.summary else ""
        return summary + item.body_html()

    def item_pubdate(self, item):
        return datetime.datetime.combine(item.date, datetime.time(), tzinfo=timezone.get_current_timezone())

    def item_updateddate(self, item):
        return max(translation.updated_at for translation in item.translations.all())

    def item_extra_kwargs(self, item):
        return {"language": item.shown_language()}


class DocumentListView(ListView):
    template_name = "pages/document_list.html"
    context_object_name = "documents"

    def get_queryset(self):
        return Document.objects.published().with_translations()


class ContactsView(ListView):
    template_name = "pages/contacts.html"
    context_object_name = "roles"
    model = ContactRole


class SearchView(TemplateView):
    template_name = "pages/search.html"

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET or None)
        results = search(form.cleaned_data["q"], language=get_language()) if form.is_valid() else None
        return super().get_context_data(form=form, results=results, **kwargs)


@never_cache
@require_GET
def healthz(request):
    """200 while the database answers, 503 when it does not, for load balancers and monitors."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database did not answer")
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("django.contrib.sitemaps.views.sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def media(request, path):
    """Uploaded documents, as downloads, when no web server in front serves them (SERVE_MEDIA)."""
    if not settings.SERVE_MEDIA:
        raise Http404
    # A document is public once published; drafts are for staff.
    draft = path.startswith("documents/") and not Document.objects.published().filter(file=path).exists()
    if draft and not request.user.is_staff:
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Content-Disposition"] = "attachment"
    return response


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    try:
        return render(request, "500.html", status=500)
    except Exception:  # the error page must never fail in turn, whatever broke
        logger.exception("The 500 page itself failed to render")
        return HttpResponseServerError("Server error", content_type="text/plain; charset=utf-8")
