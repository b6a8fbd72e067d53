"""The translation memory: what a published translation leaves in it, and what it offers for a new segment.

Runs on SQLite (the Python fallback) and on PostgreSQL (pg_trgm in one query) alike: set DATABASE_URL for the latter.
"""

import hashlib
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection

from pages.tests.factories import PageFactory
from translations import memory
from translations.models import MemoryEntry, TranslationRecord, TranslationStatus
from translations.services import apply_translation

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

PL = {
    "title": "Karta pobytu",
    "summary": "",
    "body": "Wniosek składa się w urzędzie wojewódzkim.\n\nOpłata wynosi 340 zł.\n\n`kod`",
}
UK = {
    "title": "Посвідка на проживання",
    "summary": "",
    "body": "Заяву подають до воєводського управління.\n\nЗбір становить 340 злотих.\n\n`kod`",
}


def pairs(**filters) -> set[tuple[str, str]]:
    return set(MemoryEntry.objects.filter(**filters).values_list("source_text", "target_text"))


def entry(source_text, target_text, *, source_language="pl", language="uk"):
    digest = hashlib.sha256(f"{source_language}{language}{source_text}{target_text}".encode()).hexdigest()
    return MemoryEntry.objects.create(
        source_language=source_language,
        language=language,
        source_text=source_text,
        target_text=target_text,
        digest=digest,
    )


def test_remember_stores_each_translated_segment_once(django_assert_max_num_queries):
    page = PageFactory(translations={"pl": PL})

    with django_assert_max_num_queries(2):  # the insert, and the content type unless Django has it cached
        memory.remember(obj=page, language="uk", source=PL, target=UK)
    memory.remember(obj=page, language="uk", source=PL, target=UK)

    assert pairs(language="uk") == {
        ("Karta pobytu", "Посвідка на проживання"),
        ("Wniosek składa się w urzędzie wojewódzkim.", "Заяву подають до воєводського управління."),
        ("Opłata wynosi 340 zł.", "Збір становить 340 злотих."),
    }  # the untranslated code and the empty summary are not remembered
    stored = MemoryEntry.objects.get(source_text="Karta pobytu")
    assert (stored.source_language, stored.content_type.model, stored.object_id) == ("pl", "page", page.pk)


def test_a_field_cut_into_a_different_number_of_segments_is_not_remembered():
    page = PageFactory(translations={"pl": PL})
    memory.remember(obj=page, language="uk", source=PL, target={**UK, "body": "Один абзац замість трьох."})

    assert pairs() == {("Karta pobytu", "Посвідка на проживання")}


def test_publishing_a_translation_fills_the_memory(admin_user):
    page = PageFactory(translations={"pl": PL})

    apply_translation(obj=page, language="uk", texts=UK, user=admin_user)

    assert ("Opłata wynosi 340 zł.", "Збір становить 340 злотих.") in pairs(language="uk")


def test_a_machine_translation_is_not_remembered(admin_user):
    page = PageFactory(translations={"pl": PL})

    apply_translation(obj=page, language="uk", texts=UK, user=admin_user, machine=True)

    assert pairs() == set()


def test_the_same_segment_ranks_first_and_a_similar_one_is_found():
    similar = entry("Wniosek składa się osobiście w urzędzie wojewódzkim.", "Заяву подають особисто.")
    exact = entry("Wniosek składa się w urzędzie wojewódzkim.", "Заяву подають до воєводського управління.")
    entry("Konferencja zaczyna się o dziewiątej rano.", "Конференція починається о дев'ятій ранку.")

    found = memory.suggestions(
        ["Wniosek składa się w urzędzie wojewódzkim.", "Wniosek składa się zawsze w urzędzie wojewódzkim."],
        source_language="pl",
        language="uk",
    )

    assert [s.id for s in found[0]] == [exact.pk, similar.pk]
    assert found[0][0].score == pytest.approx(1.0)
    assert found[0][0].percent == 100
    assert {s.id for s in found[1]} == {exact.pk, similar.pk}
    assert all(0.3 <= s.score < 1 for s in found[1])


def test_an_unrelated_segment_and_another_language_pair_are_not_offered():
    entry("Konferencja zaczyna się o dziewiątej rano.", "Конференція починається о дев'ятій ранку.")
    entry("Opłata wynosi 340 zł.", "Плата составляет 340 злотых.", language="ru")
    entry("Opłata wynosi 340 zł.", "Fee: 340 zł.", source_language="en")

    found = memory.suggestions(["Opłata wynosi 340 zł.", ""], source_language="pl", language="uk")

    assert found == [[], []]


def test_no_segments_cost_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert memory.suggestions([], source_language="pl", language="uk") == []


@pytest.mark.parametrize("count", [3, 20])
def test_suggestions_for_a_whole_text_cost_one_query(count, django_assert_num_queries):
    for number in range(30):
        entry(f"Akapit numer {number} o kartach pobytu.", f"Абзац номер {number} про посвідки.")
    segments = [f"Akapit numer {number} o kartach pobytu." for number in range(count)]

    with django_assert_num_queries(1) as captured:
        found = memory.suggestions(segments, source_language="pl", language="uk", limit=2)
    if connection.vendor == "postgresql":  # compared in the database, not read and compared here
        assert "similarity(" in captured.captured_queries[0]["sql"]

    assert len(found) == count
    assert all(len(suggestions) == 2 for suggestions in found)
    assert [suggestions[0].target_text for suggestions in found] == [
        f"Абзац номер {number} про посвідки." for number in range(count)
    ]


def test_rebuild_remembers_published_translations_with_the_source_they_were_made_from():
    up_to_date = PageFactory(translations={"pl": PL, "uk": UK})
    outdated = PageFactory(translations={"pl": {"title": "Nowy tytuł"}, "ru": {"title": "Старый заголовок"}})
    TranslationRecord.objects.create(
        content_type=ContentType.objects.get_for_model(outdated),
        object_id=outdated.pk,
        language="ru",
        made_from={"title": "Stary tytuł"},
    )
    outdated.translations.filter(language_code="ru").update(translation_status=TranslationStatus.OUTDATED)
    unknown = PageFactory(translations={"pl": {"title": "Zmieniony"}, "en": {"title": "Changed"}})
    unknown.translations.filter(language_code="en").update(translation_status=TranslationStatus.OUTDATED)
    machine = PageFactory(translations={"pl": {"title": "Maszyna"}, "en": {"title": "Machine"}})
    machine.translations.filter(language_code="en").update(translation_status=TranslationStatus.MACHINE)

    assert memory.rebuild() == 4

    assert pairs(language="uk", object_id=up_to_date.pk) == {
        ("Karta pobytu", "Посвідка на проживання"),
        ("Wniosek składa się w urzędzie wojewódzkim.", "Заяву подають до воєводського управління."),
        ("Opłata wynosi 340 zł.", "Збір становить 340 злотих."),
    }
    assert pairs(language="ru") == {("Stary tytuł", "Старый заголовок")}
    assert pairs(language="en") == set()  # outdated with no record of its source, or made by a machine


def test_the_rebuild_command_can_start_from_an_empty_memory():
    PageFactory(translations={"pl": {"title": "Kontakt"}, "en": {"title": "Contact"}})
    entry("Zapomniany akapit.", "Забутий абзац.")
    out = io.StringIO()

    call_command("rebuild_translation_memory", "--clear", stdout=out)

    assert out.getvalue().strip() == "1 segment pairs remembered."
    assert pairs() == {("Kontakt", "Contact")}
