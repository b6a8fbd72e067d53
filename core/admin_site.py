"""The admin site with an optional second factor: an editor who turned on two-step verification must pass it.

Editors without a device log in with their password as before. Once an editor has a confirmed django-otp
device, the admin (and every view wrapped in admin_view, such as the translation dashboard) lets them in only
in a session verified by a code from that device. The log-in and the set-up pages are django-two-factor-auth's,
fitted to the admin in core/two_factor.py.

This module is imported while the app registry loads (INSTALLED_APPS names EditorAdminConfig), so it must not
import models or forms at the top.
"""

import functools

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


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
    # Django's own words, in our catalogue: its Ukrainian one says "Адміністрування сайта", a Russian form.
    index_title = _("Site administration")

    def has_permission(self, request):
        return super().has_permission(request) and second_factor_passed(request.user)

    def admin_view(self, view, cacheable=False):
        return super().admin_view(refusing_wrong_addresses(view), cacheable)

    def get_urls(self):
        """Django's admin addresses, the page where staff choose their language of the admin, and the personal data of
        an address (core.admin_personal_data)."""
        from django.urls import path

        from core.admin_language import choose_language
        from core.admin_personal_data import personal_data_view

        language = path("language/", self.admin_view(choose_language), {"admin_site": self}, name="language")
        personal_data = path(
            "personal-data/", self.admin_view(personal_data_view), {"admin_site": self}, name="personal_data"
        )
        return [language, personal_data, *super().get_urls()]

    def each_context(self, request):
        from core.personal_data import can_export

        context = super().each_context(request)
        context["may_export_personal_data"] = request.user.is_authenticated and can_export(request.user)
        return context

    def login(self, request, extra_context=None):
        """Django's admin login, with django-two-factor-auth's log-in (core.two_factor.AdminLoginView) for its form."""
        if request.method == "GET" and self.has_permission(request):
            return HttpResponseRedirect(reverse("admin:index", current_app=self.name))
        from core.two_factor import AdminLoginView

        user = request.user
        context = {
            **self.each_context(request),
            "title": _("Log in"),
            "subtitle": None,
            "app_path": request.get_full_path(),
            "username": user.get_username(),
            # Signed in with a password only, by an editor who has since turned on two-step verification.
            "second_factor_needed": user.is_authenticated and user.is_staff and not second_factor_passed(user),
            **(extra_context or {}),
        }
        request.current_app = self.name
        response = AdminLoginView.as_view(extra_context=context)(request)
        if request.method == "POST" and response.status_code == 302:  # the login form was valid: logged in
            from core.lockout import remember_device

            remember_device(response, request.user)
        return response


def refusing_wrong_addresses(view):
    """Every admin view, Django's and other apps' alike, answers a wrong address as the admin does elsewhere.

    A changelist filter the database or Python's dates cannot take (a year past 9998 to drill down into, a date
    before year 1 once moved to UTC, a number too large for a C long) fails only when the query is built or run,
    past Django's own check of the filters: it is refused like any wrong filter, with a redirect to ?e=1. An
    object named in the address that does not exist is a 404 (django-otp's device pages read it with .get()).
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except ObjectDoesNotExist as error:
            raise Http404 from error
        except (ValueError, OverflowError):
            if view.__name__ != "changelist_view" or request.method != "GET" or not request.GET:
                raise
            from django.contrib.admin.views.main import ERROR_FLAG

            return HttpResponseRedirect(f"{request.path}?{ERROR_FLAG}=1")

    return wrapper


class EditorAdminConfig(AdminConfig):
    """Replaces "django.contrib.admin" in INSTALLED_APPS, as Django documents for a custom default site."""

    default_site = "core.admin_site.EditorAdminSite"
