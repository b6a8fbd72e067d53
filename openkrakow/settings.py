"""Settings for Open Kraków, read from the environment with safe development defaults."""

import os
import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from openkrakow import languages

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
# A checkout where `make` ran has its own random key in var/secret_key: manage.py then works there without
# any environment, for this machine only (ALLOWED_HOSTS loopback). Production sets both in the environment.
LOCAL_KEY_FILE = Path(os.environ.get("SECRET_KEY_FILE", BASE_DIR / "var" / "secret_key"))
if not SECRET_KEY and not DEBUG and LOCAL_KEY_FILE.is_file():
    SECRET_KEY = LOCAL_KEY_FILE.read_text().strip()
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost"]
if DEBUG:
    SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-used-in-production"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
else:
    # A production start without these would run with a guessable key or refuse every request.
    if not SECRET_KEY:
        raise ImproperlyConfigured("SECRET_KEY must be set in the environment when DEBUG is off.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS must be set in the environment when DEBUG is off (comma-separated host names)."
        )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    # The admin with an optional second factor (django-otp) for editors; see core/admin_site.py.
    "core.admin_site.EditorAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "parler",
    # Under names in the site's languages for the admin's headings (core/app_names.py).
    "core.app_names.OutboxConfig",
    "core.app_names.LoginLockoutConfig",
    "core.app_names.TwoStepVerificationConfig",
    "core.app_names.AuthenticatorAppsConfig",
    "core.app_names.BackupCodesConfig",
    # Its log-in and set-up pages, fitted to the admin in core/two_factor.py.
    "two_factor",
    # Ours: site-wide plumbing, the translation workflow, then the features. Imports run only this way.
    "core",
    "translations",
    "pages",
    "conference",
    "feedback",
]

MIDDLEWARE = [
    # First: a cached page is answered with the headers the middleware below gave it when it was kept, and
    # without touching sessions or CSRF.
    "core.cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "openkrakow.middleware.PermissionsPolicyMiddleware",
    # Before anything reads the request: a control character in the address, a NUL or an unreadable form is a
    # 400 (below the header middleware, so that the 400 page carries the security headers too).
    "openkrakow.middleware.RejectMalformedRequestMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag on every page, and 304 Not Modified when the browser already has it.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Marks request.user verified when the session passed a second factor.
    "django_otp.middleware.OTPMiddleware",
    # Under /admin/, the staff member's chosen language instead of the browser's (LocaleMiddleware's above).
    "core.middleware.AdminLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "openkrakow.urls"
WSGI_APPLICATION = "openkrakow.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "openkrakow.context_processors.site",
            ],
        },
    },
]

# Database: PostgreSQL in production and CI through DATABASE_URL, an SQLite file under var/ otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=env_bool("CONN_HEALTH_CHECKS", True),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: one table drives Django, parler and modeltranslation.
SITE_ID = 1
LANGUAGE_CODE = "en"  # what a visitor gets when their browser names none of ours
LANGUAGES = languages.django_languages(languages.FALLBACK_CHAINS)
LOCALE_PATHS = [BASE_DIR / "locale"]
PARLER_DEFAULT_LANGUAGE_CODE = languages.SOURCE_LANGUAGE
PARLER_LANGUAGES = languages.parler_languages(languages.FALLBACK_CHAINS, site_id=SITE_ID)
# Views prefetch translations; a per-process cache of them would go stale behind bulk status updates.
PARLER_ENABLE_CACHING = False
MODELTRANSLATION_DEFAULT_LANGUAGE = languages.SOURCE_LANGUAGE
MODELTRANSLATION_FALLBACK_LANGUAGES = languages.modeltranslation_fallbacks(languages.FALLBACK_CHAINS)
USE_I18N = True
# Dates as each language writes them ('23 February 2017', '23 лютого 2017 р.'); see openkrakow/formats/.
FORMAT_MODULE_PATH = ["openkrakow.formats"]

TIME_ZONE = "Europe/Warsaw"
USE_TZ = True

