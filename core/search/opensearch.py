"""The site's search offered to browsers as a search engine: an OpenSearch 1.1 description document.

One document per language, at /<lang>/opensearch.xml: its description in that language, and its template
pointing at that language's search page, so that a reader who added the Ukrainian site searches in Ukrainian.
Every address in it is absolute, on the host the request came through (as the pages' alternates are), so the
page cache, which keys on the scheme and host, keeps one document per host.
"""

from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from core.cache import cacheable

CONTENT_TYPE = "application/opensearchdescription+xml; charset=utf-8"
# The pictures a browser may show beside the engine: /favicon.ico (16, 32 and 48 px; browsers pick the 16 px one
# for their search bar) and the home-screen icon. (path, width, height, media type); static/ paths are names.
IMAGES = [
    ("/favicon.ico", 16, 16, "image/x-icon"),
    ("img/icon-192.png", 192, 192, "image/png"),
]


@cacheable
@require_safe
def description(request):
    absolute = request.build_absolute_uri
    images = [
        {"url": absolute(path if path.startswith("/") else static(path)), "width": w, "height": h, "type": kind}
        for path, w, h, kind in IMAGES
    ]
    context = {
        "language": translation.get_language(),
        # The reader's words go in as {searchTerms}; the browser percent-encodes them in UTF-8 (InputEncoding).
        "search_template": absolute(reverse("search")) + "?q={searchTerms}",
        "self_url": absolute(reverse("opensearch")),
        "images": images,
    }
    return render(request, "core/opensearch.xml", context, content_type=CONTENT_TYPE)
