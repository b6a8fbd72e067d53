"""Staff accounts made for someone else: the e-mailed link with which the new person chooses their own password.

The page is Django's PasswordResetConfirmView (the token is default_token_generator's, so a link stops working once
the password is set, after a log-in, or after PASSWORD_RESET_TIMEOUT), in the admin's look and in the person's own
language. A link that does not work says so in the same words whatever is wrong with it, so that it does not tell
whether an account exists.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.tokens import default_token_generator
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN, PasswordResetConfirmView
from django.urls import path, reverse, reverse_lazy
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.models import UserLanguage


def set_password_url(user) -> str:
    """The absolute address of the link with which `user` chooses a password, for an e-mail sent outside a request."""
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.SITE_URL + reverse("set_password", kwargs={"uidb64": uidb64, "token": token})


def link_valid_days() -> int:
    """How many whole days a link works for, to tell the person in the e-mail."""
    return max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60))


class SetPasswordView(PasswordResetConfirmView):
    """Choose a password from an e-mailed link; then the admin's log-in, with a message saying what to do."""

    template_name = "admin/accounts/set_password.html"
    title = _("Choose your password")
    success_url = reverse_lazy("admin:login")

    def dispatch(self, request, *args, **kwargs):
        # The page speaks the language the person asked for, not their browser's; only once the link is known to
        # be good, so that a forged link tells nothing about the account it names.
        self.language = self._language_of_valid_link(kwargs.get("uidb64", ""), kwargs.get("token", ""))
        if self.language:
            translation.activate(self.language)
            request.LANGUAGE_CODE = self.language
        return super().dispatch(request, *args, **kwargs)

    def _language_of_valid_link(self, uidb64: str, token: str) -> str | None:
        user = self.get_user(uidb64)
        if token == self.reset_url_token:
            token = self.request.session.get(INTERNAL_RESET_SESSION_TOKEN)
        if user is None or not self.token_generator.check_token(user, token):
            return None
        return UserLanguage.objects.filter(user=user).values_list("language", flat=True).first()

    def get_context_data(self, **kwargs):
        context = {**admin.site.each_context(self.request), **super().get_context_data(**kwargs)}
        context["is_nav_sidebar_enabled"] = False  # whoever follows the link is not logged in: nothing to list
        if self.validlink:
            context["username"] = self.user.get_username()
        else:
            context["title"] = gettext("This link does not work")
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        message = gettext("Your password is set. Log in with your user name, %(username)s, and your new password.")
        messages.success(self.request, message % {"username": self.user.get_username()})
        if self.language:
            # The log-in page that follows is outside the language prefixes: the cookie keeps it in this language.
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                self.language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response


def urls():
    """The set-password page, placed under /admin/ by the root URLconf; outside the admin's log-in wall."""
    return [path("<str:uidb64>/<str:token>/", SetPasswordView.as_view(), name="set_password")]