SITE_NAME = _("Open Kraków")
# The public address, for links in e-mails that are sent outside any request; by default where `make run` serves.
SITE_URL = os.environ.get("SITE_URL", f"http://127.0.0.1:{os.environ.get('PORT') or 8000}").rstrip("/")
# How many reverse proxies stand in front of the app and append to X-Forwarded-For (0: use REMOTE_ADDR).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Open311 GeoReport v2 (feedback/open311.py). The one jurisdiction it serves: by the spec's convention the city's
# main website without "www"; clients may send it as jurisdiction_id or leave it out. Discovery tells city systems
# whom to contact and how to get an API key (keys are issued in the admin).
# Errors under an API's prefix are written as that API writes them (core.views' 400 and 500 handlers).
API_ERROR_RESPONSES = {"/open311/": "feedback.open311.error_response"}
OPEN311_JURISDICTION = os.environ.get("OPEN311_JURISDICTION", "krakow.pl")
OPEN311_CONTACT = os.environ.get("OPEN311_CONTACT", f"See the contacts page: {SITE_URL}/en/contacts/")
OPEN311_KEY_SERVICE = os.environ.get(
    "OPEN311_KEY_SERVICE", f"The site's editors issue keys to city systems; ask through {SITE_URL}/en/contacts/"
)

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files that clients ask for at the site's root, whatever the page (/favicon.ico), served by whitenoise.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
# Let Django serve uploaded files itself; off when the web server in front serves MEDIA_ROOT at /media/.
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# E-mail: every message is stored in the post_office outbox first; a worker sends it with retries.
EMAIL_BACKEND = "post_office.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Open Kraków <noreply@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
POST_OFFICE = {
    "BACKENDS": {
        # Development prints messages in the worker's console; production sets EMAIL_DELIVERY=smtp.
        "default": f"django.core.mail.backends.{os.environ.get('EMAIL_DELIVERY', 'console')}.EmailBackend",
    },
    "DEFAULT_PRIORITY": "medium",  # queued, never sent inside a request
    "MAX_RETRIES": int(os.environ.get("EMAIL_MAX_RETRIES", "48")),
    "RETRY_INTERVAL": timedelta(minutes=int(os.environ.get("EMAIL_RETRY_MINUTES", "30"))),
    "LOG_LEVEL": 2,  # log successes as well as failures
    "MESSAGE_ID_ENABLED": True,
}

