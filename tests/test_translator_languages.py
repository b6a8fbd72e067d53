"""Translators and their languages: a volunteer assigned Ukrainian sees and changes only Ukrainian, in the admin of
every translated model, on the dashboard and through a PO import; never Russian, the Polish source or shared fields.
"""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from conference.tests.factories import SessionFactory, SpeakerFactory
from core.groups import EDITORS
from pages.tests.factories import DocumentFactory, NewsEntryFactory, PageFactory
from translations.models import translation_models
from translations.po import export_catalogue, import_catalogue
from translations.tests.factories import set_translations

pytestmark = pytest.mark.integration

FACTORIES = {
    "pages.page": PageFactory,
    "pages.newsentry": NewsEntryFactory,
    "pages.document": DocumentFactory,
    "conference.speaker": SpeakerFactory,
    "conference.session": SessionFactory,
}
# Every model of the workflow that the admin edits: a new one must join FACTORIES to be tested here.
TRANSLATED = [m._meta.label_lower for m in translation_models() if admin.site.is_registered(m)]


def test_every_translated_model_is_tested():
    assert sorted(TRANSLATED) == sorted(FACTORIES)


def make(label):
    """An object of the model with every text in Polish (its source), Ukrainian and Russian."""
    obj = FACTORIES[label]()
    return set_translations(
        obj, {lang: {name: f"{lang} {name}" for name in obj.translated_text_fields()} for lang in ("pl", "uk", "ru")}
    )


def text(obj, language, name=None):
    name = name or obj.translated_text_fields()[0]
    return type(obj).objects.get(pk=obj.pk).translations.get(language_code=language).__dict__[name]


def change_url(obj, language):
    opts = obj._meta
    return f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/change/?language={language}"


def posted(obj, language, **changes):
    """What the change form in `language` would post: every text of that language, with `changes`."""
    data = {name: text(obj, language, name) for name in obj.translated_text_fields()}
    return {**data, **changes}


@pytest.mark.parametrize("label", TRANSLATED)
def test_a_translator_edits_their_language_and_sees_only_its_tab(volunteer_client, label):
    obj = make(label)
    response = volunteer_client.get(change_url(obj, "uk"))
    assert response.status_code == 200
    html = response.content.decode()
    first = obj.translated_text_fields()[0]
    assert f'name="{first}"' in html
    assert 'name="source_language"' not in html  # shared fields stay the editors'
    assert "language=uk" in html
    assert "language=ru" not in html and "language=en" not in html
    response = volunteer_client.post(change_url(obj, "uk"), posted(obj, "uk", **{first: "Новий переклад"}))
    assert response.status_code == 302
    assert text(obj, "uk") == "Новий переклад"


@pytest.mark.parametrize("label", TRANSLATED)
def test_a_translator_cannot_open_another_language_by_url(volunteer_client, label):
    obj = make(label)
    assert volunteer_client.get(change_url(obj, "ru")).status_code == 403
    assert volunteer_client.get(change_url(obj, "en")).status_code == 403


@pytest.mark.parametrize("label", TRANSLATED)
def test_a_translator_cannot_save_another_language_posted_directly(volunteer_client, label):
    obj = make(label)
    first = obj.translated_text_fields()[0]
    response = volunteer_client.post(change_url(obj, "ru"), posted(obj, "ru", **{first: "Подмена"}))
    assert response.status_code == 403
    assert text(obj, "ru") == f"ru {first}"
    response = volunteer_client.post(change_url(obj, "en"), {first: "Sneaked in"})
    assert response.status_code == 403
    assert not obj.translations.filter(language_code="en").exists()


@pytest.mark.parametrize("label", TRANSLATED)
def test_a_translator_reads_but_cannot_change_the_polish_source(volunteer_client, label):
    obj = make(label)
    first = obj.translated_text_fields()[0]
    html = volunteer_client.get(change_url(obj, "pl")).content.decode()
    assert f'name="{first}"' not in html
    response = volunteer_client.post(change_url(obj, "pl"), posted(obj, "pl", **{first: "Zmiana"}))
    assert response.status_code == 403
    assert text(obj, "pl") == f"pl {first}"


@pytest.mark.parametrize("label", TRANSLATED)
def test_a_translator_with_no_language_changes_nothing(volunteer_client, volunteer, label):
    volunteer.translator_languages.all().delete()
    obj = make(label)
    first = obj.translated_text_fields()[0]
    assert volunteer_client.get(change_url(obj, "uk")).status_code == 403
    html = volunteer_client.get(change_url(obj, "pl")).content.decode()
    assert f'name="{first}"' not in html
    assert volunteer_client.post(change_url(obj, "uk"), posted(obj, "uk", **{first: "Х"})).status_code == 403
    assert text(obj, "uk") == f"uk {first}"


