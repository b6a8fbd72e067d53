"""The translation workflow: statuses, reader notices, the dashboard and the .po round trip."""

import shutil
import subprocess
from types import SimpleNamespace

import polib
import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from core.groups import EDITORS
from pages.models import NewsEntry, Page
from pages.tests.factories import NewsEntryFactory, PageFactory
from translations.apps import TRANSLATORS
from translations.models import TranslationStatus
from translations.po import export_catalogue, import_catalogue
from translations.services import record_translation_save

pytestmark = pytest.mark.integration

ALL = {
    "pl": {"title": "Tytuł", "body": "Treść"},
    "en": {"title": "Title", "body": "Body"},
    "uk": {"title": "Заголовок", "body": "Текст"},
    "ru": {"title": "Заголовок ру", "body": "Текст ру"},
}


def states(obj) -> dict[str, str]:
    return type(obj).objects.prefetch_related("translations").get(pk=obj.pk).translation_states()


def admin_save(client, obj, language, **fields):
    """Post the admin change form of one language, keeping everything else as it is."""
    obj = Page.objects.get(pk=obj.pk)
    obj.set_current_language(language)
    data = {
        "title": obj.safe_translation_getter("title", language_code=language, default=""),
        "summary": obj.safe_translation_getter("summary", language_code=language, default=""),
        "body": obj.safe_translation_getter("body", language_code=language, default=""),
        "slug": obj.slug,
        "menu_order": obj.menu_order,
        "status": obj.status,
        "publish_at_0": obj.publish_at.strftime("%Y-%m-%d"),
        "publish_at_1": obj.publish_at.strftime("%H:%M:%S"),
        "source_language": obj.source_language,
    }
    data.update({k: v for k, v in fields.items() if v is not None})
    return client.post(f"/admin/pages/page/{obj.pk}/change/?language={language}", data)


@pytest.fixture
def page(db):
    return PageFactory(slug="aims", translations=ALL)


AIMS = {
    "pl": {"title": "Cele programu", "summary": "Po co miastu program.", "body": "Dwa cele."},
    "en": {"title": "What the programme is for", "summary": "Why the city has it.", "body": "Two aims."},
    "uk": {"title": "Мета програми", "summary": "Навіщо місту програма.", "body": "Дві мети."},
    "ru": {"title": "Цели программы", "summary": "Зачем городу программа.", "body": "Две цели."},
}
FORUM = {
    "pl": {"title": "Forum cudzoziemców", "summary": "Głos mieszkańców.", "body": "Forum spotyka się co kwartał."},
    "en": {"title": "A forum for foreigners", "summary": "Residents' voice.", "body": "The forum meets quarterly."},
    "uk": {"title": "Форум іноземців", "summary": "Голос мешканців.", "body": "Форум збирається щокварталу."},
}


@pytest.fixture
def programme(db):
    """A section whose Russian text is outdated (the Polish changed since), a page with no Russian text at all,
    and a news entry translated into every language."""
    aims = PageFactory(slug="aims", translations=AIMS)
    forum = PageFactory(slug="forum", parent=aims, translations=FORUM)
    NewsEntryFactory(translations={code: {"title": f"Nowość {code}"} for code in ("pl", "en", "uk", "ru")})
    record_translation_save(obj=aims, language="pl", text_changed=True)
    for language in ("en", "uk"):  # caught up; Russian has not
        record_translation_save(obj=aims, language=language, text_changed=True)
    return SimpleNamespace(aims=aims, forum=forum)


@pytest.fixture
def translator(django_user_model, db):
    user = django_user_model.objects.create_user("tanya", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=TRANSLATORS))
    user.translator_languages.create(language="uk")
    return user


