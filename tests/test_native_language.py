"""Text that reads as written by a native speaker, as a reader sees it on the page and in the inbox.

Language names inside a sentence are lowercase adverbs or adjectives in the case the sentence asks for
("Лише польською", "Tylko po polsku", "Только на польском"), never Django's capitalised nominatives
("Лише мовою: Польська"); the waiting list is a "список очікування", not a "лист" (a letter); no lowercase
sentence after a greeting; no ISO dates (2017-02-23) in the forms people fill in.
"""

import html as html_lib
import re
import uuid

import pytest
from django.utils import translation
from django.utils.formats import date_format
from post_office.models import Email

from conference.models import Registration
from conference.services import SessionRequest, cancel_booking, register_attendee
from conference.tests.factories import ConferenceFactory, SessionFactory
from core.language_names import in_language, into_language
from pages.tests.factories import DocumentFactory, PageFactory

pytestmark = pytest.mark.integration

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def text_of(html: str) -> str:
    """The words a reader sees: no tags, no attributes, one space between words."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def page_text(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return text_of(response.content.decode())


@pytest.mark.parametrize(
    ("language", "code", "expected"),
    [
        ("pl", "pl", "po polsku"), ("uk", "pl", "польською"), ("ru", "pl", "на польском"), ("en", "pl", "in Polish"),
        ("pl", ["en", "uk"], "po angielsku i ukraińsku"), ("uk", ["en", "uk"], "англійською та українською"),
        ("ru", ["en", "uk"], "на английском и украинском"), ("en", ["en", "uk"], "in English and Ukrainian"),
    ],
)
def test_a_language_inside_a_sentence_takes_the_sentences_case(language, code, expected):
    assert in_language(code, language) == expected


def test_into_a_language_and_a_language_the_table_does_not_know():
    assert into_language(["uk", "en"], "ru") == "на украинский и английский"
    assert into_language(["uk", "en"], "pl") == "na ukraiński i angielski"
    # Arabic: named by Django, lowercase, after a construction that needs no case.
    assert in_language("ar", "pl") == "w języku: arabski"


FALLBACK_NOTICE = {
    "uk": "Цей текст ще не перекладено українською. Його показано польською.",
    "pl": "Ten tekst nie jest jeszcze dostępny po ukraińsku. Wyświetlamy go po polsku.",
    "ru": "Этот текст пока недоступен на русском. Он показан на польском.",
    "en": "This text is not yet available in English. It is shown in Polish.",
}


@pytest.mark.parametrize("language", ["uk", "ru", "en"])
def test_the_fallback_notice_names_both_languages_in_the_sentences_case(client, db, language):
    PageFactory(slug="only-polish", translations={"pl": {"title": "Tylko po polsku", "body": "Treść."}})
    text = page_text(client, f"/{language}/only-polish/")
    assert FALLBACK_NOTICE[language] in text
    assert "Польська" not in text and "Polish." not in text.replace("in Polish.", "")


SESSION_LINE = {
    "uk": ("Сесія польською, з перекладом українською та англійською.", "Сесія польською, без перекладу."),
    "pl": (
        "Sesja po polsku, z tłumaczeniem na ukraiński i angielski.",
        "Sesja po polsku, bez tłumaczenia.",
    ),
    "ru": (
        "Сессия на польском, с переводом на украинский и английский.",
        "Сессия на польском, без перевода.",
    ),
    "en": ("Spoken in Polish, interpreted into Ukrainian and English.", "Spoken in Polish, without interpretation."),
}


@pytest.mark.parametrize("language", ["uk", "pl", "ru", "en"])
def test_a_sessions_language_line_reads_as_a_sentence(client, db, language):
    conference = ConferenceFactory()
    interpreted = SessionFactory(conference=conference, interpretation=["uk", "en"])
    polish_only = SessionFactory(conference=conference)
    with_interpretation, without = SESSION_LINE[language]
    assert with_interpretation in page_text(client, f"/{language}/conference/sessions/{interpreted.code}/")
    assert without in page_text(client, f"/{language}/conference/sessions/{polish_only.code}/")


DOCUMENT_LABELS = {
    "uk": ("Лише польською", "Доступно польською та англійською"),
    "pl": ("Tylko po polsku", "Dostępne po polsku i angielsku"),
    "ru": ("Только на польском", "Доступно на польском и английском"),
    "en": ("Only in Polish", "Available in Polish and English"),
}


@pytest.mark.parametrize("language", ["uk", "pl", "ru", "en"])
def test_a_documents_languages_read_as_a_phrase(client, db, language):
    DocumentFactory(translations={lang: {"title": f"Program {lang}"} for lang in ("pl", "en", "uk", "ru")})
    DocumentFactory(
        file_languages=["pl", "en"],
        translations={lang: {"title": f"Two {lang}"} for lang in ("pl", "en", "uk", "ru")},
    )
    text = page_text(client, f"/{language}/documents/")
    only, both = DOCUMENT_LABELS[language]
    assert only in text and both in text


# The waiting list: uk "список очікування", ru "список ожидания" ("лист" is a letter).
WAITING = {
    "uk": ("у списку очікування", "листі очікування"),
    "ru": ("в списке ожидания", "листе ожидания"),
    "pl": ("na liście oczekujących", "liście oczekiwania"),
}


def register(session, *, email, language):
    return register_attendee(
        conference=session.conference,
        idempotency_key=uuid.uuid4(),
        name="Oksana Kovalenko",
        email=email,
        language=language,
        sessions=[SessionRequest(session)],
    )


@pytest.mark.parametrize("language", ["uk", "ru", "pl"])
def test_the_waiting_list_is_named_as_a_list(client, db, language):
    workshop = SessionFactory(registration_required=True, capacity=1)
    register(workshop, email="first@example.org", language=language)
    waiting = register(workshop, email="second@example.org", language=language)
    right, wrong = WAITING[language]
    body = Email.objects.get(to=["second@example.org"]).message
    assert right in body and wrong not in body
    manage = page_text(client, f"/{language}/conference/registrations/{waiting.manage_token()}/")
    assert wrong not in manage


GREETING = {
    "uk": "Вітаємо, Oksana Kovalenko!",
    "ru": "Здравствуйте, Oksana Kovalenko!",
    "pl": "Dzień dobry, Oksana Kovalenko,",
    "en": "Hello Oksana Kovalenko,",
}


def sentence_after_greeting(body: str, greeting: str) -> str:
    assert body.startswith(greeting), body[:80]
    return body[len(greeting):].lstrip()


@pytest.mark.parametrize("language", ["uk", "ru", "pl", "en"])
def test_after_the_greeting_each_e_mail_starts_its_sentence_with_a_capital(db, language):
    workshop = SessionFactory(registration_required=True, capacity=1)
    first = register(workshop, email="first@example.org", language=language)
    register(workshop, email="second@example.org", language=language)
    confirmation = Email.objects.get(to=["first@example.org"]).message
    assert sentence_after_greeting(confirmation, GREETING[language])[0].isupper()
    cancel_booking(booking=first.bookings.get())  # the second person gets the place and is told
    promoted = Email.objects.filter(to=["second@example.org"]).latest("id").message
    assert promoted != Email.objects.filter(to=["second@example.org"]).earliest("id").message
    assert sentence_after_greeting(promoted, GREETING[language])[0].isupper()


def form_texts(html: str) -> str:
    """Every form's visible text: labels, help texts, choices and the words around them."""
    forms = re.findall(r"<form\b.*?</form>", html, flags=re.S)
    assert forms
    return " ".join(text_of(form) for form in forms)


