"""Site-wide request plumbing that belongs to no feature: the admin in each staff member's own language."""

from django.urls import reverse
from django.utils import translation

from core.admin_language import preferred_language


class AdminLanguageMiddleware:
    """Under the admin (/admin/, the two-step verification and translation pages included), the language the
    logged-in staff member chose (core.admin_language) instead of the one their cookie or browser asks for.

    Below AuthenticationMiddleware. Public pages are left alone: they keep the language of their address
    prefix, and neither their session nor their user is read here. The choice comes from the session, which
    every admin page loads anyway, so it costs no query. Nobody without a choice, and no anonymous visitor of
    the log-in page, sees a change: LocaleMiddleware's cookie and Accept-Language rules stand. Admin pages are
    never kept by the page cache (core.cache): they are not marked cacheable, and their visitors have a session.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = None
        if request.path.startswith(reverse("admin:index")):
            language = preferred_language(request)
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        response = self.get_response(request)
        if language:
            # LocaleMiddleware, above, would say the same, unless a view left another language active.
            response.headers["Content-Language"] = language
        return response
