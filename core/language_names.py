"""Language names as each of the site's languages writes them inside a sentence.

Django's names (get_language_info's name_local and name_translated) are capitalised nominatives: right for a
language switcher, a chip or a table label, wrong mid-sentence. In Polish, Ukrainian and Russian a language
named inside a sentence is a lowercase adjective or adverb in the case the sentence asks for:

    "in Polish"     pl "po polsku"      uk "польською"     ru "на польском"
    "into Polish"   pl "na polski"      uk "польською"     ru "на польский"
    "from Polish"   pl "z polskiego"    uk "з польської"   ru "с польского"
    "Polish"        pl "polski"         uk "польська"      ru "польский"   (mid-sentence name)

Lists share the preposition: pl "po angielsku i ukraińsku", uk "англійською та українською",
ru "на английском и украинском". A language this table does not know falls back to its Django name after a
colon-like construction that needs no case ("w języku: arabski").
"""

from collections.abc import Iterable

from django.utils.translation import get_language, get_language_info, override

# For each language of the page: the preposition of each form, then each named language's word for
# (name, in, into, from). The preposition is written once before a list.
_PREFIX = {
    "en": {"name": "", "in": "in ", "into": "into ", "from": "from "},
    "pl": {"name": "", "in": "po ", "into": "na ", "from": "z "},
    "uk": {"name": "", "in": "", "into": "", "from": "з "},
    "ru": {"name": "", "in": "на ", "into": "на ", "from": "с "},
}
_AND = {"en": " and ", "pl": " i ", "uk": " та ", "ru": " и "}

_WORDS = {
    "en": {
        code: (name, name, name, name)
        for code, name in {
            "pl": "Polish", "en": "English", "uk": "Ukrainian", "ru": "Russian", "de": "German", "fr": "French",
            "es": "Spanish", "it": "Italian", "cs": "Czech", "sk": "Slovak", "be": "Belarusian",
            "lt": "Lithuanian",
        }.items()
    },
    "pl": {
        "pl": ("polski", "polsku", "polski", "polskiego"),
        "en": ("angielski", "angielsku", "angielski", "angielskiego"),
        "uk": ("ukraiński", "ukraińsku", "ukraiński", "ukraińskiego"),
        "ru": ("rosyjski", "rosyjsku", "rosyjski", "rosyjskiego"),
        "de": ("niemiecki", "niemiecku", "niemiecki", "niemieckiego"),
        "fr": ("francuski", "francusku", "francuski", "francuskiego"),
        "es": ("hiszpański", "hiszpańsku", "hiszpański", "hiszpańskiego"),
        "it": ("włoski", "włosku", "włoski", "włoskiego"),
        "cs": ("czeski", "czesku", "czeski", "czeskiego"),
        "sk": ("słowacki", "słowacku", "słowacki", "słowackiego"),
        "be": ("białoruski", "białorusku", "białoruski", "białoruskiego"),
        "lt": ("litewski", "litewsku", "litewski", "litewskiego"),
    },
    "uk": {
        "pl": ("польська", "польською", "польською", "польської"),
        "en": ("англійська", "англійською", "англійською", "англійської"),
        "uk": ("українська", "українською", "українською", "української"),
        "ru": ("російська", "російською", "російською", "російської"),
        "de": ("німецька", "німецькою", "німецькою", "німецької"),
        "fr": ("французька", "французькою", "французькою", "французької"),
        "es": ("іспанська", "іспанською", "іспанською", "іспанської"),
        "it": ("італійська", "італійською", "італійською", "італійської"),
        "cs": ("чеська", "чеською", "чеською", "чеської"),
        "sk": ("словацька", "словацькою", "словацькою", "словацької"),
        "be": ("білоруська", "білоруською", "білоруською", "білоруської"),
        "lt": ("литовська", "литовською", "литовською", "литовської"),
    },
    "ru": {
        "pl": ("польский", "польском", "польский", "польского"),
        "en": ("английский", "английском", "английский", "английского"),
        "uk": ("украинский", "украинском", "украинский", "украинского"),
        "ru": ("русский", "русском", "русский", "русского"),
        "de": ("немецкий", "немецком", "немецкий", "немецкого"),
        "fr": ("французский", "французском", "французский", "французского"),
        "es": ("испанский", "испанском", "испанский", "испанского"),
        "it": ("итальянский", "итальянском", "итальянский", "итальянского"),
        "cs": ("чешский", "чешском", "чешский", "чешского"),
        "sk": ("словацкий", "словацком", "словацкий", "словацкого"),
        "be": ("белорусский", "белорусском", "белорусский", "белорусского"),
        "lt": ("литовский", "литовском", "литовский", "литовского"),
    },
}
_FORMS = ("name", "in", "into", "from")

# A language the table does not name: a construction that takes the nominative, so no case is needed.
_UNKNOWN = {
    "en": {"name": "{}", "in": "in {}", "into": "into {}", "from": "from {}"},
    "pl": {"name": "{}", "in": "w języku: {}", "into": "na język: {}", "from": "z języka: {}"},
    "uk": {"name": "{}", "in": "мовою: {}", "into": "мовою: {}", "from": "з мови: {}"},
    "ru": {"name": "{}", "in": "на языке: {}", "into": "на язык: {}", "from": "с языка: {}"},
}


def _page_language(language: str | None) -> str:
    language = (language or get_language() or "en").split("-")[0]
    return language if language in _WORDS else "en"


def _django_name(code: str, page: str) -> str:
    with override(page):
        name = str(get_language_info(code)["name_translated"])
    # English capitalises language names; Polish, Ukrainian and Russian do not, mid-sentence.
    return name if page == "en" else name[:1].lower() + name[1:]


def language_phrase(codes: str | Iterable[str], form: str = "in", language: str | None = None) -> str:
    """One language, or a list of them, as a sentence of `language` (the active one by default) writes it:
    form "in" ("po polsku"), "into" ("na polski"), "from" ("z polskiego") or "name" ("polski")."""
    if form not in _FORMS:
        raise ValueError(f"unknown form {form!r}")
    page = _page_language(language)
    codes = [codes] if isinstance(codes, str) else [code for code in codes if code]
    if not codes:
        return ""
    index = _FORMS.index(form)
    words = [_WORDS[page].get(code, (None,) * 4)[index] for code in codes]
    if all(words):
        return _PREFIX[page][form] + _join(words, page)
    return _join(
        [word and _PREFIX[page][form] + word or _UNKNOWN[page][form].format(_django_name(code, page))
         for code, word in zip(codes, words, strict=True)],
        page,
    )


def _join(items: list[str], page: str) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + _AND[page] + items[-1]


def in_language(codes, language=None) -> str:
    """ "in Polish": pl "po polsku", uk "польською", ru "на польском"."""
    return language_phrase(codes, "in", language)


def into_language(codes, language=None) -> str:
    """ "into Polish": pl "na polski", uk "польською", ru "на польский"."""
    return language_phrase(codes, "into", language)


def from_language(codes, language=None) -> str:
    """ "from Polish": pl "z polskiego", uk "з польської", ru "с польского"."""
    return language_phrase(codes, "from", language)


def inline_language_name(codes, language=None) -> str:
    """A language's name inside a sentence: en "Polish", pl "polski", uk "польська", ru "польский"."""
    return language_phrase(codes, "name", language)
