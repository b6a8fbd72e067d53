"""Inviting someone to translate: a staff account in the Translators group with their languages, and an e-mail in
their language with a link to choose a password."""

import re
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.accounts import link_valid_days, set_password_url
from core.models import UserLanguage
from core.outbox import queue_email
from translations.apps import TRANSLATORS
from translations.models import TranslatorLanguage

INVITATION_TEMPLATE = "translations/email/invitation"


def invite_translator(*, email: str, name: str, language: str, languages: Iterable[str], invited_by) -> AbstractUser:
    """Make `email` a translator of `languages` and queue their invitation; inviting again makes no second account.

    A new account is staff, in the Translators group, with no usable password until the person sets one through
    the e-mailed link, and with `language` as the language of its admin and e-mails. An existing account with that
    e-mail (in any case) keeps its password, groups and language and gets the languages added; the e-mail is sent
    again, with the link only while no password is set. A deactivated account is refused: someone turned it off.
    """
    site_languages = [code for code, _name in settings.LANGUAGES]
    wanted = set(languages)
    if language not in site_languages or not wanted <= set(site_languages):
        raise ValidationError(_("Choose languages of the site."), code="invalid_language")
    if not wanted:
        raise ValidationError(_("Choose at least one language to translate into."), code="no_language")
    email = email.strip()
    validate_email(email)
    users = get_user_model().objects

    with transaction.atomic():
        user = users.select_for_update().filter(email__iexact=email).order_by("pk").first()
        if user is None:
            user = users.model(username=_unique_username(email), email=email, first_name=name[:150], is_staff=True)
            user.set_unusable_password()
            user.full_clean()
            user.save()
        elif not user.is_active:
            raise ValidationError(
                _("The account of %(email)s is deactivated. Reactivate it under Users before inviting it again."),
                code="inactive",
                params={"email": email},
            )
        elif not user.is_staff:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        user.groups.add(Group.objects.get_or_create(name=TRANSLATORS)[0])
        for code in site_languages:
            if code in wanted:
                TranslatorLanguage.objects.get_or_create(user=user, language=code)
        preference = UserLanguage.objects.get_or_create(user=user, defaults={"language": language})[0]

        link = None if user.has_usable_password() else set_password_url(user)
        values = {
            "name": name or user.get_full_name() or user.get_username(),
            "inviter": invited_by.get_full_name() or invited_by.get_username(),
            "languages": list(TranslatorLanguage.objects.filter(user=user).values_list("language", flat=True)),
            "username": user.get_username(),
            "set_password_url": link,
            "valid_days": link_valid_days(),
            "login_url": settings.SITE_URL + reverse("admin:login"),
        }
        queue_email(to=user.email, language=preference.language, template=INVITATION_TEMPLATE, context=values)
    return user


def _unique_username(email: str) -> str:
    """The e-mail's local part as a user name ("oksana.k"), with a number added when it is taken ("oksana.k2")."""
    base = re.sub(r"[^\w.+-]", "", email.rpartition("@")[0].lower())[:140] or "translator"
    users = get_user_model().objects
    candidate, number = base, 1
    while users.filter(username__iexact=candidate).exists():
        number += 1
        candidate = f"{base}{number}"
    return candidate
