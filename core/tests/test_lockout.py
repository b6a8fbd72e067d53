"""The admin lockout: per username and address for an hour, and per username from any addresses for a short while."""

import datetime

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.core import signing
from django.db.models import F
from django.test import Client
from django.utils.crypto import salted_hmac

pytestmark = pytest.mark.integration

PASSWORD = "right-password-123"
NEW_PASSWORD = "a-fresh-passphrase-789"


@pytest.fixture(autouse=True)
def quick_passwords(settings):
    # Dozens of log-ins per test: the real hasher's deliberate slowness would only slow the tests.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def boss(django_user_model, db):
    return django_user_model.objects.create_superuser("boss", "boss@example.org", PASSWORD)


def log_in(client, password, address, *, username="boss", language="en"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"admin_login_view-current_step": "auth", "username": username, "password": password},
        REMOTE_ADDR=address,
        headers={"accept-language": language},
    )


def guess_from_many_addresses(username="boss", count=25):
    """A guesser who uses a new address for every try, so axes' per-address limit never applies."""
    return [log_in(Client(), "wrong", f"203.0.113.{n}", username=username).status_code for n in range(1, count + 1)]


def minutes_pass(minutes):
    for model in (AccessAttempt, AccessFailureLog):
        model.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(minutes=minutes))


def text(response) -> str:
    return " ".join(response.content.decode().split())


def test_failures_from_many_addresses_lock_the_username_for_a_quarter_of_an_hour(boss, django_user_model):
    django_user_model.objects.create_superuser("anna", "anna@example.org", "annas-password-456")
    statuses = guess_from_many_addresses()
    assert statuses == [200] * 19 + [429] * 6  # the twentieth failure locks the username

    locked = log_in(Client(), PASSWORD, "198.51.100.7")  # the right password, from an address never seen
    assert locked.status_code == 429
    assert "After too many failed attempts from several addresses, this account is locked for 15 more minutes" in (
        text(locked)
    )
    polish = log_in(Client(), PASSWORD, "198.51.100.7", language="pl")
    assert 'lang="pl"' in polish.content.decode()
    assert "to konto jest zablokowane jeszcze przez 15 minut" in text(polish)
    # Other editors are not affected.
    assert log_in(Client(), "annas-password-456", "198.51.100.7", username="anna").status_code == 302

    minutes_pass(10)
    assert "locked for 5 more minutes" in text(log_in(Client(), PASSWORD, "198.51.100.7"))
    minutes_pass(6)
    assert log_in(Client(), PASSWORD, "198.51.100.8").status_code == 302


def test_after_the_short_lock_a_new_lock_takes_twenty_new_failures(boss):
    assert guess_from_many_addresses(count=20) == [200] * 19 + [429]
    minutes_pass(16)
    # One more wrong guess does not lock the editor out for another quarter of an hour.
    assert log_in(Client(), "wrong", "198.51.100.9").status_code == 200
    assert log_in(Client(), PASSWORD, "198.51.100.10").status_code == 302
    # Keeping the editor out takes twenty new wrong guesses (the one above and nineteen), and then the lock
    # refuses further ones unchecked.
    assert guess_from_many_addresses(count=20) == [200] * 18 + [429, 429]
    assert log_in(Client(), PASSWORD, "198.51.100.10").status_code == 429


def test_failures_spread_over_more_than_a_quarter_of_an_hour_do_not_add_up(boss):
    assert guess_from_many_addresses(count=19) == [200] * 19
    minutes_pass(16)
    assert guess_from_many_addresses(count=19) == [200] * 19
    assert log_in(Client(), PASSWORD, "198.51.100.10").status_code == 302


def test_an_editor_on_a_known_device_is_not_kept_out(boss, django_user_model):
    django_user_model.objects.create_superuser("anna", "anna@example.org", "annas-password-456")
    editor = Client()
    assert log_in(editor, PASSWORD, "192.0.2.1").status_code == 302
    editor.post("/admin/logout/")
    annas_browser = Client()
    assert log_in(annas_browser, "annas-password-456", "192.0.2.2", username="anna").status_code == 302

    guess_from_many_addresses()

    assert log_in(Client(), PASSWORD, "192.0.2.1").status_code == 429  # another browser, even at the same address
    assert log_in(annas_browser, PASSWORD, "192.0.2.2").status_code == 429  # a device known for someone else
    assert log_in(editor, PASSWORD, "192.0.2.99").status_code == 302  # the editor's own browser, anywhere


