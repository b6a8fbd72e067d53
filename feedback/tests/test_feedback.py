"""Resident feedback: stored first, a reference and a status link, spam defences, privacy and statistics."""

import csv
import io
import json
import os
import re
import subprocess
import sys
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from post_office.mail import send_queued
from post_office.models import STATUS, Email

from core.groups import EDITORS
from feedback.apps import MODERATORS
from feedback.models import Report
from feedback.services import over_rate_limit, update_report
from feedback.tests.factories import CategoryFactory, ReportFactory
from feedback.tokens import form_stamp

pytestmark = pytest.mark.integration


def post(client, data, language="en", **extra):
    return client.post(f"/{language}/feedback/", data, **extra)


def test_a_report_is_saved_and_the_resident_gets_a_reference_and_status_link(client, report_data):
    response = post(client, report_data(), "uk")
    report = Report.objects.get(email="olena@example.org")
    assert re.fullmatch(r"FB-\d{4}-\d{5}", report.reference)
    assert report.language == "uk" and report.state == "received" and not report.flagged
    assert response["Location"] == f"/uk/feedback/status/{report.status_token()}/?new=1"
    page = client.get(response["Location"]).content.decode()
    assert report.reference in page
    assert "Дякуємо: ваше звернення збережено" in page
    email = Email.objects.get(to=["olena@example.org"])
    assert report.reference in email.subject
    assert report.status_token() in email.message


def test_a_failing_mail_server_delays_the_email_and_loses_nothing(client, report_data, settings):
    settings.POST_OFFICE = {
        **settings.POST_OFFICE,
        "BACKENDS": {"default": "django.core.mail.backends.smtp.EmailBackend"},
        "RETRY_INTERVAL": timedelta(0),
    }
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens on the discard port
    response = post(client, report_data())
    report = Report.objects.get(email="olena@example.org")
    assert report.reference in client.get(response["Location"]).content.decode()
    send_queued()
    email = Email.objects.get(to=["olena@example.org"])
    assert email.status == STATUS.requeued
    settings.POST_OFFICE = {
        **settings.POST_OFFICE,
        "BACKENDS": {"default": "django.core.mail.backends.locmem.EmailBackend"},
    }
    send_queued()
    email.refresh_from_db()
    assert email.status == STATUS.sent


def test_a_double_submit_gives_one_report(client, report_data):
    data = report_data()
    first, second = post(client, data), post(client, data)
    assert first["Location"] == second["Location"]
    assert Report.objects.filter(email="olena@example.org").count() == 1


def test_a_honeypot_submission_is_stored_as_spam(client, report_data):
    response = post(client, report_data(website="http://spam.example"))
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    assert Report.objects.get(email="olena@example.org").state == "spam"
    assert not Email.objects.filter(to=["olena@example.org"]).exists()


def test_a_too_fast_submission_is_flagged_and_held(client, air_quality):
    data = {
        "category": air_quality.code,
        "message": "Quick.",
        "email": "fast@example.org",
        "stamp": form_stamp(),
        "idempotency_key": "6f1c6f0e-0000-4000-8000-000000000001",
    }
    response = post(client, data)
    report = Report.objects.get(email="fast@example.org")
    assert report.flagged and report.state == "held"
    assert "waiting for a moderator" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    "overrides,message",
    [
        ({"stamp": ""}, "This form was open too long or was changed."),
        ({"stamp": "forged:stamp"}, "This form was open too long or was changed."),
        ({"category": "forged-code"}, "Select a valid choice."),
        ({"message": "x" * 4001}, "Ensure this value has at most 4000 characters (it has 4001)."),
        ({"message": "bad\x07bell"}, "This contains characters that are not allowed."),
        ({"email": "not-an-email"}, "Enter a valid email address."),
    ],
)
def test_bad_input_is_refused_with_the_reason_and_keeps_what_was_typed(client, report_data, overrides, message):
    response = post(client, report_data(**overrides))
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "There is a problem" in html
    assert "Nowa Huta" in html  # the place the resident typed is still there
    assert not Report.objects.filter(email="olena@example.org").exists()


def test_errors_are_translated(client, report_data):
    html = post(client, report_data(message=""), "uk").content.decode()
    assert "Виникла проблема" in html
    assert "Це поле обов&#x27;язкове." in html


def test_html_in_a_message_is_stored_as_text_and_shown_escaped(client, admin_client, report_data):
    post(client, report_data(message='<script>alert("x")</script>'))
    report = Report.objects.get(email="olena@example.org")
    assert report.message == '<script>alert("x")</script>'
    page = admin_client.get(f"/admin/feedback/report/{report.pk}/change/").content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert '<script>alert("x")</script>' not in page


def test_the_sixth_submission_in_a_minute_is_asked_to_wait(client, report_data):
    for n in range(5):
        assert post(client, report_data(email=f"r{n}@example.org")).status_code == 302
    response = post(client, report_data(email="r6@example.org"), "pl")
    assert response.status_code == 429
    assert "Spróbuj ponownie później" in response.content.decode()
    assert Report.objects.filter(email__startswith="r").count() == 5