@pytest.fixture
def editor(django_user_model, db):
    user = django_user_model.objects.create_user("edek", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def test_changing_the_polish_source_makes_translations_outdated(admin_client, page):
    response = admin_save(admin_client, page, "pl", body="Nowa treść")
    assert response.status_code == 302
    assert states(page) == {"pl": "up_to_date", "en": "outdated", "uk": "outdated", "ru": "outdated"}
    assert Page.objects.get(pk=page.pk).source_changed_at is not None


def test_a_minor_edit_keeps_translations_up_to_date(admin_client, page):
    admin_save(admin_client, page, "pl", body="Treść.", minor_edit="on")
    assert set(states(page).values()) == {"up_to_date"}
    assert Page.objects.get(pk=page.pk).source_changed_at is None


def test_saving_a_translation_makes_it_up_to_date_and_records_who(admin_client, admin_user, page):
    admin_save(admin_client, page, "pl", body="Nowa treść")
    admin_save(admin_client, page, "uk", body="Новий текст")
    assert states(page) == {"pl": "up_to_date", "en": "outdated", "uk": "up_to_date", "ru": "outdated"}
    row = page.translations.get(language_code="uk")
    assert row.translated_by == admin_user
    assert row.translated_at is not None


def test_a_translation_can_be_marked_machine_translated(admin_client, page):
    admin_save(admin_client, page, "ru", machine_translated="on")
    assert states(page)["ru"] == "machine"
    form = admin_client.get(f"/admin/pages/page/{page.pk}/change/?language=ru").content.decode()
    assert 'id="id_machine_translated" checked>' in form


def test_missing_languages_are_reported_as_missing(db):
    page = PageFactory(translations={"pl": {"title": "Tylko PL"}})
    assert states(page) == {"pl": "up_to_date", "en": "missing", "uk": "missing", "ru": "missing"}


@pytest.mark.parametrize(
    "language,machine_text,outdated_text",
    [
        ("uk", "Цей текст перекладено автоматично", "Оригінал оновлено"),
        ("ru", "Этот текст переведён автоматически", "Оригинал обновлён"),
        ("en", "This text was translated automatically", "The original was updated on"),
    ],
)
def test_readers_see_notices_in_their_language(client, admin_client, page, language, machine_text, outdated_text):
    admin_save(admin_client, page, language, machine_translated="on")
    html = client.get(f"/{language}/aims/").content.decode()
    assert machine_text in html
    assert '<a href="/pl/aims/" hreflang="pl">' in html
    admin_save(admin_client, page, "pl", body="Zmieniona treść")
    html = client.get(f"/{language}/aims/").content.decode()
    assert outdated_text in html
    assert machine_text not in html
    assert client.get("/pl/aims/").content.decode().count('class="notice') == 0


def test_round_trip_fills_missing_russian(client, programme, tmp_path):
    exported = export_catalogue(language="ru", statuses={TranslationStatus.MISSING})
    contexts = {entry.msgctxt.rsplit(":", 1)[0] for entry in exported}  # without the translation's fingerprint
    forum = programme.forum
    assert {f"pages.page:{forum.pk}:title", f"pages.page:{forum.pk}:body"} <= contexts

    path = tmp_path / "ru.po"
    exported.save(str(path))
    catalogue = polib.pofile(str(path))
    for entry in catalogue:
        entry.msgstr = f"[ru] {entry.msgid}" if entry.msgctxt.split(":")[2] == "body" else f"RU {entry.msgid}"
    summary = import_catalogue(content=str(catalogue).encode(), language="ru")
    assert summary.conflicts == [] and summary.unknown == []
    assert f"pages.page:{forum.pk}:title" in summary.applied

    html = client.get("/ru/aims/forum/").content.decode()
    assert "<h1>RU Forum cudzoziemców</h1>" in html
    assert "notice-fallback" not in html
    assert states(forum)["ru"] == "up_to_date"
    again = export_catalogue(language="ru", statuses={TranslationStatus.MISSING})
    assert not {entry.msgctxt.rsplit(":", 1)[0] for entry in again} & contexts


def test_changed_source_after_export_is_a_conflict(programme):
    exported = export_catalogue(language="ru", statuses={TranslationStatus.MISSING})
    for entry in exported:
        entry.msgstr = "Перевод"
    forum = programme.forum
    forum.set_current_language("pl")
    forum.title = "Forum cudzoziemców (nowa nazwa)"
    forum.save()
    summary = import_catalogue(content=str(exported).encode(), language="ru")
    assert any(item.startswith(f"pages.page:{forum.pk}:title") for item in summary.conflicts)
    assert not forum.translations.filter(language_code="ru", title="Перевод").exists()


def test_export_flags_outdated_translations_fuzzy_and_passes_msgfmt(programme, tmp_path):
    exported = export_catalogue(language="ru", statuses={TranslationStatus.OUTDATED})
    aims = programme.aims
    entry = next(e for e in exported if e.msgctxt.startswith(f"pages.page:{aims.pk}:title:"))
    assert entry.msgid == "Cele programu"
    assert entry.msgstr == "Цели программы"
    assert entry.fuzzy
    if shutil.which("msgfmt"):
        path = tmp_path / "ru.po"
        exported.save(str(path))
        result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)  # noqa: S603, S607
        assert result.returncode == 0, result.stderr


