"""factory_boy factories for the pages app."""

import factory
from factory.django import DjangoModelFactory

from pages.models import ContactRole, Document, NewsEntry, Page, Status
from translations.tests.factories import TranslatableFactory


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
