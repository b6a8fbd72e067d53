"""What editors write: Markdown formatting kept, anything that could run a script removed on save."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from pages.models import Document, Page
from pages.tests.factories import DocumentFactory, PageFactory
from pages.tests.helpers import add_page_in_admin

pytestmark = pytest.mark.integration


def saved_body(body: str) -> str:
    page = PageFactory(translations={"en": {"title": "T", "body": body}})
    page = Page.objects.get(pk=page.pk)
    page.set_current_language("en")
    return page.body


@pytest.mark.parametrize(
    "body,removed",
    [
        ("Hello <script>alert(1)</script>world", "<script"),
        ('<img src="x" onerror="alert(1)">Hello', "onerror"),
        ("[click](javascript:alert(1))", "javascript:"),
        ("[click]( JavaScript:alert(1))", "JavaScript:"),
        ("[ref]\n\n[ref]: javascript:alert(1)", "javascript:"),
        ("&lt;script&gt;alert(1)&lt;/script&gt;", "<script"),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", "data:"),
    ],
)
def test_dangerous_markup_is_removed_when_saved(db, body, removed):
    stored = saved_body(body)
    assert removed not in stored
    page = Page.objects.get()
    page.set_current_language("en")
    assert removed.lower() not in page.body_html().lower()


def test_formatting_survives(db):
    body = "## Aims\n\n- **one**\n- *two*\n\n> a quote\n\n[City](https://www.krakow.pl) & more < less"
    assert saved_body(body) == body
    page = Page.objects.get()
    page.set_current_language("en")
    html = page.body_html()
    assert '<h2 id="section-aims">Aims</h2>' in html
    assert "<li><strong>one</strong></li>" in html
    assert "<blockquote>" in html
    assert '<a href="https://www.krakow.pl" rel="noopener noreferrer">City</a>' in html
    assert "&amp; more &lt; less" in html


def test_a_top_heading_becomes_a_second_level_one(db):
    PageFactory(translations={"en": {"title": "T", "body": "# Big"}})
    page = Page.objects.get()
    page.set_current_language("en")
    assert page.body_html().strip() == '<h2 id="section-big">Big</h2>'


@translation.override("en")
def test_reserved_and_cyclic_places_are_refused(db):
    page = PageFactory(slug="news")
    with pytest.raises(ValidationError, match="used by another part of the site"):
        page.full_clean()
    parent = PageFactory(slug="parent")
    child = PageFactory(slug="child", parent=parent)
    parent.parent = child
    with pytest.raises(ValidationError, match="cannot be placed under itself"):
        parent.full_clean()


def test_admin_saves_a_page_with_script_removed(admin_client, db):
    body = 'Hi <script>alert(1)</script><a href="javascript:alert(1)">x</a> [y](javascript:alert(2))'
    add_page_in_admin(admin_client, slug="aims", title="Aims", body=body)
    page = Page.objects.get(slug="aims")
    page.set_current_language("en")
    assert "script" not in page.body and "javascript" not in page.body
    change = admin_client.get(f"/admin/pages/page/{page.pk}/change/?language=en").content.decode()
    assert "<script>alert" not in change


def test_admin_has_language_tabs_filters_and_previews(admin_client, db):
    every_language = {code: {"title": f"Title {code}"} for code in ("pl", "en", "uk", "ru")}
    aims = PageFactory(slug="aims", translations=every_language)
    PageFactory(slug="liaison-officer", parent=aims, translations=every_language)
    PageFactory(slug="forum", parent=aims, translations={code: {"title": f"Forum {code}"} for code in ("pl", "en")})
    html = admin_client.get("/admin/pages/page/").content.decode()
    assert 'href="/ru/aims/forum/" hreflang="ru"' in html
    missing_ru = admin_client.get("/admin/pages/page/", {"missing": "ru"}).content.decode()
    assert "/admin/pages/page/" in missing_ru and "forum" in missing_ru and "liaison-officer" not in missing_ru
    forum = Page.objects.get(slug="forum")
    change = admin_client.get(f"/admin/pages/page/{forum.pk}/change/").content.decode()
    for language in ("pl", "en", "uk", "ru"):
        assert f"?language={language}" in change


def test_editor_uploads_a_document_in_the_admin(admin_client, db, settings):
    response = admin_client.post(
        "/admin/pages/document/add/?language=pl",
        {
            "title": "Uchwała",
            "description": "",
            "file": SimpleUploadedFile("uchwala.pdf", b"%PDF-1.4 test", content_type="application/pdf"),
            "file_languages": ["pl"],
            "position": 0,
            "source_language": "pl",
            "status": "published",
            "publish_at_0": "2017-01-01",
            "publish_at_1": "10:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()
    document = Document.objects.get()
    assert document.file_languages == ["pl"]
    assert (settings.MEDIA_ROOT / document.file.name).read_bytes() == b"%PDF-1.4 test"


def test_a_web_page_cannot_be_uploaded_as_a_document(admin_client, db):
    response = admin_client.post(
        "/admin/pages/document/add/?language=pl",
        {
            "title": "Zły plik",
            "file": SimpleUploadedFile("evil.html", b"<script>alert(1)</script>", content_type="text/html"),
            "file_languages": ["pl"],
            "position": 0,
            "source_language": "pl",
            "status": "published",
            "publish_at_0": "2017-01-01",
            "publish_at_1": "10:00:00",
        },
    )
    assert response.status_code == 200
    assert "evil.html" not in str(Document.objects.all())
    assert Document.objects.count() == 0


@pytest.mark.parametrize("serve_media,status", [(True, 200), (False, 404)])
def test_documents_download_when_django_serves_media(client, db, settings, serve_media, status):
    settings.SERVE_MEDIA = serve_media
    document = DocumentFactory()
    response = client.get(document.file.url, follow=True)
    assert response.status_code == status
    if serve_media:
        assert response["Content-Disposition"] == 'attachment; filename="dokument.txt"'
        assert b"".join(response.streaming_content) == b"Tekst dokumentu."


def test_a_draft_document_is_not_downloadable_by_visitors(client, admin_client, db, settings):
    settings.SERVE_MEDIA = True
    document = DocumentFactory(status="draft")
    assert client.get(document.file.url, follow=True).status_code == 404
    assert admin_client.get(document.file.url).status_code == 200
