"""The .po round trip with the workflow's rules: the previous source of outdated entries, conflicts on both sides
(source and translation changed since the export), and review of a volunteer's import.

Here rather than in translations/tests: a translated model is needed, and the translations app's tests may not
import the pages app (tests/test_architecture.py)."""

import shutil
import subprocess

import polib
import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from pages.models import Page
from pages.tests.factories import PageFactory
from translations.apps import TRANSLATORS
from translations.models import LanguageSetting, MemoryEntry, TranslationStatus
from translations.po import export_catalogue, import_catalogue
from translations.services import record_for, record_translation_save
from translations.tests.factories import set_translations

pytestmark = pytest.mark.integration

GETTEXT = pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext is not installed")

OLD_BODY = "Program ma dwa cele.\nPierwszy: informacja."
NEW_BODY = "Program ma trzy cele.\nPierwszy: informacja."


def make_page(slug, **texts) -> Page:
    """A page written in Polish, translated into Russian (recorded as made from that Polish) and Ukrainian."""
    obj = PageFactory(
        slug=slug,
        translations={
            "pl": {"title": f"Strona {slug}", "summary": f"Streszczenie {slug}.", "body": texts.get("body", OLD_BODY)},
            "ru": {"title": f"Страница {slug}", "summary": f"Резюме {slug}.", "body": f"Текст {slug}."},
            "uk": {"title": f"Сторінка {slug}", "summary": f"Резюме {slug}.", "body": f"Текст {slug}."},
        },
    )
    for language in ("ru", "uk"):
        record_translation_save(obj=obj, language=language, text_changed=True)
    return fresh(obj)


def fresh(obj) -> Page:
    return Page.objects.prefetch_related("translations").get(pk=obj.pk)


def change(obj, language, **texts):
    """Someone edits one language in the admin (the source: a real change, making the translations outdated)."""
    set_translations(obj, {language: texts})
    record_translation_save(obj=obj, language=language, text_changed=True)


def text(obj, language, name):
    return fresh(obj).translations.get(language_code=language).__dict__[name]


def entry_for(catalogue, obj, name):
    """The entry of one field, whatever fingerprint its msgctxt ends with."""
    prefix = f"pages.page:{obj.pk}:{name}"
    return next(e for e in catalogue if e.msgctxt == prefix or e.msgctxt.startswith(prefix + ":"))


def translate_all(catalogue, prefix="Нов"):
    for entry in catalogue:
        entry.msgstr = f"{prefix} {entry.msgid}"
        if entry.fuzzy:
            entry.flags.remove("fuzzy")
    return str(catalogue).encode()


def upload(content: bytes, name="ru.po"):
    return SimpleUploadedFile(name, content, content_type="text/x-gettext-translation")


def run(*command, path):
    return subprocess.run([*command, str(path)], capture_output=True, text=True, check=False)  # noqa: S603


# 1. Outdated entries carry the source they were translated from, and a link to the object's admin page.


@GETTEXT
def test_an_outdated_entry_carries_its_previous_source_and_a_link(db, tmp_path):
    aims = make_page("aims")
    change(aims, "pl", body=NEW_BODY)
    catalogue = export_catalogue(language="ru", statuses={TranslationStatus.OUTDATED})
    body = entry_for(catalogue, aims, "body")
    assert (body.msgid, body.previous_msgid, body.msgstr) == (NEW_BODY, OLD_BODY, "Текст aims.")
    assert body.fuzzy
    link = f"{settings.SITE_URL}/admin/pages/page/{aims.pk}/change/?language=ru"
    assert body.tcomment == link
    assert "Strona aims" in body.comment  # the human comment is still there
    title = entry_for(catalogue, aims, "title")  # its source did not change: nothing to review, nothing previous
    assert not title.fuzzy and title.previous_msgid is None

    path = tmp_path / "ru.po"
    catalogue.save(str(path))
    again = entry_for(polib.pofile(str(path)), aims, "body")
    assert (again.previous_msgid, again.tcomment) == (OLD_BODY, link)

    assert run("msgfmt", "-c", "-o", "/dev/null", path=path).returncode == 0
    fuzzy_only = run("msgattrib", "--only-fuzzy", path=path)
    assert fuzzy_only.returncode == 0, fuzzy_only.stderr
    assert '#| msgid ""\n#| "Program ma dwa cele.\\n"\n#| "Pierwszy: informacja."' in fuzzy_only.stdout
    assert f"# {link}" in fuzzy_only.stdout and "Strona aims" in fuzzy_only.stdout
    assert "Страница aims" not in fuzzy_only.stdout  # the title is not fuzzy
    merged = run("msgcat", path=path)
    assert merged.returncode == 0 and '#| "Program ma dwa cele.\\n"' in merged.stdout


