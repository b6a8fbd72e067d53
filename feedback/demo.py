"""Demo content for resident feedback: the categories, and illustrative reports in several states and languages."""

import datetime
import uuid

from django.utils import timezone

from feedback.models import Category, Report, ReportEvent
from feedback.services import submit_report, update_report

State = Report.State

CATEGORIES = [
    (
        "air-quality",
        ("Jakość powietrza i smog", "Air quality and smog", "Якість повітря і смог", "Качество воздуха и смог"),
    ),
    ("healthcare", ("Opieka zdrowotna", "Healthcare", "Охорона здоров'я", "Здравоохранение")),
    ("social-services", ("Pomoc społeczna", "Social services", "Соціальні послуги", "Социальные услуги")),
    ("education", ("Edukacja", "Education", "Освіта", "Образование")),
    (
        "foreigners-office",
        (
            "Urząd ds. cudzoziemców i karty pobytu",
            "Foreigners' office and residence permits",
            "Управління у справах іноземців і посвідки",
            "Управление по делам иностранцев и ВНЖ",
        ),
    ),
    (
        "city-services",
        (
            "Dostęp do usług miejskich",
            "Access to city services",
            "Доступ до міських послуг",
            "Доступ к городским услугам",
        ),
    ),
    ("conference", ("Konferencja", "The conference", "Конференція", "Конференция")),
    ("other", ("Inne", "Other", "Інше", "Другое")),
]

# (category, language, state, days ago, message): illustrative reports, written for the demo.
REPORTS = [
    ("air-quality", "en", State.FORWARDED, 80, "The smog in winter is so bad that my children cannot play outside."),
    ("air-quality", "uk", State.ANSWERED, 75, "Де знайти інформацію про якість повітря англійською чи українською?"),
    ("air-quality", "pl", State.RECEIVED, 20, "Proszę o komunikaty smogowe także w innych językach."),
    ("air-quality", "ru", State.IN_PROGRESS, 10, "Нужны уведомления о смоге на русском языке."),
    ("healthcare", "uk", State.ANSWERED, 70, "Як записатися до сімейного лікаря без знання польської?"),
    ("healthcare", "en", State.IN_PROGRESS, 40, "No English information at the health fund office."),
    ("healthcare", "ru", State.RECEIVED, 5, "В поликлинике никто не говорит по-английски."),
    ("foreigners-office", "en", State.FORWARDED, 60, "I waited eight months for my residence card."),
    ("foreigners-office", "uk", State.FORWARDED, 55, "Черга на подання документів — кілька місяців."),
    ("foreigners-office", "ru", State.CLOSED, 50, "Нельзя записаться онлайн, только лично в шесть утра."),
    ("foreigners-office", "pl", State.RECEIVED, 3, "Formularze są tylko po polsku."),
    ("education", "uk", State.ANSWERED, 45, "Чи є в школах додаткові уроки польської для дітей?"),
    ("education", "en", State.CLOSED, 44, "How do I enrol my child mid-year?"),
    ("education", "ru", State.RECEIVED, 12, "Нужны курсы польского для взрослых вечером."),
    ("city-services", "en", State.IN_PROGRESS, 35, "The city website has no English version of the forms."),
    ("city-services", "uk", State.RECEIVED, 8, "Квитки на трамвай — інструкція лише польською."),
    ("city-services", "pl", State.ANSWERED, 30, "Infolinia miejska nie odbiera w innych językach."),
    ("social-services", "uk", State.RECEIVED, 25, "Куди звернутися по допомогу для людей похилого віку?"),
    (
        "social-services",
        "en",
        State.IN_PROGRESS,
        15,
        "Information about family benefits for foreigners is hard to find.",
    ),
    ("conference", "en", State.CLOSED, 28, "Will the talks be interpreted into English?"),
    ("other", "ru", State.RECEIVED, 2, "Спасибо за сайт на русском языке!"),
]


def load() -> str:
    for position, (code, names) in enumerate(CATEGORIES):
        Category.objects.update_or_create(
            code=code,
            defaults={
                "position": position,
                **{f"name_{lang}": name for lang, name in zip(("pl", "en", "uk", "ru"), names, strict=True)},
            },
        )
    now = timezone.now()
    for number, (code, language, state, days_ago, message) in enumerate(REPORTS, start=1):
        key = uuid.UUID(int=1000 + number)  # fixed keys: loading the demo again adds nothing
        if Report.objects.filter(idempotency_key=key).exists():
            continue
        report = submit_report(
            idempotency_key=key,
            category=Category.objects.get(code=code),
            message=message,
            language=language,
            place="Kraków",
        )
        received = now - datetime.timedelta(days=days_ago)
        Report.objects.filter(pk=report.pk).update(created_at=received)
        ReportEvent.objects.filter(report=report).update(created_at=received)
        if state != State.RECEIVED:
            update_report(report=report, state=state)
    return f"feedback: {len(CATEGORIES)} categories, {len(REPORTS)} reports"
