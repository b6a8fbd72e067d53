"""Third-party apps under names in the site's languages: the admin index shows these as its headings.

INSTALLED_APPS names these classes instead of the apps' own, which give no name ("OTP_STATIC") or an English one.
Only the name changes: each keeps its app's label, so its models, tables and migrations stay as they are.
"""

from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.apps import DefaultConfig as StaticDefaultConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TotpDefaultConfig
from post_office.apps import PostOfficeConfig


class OutboxConfig(PostOfficeConfig):
    verbose_name = _("Outbox")


class LoginLockoutConfig(AxesAppConfig):
    verbose_name = _("Login lockout")


class TwoStepVerificationConfig(AppConfig):
    name = "django_otp"
    verbose_name = _("Two-step verification")


class AuthenticatorAppsConfig(TotpDefaultConfig):
    verbose_name = _("Authenticator apps")


class BackupCodesConfig(StaticDefaultConfig):
    verbose_name = _("Editors' backup codes")  # "Backup codes" is one's own, on the two-factor page
