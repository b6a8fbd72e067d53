"""The feedback form's side column: what happens after sending, and where to turn in an emergency."""

import pytest
from lxml import html as lxml_html


@pytest.mark.parametrize(
    ("language", "next_heading", "emergency"),
    [
        ("uk", "Що далі", "телефонуйте 112"),
        ("pl", "Co dalej", "dzwoń pod 112"),
        ("ru", "Что дальше", "звоните 112"),
        ("en", "What happens next", "call 112"),
    ],
)
def test_the_form_says_what_happens_next_and_where_to_call_for_help(db, client, language, next_heading, emergency):
    response = client.get(f"/{language}/feedback/")

    assert response.status_code == 200
    aside = lxml_html.fromstring(response.content).xpath("//aside[@class='side']")[0]
    text = " ".join(aside.text_content().split())
    assert next_heading in text
    assert emergency in text
    assert len(aside.xpath(".//ol[@class='steps']/li")) == 3
