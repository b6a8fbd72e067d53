"""What the site search finds among the programme pages, news and documents: each published one, in every
language it has a translation in (core.search.index)."""

from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _

from core.language_names import in_language
from core.markdown import render_markdown
from core.search.index import Document as SearchDocument
from core.search.index import Source, plain_text, register, url_in
from pages.models import Document, NewsEntry, Page, Status


def _page_documents(page: Page):
    for text in page.translations.all():
        yield SearchDocument(
            language=text.language_code,
            title=text.title,
            url=url_in(page, text.language_code),
            detail=text.summary,
            body=plain_text(render_markdown(text.body)),
            publish_at=page.publish_at,
        )


def _news_documents(entry: NewsEntry):
    for text in entry.translations.all():
        with translation.override(text.language_code):
            date = formats.date_format(entry.date)
        yield SearchDocument(
            language=text.language_code,
            title=text.title,
            url=url_in(entry, text.language_code),
            detail=date,
            body=f"{text.summary} {plain_text(render_markdown(text.body))}",
            publish_at=entry.publish_at,
        )


def _document_documents(document: Document):
    for text in document.translations.all():
        language = text.language_code
        yield SearchDocument(
            language=language,
            title=text.title,
            url=document.file.url,
            detail=f"{document.extension} · {in_language(document.file_languages, language)}",
            body=text.description,
            publish_at=document.publish_at,
        )


def register_sources():
    # Published ones, whatever their date: a page scheduled for later is indexed now and found from its date on.
    register(
        Source(
            "page",
            _("Pages"),
            Page,
            lambda: Page.objects.filter(status=Status.PUBLISHED).programme().with_translations(),
            _page_documents,
        )
    )
    register(
        Source(
            "news",
            _("News"),
            NewsEntry,
            lambda: NewsEntry.objects.filter(status=Status.PUBLISHED).with_translations(),
            _news_documents,
        )
    )
    register(
        Source(
            "document",
            _("Documents"),
            Document,
            lambda: Document.objects.filter(status=Status.PUBLISHED).with_translations(),
            _document_documents,
        )
    )