def test_a_form_sent_again_after_the_limit_still_gets_its_report(client, report_data):
    # A resident who sent their fifth report of the minute and clicks again gets that report, not "try later".
    for n in range(4):
        assert post(client, report_data(email=f"r{n}@example.org")).status_code == 302
    fifth = report_data(email="r5@example.org")
    first = post(client, fifth, "pl")
    again = post(client, fifth, "pl")
    assert (first.status_code, again.status_code) == (302, 302)
    assert first["Location"] == again["Location"]
    assert post(client, report_data(email="r6@example.org"), "pl").status_code == 429
    assert Report.objects.filter(email__startswith="r").count() == 5


def test_the_rate_limit_reads_the_address_behind_a_proxy(client, report_data, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        post(client, report_data(email=f"p{n}@example.org"), headers={"x-forwarded-for": "203.0.113.7"})
    other = post(client, report_data(email="q@example.org"), headers={"x-forwarded-for": "203.0.113.8"})
    same = post(client, report_data(email="p9@example.org"), headers={"x-forwarded-for": "203.0.113.7"})
    assert (other.status_code, same.status_code) == (302, 429)
    assert Report.objects.get(email="q@example.org").client_ip == "203.0.113.8"


def test_status_page_shows_history_and_public_replies_but_not_notes(client, admin_client, report_data):
    response = post(client, report_data())
    report = Report.objects.get(email="olena@example.org")
    admin_client.post(
        f"/admin/feedback/report/{report.pk}/change/",
        {"state": "forwarded", "assigned_to": "", "public_reply": "We passed it on.", "internal_note": "Secret note"},
    )
    status = client.get(response["Location"].split("?")[0]).content.decode()
    assert "forwarded to the city" in status
    assert "We passed it on." in status
    assert "Secret note" not in status
    reply = Email.objects.filter(to=["olena@example.org"]).order_by("-pk").first()
    assert "We passed it on." in reply.message


def test_forged_status_links_get_a_404(client, db):
    assert client.get("/en/feedback/status/forged/").status_code == 404


def test_editors_cannot_see_reports_but_moderators_can(client, django_user_model, db):
    editor = django_user_model.objects.create_user("edek", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    assert client.get("/admin/feedback/report/").status_code == 403
    assert client.get("/admin/feedback/category/").status_code == 200
    moderator = django_user_model.objects.create_user("mod", password="x", is_staff=True)
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(moderator)
    assert client.get("/admin/feedback/report/").status_code == 200


def test_statistics_count_reports_by_topic_language_and_month_and_hide_small_counts(client, db):
    parks, roads = CategoryFactory(name_en="Parks"), CategoryFactory(name_en="Roads and pavements")
    lights = CategoryFactory(name_en="Street lights")
    ReportFactory.create_batch(2, category=parks, language="uk")
    ReportFactory.create_batch(4, category=roads, language="uk")
    ReportFactory.create_batch(3, category=lights, language="en")
    # Spam and held reports do not count: counted, parks would show 6 and Polish 4.
    ReportFactory.create_batch(2, category=parks, language="pl", state=Report.State.SPAM)
    ReportFactory.create_batch(2, category=parks, language="pl", state=Report.State.HELD)
    html = client.get("/en/feedback/statistics/").content.decode()
    # Most first, each bar with its count; a hidden count draws an outline instead of a bar.
    counts = re.findall(r'<rect class="(chart-bar[^"]*)"[^>]*></rect>\s*<text class="chart-count"[^>]*>([^<]+)<', html)
    bar, hidden = "chart-bar", "chart-bar chart-bar-hidden"
    assert counts == [(bar, "4"), (bar, "3"), (hidden, "fewer than 3"), (bar, "6"), (bar, "3"), (bar, "9")]
    assert re.findall(r'<th scope="row">([^<]+)</th><td>([^<]+)</td>', html) == [
        ("Roads and pavements", "4"),
        ("Street lights", "3"),
        ("Parks", "fewer than 3"),
        ("Ukrainian", "6"),
        ("English", "3"),
        (f"{timezone.localtime():%B %Y}", "9"),
    ]
    assert "reports so far" not in html  # with a hidden cell, the total would give it away


def test_statistics_show_the_total_when_no_count_is_hidden(client, db):
    ReportFactory.create_batch(3, category=CategoryFactory(name_uk="Дороги"), language="uk")
    html = client.get("/uk/feedback/statistics/").content.decode()
    assert "Дороги</th><td>3</td>" in html
    assert "fewer than 3" not in html and "менше 3" not in html
    assert "Поки що 3 звернення." in html


def test_statistics_take_as_many_queries_for_30_reports_as_for_3(client, db):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/en/feedback/statistics/").status_code == 200
        return len(captured)

    ReportFactory.create_batch(3, category=CategoryFactory(), language="pl")
    few = queries()
    for language in ("en", "uk", "ru"):
        ReportFactory.create_batch(9, category=CategoryFactory(), language=language)
    assert queries() == few


def test_demo_smoke_statistics_of_the_demo_show_real_counts_and_hide_small_ones(client, demo):
    """Demo smoke test: the statistics page as `make run` shows it, with the demo's reports."""
    html = client.get("/en/feedback/statistics/").content.decode()
    assert "<svg" in html and "<rect" in html
    counts = [int(n) for n in re.findall(r"<td>(\d+)</td>", html)]
    assert counts and min(counts) >= 3
    assert "fewer than 3" in html
    assert "Foreigners&#x27; office and residence permits</th><td>4</td>" in html
    assert "reports so far" not in html  # with a hidden cell, the total would give it away


def test_purge_removes_personal_fields_of_closed_reports(db):
    category = CategoryFactory()
    for state in Report.State:
        ReportFactory(category=category, state=state, email="someone@example.org", name="Someone")
    call_command("purge_feedback", "--older-than", "0", stdout=open("/dev/null", "w"))  # noqa: SIM115
    purged = {Report.State.CLOSED, Report.State.ANSWERED, Report.State.SPAM}
    assert set(Report.objects.filter(email="", name="").values_list("state", flat=True)) == purged
    assert Report.objects.exclude(email="").count() == len(Report.State) - len(purged)


@pytest.mark.django_db(transaction=True)
def test_the_rate_limit_holds_across_two_processes(settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs a database that two processes share; the SQLite test database lives in memory")
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    script = (
        "import django; django.setup()\n"
        "from feedback.services import over_rate_limit\n"
        "print([over_rate_limit(ip='198.51.100.9') for _ in range(3)])\n"
    )
    other = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script],
        env={**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "openkrakow.settings", "DEBUG": "1"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert other.stdout.strip() == "[False, False, False]"
    assert [over_rate_limit(ip="198.51.100.9") for _ in range(3)] == [False, False, True]


def test_moderators_can_export_and_erase_everything_for_one_address(admin_client, report_data, client):
    post(client, report_data(email="olena@example.org"))
    ids = list(Report.objects.filter(email="olena@example.org").values_list("pk", flat=True))
    update_report(report=Report.objects.get(pk=ids[0]), reply="Dear Olena, thank you.", note="Olena called too.")
    exported = admin_client.post("/admin/feedback/report/", {"action": "export_for_address", "_selected_action": ids})
    data = json.loads(exported.content)
    assert data["email"] == "olena@example.org" and data["feedback"]["reports"][0]["message"].startswith("Smog near")
    admin_client.post("/admin/feedback/report/", {"action": "erase_for_address", "_selected_action": ids})
    report = Report.objects.get(pk=ids[0])
    assert (report.email, report.name, report.message) == ("", "", "")
    assert report.anonymised_at is not None
    assert not report.events.exclude(reply="").exists()
    assert not report.notes.exists()


def test_a_reused_form_key_opens_nobody_elses_report(client, report_data):
    data = report_data()
    post(client, data)
    response = post(client, {**data, "email": "intruder@example.org", "message": "Something else"})
    assert response.status_code == 400
    assert "This form has already been sent." in response.content.decode()
    assert "/feedback/status/" not in response.get("Location", "")


def test_moderators_read_where_a_report_came_from_in_their_language(admin_client, db):
    report = ReportFactory(source=Report.Source.OPEN311)
    ReportFactory(source=Report.Source.WEB)
    change = admin_client.get(f"/admin/feedback/report/{report.pk}/change/", HTTP_ACCEPT_LANGUAGE="uk")
    assert "міська система (Open311)" in change.content.decode()
    listing = admin_client.get("/admin/feedback/report/", HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert "formularz na stronie" in listing and "system miejski (Open311)" in listing  # the filter by source
    filtered = admin_client.get("/admin/feedback/report/", {"source__exact": Report.Source.OPEN311})
    assert list(filtered.context["cl"].result_list) == [report]


def test_csv_export_escapes_formulas_in_what_residents_wrote(admin_client, db):
    hostile = ReportFactory(message="=HYPERLINK(1)", place="@SUM(A1)", category__code="air-quality")
    plain = ReportFactory(message="Smog", place="Nowa Huta", category=hostile.category)
    ReportFactory(category=hostile.category)  # not selected
    ids = [hostile.pk, plain.pk]
    response = admin_client.post("/admin/feedback/report/", {"action": "export_csv", "_selected_action": ids})
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == 'attachment; filename="reports.csv"'
    header, *rows = csv.reader(io.StringIO(response.content.decode()))
    assert header == ["reference", "category", "state", "language", "received", "place", "message", "flagged"]
    assert sorted(row[:4] + row[5:] for row in rows) == sorted(
        [
            [hostile.reference, "air-quality", "received", "pl", "'@SUM(A1)", "'=HYPERLINK(1)", "False"],
            [plain.reference, "air-quality", "received", "pl", "Nowa Huta", "Smog", "False"],
        ]
    )
