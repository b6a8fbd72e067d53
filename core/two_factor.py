"""Optional two-step verification for the admin: django-two-factor-auth's views, fitted to the admin.

django-two-factor-auth 1.18.1 (declares Django 4.2 to 5.2) does the work: its LoginView asks for a code only
from a user with a device, SetupView adds an authenticator app from a QR code (its QRGeneratorView serves it as
a PNG <img>, so the CSP needs no inline style), BackupTokensView makes backup codes, ProfileView shows the
state and DisableView turns it off. Whether the admin needs the second step is ours
(core.admin_site.EditorAdminSite): only an editor who turned it on must pass it. The templates under
templates/two_factor/ put each page in the admin's look.

What stays ours, because the library could not do it (file references are to two_factor 1.18.1):

- Lockout. Its LoginView checks a code in a wizard step that neither reports a wrong code as a failed log-in
  nor asks django-axes whether the user is locked (views/core.py sends no user_login_failed; only the password
  step calls authenticate()), so a guesser who has the password would meet django-otp's throttle alone.
  AdminLoginView reports every wrong code to axes and refuses a code step while the user is locked.
- Which device is the user's: it knows a device only by the name "default" (utils.py, default_device), so an
  editor whose device was made before, or in the admin, would log in with the password only and then be
  refused by EditorAdminSite, which counts every device. with_app_device makes any confirmed app device count.
- The admin's address and look: its views redirect to settings.LOGIN_REDIRECT_URL and give no admin context;
  its login form is not the admin's (staff only). The known-device cookie of core.lockout is set by
  EditorAdminSite.login once the whole log-in has succeeded.
- The name authenticator apps show: it takes the host name (get_current_site), not OTP_TOTP_ISSUER.
- Turning it off with the password: its DisableView asks only for a tick in a "Yes, I am sure" box.
- Messages in Polish, Ukrainian and Russian: django-otp's own have none, and the library has no Ukrainian
  (its locale/ has pl and ru); ours are in locale/.
- A code typed as the app or the printout groups it ("123 456", "ABCD-EFGH"): it compares the code as typed.
"""

from axes.handlers.proxy import AxesProxyHandler
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.plugins.otp_totp.models import TOTPDevice
from two_factor.forms import AuthenticationTokenForm, BackupTokenForm
from two_factor.utils import USER_DEFAULT_DEVICE_ATTR_NAME, get_otpauth_url, totp_digits
from two_factor.views import (
    BackupTokensView,
    DisableView,
    LoginView,
    ProfileView,
    QRGeneratorView,
    SetupCompleteView,
    SetupView,
)

from core.lockout import lockout_response

WRONG_APP_CODE = _("That code is not right. Enter the current code from your authenticator app.")
WRONG_BACKUP_CODE = _("That backup code is not right, or it has been used already.")
TOO_MANY_WRONG_CODES = _("Too many wrong codes in a row. Wait a minute, then try again with a new code.")


def otp_error_messages(wrong_code) -> dict:
    """django-otp's messages, which have no Polish, Ukrainian or Russian, in our words for one kind of code."""
    return {
        **OTPAuthenticationFormMixin.otp_error_messages,
        "token_required": _("Enter the code."),
        "invalid_token": wrong_code,
        "device_required": wrong_code,
        "n_failed_attempts": TOO_MANY_WRONG_CODES,
        "verification_not_allowed": TOO_MANY_WRONG_CODES,
    }


# Spaces and dashes are how apps and printouts group a code; they are not part of it.
CODE_SEPARATORS = str.maketrans("", "", " -\t")


def normalise_code(value: str) -> str:
    return (value or "").translate(CODE_SEPARATORS).lower()


def normalise_posted_code(form, field: str) -> None:
    """The code a bound form was sent, without the spaces and dashes it was grouped with, in lower case."""
    if form.is_bound:
        name = form.add_prefix(field)
        form.data = form.data.copy()
        form.data[name] = normalise_code(form.data.get(name))


def with_app_device(user):
    """The user, whose confirmed app device, whatever its name, is the one the library uses.

    The library knows a device only by the name "default" (two_factor.utils.default_device); devices made
    before it came in ("Authenticator app") or in the admin have other names, and would let their editor log in
    with the password only, whereupon EditorAdminSite, which counts every device, would refuse them.
    """
    if user and user.is_authenticated and not hasattr(user, USER_DEFAULT_DEVICE_ATTR_NAME):
        device = TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()
        if device is not None:
            setattr(user, USER_DEFAULT_DEVICE_ATTR_NAME, device)
    return user


class AdminPage:
    """A two_factor view in the admin: the admin's context (header, user links) and its title."""

    subtitle = None

    def dispatch(self, request, *args, **kwargs):
        with_app_device(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        page = {"title": _("Two-step verification"), "subtitle": self.subtitle}
        return {**admin.site.each_context(self.request), **page, **context}


class AdminPasswordForm(AdminAuthenticationForm):
    """The admin's password step (staff only), refusing a username longer than the user model allows.

    AuthenticationForm sets the field's max_length after the field is made, so it reaches the widget but no
    validator: a longer name went to authenticate() and on to django-axes, whose column holds 255 characters,
    and PostgreSQL answered with a server error.
    """

    def __init__(self, request=None, *args, **kwargs):  # the library passes request only to a form that names it
        super().__init__(request, *args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))


