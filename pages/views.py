"""Views for the programme pages, news, documents and contacts."""

import datetime
import logging

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView, TemplateView

from core.feeds import SiteFeed
from pages.models import ContactRole, Document, NewsEntry, Page

logger = logging.getLogger(__name__)


class TranslatedObjectMixin:
    """Tells the base template which languages really have this object, for the hreflang alternates."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(translated_languages=self.object.get_available_languages(), **kwargs)


class HomeView(TemplateView):
    """Task first: the programme in the reader's language, the next conference (conference_teaser), telling the
    city what matters and whom to contact; then the latest news."""

    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        pages = list(Page.objects.published().with_translations().home_and_sections())
        return super().get_context_data(
            page=next((page for page in pages if page.slug == Page.HOME_SLUG), None),
            sections=[page for page in pages if page.slug != Page.HOME_SLUG],
            news=NewsEntry.objects.published().with_translations()[:3],
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
        # Its children and its siblings (for a section: the other sections) in one query, for the side column.
        near = visible.programme().filter(Q(parent=self.object) | Q(parent_id=self.object.parent_id))
        near = [page for page in near if page.pk != self.object.pk]
        return super().get_context_data(
            breadcrumbs=[ancestors[path] for path in paths if path in ancestors],
            children=[page for page in near if page.parent_id == self.object.pk],
            siblings=[page for page in near if page.parent_id != self.object.pk],
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

