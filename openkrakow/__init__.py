"""Open Kraków: project configuration (settings, root URLs, WSGI/ASGI)."""