# Caches: the shared one (the database by default, so that every app instance sees the same) holds the page
# cache's generation; each process keeps the pages themselves in memory. See core/cache.py.
# With REDIS_URL (e.g. redis://127.0.0.1:6379/0) the shared cache is Redis, whose read costs far less than a
# database round trip (see bench/results.md); without it, the database cache needs nothing new.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "openkrakow_cache"}
    ),
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("PAGE_CACHE_ENTRIES", "2000"))},
    },
}
# Whole anonymous pages are cached unless PAGE_CACHE=0.
PAGE_CACHE = env_bool("PAGE_CACHE", True)
# PAGE_CACHE_KEEP_PAGES=0: every page rendered, from the values and schedule rows kept (make bench's misses).
PAGE_CACHE_KEEP_PAGES = env_bool("PAGE_CACHE_KEEP_PAGES", True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_SHARED = "default"
PAGE_CACHE_LOCAL = "pages"
# Saves of these apps' (or app.Model) rows may change what a page shows: each replaces its model's generation,
# which drops the pages that declare they show it (core.cache.cacheable).
PAGE_CACHE_APPS = [
    "pages",
    *[f"conference.{name}" for name in ("Conference", "Day", "Venue", "Room", "Track", "SessionType", "Speaker")],
    *[f"conference.{name}" for name in ("Session", "ScheduleVersion", "ScheduleChange", "Booking")],
    "feedback.Category",
]  # not registrations or volunteers: no page shows them (a booking's places are the Booking rows)
# What every page's layout shows: the footer's contacts.
PAGE_CACHE_LAYOUT = ["pages.ContactRole"]
# How long a process trusts the generations it read: an edit shows on every instance within this time.
PAGE_CACHE_CHECK_SECONDS = float(os.environ.get("PAGE_CACHE_CHECK_SECONDS", "1"))
# Visitors with a session, pending messages or any of these cookies get pages built for them.
PAGE_CACHE_BYPASS_COOKIES = ["agenda"]  # conference.agenda.COOKIE: a personal agenda

# HTTPS: on by default in production, behind a TLS proxy that sets X-Forwarded-Proto (BEHIND_TLS_PROXY).
# `make run` serves plain HTTP on 127.0.0.1 and turns it off with HTTPS=0.
HTTPS = env_bool("HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
# Load balancers check instances over plain HTTP inside the network: a redirect would read as 'down'.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", 60 * 60 * 24 * 365 if HTTPS else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", HTTPS)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY") else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not HTTPS:
    # Without TLS, check --deploy's HTTPS warnings do not apply; production runs with HTTPS on.
    SILENCED_SYSTEM_CHECKS = ["security.W004", "security.W008", "security.W012", "security.W016"]

# Venue maps (static/js/venue-map.js): the tile server, OpenStreetMap's by default (mind its tile usage policy), and
# the credit shown on the map. Empty turns the maps off; the address and directions links stay.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png").strip()
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION") or _("© OpenStreetMap contributors")
MAP_TILE_ATTRIBUTION_URL = os.environ.get("MAP_TILE_ATTRIBUTION_URL", "https://www.openstreetmap.org/copyright")


def csp_source(url_template: str) -> list[str]:
    """The CSP source a tile URL template's server needs: its origin, a {s} subdomain as a wildcard; none for the
    site's own (relative) URLs."""
    parts = urlsplit(url_template)
    if not parts.scheme and not parts.netloc:
        return []
    host = "*." + parts.netloc.removeprefix("{s}.") if parts.netloc.startswith("{s}.") else parts.netloc
    # A plain host name and port only: anything else (a space, ";", a quote, a password) would be a source no
    # browser matches, or a directive of its own in the policy.
    plain = re.fullmatch(r"(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:(?P<port>\d{1,5}))?", host)
    if parts.scheme not in ("https", "http") or not plain or int(plain["port"] or 0) > 65535:
        raise ImproperlyConfigured(
            f"MAP_TILE_URL must be an http(s) address with a plain host name ({{s}} only as its first part), "
            f"or a path; not {url_template!r}."
        )
    return [f"{parts.scheme}://{host}"]


# Content Security Policy: no inline scripts or styles anywhere; images from the map's tile server too.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *(csp_source(MAP_TILE_URL) if MAP_TILE_URL else [])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],  # the web app manifest, /<language>/manifest.webmanifest
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    }
}

# Admin login: five failures for one user from one address lock them out there for an hour; twenty for one user
# from any addresses within a quarter of an hour lock the user for a quarter of an hour after the last one, except
# in a browser where they have logged in since their password last changed (core.lockout).
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = 1  # hours
LOCKOUT_USERNAME_FAILURE_LIMIT = 20
LOCKOUT_USERNAME_TIME = timedelta(minutes=15)  # both the window the failures count in and the lock
AXES_HANDLER = "core.lockout.EditorLockoutHandler"
# One row per failure, which the username-wide limit counts; kept only as long as axes' own record of the address.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# A try refused by a lock checks no password, so it does not count and cannot make the lock last longer.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "openkrakow.middleware.client_ip"
AXES_LOCKOUT_CALLABLE = "core.lockout.lockout_response"
AXES_LOCKOUT_TEMPLATE = "lockout.html"
# Masked in axes' records of failed log-ins, like the password: a backup code typed there still works.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "otp_token"]
# The name authenticator apps show next to the account, for editors who turn on two-step verification.
OTP_TOTP_ISSUER = "Open Kraków"
# django-two-factor-auth would otherwise replace every admin site's login; ours uses its LoginView itself.
TWO_FACTOR_PATCH_ADMIN = False
# The set-up page's QR code as a PNG with a white quiet zone: an <img>, so no inline style, on any admin theme.
TWO_FACTOR_QR_FACTORY = "qrcode.image.pil.PilImage"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # post_office logs every empty round at INFO; failures are also kept in its Log table.
    "loggers": {"post_office": {"handlers": ["console"], "level": "WARNING", "propagate": False}},
}