# 2. Conflicts on both sides: the source changed since the export, or the translation did.


def test_conflicts_on_both_sides_are_refused_per_entry_and_the_rest_applies(db):
    source_changed, target_changed, same_change, clean = (make_page(slug) for slug in ("a", "b", "c", "d"))
    exported = export_catalogue(language="ru")
    content = translate_all(exported)
    change(source_changed, "pl", title="Strona a (nowa nazwa)")
    set_translations(target_changed, {"ru": {"body": "Текст b, улучшенный в админке."}})
    set_translations(same_change, {"ru": {"title": "Нов Strona c"}})  # just what the file says: no conflict

    summary = import_catalogue(content=content, language="ru")

    assert summary.conflicts == [f"pages.page:{source_changed.pk}:title: Strona a"]
    assert summary.changed_on_site == [
        f"pages.page:{target_changed.pk}:body: the translation was changed on the site since the export"
    ]
    assert text(target_changed, "ru", "body") == "Текст b, улучшенный в админке."
    assert text(target_changed, "ru", "title") == "Нов Strona b"  # the other entries of the object applied
    assert text(source_changed, "ru", "summary") == "Нов Streszczenie a."
    for obj in (same_change, clean):
        assert text(obj, "ru", "title") == f"Нов Strona {obj.slug}"
        assert fresh(obj).translation_states()["ru"] == TranslationStatus.UP_TO_DATE
    assert fresh(source_changed).translation_states()["ru"] == TranslationStatus.OUTDATED


def test_a_file_with_old_three_part_contexts_still_imports_without_the_check(db):
    aims = make_page("aims")
    exported = export_catalogue(language="ru", objects=[fresh(aims)])
    for entry in exported:
        entry.msgctxt = entry.msgctxt.rsplit(":", 1)[0]
    content = translate_all(exported)
    set_translations(aims, {"ru": {"body": "Исправлено на сайте."}})
    summary = import_catalogue(content=content, language="ru")
    assert summary.changed_on_site == [] and summary.unknown == []
    assert text(aims, "ru", "body") == f"Нов {OLD_BODY}"


def test_the_dashboard_tells_the_two_kinds_of_conflict_apart(admin_client, db):
    source_changed, target_changed = make_page("a"), make_page("b")
    content = translate_all(export_catalogue(language="ru"))
    change(source_changed, "pl", title="Strona a (nowa nazwa)")
    set_translations(target_changed, {"ru": {"body": "Улучшено"}})
    response = admin_client.post(
        "/admin/translations/import/",
        {"language": "ru", "file": upload(content)},
        headers={"accept-language": "pl"},
    )
    html = response.content.decode()
    assert "Konflikty: tekst źródłowy zmienił się od eksportu" in html
    assert "Konflikty: tłumaczenie zmieniono na stronie od eksportu, więc tych wpisów nie zastosowano" in html
    assert f"pages.page:{target_changed.pk}:body: tłumaczenie zmieniono na stronie od eksportu" in html


def test_the_command_reports_a_translation_changed_on_the_site(db, tmp_path, capsys):
    aims = make_page("aims")
    path = tmp_path / "ru.po"
    path.write_bytes(translate_all(export_catalogue(language="ru", objects=[fresh(aims)])))
    set_translations(aims, {"ru": {"title": "Улучшено"}})
    with pytest.raises(CommandError):
        call_command("import_translations", str(path))
    assert f"Conflict (translation changed on the site since export): pages.page:{aims.pk}:title" in (
        capsys.readouterr().out
    )
    assert text(aims, "ru", "title") == "Улучшено"


# 3. An import follows the workflow: what it was made from, the memory, and review.


@pytest.fixture
def volunteer(django_user_model, db):
    user = django_user_model.objects.create_user("olena", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=TRANSLATORS))
    user.translator_languages.create(language="uk")
    return user


def test_an_applied_import_records_its_source_and_feeds_the_memory(db):
    aims = make_page("aims")
    change(aims, "pl", body=NEW_BODY)
    summary = import_catalogue(content=translate_all(export_catalogue(language="ru")), language="ru")
    assert len(summary.applied) == 3
    assert record_for(aims, "ru").made_from["body"] == NEW_BODY
    assert fresh(aims).translation_states()["ru"] == TranslationStatus.UP_TO_DATE
    assert MemoryEntry.objects.filter(language="ru", source_text__contains="trzy cele").exists()


