"""Optional two-step verification for the admin, with django-otp: the login form and the self-service pages.

An editor turns it on at /admin/two-factor/: the page makes an unconfirmed TOTP device, shows its key as text,
as an otpauth:// address and as a QR code, and confirms the device once the editor types in a code from their
authenticator app. Confirming also makes ten single-use backup codes, shown once. From then on the admin login
asks for a code as well (core.admin_site.EditorAdminSite), and a wrong code counts as a failed log-in for
django-axes. Turning it off asks for the password again and deletes the editor's devices.
"""

from base64 import b32encode

import segno
from django import forms
from django.contrib import admin, messages
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST
from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.admin import OTPAdminAuthenticationForm
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODE_COUNT = 10
# Spaces and dashes are how apps and printouts group a code; they are not part of it.
CODE_SEPARATORS = str.maketrans("", "", " -\t")

WRONG_CODE = _("That code is not right. Enter the current code from your authenticator app, or an unused backup code.")
TOO_MANY_WRONG_CODES = _("Too many wrong codes in a row. Wait a minute, then try again with a new code.")


def normalise_code(value: str) -> str:
    return (value or "").translate(CODE_SEPARATORS).lower()


def device_for_code(user, code: str):
    """The confirmed device a code is meant for: digits come from the app, letters and digits are a backup code.

    Choosing by the code's form, rather than trying every device, keeps a wrong app code from counting against
    the backup codes' throttle (and the other way round). Call inside a transaction: the row is locked.
    """
    model = TOTPDevice if code.isdigit() else StaticDevice
    return model.objects.devices_for_user(user, confirmed=True).select_for_update().order_by("pk").first()


class EditorLoginForm(OTPAdminAuthenticationForm):
    """The admin login: username and password, and a code only for users who turned on two-step verification.

    One form with all three fields, so that it works without JavaScript and in one step. The device is chosen
    from the code (device_for_code), so there is no device menu and no challenge button.
    """

    otp_device = None
    otp_challenge = None
    otp_token = forms.CharField(
        label=_("Verification code"),
        required=False,
        max_length=32,
        help_text=_(
            "Only if you turned on two-step verification: the code from your authenticator app, "
            "or one of your backup codes."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )

    otp_error_messages = {
        **OTPAuthenticationFormMixin.otp_error_messages,
        "token_required": _(
            "Two-step verification is on for this account: enter the code from your authenticator app, "
            "or one of your backup codes."
        ),
        "invalid_token": WRONG_CODE,
        "device_required": WRONG_CODE,
        "n_failed_attempts": TOO_MANY_WRONG_CODES,
        "verification_not_allowed": TOO_MANY_WRONG_CODES,
    }

    def clean_otp_token(self):
        return normalise_code(self.cleaned_data.get("otp_token"))

    def clean(self):
        # The password check of AdminAuthenticationForm (staff only); the code is checked only for users with a device.
        self.cleaned_data = super(OTPAdminAuthenticationForm, self).clean()
        user = self.get_user()
        if user is not None and user_has_device(user, confirmed=True):
            try:
                self.clean_otp(user)
            except ValidationError:
                if self.cleaned_data.get("otp_token"):
                    # A wrong code is a failed log-in: django-axes counts it towards the lockout.
                    user_login_failed.send(
                        sender=__name__,
                        credentials={"username": self.cleaned_data.get("username")},
                        request=self.request,
                    )
                raise
        return self.cleaned_data

    def _chosen_device(self, user):
        return device_for_code(user, self.cleaned_data.get("otp_token") or "")

    def _update_form(self, user):
        """django-otp would fill in the device menu and send the password back in the page; neither here."""


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the app"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autocapitalize": "none"}
        ),
    )

    def clean_code(self):
        return normalise_code(self.cleaned_data["code"])


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


def qr_code_svg(uri: str) -> str:
    """An inline SVG QR code: presentation attributes only, no style attribute or element (the CSP forbids both)."""
    svg = segno.make(uri, error="m").svg_inline(
        scale=4,
        border=4,
        dark="#000",
        light="#fff",  # a white quiet zone, so that the code also scans on the admin's dark theme
        title=gettext("QR code for your authenticator app"),
        svgclass="two-factor-qr",
    )
    if "style" in svg:
        raise ValueError("segno's SVG would need 'unsafe-inline' styles")
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S308 -- segno escapes the title


