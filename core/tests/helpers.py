"""Helpers for tests of every app: an axe-core scan of a browser page, and an admin form posted back."""

from axe_playwright_python.sync_playwright import Axe
from lxml import html as lxml_html


def axe_violations(page) -> list[str]:
    """axe-core's violations on the page as one line each (rule, help, how many elements, the first of them)."""
    results = Axe().run(page)
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} × {violation['nodes'][0]['target']})"
        for violation in results.response["violations"]
    ]


def resubmit_admin_form(admin_client, url: str, changes: dict):
    """POST an admin change form back as a browser would, with some fields changed."""
    tree = lxml_html.fromstring(admin_client.get(url).content)
    form = next(f for f in tree.forms if f.get("id", "").endswith("_form"))
    data = {}
    for name, value in form.form_values():
        data.setdefault(name, []).append(value)
    data.update({name: [value] for name, value in changes.items()})
    data.setdefault("_save", ["Save"])
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return response