def test_a_volunteers_import_waits_for_review_where_the_language_requires_it(client, db, volunteer):
    LanguageSetting.objects.create(language="uk", review_required=True)
    aims = make_page("aims")
    content = translate_all(export_catalogue(language="uk", objects=[fresh(aims)]), prefix="Оновлено")
    summary = import_catalogue(content=content, language="uk", user=volunteer)
    assert summary.applied == []
    assert sorted(summary.proposed) == [f"pages.page:{aims.pk}:{name}" for name in ("body", "summary", "title")]
    assert text(aims, "uk", "title") == "Сторінка aims"  # readers still see the published translation
    record = record_for(aims, "uk")
    assert record.proposed["title"] == "Оновлено Strona aims" and record.proposed_by == volunteer

    client.force_login(volunteer)
    response = client.post(
        "/admin/translations/import/",
        {"language": "uk", "file": upload(content, "uk.po")},
        headers={"accept-language": "pl"},
    )
    expected = "Czeka na sprawdzenie: te teksty staną się publiczne, gdy zatwierdzi je recenzent"
    assert expected in response.content.decode()


def test_a_reviewer_and_the_command_line_publish_at_once(db, volunteer):
    LanguageSetting.objects.create(language="uk", review_required=True)
    volunteer.translator_languages.filter(language="uk").update(reviewer=True)
    aims, forum = make_page("aims"), make_page("forum")
    summary = import_catalogue(
        content=translate_all(export_catalogue(language="uk", objects=[fresh(aims)])), language="uk", user=volunteer
    )
    assert summary.proposed == [] and len(summary.applied) == 3
    assert text(aims, "uk", "title") == "Нов Strona aims"

    content = translate_all(export_catalogue(language="uk", objects=[fresh(forum)]))
    summary = import_catalogue(content=content, language="uk")
    assert summary.proposed == [] and len(summary.applied) == 3
    assert text(forum, "uk", "title") == "Нов Strona forum"
    assert record_for(forum, "uk").proposed is None


def test_part_of_an_object_is_not_sent_for_review(db, volunteer):
    LanguageSetting.objects.create(language="uk", review_required=True)
    aims = make_page("aims")
    change(aims, "pl", body=NEW_BODY)
    catalogue = export_catalogue(language="uk", objects=[fresh(aims)])
    entry_for(catalogue, aims, "title").msgstr = "Оновлена назва"  # the body is left fuzzy
    summary = import_catalogue(content=str(catalogue).encode(), language="uk", user=volunteer)
    assert summary.applied == [] and summary.proposed == []
    assert summary.incomplete == [f"pages.page:{aims.pk}"]
    assert text(aims, "uk", "title") == "Сторінка aims"
    assert record_for(aims, "uk").proposed is None


def test_part_of_an_object_applies_without_review_and_stays_outdated(db):
    aims = make_page("aims")
    change(aims, "pl", title="Strona aims (nowa)", body=NEW_BODY)
    catalogue = export_catalogue(language="ru", objects=[fresh(aims)])
    title = entry_for(catalogue, aims, "title")
    title.msgstr, title.flags = "Страница aims (новая)", []  # the body is left fuzzy
    summary = import_catalogue(content=str(catalogue).encode(), language="ru")
    assert summary.applied == [f"pages.page:{aims.pk}:title", f"pages.page:{aims.pk}:summary"]
    assert fresh(aims).translation_states()["ru"] == TranslationStatus.OUTDATED
    # What the next export offers: the title is done, the body still shows what changed.
    again = export_catalogue(language="ru", objects=[fresh(aims)])
    assert not entry_for(again, aims, "title").fuzzy
    assert entry_for(again, aims, "body").previous_msgid == OLD_BODY


# 4. The translator's languages still bound what an import changes.


def test_an_import_refuses_a_language_not_the_volunteers(db, volunteer):
    aims = make_page("aims")
    summary = import_catalogue(
        content=translate_all(export_catalogue(language="ru", objects=[fresh(aims)])), language="ru", user=volunteer
    )
    assert summary.applied == [] and summary.proposed == []
    assert all("you do not translate into this language" in item for item in summary.unknown)
    assert text(aims, "ru", "title") == "Страница aims"