def test_a_forged_device_cookie_does_not_help(boss):
    guess_from_many_addresses()
    for forged in (
        "boss",  # not signed
        # Signed by the site, but carrying only the username's HMAC, as every browser of the editor once did.
        signing.get_cookie_signer(salt="known_device" + "pages.lockout.known_device").sign(
            salted_hmac("pages.lockout.known_device", "boss").hexdigest()
        ),
    ):
        browser = Client()
        browser.cookies["known_device"] = forged
        assert log_in(browser, "wrong", "192.0.2.1").status_code == 429


def test_a_password_change_revokes_the_known_devices(boss):
    editor = Client()
    assert log_in(editor, PASSWORD, "192.0.2.1").status_code == 302
    copy = Client()  # someone who copied the cookie out of the editor's browser
    copy.cookies["known_device"] = editor.cookies["known_device"].value
    changed = editor.post(
        "/admin/password_change/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        REMOTE_ADDR="192.0.2.1",
    )
    assert changed.status_code == 302 and changed["Location"] == "/admin/password_change/done/"

    guess_from_many_addresses()

    assert log_in(copy, "wrong", "192.0.2.50").status_code == 429  # the copy no longer lets anyone guess
    editor.post("/admin/logout/")
    assert log_in(editor, NEW_PASSWORD, "192.0.2.1").status_code == 429  # nor does the editor's own old cookie
    minutes_pass(16)
    assert log_in(editor, NEW_PASSWORD, "192.0.2.1").status_code == 302
    guess_from_many_addresses()
    assert log_in(editor, NEW_PASSWORD, "192.0.2.99").status_code == 302  # known again since this log-in


def test_retries_during_the_short_lock_do_not_lengthen_it(boss):
    guess_from_many_addresses()
    for _ in range(6):  # an editor trying again and again, on a browser that has not logged in before
        assert log_in(Client(), PASSWORD, "192.0.2.1").status_code == 429
    minutes_pass(16)
    assert log_in(Client(), PASSWORD, "192.0.2.1").status_code == 302


def test_five_failures_from_one_address_still_lock_it_for_an_hour(boss):
    editor = Client()
    assert log_in(editor, PASSWORD, "192.0.2.1").status_code == 302
    editor.post("/admin/logout/")
    statuses = [log_in(Client(), "wrong", "203.0.113.5").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    locked = log_in(editor, PASSWORD, "203.0.113.5")  # a known device does not lift this lock
    assert locked.status_code == 429
    assert "After too many failed attempts from this address, this account is locked here for 60 more minutes" in (
        text(locked)
    )
    assert log_in(Client(), PASSWORD, "198.51.100.20").status_code == 302  # from anywhere else
    minutes_pass(59)
    assert "locked here for 1 more minute." in text(log_in(Client(), PASSWORD, "203.0.113.5"))
    minutes_pass(2)
    assert log_in(Client(), PASSWORD, "203.0.113.5").status_code == 302


def test_an_administrator_unlocks_the_account_by_deleting_its_access_attempts(boss, django_user_model):
    django_user_model.objects.create_superuser("anna", "anna@example.org", "annas-password-456")
    guess_from_many_addresses()
    assert log_in(Client(), PASSWORD, "198.51.100.7").status_code == 429

    admin = Client()
    assert log_in(admin, "annas-password-456", "192.0.2.2", username="anna").status_code == 302
    attempts = list(AccessAttempt.objects.filter(username="boss").values_list("pk", flat=True))
    deleted = admin.post(
        "/admin/axes/accessattempt/",
        {"action": "delete_selected", "_selected_action": attempts, "post": "yes"},
        REMOTE_ADDR="192.0.2.2",
    )
    assert deleted.status_code == 302

    assert log_in(Client(), PASSWORD, "198.51.100.7").status_code == 302


@pytest.mark.parametrize(
    "language,message",
    [
        ("pl", "Upewnij się, że ta wartość ma co najwyżej 150 znaków (obecnie ma 10000)."),
        ("uk", "Переконайтеся, що це значення містить не більше ніж 150 символів (зараз 10000)."),
    ],
)
def test_an_overlong_username_is_a_translated_form_error_not_a_stored_failure(boss, language, message):
    """Found by the fuzz on PostgreSQL: the name went to authenticate() and on to django-axes, whose column holds
    255 characters, and the database refused it with a 500."""
    response = log_in(Client(), "wrong", "203.0.113.9", username="x" * 10_000, language=language)
    assert response.status_code == 200
    assert message in text(response)
    assert not AccessAttempt.objects.exists()
