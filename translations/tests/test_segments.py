"""Segments of a text: how an outdated translation is lined up with its changed source, and the word diff."""

import pytest
from django.utils import translation

from translations.segments import SegmentState, align, diff_html, join, split, word_diff

pytestmark = pytest.mark.unit

OLD = "# Karta pobytu\n\nWniosek składa się w urzędzie.\n\nOpłata wynosi 340 zł."
NEW = "# Karta pobytu\n\nWniosek składa się w Urzędzie Wojewódzkim.\n\nOpłata wynosi 340 zł."
UK = "# Посвідка на проживання\n\nЗаяву подають в управлінні.\n\nЗбір становить 340 злотих."


def test_split_cuts_at_blank_lines_and_normalises_line_ends():
    assert split("  Pierwszy\r\nakapit  \r\n\r\n\r\n\nDrugi\n\n") == ["Pierwszy\nakapit", "Drugi"]


def test_a_one_line_field_is_one_segment_and_nothing_is_none():
    assert split("Tytuł strony") == ["Tytuł strony"]
    assert split("") == split(None) == split("\n \n") == []


def test_a_fenced_code_block_stays_whole_despite_blank_lines():
    text = "Przykład:\n\n```\nlinia 1\n\nlinia 2\n```\n\nKoniec."
    assert split(text) == ["Przykład:", "```\nlinia 1\n\nlinia 2\n```", "Koniec."]


def test_join_gives_the_text_back():
    assert join(split(OLD)) == OLD


def test_a_changed_middle_paragraph_leaves_the_others_up_to_date():
    segments = align(made_from=OLD, source=NEW, translation=UK)

    assert [s.state for s in segments] == ["up_to_date", "changed", "up_to_date"]
    assert segments[1].source == "Wniosek składa się w Urzędzie Wojewódzkim."
    assert segments[1].previous_source == "Wniosek składa się w urzędzie."
    assert segments[1].translation == "Заяву подають в управлінні."
    assert [s.translation for s in segments] == split(UK)


def test_an_inserted_paragraph_is_new_and_a_removed_one_drops_out():
    inserted = align(made_from=OLD, source=OLD.replace("\n\nOpłata", "\n\nNowy akapit.\n\nOpłata"), translation=UK)
    assert [(s.state, s.translation) for s in inserted] == [
        ("up_to_date", "# Посвідка на проживання"),
        ("up_to_date", "Заяву подають в управлінні."),
        ("new", ""),
        ("up_to_date", "Збір становить 340 злотих."),
    ]

    removed = align(made_from=OLD, source="# Karta pobytu\n\nOpłata wynosi 340 zł.", translation=UK)
    assert [(s.state, s.translation) for s in removed] == [
        ("up_to_date", "# Посвідка на проживання"),
        ("up_to_date", "Збір становить 340 злотих."),
    ]


def test_an_up_to_date_translation_is_up_to_date_throughout():
    assert {s.state for s in align(made_from=OLD, source=OLD, translation=UK)} == {"up_to_date"}


def test_without_a_recorded_source_segments_are_paired_by_position_as_unknown():
    segments = align(made_from=None, source=NEW + "\n\nDopisek.", translation=UK)

    assert [s.state for s in segments] == ["unknown", "unknown", "unknown", "new"]
    assert [s.translation for s in segments] == [*split(UK), ""]


def test_a_translation_cut_differently_is_paired_by_position_and_loses_no_text():
    translated = UK + "\n\nДодатковий абзац."
    segments = align(made_from=OLD, source=NEW, translation=translated)

    assert {s.state for s in segments} == {"unknown"}
    assert join([s.translation for s in segments]) == translated


def test_a_missing_translation_is_new_throughout():
    segments = align(made_from=OLD, source=NEW, translation="")
    assert [(s.state, s.translation) for s in segments] == [("new", "")] * 3


def test_the_state_label_is_translated():
    segment = align(made_from=None, source="Tekst", translation="")[0]
    assert segment.state == SegmentState.NEW
    with translation.override("pl"):
        assert segment.state_label == "jeszcze nieprzetłumaczone"
    with translation.override("uk"):
        assert segment.state_label == "ще не перекладено"


def test_the_diff_shows_exactly_the_changed_words():
    old, new = "Wniosek składa się w urzędzie.", "Wniosek składa się w Urzędzie Wojewódzkim."
    parts = word_diff(old, new)

    assert [(op, text) for op, text in parts if op != "equal"] == [
        ("delete", "urzędzie"),
        ("insert", "Urzędzie Wojewódzkim"),
    ]
    assert "".join(text for op, text in parts if op != "delete") == new
    assert "".join(text for op, text in parts if op != "insert") == old


def test_two_changed_words_in_a_row_read_as_one_change():
    parts = word_diff("Biuro jest czynne w poniedziałki.", "Biuro jest zamknięte we wtorki.")
    assert [text for op, text in parts if op == "delete"] == ["czynne w poniedziałki"]
    assert [text for op, text in parts if op == "insert"] == ["zamknięte we wtorki"]


def test_diff_html_marks_changes_and_escapes_a_script():
    html = diff_html("<script>x()</script> Tekst stary.", '<script>x()</script> Tekst <script>alert("x")</script>.')

    assert "<script>" not in html
    assert html == (
        "&lt;script&gt;x()&lt;/script&gt; Tekst <del>stary</del>"
        "<ins>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</ins>."
    )