@pytest.mark.parametrize("label", TRANSLATED)
def test_editors_still_change_every_language(client, django_user_model, label):
    """A guard: the limits are a translator's only."""
    editor = django_user_model.objects.create_user("edek", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    obj = make(label)
    first = obj.translated_text_fields()[0]
    html = client.get(change_url(obj, "ru")).content.decode()
    assert f'name="{first}"' in html and "language=uk" in html


def test_the_dashboard_shows_a_translator_only_their_languages(volunteer_client, db):
    page = make("pages.page")
    response = volunteer_client.get("/admin/translations/")
    assert response.status_code == 200
    assert [code for code, _name in response.context["languages"]] == ["uk"]
    assert [row["language"] for row in response.context["counts"]] == ["uk"]
    html = response.content.decode()
    assert f"/admin/translations/pages.page/{page.pk}/uk/" in html  # each cell opens the workspace
    assert "?language=ru" not in html
    export_choices = [code for code, _name in response.context["export_form"].fields["language"].choices]
    assert export_choices == ["uk"]
    refused = volunteer_client.get(
        "/admin/translations/export/", {"language": "ru", "selection": "missing"}, headers={"accept-language": "uk"}
    )
    assert "Content-Disposition" not in refused
    assert "Ви не перекладаєте цією мовою." in refused.content.decode()


def _upload(obj, language, *, file_language=None):
    catalogue = export_catalogue(language=language, objects=[obj])
    for entry in catalogue:
        entry.msgstr = f"Імпорт {entry.msgid}"
    catalogue.metadata["Language"] = file_language or language
    return SimpleUploadedFile(f"{language}.po", str(catalogue).encode(), content_type="text/x-gettext-translation")


@pytest.mark.parametrize("label", TRANSLATED)
def test_a_po_import_takes_only_the_translators_languages(volunteer_client, label):
    obj = make(label)
    first = obj.translated_text_fields()[0]
    response = volunteer_client.post(
        "/admin/translations/import/",
        {"language": "ru", "file": _upload(obj, "ru")},
        headers={"accept-language": "pl"},
    )
    assert response.status_code == 200
    assert "Nie tłumaczysz na ten język." in response.content.decode()
    assert text(obj, "ru") == f"ru {first}"

    response = volunteer_client.post("/admin/translations/import/", {"language": "uk", "file": _upload(obj, "uk")})
    assert response.status_code == 200
    assert text(obj, "uk") == f"Імпорт pl {first}"


def test_import_catalogue_refuses_a_language_not_the_users(volunteer):
    page = make("pages.page")
    catalogue = export_catalogue(language="ru", objects=[page])
    for entry in catalogue:
        entry.msgstr = "Подмена"
    summary = import_catalogue(content=str(catalogue).encode(), language="ru", user=volunteer)
    assert summary.applied == []
    assert any("you do not translate into this language" in item for item in summary.unknown)
    assert text(page, "ru") == "ru title"


def test_a_superuser_assigns_languages_on_the_user_form(admin_client, volunteer):
    url = f"/admin/auth/user/{volunteer.pk}/change/"
    response = admin_client.get(url, headers={"accept-language": "en"})
    assert "Languages this person translates" in response.content.decode()
    form = response.context["adminform"].form
    data = {
        name: form[name].value()
        for name in ("username", "first_name", "last_name", "email", "last_login_0", "last_login_1")
        if name in form.fields
    }
    data.update(
        {
            "username": volunteer.username,
            "is_active": "on",
            "is_staff": "on",
            "groups": [g.pk for g in volunteer.groups.all()],
            "date_joined_0": volunteer.date_joined.strftime("%Y-%m-%d"),
            "date_joined_1": volunteer.date_joined.strftime("%H:%M:%S"),
            "translator_languages-TOTAL_FORMS": "2",
            "translator_languages-INITIAL_FORMS": "1",
            "translator_languages-0-id": volunteer.translator_languages.get().pk,
            "translator_languages-0-user": volunteer.pk,
            "translator_languages-0-language": "uk",
            "translator_languages-1-user": volunteer.pk,
            "translator_languages-1-language": "en",
            "preferred_language-TOTAL_FORMS": "0",
            "preferred_language-INITIAL_FORMS": "0",
        }
    )
    response = admin_client.post(url, {k: v for k, v in data.items() if v is not None})
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert sorted(volunteer.translator_languages.values_list("language", flat=True)) == ["en", "uk"]


def test_editors_assign_languages_and_translators_cannot(client, django_user_model, volunteer):
    editor = django_user_model.objects.create_user("edek", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(volunteer)
    assert client.get("/admin/translations/translatorlanguage/add/").status_code == 403
    client.force_login(editor)
    assert client.get("/admin/translations/translatorlanguage/add/").status_code == 200
    response = client.post("/admin/translations/translatorlanguage/add/", {"user": volunteer.pk, "language": "ru"})
    assert response.status_code == 302
    assert sorted(volunteer.translator_languages.values_list("language", flat=True)) == ["ru", "uk"]
