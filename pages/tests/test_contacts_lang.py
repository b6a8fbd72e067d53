"""The contact directory marks a role shown in another language than the page's, in the list and in the footer."""

import pytest

from core.tests.markup_lang import langs_of
from pages.tests.factories import ContactRoleFactory

pytestmark = pytest.mark.integration


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_footer_and_contacts_page_mark_a_role_named_only_in_polish(client, db):
    ContactRoleFactory(name_pl="Sekretariat konferencji", name_en="", name_uk="", name_ru="", hours_pl="9–17")
    html = page(client, "/uk/contacts/")
    assert langs_of(html, "Sekretariat konferencji") == ["pl", "pl"]  # the directory and the footer
    assert langs_of(html, "9–17") == ["pl"]
