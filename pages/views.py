"""Views for the programme pages, news, documents, contacts and search, plus site-wide health and error pages."""

import datetime
import logging
import posixpath

from django.conf import settings
from django.core.exceptions import BadRequest, SuspiciousOperation
from django.db import DatabaseError, connection
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseServerError,
    JsonResponse,
    QueryDict,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.module_loading import import_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView, TemplateView

from conference.models import Conference, Speaker
from pages.feeds import SiteFeed
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


class NewsFeed(SiteFeed):
    """An Atom feed of the news in the current language; each entry says which language it is really in."""

    title = _("Open Kraków: news")
    subtitle = _("Updates about the Open Kraków programme for foreign residents of Kraków.")
    feed_name = entry_name = "news"

    def link(self):
        return reverse("pages:news_list")

    def items(self):
        # As on the news page, an entry with no text in this language's chain (only in Russian, read in Ukrainian)
        # is left out: it has no title to show.
        return [entry for entry in NewsEntry.objects.published().with_translations()[:30] if entry.shown_language()]

    def item_title(self, item):
        return item.title

    def item_pubdate(self, item):
        return datetime.datetime.combine(item.date, datetime.time(), tzinfo=timezone.get_current_timezone())

    def item_updateddate(self, item):
        # The text this feed shows: a translation into another language changes nothing here.
        shown = item.shown_language()
        return next(text.updated_at for text in item.translations.all() if text.language_code == shown)

    def item_extra_kwargs(self, item):
        # As the page shows it: the summary as its lead, then the body.
        lead = format_html('<p class="lead">{}</p>', item.summary) if item.summary else ""
        content = lead + item.body_html()
        return {"language": item.shown_language(), "summary_text": item.summary, "content_html": content}


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


def _uploaded_file(request, path: str):
    """The file of the row whose stored name is exactly this path, if the visitor may have it: a published
    document (drafts for staff) or a speaker's photo. The path is never normalised, so that no spelling of it
    ("//", "./", "../", an encoded dot) reaches a draft, and a file no row names is never served."""
    document = Document.objects.visible_to(request.user).filter(file=path).first()
    if document is not None:
        return document.file
    speaker = Speaker.objects.filter(photo=path).first()
    return speaker.photo if speaker is not None else None


@require_GET
def media(request, path):
    """Uploaded files, as downloads, when no web server in front serves them (SERVE_MEDIA)."""
    if not settings.SERVE_MEDIA:
        raise Http404
    upload = _uploaded_file(request, path)
    if upload is None:
        raise Http404
    try:
        stream = upload.storage.open(upload.name, "rb")
    except FileNotFoundError as error:  # the row outlived its file
        raise Http404 from error
    # The type follows the file's extension (documents are checked on upload; photos are images).
    return FileResponse(stream, as_attachment=True, filename=posixpath.basename(upload.name))


def _api_error(request, status: int) -> HttpResponse | None:
    """The error as the API at the address's prefix writes it (settings.API_ERROR_RESPONSES), or None for a page:
    a machine reading an API expects its error format, not the site's page."""
    for prefix, responder in settings.API_ERROR_RESPONSES.items():
        if request.path_info.startswith(prefix):
            return import_string(responder)(request, status)
    return None


def bad_request(request, exception):
    """The 400 page, in the address's (or the browser's) language: it may answer before LocaleMiddleware ran, for
    a request refused early or a bad Host header. It reads nothing of the request's body, and never fails."""
    if api_error := _api_error(request, 400):
        return api_error
    try:
        request.GET  # noqa: B018 (the page's search box shows ?q=; a query that was itself the bad part is left out)
    except (BadRequest, SuspiciousOperation):
        request.GET = QueryDict()
    try:
        language = translation.get_language_from_request(request, check_path=True)
        with translation.override(language):
            response = render(request, "400.html", status=400)
        response["Content-Language"] = language
        return response
    except Exception:  # the error page must never fail in turn
        logger.exception("The 400 page itself failed to render")
        return HttpResponseBadRequest("Bad request", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    try:
        return _api_error(request, 500) or render(request, "500.html", status=500)
    except Exception:  # the error page must never fail in turn, whatever broke
        logger.exception("The 500 page itself failed to render")
        return HttpResponseServerError("Server error", content_type="text/plain; charset=utf-8")
