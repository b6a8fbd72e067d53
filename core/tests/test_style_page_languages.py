"""The living style page is in English; the site's name in its other languages there carries each its own lang."""

import pytest
from lxml import html as lxml_html

pytestmark = pytest.mark.django_db


def test_names_in_other_languages_on_the_style_page_say_which_language_they_are_in(client, settings):
    settings.DEBUG = True
    tree = lxml_html.fromstring(client.get("/ru/style/").content)
    for name, language in [("Відкритий Краків", "uk"), ("Otwarty Kraków", "pl"), ("Открытый Краков", "ru")]:
        [element] = tree.xpath(f"//main//*[text()={name!r}]")
        assert element.get("lang") == language, name
