"""factory_boy factories for the pages app."""

import factory
from factory.django import DjangoModelFactory

from pages.models import ContactRole, Document, NewsEntry, Page, Status


class TranslatableFactory(DjangoModelFactory):
    """Pass translations={"en": {"title": ...}, ...}; by default an object gets a Polish title only."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, translations=None, **kwargs):
        obj = model_class(*args, **kwargs)
        for language, fields in (translations or {"pl": {"title": f"Tytuł {cls._meta.model.__name__}"}}).items():
            obj.set_current_language(language)
            for name, value in fields.items():
                setattr(obj, name, value)
        obj.save()
        return obj


class PageFactory(TranslatableFactory):
    class Meta:
        model = Page

    slug = factory.Sequence(lambda n: f"page-{n}")
    status = Status.PUBLISHED


class NewsEntryFactory(TranslatableFactory):
    class Meta:
        model = NewsEntry

    slug = factory.Sequence(lambda n: f"news-{n}")
    status = Status.PUBLISHED


class DocumentFactory(TranslatableFactory):
    class Meta:
        model = Document

    file = factory.django.FileField(filename="dokument.txt", data=b"Tekst dokumentu.")
    status = Status.PUBLISHED
    file_languages = factory.LazyFunction(lambda: ["pl"])


class ContactRoleFactory(DjangoModelFactory):
    class Meta:
        model = ContactRole

    code = factory.Sequence(lambda n: f"role-{n}")
    name_pl = factory.Sequence(lambda n: f"Rola {n}")
    name_en = factory.Sequence(lambda n: f"Role {n}")
    name_uk = factory.Sequence(lambda n: f"Роль {n}")
    name_ru = factory.Sequence(lambda n: f"Роль {n}")
    email = factory.Sequence(lambda n: f"role{n}@example.org")
