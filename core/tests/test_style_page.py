"""The living style page: every component with its class names, shown only while DEBUG is on."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_style_page_is_not_there_in_production(client, settings):
    settings.DEBUG = False
    assert client.get("/en/style/").status_code == 404


def test_the_style_page_shows_every_component_in_debug(client, settings):
    settings.DEBUG = True
    response = client.get("/en/style/")
    assert response.status_code == 200
    html = response.content.decode()
    for markup in (
        'class="button-warning"',
        'class="field field-error"',
        'class="error-summary"',
        'class="notice"',
        'class="card"',
        'class="badge"',
        'class="breadcrumbs"',
        'class="pagination"',
        'class="table-scroll"',
        'class="side"',
        "--colour-on-brand",
    ):
        assert markup in html