class AdminLoginView(LoginView):
    """The admin login: password, then a code only for users with a device; wrong codes count for django-axes."""

    form_list = (
        (LoginView.AUTH_STEP, AdminPasswordForm),
        (LoginView.TOKEN_STEP, AuthenticationTokenForm),
        (LoginView.BACKUP_STEP, BackupTokenForm),
    )
    CODE_STEPS = (LoginView.TOKEN_STEP, LoginView.BACKUP_STEP)

    def get_user(self):
        return with_app_device(super().get_user())

    def get_form_prefix(self, step=None, form=None):
        # The password step keeps the plain field names, which password managers and django-axes look for.
        return "" if step == self.AUTH_STEP else super().get_form_prefix(step, form)

    def post(self, *args, **kwargs):
        if "challenge_device" in self.request.POST:
            # The library acts on it before it knows whose log-in this is (a server error for anyone); app and
            # backup codes need no challenge, so the field means nothing here.
            self.request.POST = self.request.POST.copy()
            del self.request.POST["challenge_device"]
        user = self.get_user()
        if user and self.steps.current in self.CODE_STEPS:
            credentials = {"username": user.get_username()}
            if not AxesProxyHandler.is_allowed(self.request, credentials):
                return lockout_response(self.request, credentials=credentials)
        return super().post(*args, **kwargs)

    def render(self, form=None, **kwargs):
        user = self.get_user()
        if user and form is not None and form.is_bound and form.errors and self.steps.current in self.CODE_STEPS:
            # A wrong code is a failed log-in: django-axes counts it towards the lockout.
            user_login_failed.send(sender=__name__, credentials={"username": user.get_username()}, request=self.request)
        return super().render(form, **kwargs)

    def get_form(self, step=None, **kwargs):
        form = super().get_form(step, **kwargs)
        step = step or self.steps.current
        if step in self.CODE_STEPS:
            form.otp_error_messages = otp_error_messages(
                WRONG_APP_CODE if step == self.TOKEN_STEP else WRONG_BACKUP_CODE
            )
            normalise_posted_code(form, "otp_token")  # as the app or the printout groups it, or in capitals
            field = form.fields["otp_token"]
            field.label = _("Verification code") if step == self.TOKEN_STEP else _("Backup code")
            field.widget.attrs.update(autocapitalize="none", spellcheck="false")
        return form

    def get_success_url(self):
        return self.get_redirect_url() or reverse("admin:index")


class AdminSetupView(AdminPage, SetupView):
    subtitle = _("Set up")

    def get_form(self, step=None, **kwargs):
        form = super().get_form(step, **kwargs)
        if "token" in form.fields:
            normalise_posted_code(form, "token")  # as the app groups it ("123 456"), as the log-in takes it
            field = form.fields["token"]
            field.label = _("Code from the app")
            # Its number input cannot take autocomplete="one-time-code" (the Nu checker refuses it).
            field.widget = forms.TextInput(
                attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autocapitalize": "none"}
            )
            form.error_messages = {**form.error_messages, "invalid_token": WRONG_APP_CODE}
        return form

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form, **kwargs)
        if "secret_key" in context:
            context["issuer"] = settings.OTP_TOTP_ISSUER
            context["otpauth_url"] = get_otpauth_url(
                self.request.user.get_username(), context["secret_key"], settings.OTP_TOTP_ISSUER, totp_digits()
            )
        return context


class AdminQRView(QRGeneratorView):
    def get_issuer(self):
        return settings.OTP_TOTP_ISSUER


class PasswordForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("That password is not right."), code="password_incorrect")
        return password


class AdminDisableView(AdminPage, DisableView):
    subtitle = _("Turn off")
    form_class = PasswordForm
    success_url = reverse_lazy("two_factor:profile")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, gettext("Two-step verification is off."))
        return response


class AdminProfileView(AdminPage, ProfileView):
    pass


class AdminSetupCompleteView(AdminPage, SetupCompleteView):
    subtitle = _("Set up")


class AdminBackupTokensView(AdminPage, BackupTokensView):
    subtitle = _("Backup codes")
    success_url = "two_factor:backup_tokens"


def urls():
    """The self-service pages at /admin/two-factor/ (namespace two_factor, as the library's templates expect)."""
    view = admin.site.admin_view
    patterns = [
        path("", view(AdminProfileView.as_view()), name="profile"),
        path("setup/", view(AdminSetupView.as_view(success_url="two_factor:setup_complete")), name="setup"),
        path("qrcode/", view(AdminQRView.as_view()), name="qr"),
        path("setup/complete/", view(AdminSetupCompleteView.as_view()), name="setup_complete"),
        path("backup/tokens/", view(AdminBackupTokensView.as_view()), name="backup_tokens"),
        path("disable/", view(AdminDisableView.as_view()), name="disable"),
    ]
    return patterns, "two_factor"
