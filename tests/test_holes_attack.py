"""Places left as holes in kept pages (core.cache.hole, fill_holes): attacks on the conditional answers."""

import pytest
from django.core.cache import caches

from conference.tests.factories import SessionFactory, register
from core import cache as core_cache
from tests.test_cache import get, page_cache  # noqa: F401 (the page-cache fixture)

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("url", ["/en/conference/sessions/{code}/", "/en/conference/"])
def test_a_browsers_current_copy_of_a_page_with_holes_is_not_modified_on_a_miss_too(client, db, url):
    """The middleware below compares the browser's ETag with the page with its marks, never the filled page the
    browser has: the comparison must be made again once the holes are filled, as for a page without holes."""
    session = SessionFactory(registration_required=True, capacity=5, titles={"en": "Residence card workshop"})
    url = url.format(code=session.code)
    copy = get(client, url)
    caches["pages"].clear()  # an edit, a restart, another worker, the page's timeout: the next answer is a miss
    again = get(client, url, if_none_match=copy["ETag"])
    assert again.status_code == 304
    assert again["ETag"] == copy["ETag"]
    # A copy whose count changed meanwhile is still answered in full, with the new count.
    register(session)
    caches["pages"].clear()
    changed = get(client, url, if_none_match=copy["ETag"])
    assert (changed.status_code, changed["X-Page-Cache"]) == (200, "miss")
    assert "4 places left" in changed.content.decode()
    assert int(changed["Content-Length"]) == len(changed.content)


def test_a_mark_naming_another_template_or_no_source_is_dropped(rf, db):
    session = SessionFactory(registration_required=True, capacity=5)
    mark = f"{core_cache._HOLE_PREFIX}{{}}|{session.pk}|{{}}|"
    request = rf.get("/en/")
    html = "".join(
        mark.format(name, template)
        for name, template in [("places", "base.html"), ("nothing", "conference/holes/places_left.html")]
    )
    assert core_cache.fill_holes(request, html) == ""
    assert core_cache.fill_holes(request, mark.format("places", "conference/holes/places_left.html")) == "5 places left"