def _pending_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("-pk").first()


def _new_backup_codes() -> list[str]:
    codes = []
    while len(codes) < BACKUP_CODE_COUNT:
        code = StaticToken.random_token()
        # All digits would read as an app code at login (device_for_code); such a code is redrawn.
        if not code.isdigit() and code not in codes:
            codes.append(code)
    return codes


def _context(request, **extra):
    return {**admin.site.each_context(request), "title": _("Two-step verification"), **extra}


def _status_page(request, password_form=None, status=200):
    user = request.user
    backup_device = StaticDevice.objects.devices_for_user(user, confirmed=True).first()
    context = _context(
        request,
        enabled=user_has_device(user, confirmed=True),
        backup_codes_left=backup_device.token_set.count() if backup_device else 0,
        pending=_pending_device(user) is not None,
        password_form=password_form or PasswordForm(user),
    )
    return render(request, "admin/two_factor/status.html", context, status=status)


def _setup_page(request, device, form=None):
    key = b32encode(device.bin_key).decode()
    uri = device.config_url
    context = _context(
        request,
        subtitle=_("Set up"),
        key=key,
        uri=uri,
        qr_code=qr_code_svg(uri),
        form=form or CodeForm(),
    )
    return render(request, "admin/two_factor/setup.html", context)


@require_GET
def status(request):
    return _status_page(request)


@require_POST
def start(request):
    """Makes a new unconfirmed app device (dropping any earlier unfinished one) and shows how to add it."""
    user = request.user
    if user_has_device(user, confirmed=True):
        return redirect("two_factor")
    with transaction.atomic():
        TOTPDevice.objects.devices_for_user(user, confirmed=False).delete()
        TOTPDevice.objects.create(user=user, name=gettext("Authenticator app"), confirmed=False)
    return redirect("two_factor_setup")


def setup(request):
    """GET shows the key and QR code of the unconfirmed device; POST confirms it with a code from the app."""
    user = request.user
    device = _pending_device(user)
    if device is None or user_has_device(user, confirmed=True):
        return redirect("two_factor")
    if request.method != "POST":
        return _setup_page(request, device)
    form = CodeForm(request.POST)
    if not form.is_valid():
        return _setup_page(request, device, form)
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        if device.confirmed:  # confirmed meanwhile, from another tab
            return redirect("two_factor")
        allowed, _details = device.verify_is_allowed()
        if not allowed:
            form.add_error("code", TOO_MANY_WRONG_CODES)
            return _setup_page(request, device, form)
        if not device.verify_token(form.cleaned_data["code"]):
            form.add_error("code", WRONG_CODE)
            return _setup_page(request, device, form)
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        backup_device = StaticDevice.objects.create(user=user, name=gettext("Backup codes"), confirmed=True)
        codes = _new_backup_codes()
        StaticToken.objects.bulk_create([StaticToken(device=backup_device, token=code) for code in codes])
    # This session has just proved the second factor; without this the editor would be sent to log in again.
    otp_login(request, device)
    return render(
        request, "admin/two_factor/backup_codes.html", _context(request, subtitle=_("Backup codes"), codes=codes)
    )


@require_POST
def disable(request):
    user = request.user
    form = PasswordForm(user, request.POST)
    if not form.is_valid():
        return _status_page(request, password_form=form)
    with transaction.atomic():
        for device in list(devices_for_user(user, confirmed=None)):
            device.delete()
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
    messages.success(request, gettext("Two-step verification is off."))
    return redirect("two_factor")


def urls():
    """The self-service pages, placed at /admin/two-factor/ by the root URLconf, before the admin's own URLs."""
    return [
        path("", admin.site.admin_view(status), name="two_factor"),
        path("start/", admin.site.admin_view(start), name="two_factor_start"),
        path("setup/", admin.site.admin_view(setup), name="two_factor_setup"),
        path("disable/", admin.site.admin_view(disable), name="two_factor_disable"),
    ]
