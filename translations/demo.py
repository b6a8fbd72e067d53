"""Demo content of the translation workflow: a glossary volunteers agree on, and review for Ukrainian."""

from translations.models import GlossaryTerm, LanguageSetting

# Terms of the source text that must be translated one agreed way (the names of offices and documents).
GLOSSARY = {
    "Rada Miasta": {"en": "City Council", "uk": "Рада міста", "ru": "Совет города"},
    "Wydział Spraw Społecznych": {
        "en": "Department of Social Affairs",
        "uk": "Відділ соціальних справ",
        "ru": "Отдел социальных дел",
    },
    "urząd do spraw cudzoziemców": {
        "en": "foreigners' office",
        "uk": "управління у справах іноземців",
        "ru": "управление по делам иностранцев",
    },
    "karta pobytu": {"en": "residence card", "uk": "посвідка на проживання", "ru": "вид на жительство"},
    "forum cudzoziemców": {"en": "foreigners' forum", "uk": "форум іноземців", "ru": "форум иностранцев"},
    "pełnomocnik do spraw cudzoziemców": {
        "en": "liaison officer for foreign residents",
        "uk": "уповноважений у справах іноземців",
        "ru": "уполномоченный по делам иностранцев",
    },
}


def load() -> str:
    for term, translations in GLOSSARY.items():
        for language, translation in translations.items():
            GlossaryTerm.objects.update_or_create(
                source_language="pl", language=language, term=term, defaults={"translation": translation}
            )
    # Ukrainian volunteers' work is checked by a second Ukrainian speaker before readers see it.
    LanguageSetting.objects.update_or_create(language="uk", defaults={"review_required": True})
    return f"translations: {len(GLOSSARY)} glossary terms in 3 languages, review required for Ukrainian"


def after_all() -> str:
    """Once every app's texts are in: the translation memory, from the translations already published."""
    from translations import memory

    return f"translations: {memory.rebuild()} translation memory entries"
