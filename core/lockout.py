"""The admin lockout's second limit: many failures for one username from any addresses lock it for a short while.

django-axes counts failures per username and address (AXES_LOCKOUT_PARAMETERS) against one limit and one
cool-off, so a guesser who changes address after every few tries is never slowed. This handler adds a limit per
username across all addresses: LOCKOUT_USERNAME_FAILURE_LIMIT failures within LOCKOUT_USERNAME_TIME lock the
username for LOCKOUT_USERNAME_TIME after the last of them.

The window is as long as the lock, so once a lock has run out every failure that caused it is out of the window:
the next lock takes a full run of new failures, and one wrong password now and then cannot re-arm it. Attempts
refused by a lock are not counted (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False): the password was not
even checked, and counting them would let an editor's own retries lengthen the lock. So a guesser gets at most
about LOCKOUT_USERNAME_FAILURE_LIMIT guesses per LOCKOUT_USERNAME_TIME at one username, and keeping its editor
out costs that many guesses each time. The trade-off: a guesser who stays just under the limit (19 per quarter
of an hour) is never locked, where counting over axes' hour would lock them sooner; but the hour is what let one
failure re-arm the lock, and the guesser's rate is capped the same way either way.

Failures are counted one by one in axes' AccessFailureLog (AXES_ENABLE_ACCESS_FAILURE_LOG): an AccessAttempt
row sums an address's failures under the time of its latest one, which would count old failures as new. A
failure log row goes when axes deletes the AccessAttempt row it belongs to: at a successful log-in from that
address, when the row expires after the cool-off, or when an administrator deletes it to unlock the account.

The lock does not apply in a browser where that editor has logged in before (a "known device" cookie, as
OWASP's "device cookies" suggest), so an editor on their own computer is not kept out at all. The cookie holds a
random id for the browser and an HMAC of that id, the username and the user's session auth hash (derived from
the password hash): a cookie shows no username, is good for its own user only, and every known device stops
counting when the password changes. Nothing is stored on the server, so a single browser cannot be revoked and
logging out does not revoke it: changing the password is how an editor revokes them all.
"""

import datetime
import math
import secrets

from axes.conf import settings
from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessFailureLog
from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.db.models import Max
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

KNOWN_DEVICE_COOKIE = "known_device"
# Named for the module's first home; a new salt would forget every editor's known browser.
KNOWN_DEVICE_SALT = "pages.lockout.known_device"
KNOWN_DEVICE_AGE = datetime.timedelta(days=90)


def _device_mac(device_id: str, user) -> str:
    # The session auth hash changes with the password, so a password change revokes every known device.
    message = f"{device_id}\n{user.get_username()}\n{user.get_session_auth_hash()}"
    return salted_hmac(KNOWN_DEVICE_SALT, message, algorithm="sha256").hexdigest()


def remember_device(response, user) -> None:
    """After a successful log-in: this browser is now a known device for the user."""
    device_id = secrets.token_urlsafe(16)
    response.set_signed_cookie(
        KNOWN_DEVICE_COOKIE,
        f"{device_id}:{_device_mac(device_id, user)}",
        salt=KNOWN_DEVICE_SALT,
        max_age=int(KNOWN_DEVICE_AGE.total_seconds()),
        path=reverse("admin:index"),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def is_known_device(request, username: str) -> bool:
    """Whether this browser holds a known-device cookie for the username and its current password.

    Asked only once the username is locked, so the look-up of the user, made only for a cookie the site signed,
    tells nothing about which usernames exist: an unknown one is locked like any other and has no known device.
    """
    value = request.get_signed_cookie(
        KNOWN_DEVICE_COOKIE, default="", salt=KNOWN_DEVICE_SALT, max_age=KNOWN_DEVICE_AGE.total_seconds()
    )
    device_id, _, mac = value.partition(":")
    if not (device_id and mac):
        return False  # no cookie, or one the site did not sign: no query for the username at all
    user_model = get_user_model()
    try:
        user = user_model._default_manager.get_by_natural_key(username)
    except user_model.DoesNotExist:
        return False  # an unknown username has no known devices
    return constant_time_compare(mac, _device_mac(device_id, user))


class EditorLockoutHandler(AxesDatabaseHandler):
    """axes' database handler, plus the username-wide limit."""

    def is_locked(self, request, credentials=None) -> bool:
        return super().is_locked(request, credentials) or self.username_lock_ends(request, credentials) is not None

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        # The failure that reaches the username-wide limit already gets the lockout page, as axes does for its own.
        if request is not None and not request.axes_locked_out and self.username_lock_ends(request, credentials):
            request.axes_locked_out = True
            request.axes_credentials = credentials
            username = get_client_username(request, credentials)
            user_locked_out.send("axes", request=request, username=username, ip_address=request.axes_ip_address)

    def address_lock_ends(self, request, credentials=None) -> datetime.datetime | None:
        """When axes' own lock (this username from this address) ends, or None if it does not hold."""
        if self.get_failures(request, credentials) < get_failure_limit(request, credentials):
            return None
        attempts = self.get_user_attempts(request, credentials)
        last = max(filter(None, (queryset.aggregate(last=Max("attempt_time"))["last"] for queryset in attempts)))
        return last + get_cool_off(request)

    def username_lock_ends(self, request, credentials=None) -> datetime.datetime | None:
        """When the username-wide lock ends, or None if it does not hold for this request.

        A failure at time t locks the username until t + LOCKOUT_USERNAME_TIME if (t - LOCKOUT_USERNAME_TIME, t]
        holds LOCKOUT_USERNAME_FAILURE_LIMIT failures or more, so only failures of the last two lock times matter.
        """
        username = get_client_username(request, credentials)
        if not username:
            return None
        now, window = request.axes_attempt_time, settings.LOCKOUT_USERNAME_TIME
        times = list(
            # No upper bound: the log stamps a failure when it is saved, a moment after the request's own time.
            AccessFailureLog.objects.filter(username=username, attempt_time__gt=now - 2 * window)
            .order_by("attempt_time")
            .values_list("attempt_time", flat=True)
        )
        ends, oldest = None, 0  # times[oldest:latest + 1] are the failures in the window ending at times[latest]
        for latest, time in enumerate(times):
            while times[oldest] <= time - window:
                oldest += 1
            if latest + 1 - oldest >= settings.LOCKOUT_USERNAME_FAILURE_LIMIT:
                ends = time + window
        if ends is None or ends <= now or is_known_device(request, username):
            return None
        return ends

    def post_delete_access_attempt(self, instance, **kwargs):
        """An address's failures stop counting towards the username-wide limit when axes forgets them."""
        AccessFailureLog.objects.filter(
            username=instance.username,
            ip_address=instance.ip_address,
            user_agent=instance.user_agent,
        ).delete()


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the lockout page, saying which limit was reached and for how many more minutes."""
    handler = AxesProxyHandler.get_implementation()
    address_ends = handler.address_lock_ends(request, credentials)
    username_ends = handler.username_lock_ends(request, credentials)
    ends = max(filter(None, (address_ends, username_ends)), default=timezone.now())
    context = {
        "username_wide": address_ends is None and username_ends is not None,
        "minutes": max(1, math.ceil((ends - timezone.now()).total_seconds() / 60)),
    }
    return render(request, settings.AXES_LOCKOUT_TEMPLATE, context, status=settings.AXES_HTTP_RESPONSE_CODE)
