"""The personal agenda without an account: the starred sessions live in a signed token, not on the server."""

from django.conf import settings
from django.core import signing

SALT = "conference.agenda"
MAX_AGE = 60 * 60 * 24 * 730  # two years: a calendar subscription outlives the conference
COOKIE = "agenda"


class BadAgenda(Exception):
    """The token was tampered with, has expired, or is not a token at all."""


def make_token(codes) -> str:
    return signing.dumps(sorted(set(codes)), salt=SALT, compress=True)


def read_token(token: str) -> list[str]:
    if not token or len(token) > 4000:
        raise BadAgenda
    try:
        codes = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature too
        raise BadAgenda from error
    if not isinstance(codes, list) or not all(isinstance(code, str) for code in codes):
        raise BadAgenda
    return codes


def toggle(token: str | None, code: str) -> str:
    """A new token with the session added, or removed if it was already starred."""
    codes = set(read_token(token)) if token else set()
    codes.symmetric_difference_update({code})
    return make_token(codes)


def from_request(request) -> tuple[str, list[str]]:
    """The visitor's token and starred sessions, from the address (?agenda=) or the cookie; a bad token counts as
    none here."""
    token = request.GET.get("agenda") or request.COOKIES.get(COOKIE) or ""
    try:
        return token, read_token(token)
    except BadAgenda:
        return "", []


def toggled(request, code: str) -> str:
    """The visitor's agenda, from the posted token or the cookie, with the session starred or unstarred; a bad token
    starts a new agenda with just that session."""
    try:
        return toggle(request.POST.get("agenda") or request.COOKIES.get(COOKIE), code)
    except BadAgenda:
        return make_token([code])


def keep_unless_own(request, response, token: str) -> None:
    """Keep an agenda just opened as the visitor's, unless they have one: opening someone else's shared agenda must
    not replace yours."""
    if COOKIE not in request.COOKIES:
        set_cookie(response, token)


def set_cookie(response, token: str) -> None:
    """Keep the agenda in the visitor's browser: out of scripts' reach, not sent along from other sites, and only
    over HTTPS where the site runs on it, like the session and CSRF cookies."""
    response.set_cookie(COOKIE, token, max_age=MAX_AGE, samesite="Lax", httponly=True, secure=settings.HTTPS)
