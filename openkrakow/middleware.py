"""Project-wide request helpers: the client's address behind proxies, and headers every response carries."""

from django.conf import settings

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"


def client_ip(request) -> str | None:
    """The visitor's address; behind TRUSTED_PROXY_COUNT proxies, the entry that many from the right."""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


class PermissionsPolicyMiddleware:
    """Switch off browser features the site never uses (Django's SecurityMiddleware sets the other headers)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