def test_fuzzy_and_unknown_entries_are_not_applied(programme):
    forum = programme.forum
    catalogue = export_catalogue(language="ru", statuses={TranslationStatus.MISSING}, objects=[forum])
    for entry in catalogue:
        entry.msgstr = "Перевод"
        entry.flags.append("fuzzy")
    catalogue.append(polib.POEntry(msgctxt="pages.page:99999:title", msgid="x", msgstr="y"))
    catalogue.append(polib.POEntry(msgctxt="auth.user:1:username", msgid="x", msgstr="y"))
    summary = import_catalogue(content=str(catalogue).encode(), language="ru")
    assert summary.applied == []
    assert summary.not_translated == 3
    assert summary.unknown == ["pages.page:99999:title", "auth.user:1:username"]
    assert not forum.translations.filter(language_code="ru").exists()


def test_imported_text_is_sanitised(programme):
    forum = programme.forum
    catalogue = export_catalogue(language="ru", statuses={TranslationStatus.MISSING}, objects=[forum])
    for entry in catalogue:
        entry.msgstr = "Форум <script>alert(1)</script>[x](javascript:alert(1))"
    import_catalogue(content=str(catalogue).encode(), language="ru")
    row = forum.translations.get(language_code="ru")
    assert "<script" not in row.body and "javascript:" not in row.body


def _po_upload(text: str | bytes, name="ru.po"):
    content = text.encode() if isinstance(text, str) else text
    return SimpleUploadedFile(name, content, content_type="text/x-gettext-translation")


VALID_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: {lang}\\n"\n\n'


