"""The page a person lands on after registering repeats their offer to help, in the language of the page."""

import uuid

import pytest
from lxml import html as lxml_html

from conference.models import Registration
from conference.tests.factories import SessionFactory

pytestmark = pytest.mark.integration


@pytest.fixture
def workshop(db):
    return SessionFactory(
        titles={"pl": "Warsztat: karta pobytu", "uk": "Майстер-клас: посвідка на проживання"},
        registration_required=True,
        capacity=10,
    )


def register(client, language: str, workshop, **volunteering) -> str:
    day = workshop.conference.days.first()
    response = client.post(
        f"/{language}/conference/register/",
        {
            "name": "Oksana Kovalenko",
            "email": "oksana@example.org",
            "language": language,
            "idempotency_key": str(uuid.uuid4()),
            "days": [day.pk],
            **volunteering,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(response["Location"]).content.decode()


def volunteering_section(page: str):
    sections = lxml_html.fromstring(page).xpath("//section[@id='volunteering']")
    return sections[0] if sections else None


@pytest.mark.parametrize(
    "language,heading,roles",
    [
        ("uk", "Ваша пропозиція допомогти", ["усний перекладач", "письмовий перекладач"]),
        ("pl", "Twoja oferta pomocy", ["tłumacz ustny", "tłumacz pisemny"]),
    ],
)
def test_the_confirmation_lists_the_volunteer_roles_chosen_in_the_page_language(
    client, workshop, language, heading, roles
):
    day = workshop.conference.days.first()
    page = register(
        client,
        language,
        workshop,
        volunteer_roles=["interpreter", "translator"],
        volunteer_language_pairs="pl-uk",
        volunteer_days=[day.pk],
    )
    section = volunteering_section(page)
    assert section is not None
    assert section.xpath("string(.//h2)").strip() == heading
    assert [item.text_content().strip() for item in section.xpath(".//ul[@class='volunteer-roles']/li")] == roles
    assert "pl-uk" in section.text_content()
    assert Registration.objects.get().volunteer.roles == ["interpreter", "translator"]


def test_the_confirmation_says_nothing_of_volunteering_when_none_was_offered(client, workshop):
    assert volunteering_section(register(client, "uk", workshop)) is None
