"""Turning volunteers into translators from the admin: the confirmation page with their languages, the invitation
in the volunteer's language with a link that works, anonymised volunteers skipped, and no action for staff who may
not assign translators."""

import re
import uuid

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from post_office.models import Email

from conference.apps import REGISTRATIONS
from conference.models import Volunteer
from conference.services import VolunteerOffer, register_attendee
from conference.tests.factories import ConferenceFactory, RegistrationFactory
from core.groups import EDITORS
from core.models import UserLanguage
from translations.apps import TRANSLATORS
from translations.models import TranslatorLanguage

pytestmark = pytest.mark.integration

CHANGELIST = "/admin/conference/volunteer/"
STEP = "admin_login_view-current_step"  # the admin log-in wizard's hidden field: which step a post answers
PASSWORD = "Kalyna-u-sadu-2017"
MODERATORS = "Moderators"  # feedback's group, named here: conference may not import feedback
INVITATION_SUBJECT_UK = "Запрошуємо вас перекладати вебсайт «Відкритого Кракова»"


def staff(django_user_model, username, *groups):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "x", is_staff=True)
    user.groups.add(*Group.objects.filter(name__in=groups))
    assert user.groups.count() == len(groups)
    return user


@pytest.fixture
def editor(django_user_model, db):
    """An editor who also sees registrations (where volunteers are)."""
    return staff(django_user_model, "redaktorka", EDITORS, REGISTRATIONS)


@pytest.fixture
def oksana(db):
    """A volunteer who registered in Ukrainian, offering to translate from Polish into Ukrainian and English."""
    registration = register_attendee(
        conference=ConferenceFactory(),
        idempotency_key=uuid.uuid4(),
        name="Оксана Коваль",
        email="oksana@example.org",
        language="uk",
        volunteer=VolunteerOffer(roles=("translator", "interpreter"), language_pairs="pl-uk, pl-en"),
    )
    return registration.volunteer


def helper(**registration):
    """A volunteer who offered to help on the day, not to translate."""
    return Volunteer.objects.create(registration=RegistrationFactory(**registration), roles=["helper"])


def run_action(client, volunteers, **extra):
    data = {"action": "invite_as_translator", "index": "0", "_selected_action": [v.pk for v in volunteers]}
    return client.post(CHANGELIST, data, **extra)


def confirm(client, choices: dict, **extra):
    """The confirmation page's form, sent with the languages ticked for each volunteer."""
    data = {"action": "invite_as_translator", "confirm": "yes", "_selected_action": [v.pk for v in choices]}
    data.update({f"languages-{v.pk}": codes for v, codes in choices.items()})
    return client.post(CHANGELIST, data, **extra)


def ticked(html: str, volunteer) -> list[str]:
    boxes = re.findall(rf'<input type="checkbox" name="languages-{volunteer.pk}" value="(\w+)"[^>]*>', html)
    checked = re.findall(rf'<input type="checkbox" name="languages-{volunteer.pk}" value="(\w+)"[^>]*checked', html)
    assert boxes == ["pl", "en", "uk", "ru"]
    return checked


