"""The admin site with an optional second factor: an editor who turned on two-step verification must pass it.

Editors without a device log in with their password as before. Once an editor has a confirmed django-otp
device, the admin (and every view wrapped in admin_view, such as the translation dashboard) lets them in only
in a session verified by a code from that device; see pages/otp.py for the login form and the set-up pages.

This module is imported while the app registry loads (INSTALLED_APPS names EditorAdminConfig), so it must not
import models or forms at the top.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig


def has_confirmed_device(user) -> bool:
    """django_otp.user_has_device(user), in one query over every device model instead of one query each."""
    from django_otp import device_classes

    if not user.is_authenticated:
        return False
    devices = [model.objects.devices_for_user(user, confirmed=True).values("pk") for model in device_classes()]
    return bool(devices) and devices[0].union(*devices[1:]).exists()


def second_factor_passed(user) -> bool:
    """True for a user without a confirmed device, or one whose session a device has verified."""
    is_verified = getattr(user, "is_verified", None)  # installed by django_otp's OTPMiddleware
    if is_verified is not None and is_verified():
        return True
    cached = getattr(user, "_second_factor_required", None)
    if cached is None:
        cached = has_confirmed_device(user)
        user._second_factor_required = cached  # has_permission runs several times a request
    return not cached


class EditorAdminSite(admin.AdminSite):
    login_template = "admin/two_factor/login.html"

    @property
    def login_form(self):
        from pages.otp import EditorLoginForm

        return EditorLoginForm

    def has_permission(self, request):
        return super().has_permission(request) and second_factor_passed(request.user)

    def login(self, request, extra_context=None):
        user = request.user
        extra_context = {
            # Signed in with a password only, by an editor who has since turned on two-step verification.
            "second_factor_needed": user.is_authenticated and user.is_staff and not second_factor_passed(user),
            **(extra_context or {}),
        }
        return super().login(request, extra_context)


class EditorAdminConfig(AdminConfig):
    """Replaces "django.contrib.admin" in INSTALLED_APPS, as Django documents for a custom default site."""

    default_site = "pages.admin_site.EditorAdminSite"