@pytest.mark.parametrize("language", ["pl", "uk", "ru"])
def test_no_form_shows_an_iso_date(client, db, report_data, language):
    workshop = SessionFactory(registration_required=True, capacity=10, interpretation=["uk", "ru"])
    registration = register(workshop, email="first@example.org", language=language)
    paths = [
        "/{}/conference/register/",
        f"/{{}}/conference/registrations/{registration.manage_token()}/",
        "/{}/feedback/",
        "/{}/conference/schedule/",
    ]
    for path in paths:
        response = client.get(path.format(language))
        assert response.status_code == 200, path
        texts = form_texts(response.content.decode())
        assert not ISO_DATE.search(texts), (path, ISO_DATE.findall(texts))
    assert Registration.objects.count() == 1


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
def test_the_schedules_days_are_named_as_the_page_language_names_them(client, db, language):
    conference = ConferenceFactory()
    SessionFactory(conference=conference)
    with translation.override(language):
        day = date_format(conference.start_date, "MONTH_DAY_FORMAT")  # "30 stycznia", "30 January", "30 січня"
    texts = form_texts(client.get(f"/{language}/conference/schedule/").content.decode())
    assert f"{day} · Theme" in texts
    assert f"{conference.start_date:%d.%m} · " not in texts


INVITATION_GREETING = {
    "uk": "Вітаємо, Oksana Kovalenko!",
    "ru": "Здравствуйте, Oksana Kovalenko!",
    "pl": "Dzień dobry, Oksana Kovalenko,",
    "en": "Hello Oksana Kovalenko,",
}


@pytest.mark.parametrize("language", ["uk", "ru", "pl", "en"])
def test_a_translators_invitation_starts_its_sentence_with_a_capital_whoever_invites(
    django_user_model, db, language
):
    from translations.invitations import invite_translator

    # An editor with no full name is named by a lowercase user name: it may not begin the sentence.
    editor = django_user_model.objects.create_superuser("redaktorka", "redakcja@example.org", "x")
    invite_translator(
        email="oksana@example.org", name="Oksana Kovalenko", language=language, languages=["uk"], invited_by=editor
    )
    body = Email.objects.get(to=["oksana@example.org"]).message
    assert sentence_after_greeting(body, INVITATION_GREETING[language])[0].isupper()