@pytest.mark.parametrize(
    "content,message",
    [
        (VALID_HEADER.format(lang="ru") + 'msgid "unterminated\nmsgstr', "To nie jest poprawny plik .po."),
        (
            VALID_HEADER.format(lang="uk") + 'msgctxt "pages.page:1:title"\nmsgid "a"\nmsgstr "b"\n',
            "Plik jest dla języka „uk”, a nie „ru”.",
        ),
        ("", "Wysłany plik jest pusty."),  # Django's own message, also translated
        ("\n\n  \n", "Plik jest pusty."),
        (VALID_HEADER.format(lang="ru"), "Plik nie zawiera żadnych wpisów."),
        (
            (VALID_HEADER.format(lang="ru") + 'msgid "zażółć"\nmsgstr "x"\n').encode("iso-8859-2"),
            "Plik nie jest w kodowaniu UTF-8.",
        ),
        (b"#" * (5 * 1024 * 1024 + 10), "Plik jest większy niż 5 MB."),
    ],
    ids=["malformed", "wrong-language", "empty", "blank", "no-entries", "not-utf8", "too-large"],
)
def test_bad_po_files_get_a_translated_error_and_change_nothing(admin_client, programme, content, message):
    before = sorted(NewsEntry.objects.values_list("translations__title", flat=True))
    response = admin_client.post(
        "/admin/translations/import/",
        {"language": "ru", "file": _po_upload(content)},
        headers={"accept-language": "pl"},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert sorted(NewsEntry.objects.values_list("translations__title", flat=True)) == before


def test_dashboard_import_shows_a_summary(admin_client, programme):
    forum = programme.forum
    catalogue = export_catalogue(language="ru", statuses={TranslationStatus.MISSING}, objects=[forum])
    for entry in catalogue:
        entry.msgstr = "Форум"
    response = admin_client.post("/admin/translations/import/", {"language": "ru", "file": _po_upload(str(catalogue))})
    html = response.content.decode()
    assert "Import finished" in html
    assert "3 texts applied." in html


def test_dashboard_export_downloads_a_po_file(admin_client, programme):
    response = admin_client.get("/admin/translations/export/", {"language": "ru", "selection": "missing"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="openkrakow-ru-missing-')
    catalogue = polib.pofile(response.content.decode())
    assert catalogue.metadata["Language"] == "ru"
    assert {e.msgid for e in catalogue} >= {"Forum cudzoziemców"}


def test_dashboard_export_of_one_page(admin_client, programme):
    aims = programme.aims
    response = admin_client.get(
        "/admin/translations/export/", {"language": "uk", "selection": "object", "object": f"pages.page:{aims.pk}"}
    )
    contexts = {e.msgctxt.rsplit(":", 1)[0] for e in polib.pofile(response.content.decode())}
    assert contexts == {f"pages.page:{aims.pk}:{name}" for name in ("title", "summary", "body")}
    bad = admin_client.get("/admin/translations/export/", {"language": "uk", "selection": "object", "object": "x"})
    assert "There is no page or entry with this reference." in bad.content.decode()


@pytest.mark.parametrize("size", [10, 100])
def test_dashboard_queries_are_fixed_and_counts_match(admin_client, db, django_assert_num_queries, size):
    for n in range(size):
        translations = {"pl": {"title": f"P{n}"}, "en": {"title": f"E{n}"}} if n % 2 else {"pl": {"title": f"P{n}"}}
        NewsEntryFactory(translations=translations)
    with django_assert_num_queries(9):  # session, user, whether they have a second factor, one or two per model
        response = admin_client.get("/admin/translations/")
    counts = {row["language"]: row["numbers"] for row in response.context["counts"]}
    assert counts["en"] == [size // 2, 0, 0]  # missing, outdated, machine
    assert counts["uk"] == [size, 0, 0]
    assert len(response.context["rows"]) == size


def test_dashboard_filters_and_links_to_each_cell(admin_client, programme):
    response = admin_client.get("/admin/translations/", {"language": "ru", "status": "outdated"})
    rows = response.context["rows"]
    aims = programme.aims
    assert [row["key"] for row in rows] == [f"pages.page:{aims.pk}"]
    html = response.content.decode()
    assert f'<a href="/admin/translations/pages.page/{aims.pk}/ru/">outdated</a>' in html


def test_translator_reaches_dashboard_but_cannot_publish_or_change_the_source(client, translator, page):
    client.force_login(translator)
    assert client.get("/admin/translations/").status_code == 200
    assert client.get("/admin/pages/page/add/").status_code == 403
    assert client.post(f"/admin/pages/page/{page.pk}/delete/", {"post": "yes"}).status_code == 403

    # The Ukrainian translation can be saved; the status and the Polish text cannot be changed.
    form = client.get(f"/admin/pages/page/{page.pk}/change/?language=uk").content.decode()
    assert 'name="title"' in form and 'name="status"' not in form
    response = client.post(
        f"/admin/pages/page/{page.pk}/change/?language=uk",
        {"title": "Новий заголовок", "summary": "", "body": "Текст", "status": "draft"},
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.status == "published"
    assert page.translations.get(language_code="uk").title == "Новий заголовок"

    source_form = client.get(f"/admin/pages/page/{page.pk}/change/?language=pl").content.decode()
    assert 'name="title"' not in source_form
    client.post(f"/admin/pages/page/{page.pk}/change/?language=pl", {"title": "Zmiana", "body": "X"})
    assert page.translations.get(language_code="pl").title == "Tytuł"


def test_editor_can_publish(client, editor, page):
    client.force_login(editor)
    assert client.get("/admin/pages/page/add/").status_code == 200


def test_anonymous_and_plain_staff_cannot_reach_the_dashboard(client, django_user_model, db):
    assert client.get("/admin/translations/").status_code == 302
    client.force_login(django_user_model.objects.create_user("s", password="x", is_staff=True))
    assert client.get("/admin/translations/").status_code == 403


def test_commands_export_and_import(programme, tmp_path, capsys):
    path = tmp_path / "ru.po"
    call_command("export_translations", "--lang", "ru", "--status", "missing", "-o", str(path))
    catalogue = polib.pofile(str(path))
    for entry in catalogue:
        entry.msgstr = "Форум"
    catalogue.save(str(path))
    call_command("import_translations", str(path))
    assert "Applied: 3" in capsys.readouterr().out
    assert Page.objects.get(slug="forum").has_translation("ru")


def test_an_over_long_translation_is_reported_not_saved(programme):
    forum = programme.forum
    catalogue = export_catalogue(language="ru", statuses={TranslationStatus.MISSING}, objects=[forum])
    for entry in catalogue:
        entry.msgstr = "Ф" * 500
    summary = import_catalogue(content=str(catalogue).encode(), language="ru")
    assert any("longer than 200 characters" in item for item in summary.conflicts)
    assert not forum.translations.filter(language_code="ru", title="Ф" * 500).exists()


def test_an_import_only_changes_what_the_user_may_change(programme, django_user_model):
    news_translator = django_user_model.objects.create_user("s", password="x", is_staff=True)
    news_translator.user_permissions.add(Permission.objects.get(codename="change_newsentry"))
    forum = programme.forum
    catalogue = export_catalogue(language="ru", statuses={TranslationStatus.MISSING}, objects=[forum])
    for entry in catalogue:
        entry.msgstr = "Форум"
    summary = import_catalogue(content=str(catalogue).encode(), language="ru", user=news_translator)
    assert summary.applied == []
    assert any("you may not change this" in item for item in summary.unknown)
