"""Feedback e-mails are written in the resident's language, whoever caused them: a city system, a moderator.

Each test triggers a message in one language (the request's, or the moderator's admin language) for a resident
who wrote in another, and checks that the stored message names everything in the resident's language only.
"""

import pytest
from django.utils import translation
from post_office.models import Email

from feedback.models import Category, Report
from feedback.services import submit_report
from feedback.tests.factories import AIR_QUALITY, ApiKeyFactory

pytestmark = pytest.mark.integration

CATEGORY = AIR_QUALITY  # the air_quality fixture's names
FORWARDED = {"pl": "przekazane miastu", "en": "forwarded to the city", "uk": "передано місту", "ru": "передано городу"}
HELD = {
    "pl": "przyjęte, czeka na moderatora",
    "en": "received, waiting for a moderator",
    "uk": "отримано, очікує модератора",
    "ru": "получено, ожидает модератора",
}
REPLY_SUBJECT = {
    "pl": "Odpowiedź na zgłoszenie {}",
    "en": "A reply to your report {}",
    "uk": "Відповідь на звернення {}",
    "ru": "Ответ на обращение {}",
}
TOPIC = {"pl": "Temat", "en": "Topic", "uk": "Тема", "ru": "Тема"}
STATE = {"pl": "Stan", "en": "State", "uk": "Стан", "ru": "Состояние"}


def assert_only_in(text: str, recipient: str, trigger: str, *tables):
    for table in tables:
        assert table[recipient] in text
        assert table[trigger] not in text


def test_a_report_from_a_city_system_is_confirmed_in_the_reports_language(client, air_quality):
    # Open311 reports are stored in Polish; the city system's request asks for Russian.
    ApiKeyFactory(key="secret-key")
    response = client.post(
        "/open311/v2/requests.json",
        {
            "api_key": "secret-key",
            "service_code": "air-quality",
            "description": "Smog w Nowej Hucie.",
            "address_string": "Nowa Huta",
            "email": "jan@example.org",
        },
        HTTP_ACCEPT_LANGUAGE="ru",
    )
    assert response.status_code == 200, response.content
    report = Report.objects.get(email="jan@example.org")
    assert report.language == "pl"
    email = Email.objects.get(to=["jan@example.org"])
    assert email.subject == f"Przyjęliśmy Twoje zgłoszenie {report.reference}"
    assert email.headers["Content-Language"] == "pl"
    assert f"Temat: {CATEGORY['pl']}" in email.message
    assert_only_in(email.message, "pl", "ru", CATEGORY)
    assert f"http://127.0.0.1:8000/pl/feedback/status/{report.status_token()}/" in email.message


def test_the_confirmation_ignores_the_language_active_when_the_report_is_stored(air_quality):
    with translation.override("en"):
        report = submit_report(
            idempotency_key="5d7a3c1e-0000-4000-8000-000000000001",
            category=Category.objects.get(code="air-quality"),
            message="Смог біля школи.",
            email="olena@example.org",
            language="uk",
        )
    email = Email.objects.get(to=["olena@example.org"])
    assert email.subject == f"Ваше звернення {report.reference} отримано"
    assert email.message.startswith("Дякуємо за ваше звернення до «Відкритого Кракова».")
    assert f"Тема: {CATEGORY['uk']}" in email.message
    assert_only_in(email.message, "uk", "en", CATEGORY)
    assert f"/uk/feedback/status/{report.status_token()}/" in email.message


@pytest.mark.parametrize("moderator,resident", [("en", "uk"), ("ru", "pl"), ("pl", "ru")])
def test_a_moderators_reply_reaches_the_resident_in_their_language(
    client, admin_client, air_quality, report_data, moderator, resident
):
    client.post(f"/{resident}/feedback/", report_data())
    report = Report.objects.get(email="olena@example.org")
    assert report.language == resident
    Email.objects.all().delete()

    response = admin_client.post(
        f"/admin/feedback/report/{report.pk}/change/",
        {
            "state": "forwarded",
            "assigned_to": "",
            "public_reply": "Przekazaliśmy dalej. / Passed on.",
            "internal_note": "",
        },
        HTTP_ACCEPT_LANGUAGE=moderator,
    )
    assert response.status_code == 302
    admin_language = response.wsgi_request.LANGUAGE_CODE
    assert admin_language == moderator  # the admin really ran in the moderator's language

    email = Email.objects.get(to=["olena@example.org"])
    assert email.subject == REPLY_SUBJECT[resident].format(report.reference)
    assert email.headers["Content-Language"] == resident
    assert "Przekazaliśmy dalej. / Passed on." in email.message
    assert f"{TOPIC[resident]}: {CATEGORY[resident]}" in email.message
    assert f"{STATE[resident]}: {FORWARDED[resident]}" in email.message
    assert_only_in(email.message, resident, moderator, CATEGORY, FORWARDED)
    assert f"http://127.0.0.1:8000/{resident}/feedback/status/{report.status_token()}/" in email.message


def test_a_reply_to_a_held_report_names_its_state_in_the_residents_language(client, admin_client, air_quality):
    with translation.override("pl"):
        report = submit_report(
            idempotency_key="5d7a3c1e-0000-4000-8000-000000000002",
            category=air_quality,
            message="Нужны уведомления о смоге на русском языке.",
            email="ivan@example.org",
            language="ru",
            flag_reason="too fast",
        )
    assert report.state == Report.State.HELD
    Email.objects.all().delete()
    admin_client.post(
        f"/admin/feedback/report/{report.pk}/change/",
        {"state": "held", "assigned_to": "", "flagged": "on", "public_reply": "Dziękujemy.", "internal_note": ""},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    email = Email.objects.get(to=["ivan@example.org"])
    assert email.subject == REPLY_SUBJECT["ru"].format(report.reference)
    assert f"Состояние: {HELD['ru']}" in email.message
    assert_only_in(email.message, "ru", "en", CATEGORY, HELD)
