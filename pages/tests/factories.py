"""factory_boy factories for the pages app."""

import factory
from factory.django import DjangoModelFactory

from pages.models import ContactRole, Page


class PageFactory(DjangoModelFactory):
    """A published page; pass translations={"en": {"title": ...}, ...} to set languages."""

    class Meta:
        model = Page

    slug = factory.Sequence(lambda n: f"page-{n}")
    status = Page.Status.PUBLISHED

    @classmethod
    def _create(cls, model_class, *args, translations=None, **kwargs):
        page = model_class(*args, **kwargs)
        for language, fields in (translations or {"pl": {"title": f"Strona {page.slug}"}}).items():
            page.set_current_language(language)
            for name, value in fields.items():
                setattr(page, name, value)
        page.save()
        return page


class ContactRoleFactory(DjangoModelFactory):
    class Meta:
        model = ContactRole

    code = factory.Sequence(lambda n: f"role-{n}")
    name_pl = factory.Sequence(lambda n: f"Rola {n}")
    name_en = factory.Sequence(lambda n: f"Role {n}")
    name_uk = factory.Sequence(lambda n: f"Роль {n}")
    name_ru = factory.Sequence(lambda n: f"Роль {n}")
    email = factory.Sequence(lambda n: f"role{n}@example.org")
