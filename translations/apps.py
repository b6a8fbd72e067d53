"""App configuration for the translation workflow that every translated model shares."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

TRANSLATORS = "Translators"


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from core.groups import EDITORS, grant
        from translations.models import GlossaryTerm, LanguageSetting, TranslatorLanguage, translation_models

        # Editors publish and write source text, and assign translators their languages; translators only translate.
        grant(EDITORS, translation_models)
        grant(EDITORS, lambda: [TranslatorLanguage, GlossaryTerm, LanguageSetting])
        grant(TRANSLATORS, translation_models, actions=["view", "change"])
        grant(TRANSLATORS, lambda: [GlossaryTerm], actions=["view"])
