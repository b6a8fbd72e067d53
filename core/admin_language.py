"""The language each staff member reads the admin in, whatever their browser asks: kept in their session, chosen
on /admin/language/, applied by core.middleware.AdminLanguageMiddleware."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.models import UserLanguage

# The session holds the choice, so that reading it costs the admin nothing: the admin loads the session anyway.
# "" means "no preference" (the browser's language), a missing key "not read from the database yet".
SESSION_KEY = "_admin_language"
NO_PREFERENCE = ""

UNKNOWN_LANGUAGE = _("Choose one of the languages in the list.")


def site_languages() -> dict[str, str]:
    """Each language code of the site with the language's name in itself."""
    return dict(settings.LANGUAGES)


def stored_preference(user) -> str:
    return UserLanguage.objects.filter(user=user).values_list("language", flat=True).first() or NO_PREFERENCE


def remember(session, language: str) -> None:
    session[SESSION_KEY] = language


def preferred_language(request) -> str | None:
    """The language the logged-in staff member chose for the admin, or None: then the browser's rules apply.

    Read from the session; only a session that has not heard of the choice yet (one from before it was kept
    there) asks the database, once, and keeps the answer.
    """
    user = request.user
    if not (user.is_authenticated and user.is_staff):
        return None
    language = request.session.get(SESSION_KEY)
    if language is None:
        language = stored_preference(user)
        remember(request.session, language)
    return language if language in site_languages() else None


def remember_at_login(sender, request, user, **kwargs):
    """Connected to user_logged_in: the new session starts with the choice, so no admin page has to read it."""
    session = getattr(request, "session", None)
    if session is not None and user.is_staff:
        remember(session, stored_preference(user))


def choose_admin_language(*, user, language: str) -> UserLanguage | None:
    """Keep `language` as the user's language of the admin; "" forgets the choice (the browser's language again)."""
    with transaction.atomic():
        if language == NO_PREFERENCE:
            UserLanguage.objects.filter(user=user).delete()
            return None
        if language not in site_languages():
            raise ValidationError(UNKNOWN_LANGUAGE, code="invalid_choice")
        row = UserLanguage.objects.select_for_update().filter(user=user).first() or UserLanguage(user=user)
        row.language = language
        row.full_clean(validate_unique=False)  # one row per user: the row found above, or a new one
        row.save()
        return row


class LanguageSelect(forms.Select):
    """Each language named in itself and marked with its own lang, so that a screen reader says the name right."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value:
            option["attrs"]["lang"] = value
        return option


def language_choices():
    return [(NO_PREFERENCE, _("The language of my browser")), *settings.LANGUAGES]


class AdminLanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of the admin"),
        choices=language_choices,
        required=False,
        widget=LanguageSelect,
        help_text=_(
            "The admin and the translation workspace are shown in this language, whatever your browser asks. "
            "The public site keeps the language in its address."
        ),
        error_messages={"invalid_choice": UNKNOWN_LANGUAGE},
    )


def _safe_next(request) -> str:
    """Where the form was opened from, if that is an address of this site; the admin's index otherwise."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("admin:index")


def choose_language(request, *, admin_site):
    """The admin page to choose one's language of the admin (admin:language): a form, then back where one was."""
    next_url = _safe_next(request)
    if request.method == "POST":
        form = AdminLanguageForm(request.POST)
        if form.is_valid():
            language = form.cleaned_data["language"]
            choose_admin_language(user=request.user, language=language)
            remember(request.session, language)
            # Said in the language the next page is in.
            with translation.override(language or translation.get_language_from_request(request)):
                if language:
                    text = gettext("Language of the admin changed: %(language)s.") % {
                        "language": site_languages()[language]
                    }
                else:
                    text = gettext("The admin now follows the language of your browser.")
            messages.success(request, text)
            return redirect(next_url)
    else:
        form = AdminLanguageForm(initial={"language": preferred_language(request) or NO_PREFERENCE})
    context = {
        **admin_site.each_context(request),
        "title": _("Language of the admin"),
        "subtitle": None,
        "form": form,
        "next": next_url,
    }
    request.current_app = admin_site.name
    return TemplateResponse(request, "admin/language.html", context)
