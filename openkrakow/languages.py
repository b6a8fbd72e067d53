"""The site's languages and their fallback chains: the one table that parler, modeltranslation and Django read."""

from django.conf.locale import LANG_INFO

# Each language and the languages shown, in order, when a text is not translated into it yet.
# Ukrainian and Russian readers get English before Polish, and Ukrainian never falls back to Russian.
# To add a language, add a row here and a locale/<code>/ catalogue; names and text direction come from Django.
FALLBACK_CHAINS: dict[str, tuple[str, ...]] = {
    "pl": ("en",),
    "en": ("pl",),
    "uk": ("en", "pl"),
    "ru": ("en", "pl"),
}

# The language editors write in first; untranslated reference data falls back to it last.
SOURCE_LANGUAGE = "pl"


def django_languages(chains: dict[str, tuple[str, ...]]) -> list[tuple[str, str]]:
    """LANGUAGES for Django: each code with the language's name in that language."""
    return [(code, LANG_INFO[code]["name_local"]) for code in chains]


def parler_languages(chains: dict[str, tuple[str, ...]], *, site_id: int) -> dict:
    """PARLER_LANGUAGES: the same chains, for editorial content."""
    return {
        site_id: tuple({"code": code, "fallbacks": list(chain)} for code, chain in chains.items()),
        "default": {"fallbacks": [SOURCE_LANGUAGE], "hide_untranslated": False},
    }


def modeltranslation_fallbacks(chains: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """MODELTRANSLATION_FALLBACK_LANGUAGES: the same chains, for reference data."""
    return {"default": (SOURCE_LANGUAGE,), **chains}
