"""Words of Django's own admin that its Ukrainian catalogue gets wrong, corrected by ours."""

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_the_ukrainian_admin_index_is_titled_in_ukrainian_not_russian(admin_client):
    html = admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="uk").content.decode()
    assert "Адміністрування сайту" in html
    assert "сайта" not in html  # the Russian genitive, in Django's own Ukrainian "Адміністрування сайта"