def test_an_editor_invites_a_volunteer_who_then_sets_a_password_and_translates(client, editor, oksana):
    other = helper(name="Jan Kowalski", language="pl")
    client.force_login(editor)

    page = run_action(client, [oksana, other], headers={"accept-language": "pl"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "Zaproszenie wolontariuszy do tłumaczenia" in html
    assert "Оксана Коваль" in html and "oksana@example.org" in html and "pl-uk, pl-en" in html
    assert ticked(html, oksana) == ["en", "uk"]
    # Someone who did not offer to translate can be invited too, but the page says so.
    assert "Jan Kowalski" in html and ticked(html, other) == []
    assert html.count("Przy rejestracji nie zaznaczono chęci tłumaczenia.") == 1
    assert not Email.objects.filter(subject=INVITATION_SUBJECT_UK).exists()  # nothing is sent before confirming

    # Every volunteer needs a language.
    refused = confirm(client, {oksana: ["uk", "en"], other: []}, headers={"accept-language": "pl"})
    assert refused.status_code == 200
    assert "Wybierz co najmniej jeden język, na który ta osoba będzie tłumaczyć." in refused.content.decode()
    assert not TranslatorLanguage.objects.exists()

    response = confirm(client, {oksana: ["uk", "en"], other: ["en"]}, headers={"accept-language": "pl"})
    assert response.status_code == 302
    messages = client.get(response["Location"], headers={"accept-language": "pl"}).content.decode()
    assert "2 osoby zostały zaproszone do tłumaczenia i dostaną e-maile w swoich językach." in messages

    user = TranslatorLanguage.objects.filter(language="uk").get().user
    assert user.email == "oksana@example.org" and user.is_staff and not user.has_usable_password()
    assert user.groups.filter(name=TRANSLATORS).exists()
    assert UserLanguage.objects.get(user=user).language == "uk"

    email = Email.objects.get(to=["oksana@example.org"], subject=INVITATION_SUBJECT_UK)
    assert email.headers["Content-Language"] == "uk"
    assert "Від імені команди «Відкритого Кракова» redaktorka запрошує вас перекладати" in email.message
    assert "Ви можете перекладати на такі мови:\n- Англійська\n- Українська\n" in email.message
    assert Email.objects.filter(to=[other.registration.email], subject__startswith="Zapraszamy").count() == 1

    # The link works: a password, a log-in, and the volunteer's own languages only.
    client.logout()
    link = re.search(r"https?://\S+(/admin/invitation/\S+/)", email.message).group(1)
    form_url = client.get(link)["Location"]
    response = client.post(form_url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 302
    login_page = client.get(response["Location"]).content.decode().replace("&#x27;", "'")
    assert "Ваш пароль встановлено. Увійдіть з ім'ям користувача oksana" in login_page
    response = client.post("/admin/login/?next=/admin/", {STEP: "auth", "username": "oksana", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    dashboard = client.get("/admin/translations/")
    assert [code for code, _name in dashboard.context["languages"]] == ["en", "uk"]


def test_inviting_a_volunteer_twice_makes_one_account(client, editor, oksana, django_user_model):
    client.force_login(editor)
    confirm(client, {oksana: ["uk"]})
    confirm(client, {oksana: ["uk", "en"]})
    assert django_user_model.objects.filter(email="oksana@example.org").count() == 1
    assert Email.objects.filter(subject=INVITATION_SUBJECT_UK).count() == 2
    user = django_user_model.objects.get(email="oksana@example.org")
    assert sorted(TranslatorLanguage.objects.filter(user=user).values_list("language", flat=True)) == ["en", "uk"]


def test_anonymised_volunteers_are_skipped_with_a_message(client, editor, oksana, django_user_model):
    gone = helper(name="—", email="anonymised@invalid", anonymised_at=timezone.now())
    client.force_login(editor)

    page = run_action(client, [oksana, gone], headers={"accept-language": "uk"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "Пропущено 1 анонімізовану особу: запрошувати нікого." in html
    assert f'name="languages-{gone.pk}"' not in html and f'name="languages-{oksana.pk}"' in html

    # Only anonymised ones: nothing to confirm, back to the list with the message.
    response = run_action(client, [gone], headers={"accept-language": "uk"})
    assert response.status_code == 302
    # Even if posted, an anonymised volunteer gets no account.
    confirm(client, {gone: ["en"]})
    assert not django_user_model.objects.filter(email="anonymised@invalid").exists()
    assert not Email.objects.filter(to=["anonymised@invalid"]).exists()


def test_a_moderator_who_may_not_assign_translators_cannot_invite(client, django_user_model, oksana):
    moderator = staff(django_user_model, "moderator", MODERATORS, REGISTRATIONS)
    client.force_login(moderator)

    changelist = client.get(CHANGELIST)
    assert changelist.status_code == 200  # they do see the volunteers
    choices = [name for name, _label in changelist.context["action_form"].fields["action"].choices]
    assert "invite_as_translator" not in choices

    run_action(client, [oksana])
    confirm(client, {oksana: ["uk"]})
    assert not django_user_model.objects.filter(email="oksana@example.org").exists()
    assert not Email.objects.filter(subject=INVITATION_SUBJECT_UK).exists()


@pytest.mark.unit
@pytest.mark.parametrize(
    ("pairs", "targets"),
    [
        ("pl-uk, pl-en", ["en", "uk"]),
        ("PL > UA; en→ru", ["uk", "ru"]),
        ("uk", ["uk"]),
        ("pl<>uk", ["pl", "uk"]),
        ("pl-de, fr", []),
        ("", []),
    ],
)
def test_target_languages_of_language_pairs(pairs, targets):
    assert Volunteer(language_pairs=pairs).target_languages() == targets
