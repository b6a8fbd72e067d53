"""factory_boy pieces for every model in the translation workflow: its parler texts in several languages at once."""

from factory.django import DjangoModelFactory


def set_translations(obj, translations: dict[str, dict[str, str]]):
    """Set parler fields per language, e.g. {"pl": {"title": …}, "uk": {"title": …, "body": …}}, and save."""
    for language, fields in translations.items():
        obj.set_current_language(language)
        for name, value in fields.items():
            setattr(obj, name, value)
    obj.save()
    return obj


class TranslatableFactory(DjangoModelFactory):
    """Pass translations={"en": {"title": ...}, ...}; without it, the object gets default_translations()."""

    class Meta:
        abstract = True

    @classmethod
    def default_translations(cls) -> dict[str, dict[str, str]]:
        return {"pl": {"title": f"Tytuł {cls._meta.model.__name__}"}}

    @classmethod
    def _create(cls, model_class, *args, translations=None, **kwargs):
        obj = model_class(*args, **kwargs)
        return set_translations(obj, cls.default_translations() if translations is None else translations)
