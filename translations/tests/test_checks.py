"""Checks of a translation against its source, and the glossary: what a translator is warned about or stopped by."""

import pytest
from django.utils import translation

from translations.checks import check, glossary_for, glossary_problems, highlight
from translations.models import GlossaryTerm

pytestmark = pytest.mark.unit

SOURCE = (
    "## Jak złożyć wniosek\n\n"
    "Witaj, {name}! Masz %(count)s dni.\n\n"
    "- Wypełnij [formularz](https://example.org/wniosek).\n"
    "- Zobacz https://migrant.gov.pl/karta.\n"
)
GOOD = (
    "## Як подати заяву\n\n"
    "Вітаємо, {name}! У вас %(count)s днів.\n\n"
    "- Заповніть [форму](https://example.org/wniosek).\n"
    "- Дивіться https://migrant.gov.pl/karta.\n"
)


def codes(source, translated):
    return [(p.code, p.blocking) for p in check(source, translated, language="uk")]


def test_a_good_translation_has_no_problems():
    assert check(SOURCE, GOOD, language="uk") == []


def test_an_empty_translation_is_not_a_problem():
    assert check(SOURCE, "", language="uk") == []
    assert check(SOURCE, "  \n", language="uk") == []


@pytest.mark.parametrize("placeholder", ["{name}", "%(count)s", "%s", "%d"])
def test_a_lost_placeholder_blocks_and_is_named(placeholder):
    problems = check(f"Masz {placeholder} dni.", "У вас кілька днів.", language="uk")

    assert [(p.code, p.blocking) for p in problems] == [("placeholders", True)]
    assert placeholder in str(problems[0].message)


def test_a_placeholder_kept_elsewhere_in_the_sentence_is_fine_and_a_percent_sign_is_no_placeholder():
    assert codes("Zostało %d miejsc, czyli 50%% sali.", "%d місць залишилося, тобто 50%% залу.") == []


def test_a_changed_link_target_blocks():
    broken = GOOD.replace("https://example.org/wniosek", "https://example.org/zayava")
    problems = check(SOURCE, broken, language="uk")

    assert [(p.code, p.blocking) for p in problems] == [("links", True)]
    assert "https://example.org/wniosek" in str(problems[0].message)


def test_a_dropped_bare_url_blocks():
    assert codes("Więcej: https://migrant.gov.pl.", "Детальніше на сайті.") == [("links", True)]


def test_a_lost_list_item_warns():
    lost = GOOD.replace("- Дивіться", "Дивіться")
    assert codes(SOURCE, lost) == [("list_items", False)]
    with translation.override("uk"):
        message = str(check(SOURCE, lost, language="uk")[0].message)
    assert message == "Кількість пунктів списку відрізняється — джерело: 2, переклад: 1."


def test_a_lost_heading_warns():
    assert codes(SOURCE, GOOD.replace("## Як", "Як")) == [("headings", False)]


def test_a_different_number_of_lines_warns():
    assert codes("> Pierwsza linia.\n> Druga linia.", "> Перший рядок. Другий рядок.") == [("lines", False)]
    assert codes("Pierwsza linia,  \ndruga linia.", "Перший рядок, другий рядок.") == [("lines", False)]


def test_a_paragraph_may_wrap_its_lines_as_it_likes():
    # In Markdown a single line break inside a paragraph is soft: it reads as a space.
    assert codes("Pierwsza linia\ni druga.", "Перший рядок і другий.") == []


def test_a_translation_identical_to_the_source_warns_unless_there_is_nothing_to_translate():
    assert codes("Zapisy są otwarte.", "Zapisy są otwarte.") == [("untranslated", False)]
    assert codes("2025", "2025") == []


def test_the_message_is_in_the_translators_language():
    problem = check("Masz {n} dni.", "У вас дні.", language="uk")[0]
    with translation.override("pl"):
        assert str(problem.message) == "Zachowaj symbole zastępcze źródła dokładnie w tej postaci: {n}"
    with translation.override("uk"):
        assert str(problem.message) == "Залиште заповнювачі джерела точно такими, як вони є: {n}"


RESIDENCE_CARD = GlossaryTerm(language="uk", term="karta pobytu", translation="посвідка на проживання")
OFFICE = GlossaryTerm(language="pl", term="urząd wojewódzki", translation="Urząd Wojewódzki", note="nazwa urzędu")


def test_an_inflected_agreed_translation_counts_as_used():
    source = "Wniosek o kartę pobytu złóż osobiście."

    assert glossary_problems(source, "Заяву на посвідку на проживання подайте особисто.", [RESIDENCE_CARD]) == []
    assert glossary_problems("Karty pobytu", "Посвідки на проживання", [RESIDENCE_CARD]) == []


def test_a_polish_inflected_form_counts_as_used():
    term = GlossaryTerm(source_language="en", language="pl", term="residence card", translation="karta pobytu")
    assert glossary_problems("Bring your residence card.", "Przynieś kartę pobytu.", [term]) == []


def test_a_term_translated_another_way_is_a_hit():
    hits = glossary_problems("Wniosek o kartę pobytu.", "Заява на дозвіл на проживання.", [RESIDENCE_CARD])

    assert [(hit.term, hit.translation) for hit in hits] == [("karta pobytu", "посвідка на проживання")]


def test_no_hit_when_the_term_is_not_in_the_source_or_nothing_is_translated_yet():
    assert glossary_problems("Zapisy są otwarte.", "Реєстрацію відкрито.", [RESIDENCE_CARD]) == []
    assert glossary_problems("Wniosek o kartę pobytu.", "", [RESIDENCE_CARD]) == []


def test_highlight_marks_terms_with_their_agreed_translation_and_escapes_the_rest():
    html = highlight('<script>alert("x")</script> Karty pobytu wydaje urząd.', [RESIDENCE_CARD])

    assert "<script>" not in html
    assert html == (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; "
        '<mark class="glossary" title="→ посвідка на проживання">Karty pobytu</mark> wydaje urząd.'
    )


def test_highlight_prefers_the_longer_term_and_escapes_the_title():
    card = GlossaryTerm(language="uk", term="karta", translation='"картка" <b>')
    html = highlight("Karta pobytu i karta miejska.", [card, RESIDENCE_CARD])

    assert html == (
        '<mark class="glossary" title="→ посвідка на проживання">Karta pobytu</mark> i '
        '<mark class="glossary" title="→ &quot;картка&quot; &lt;b&gt;">karta</mark> miejska.'
    )


@pytest.mark.django_db
def test_the_glossary_of_a_language_pair_is_read_once(django_assert_num_queries):
    GlossaryTerm.objects.create(language="uk", term="karta pobytu", translation="посвідка на проживання")
    GlossaryTerm.objects.create(language="ru", term="karta pobytu", translation="вид на жительство")

    with django_assert_num_queries(1):
        terms = glossary_for(source_language="pl", language="uk")
    assert [term.translation for term in terms] == ["посвідка на проживання"]
