"""factory_boy factories for the feedback app: categories named in every language, reports, their history, keys."""

import uuid

import factory
from factory.django import DjangoModelFactory

from feedback.models import ApiKey, Category, Report, ReportEvent

# The topic the form posts of the `report_data` fixture name, as the demo names it.
AIR_QUALITY = {
    "pl": "Jakość powietrza i smog",
    "en": "Air quality and smog",
    "uk": "Якість повітря і смог",
    "ru": "Качество воздуха и смог",
}


class CategoryFactory(DjangoModelFactory):
    """A topic named in all four languages; a code that exists already gives that category back, unchanged."""

    class Meta:
        model = Category
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"topic-{n}")
    name_pl = factory.Sequence(lambda n: f"Temat {n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")
    name_uk = factory.Sequence(lambda n: f"Тема {n}")
    name_ru = factory.Sequence(lambda n: f"Тема {n} (ru)")

    class Params:
        air_quality = factory.Trait(
            code="air-quality", **{f"name_{language}": name for language, name in AIR_QUALITY.items()}
        )


class ReportFactory(DjangoModelFactory):
    """A report as it is stored, with its reference; no history and no e-mail (services.submit_report does those)."""

    class Meta:
        model = Report
        skip_postgeneration_save = True  # reference() saves the one field it sets

    idempotency_key = factory.LazyFunction(uuid.uuid4)
    category = factory.SubFactory(CategoryFactory)
    message = "Pothole in front of my flat at Długa 5/12"
    language = "pl"
    state = Report.State.RECEIVED
    source = Report.Source.WEB

    @factory.post_generation
    def reference(report, create, extracted, **kwargs):
        """Numbered from the primary key as submit_report numbers it, unless one is given."""
        report.reference = extracted or f"FB-{report.created_at:%Y}-{report.pk:05d}"
        if create:
            report.save(update_fields=["reference"])


class ReportEventFactory(DjangoModelFactory):
    class Meta:
        model = ReportEvent

    report = factory.SubFactory(ReportFactory)
    state = factory.SelfAttribute("report.state")


class ApiKeyFactory(DjangoModelFactory):
    """An Open311 key for a city system; pass `key` for the secret it sends (only its hash is stored)."""

    class Meta:
        model = ApiKey

    class Params:
        key = "secret-key"

    name = factory.Sequence(lambda n: f"City system {n}")
    key_hash = factory.LazyAttribute(lambda o: ApiKey.hash(o.key))
