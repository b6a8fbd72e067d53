"""Demo content for the programme pages: the programme explained, news, documents and contacts, in four languages."""

import datetime

from django.core.files.base import ContentFile

from pages.models import ContactRole, Document, NewsEntry, Page, Status
from translations.services import record_translation_save

# slug: (parent slug, menu order, {language: {title, summary, body}}).
# The forum page has no Russian translation on purpose, so that readers can see the honest fallback.
PAGES = {
    "home": (
        None,
        0,
        {
            "pl": {
                "title": "Otwarty Kraków: miejski program dla cudzoziemców",
                "summary": "We wrześniu 2016 roku Rada Miasta Krakowa przyjęła program „Otwarty Kraków”, pierwszy "
                "miejski program integracji cudzoziemców. Wyjaśniamy go w Twoim języku.",
                "body": "Miasto opublikowało program tylko po polsku. Ta strona objaśnia go po polsku, angielsku, "
                "ukraińsku i rosyjsku: czemu ma służyć, co obiecuje i jak możesz zabrać głos.",
            },
            "en": {
                "title": "Open Kraków: the city's programme for foreign residents",
                "summary": "In September 2016 Kraków City Council adopted “Open Kraków”, the city's first programme "
                "for the integration of foreigners. Here it is, explained in your language.",
                "body": "The city published the programme only in Polish. This site explains it in Polish, English, "
                "Ukrainian and Russian: what it is for, what it promises, and how you can have your say.",
            },
            "uk": {
                "title": "Відкритий Краків: міська програма для іноземців",
                "summary": "У вересні 2016 року Рада міста Кракова ухвалила програму «Відкритий Краків» — першу "
                "міську програму інтеграції іноземців. Пояснюємо її вашою мовою.",
                "body": "Місто опублікувало програму лише польською. Цей сайт пояснює її польською, англійською, "
                "українською та російською: для чого вона, що обіцяє і як ви можете висловитися.",
            },
            "ru": {
                "title": "Открытый Краков: городская программа для иностранцев",
                "summary": "В сентябре 2016 года Совет города Кракова принял программу «Открытый Краков» — первую "
                "городскую программу интеграции иностранцев. Объясняем её на вашем языке.",
                "body": "Город опубликовал программу только на польском. Этот сайт объясняет её на польском, "
                "английском, украинском и русском: зачем она, что обещает и как вы можете высказаться.",
            },
        },
    ),
    "aims": (
        None,
        1,
        {
            "pl": {
                "title": "Cele programu",
                "summary": "Po co miastu program dla cudzoziemców i kto go przygotował.",
                "body": """Program „Otwarty Kraków” przygotował Wydział Spraw Społecznych Urzędu Miasta Krakowa,
a Rada Miasta przyjęła go we wrześniu 2016 roku.

## Dwa cele

- **Łatwiejsza integracja**: cudzoziemcy mają łatwiej odnaleźć się w Krakowie, w urzędach, szkołach i w pracy.
- **Widoczny wkład**: program ma pokazać, ile miasto zyskuje dzięki mieszkańcom z innych krajów.

## Dlaczego to ważne

Po raz pierwszy Rada Miasta formalnie dostrzegła obecność i wkład cudzoziemców w Krakowie.
Do tej pory o sprawach obcokrajowców rozmawiali głównie specjaliści i organizacje pozarządowe;
program otwiera drogę do rozmowy z samymi mieszkańcami.""",
            },
            "en": {
                "title": "What the programme is for",
                "summary": "Why the city has a programme for foreigners, and who wrote it.",
                "body": """The Open Kraków programme was written by the city's Department of Social Affairs
and adopted by the City Council in September 2016.

## Two aims

- **Easier integration**: foreigners should find their way in Kraków more easily, at offices, schools and work.
- **A visible contribution**: the programme sets out to show what the city gains from residents from abroad.

## Why it matters

For the first time, the City Council has formally recognised that foreigners live in Kraków and contribute
to it. Until now, foreigners' affairs were discussed mostly by professionals and NGOs; the programme opens
the way to a conversation with the residents themselves.""",
            },
            "uk": {
                "title": "Мета програми",
                "summary": "Навіщо місту програма для іноземців і хто її підготував.",
                "body": """Програму «Відкритий Краків» підготував Відділ соціальних справ міської адміністрації,
а Рада міста ухвалила її у вересні 2016 року.

## Дві мети

- **Легша інтеграція**: іноземцям має бути простіше знайти своє місце в Кракові — в установах, школах і на роботі.
- **Помітний внесок**: програма має показати, що місто отримує завдяки мешканцям з інших країн.

## Чому це важливо

Уперше Рада міста офіційно визнала, що іноземці живуть у Кракові й роблять внесок у його життя.
Досі справи іноземців обговорювали переважно фахівці та громадські організації; програма відкриває
шлях до розмови з самими мешканцями.""",
            },
            "ru": {
                "title": "Цели программы",
                "summary": "Зачем городу программа для иностранцев и кто её подготовил.",
                "body": """Программу «Открытый Краков» подготовил Отдел социальных дел городской администрации,
а Совет города принял её в сентябре 2016 года.

## Две цели

- **Более лёгкая интеграция**: иностранцам должно быть проще освоиться в Кракове — в учреждениях, школах и на работе.
- **Заметный вклад**: программа должна показать, что город получает благодаря жителям из других стран.

## Почему это важно

Впервые Совет города официально признал, что иностранцы живут в Кракове и вносят вклад в его жизнь.
До сих пор дела иностранцев обсуждали в основном специалисты и общественные организации; программа
открывает путь к разговору с самими жителями.""",
            },
        },
    ),
    "liaison-officer": (
        "aims",
        1,
        {
            "pl": {
                "title": "Pełnomocnik do spraw cudzoziemców",
                "summary": "Jedna osoba w urzędzie, która zajmie się sprawami obcokrajowców.",
                "body": """Program zapowiada nową funkcję w Urzędzie Miasta: **pełnomocnika do spraw cudzoziemców**.

Ma to być osoba, do której cudzoziemcy mogą się zwrócić, gdy nie wiedzą, gdzie załatwić sprawę,
i która przekazuje miastu ich problemy, na przykład długie oczekiwanie w urzędzie do spraw cudzoziemców.

Gdy pełnomocnik zostanie powołany, podamy tu, jak się z nim skontaktować.""",
            },
            "en": {
                "title": "A liaison officer for foreign residents",
                "summary": "One person at City Hall whose job is foreigners' concerns.",
                "body": """The programme plans a new role at City Hall: a **liaison officer for foreign residents**.

This is the person foreigners can turn to when they do not know where to take a matter, and who passes
their problems on to the city, such as the long waits at the foreigners' office.

Once the officer is appointed, we will say here how to reach them.""",
            },
            "uk": {
                "title": "Уповноважений у справах іноземців",
                "summary": "Одна людина в міській раді, яка займатиметься справами іноземців.",
                "body": """Програма передбачає нову посаду в міській раді: **уповноваженого у справах іноземців**.

До цієї людини іноземці зможуть звернутися, коли не знають, куди піти зі своєю справою, і вона
передаватиме місту їхні проблеми, наприклад довгі черги в управлінні у справах іноземців.

Коли уповноваженого призначать, ми напишемо тут, як із ним зв'язатися.""",
            },
            "ru": {
                "title": "Уполномоченный по делам иностранцев",
                "summary": "Один человек в мэрии, который будет заниматься делами иностранцев.",
                "body": """Программа предусматривает новую должность в мэрии: **уполномоченного по делам иностранцев**.

К этому человеку иностранцы смогут обратиться, когда не знают, куда идти со своим делом, и он будет
передавать городу их проблемы, например долгие очереди в управлении по делам иностранцев.

Когда уполномоченного назначат, мы напишем здесь, как с ним связаться.""",
            },
        },
    ),
    "forum": (
        "aims",
        2,
        {
            "pl": {
                "title": "Forum cudzoziemców",
                "summary": "Stałe miejsce rozmowy mieszkańców z innych krajów z miastem.",
                "body": """Program przewiduje **Forum cudzoziemców**: stałą platformę, na której mieszkańcy
z innych krajów regularnie rozmawiają z miastem.

Konferencja w lutym 2017 roku to dopiero początek. Forum ma sprawić, że rozmowa nie skończy się na
jednym wydarzeniu, a tematy takie jak smog, dostęp do usług, opieka zdrowotna i edukacja będą wracać
na stół, dopóki nie znajdą się rozwiązania.""",
            },
            "en": {
                "title": "A forum for foreigners",
                "summary": "A standing place for residents from abroad to talk with the city.",
                "body": """The programme plans a **forum for foreigners**: a standing platform where residents
from other countries talk with the city regularly.

The conference in February 2017 is only a start. The forum is meant to keep the conversation going after
one event, so that smog, access to services, healthcare and education come back to the table until
they are solved.""",
            },
            "uk": {
                "title": "Форум іноземців",
                "summary": "Постійне місце для розмови мешканців з інших країн із містом.",
                "body": """Програма передбачає **Форум іноземців**: постійну платформу, де мешканці з інших
країн регулярно розмовляють із містом.

Конференція в лютому 2017 року — лише початок. Форум має подбати, щоб розмова не закінчилася однією
подією, а смог, доступ до послуг, охорона здоров'я та освіта поверталися до обговорення, доки не
знайдуться рішення.""",
            },
        },
    ),
}

NEWS = [
    (
        "programme-adopted",
        datetime.date(2016, 9, 30),
        {
            "pl": (
                "Rada Miasta przyjęła program „Otwarty Kraków”",
                "We wrześniu 2016 roku Kraków po raz pierwszy przyjął program integracji cudzoziemców.",
            ),
            "en": (
                "City Council adopts the Open Kraków programme",
                "In September 2016 Kraków adopted its first programme for the integration of foreigners.",
            ),
            "uk": (
                "Рада міста ухвалила програму «Відкритий Краків»",
                "У вересні 2016 року Краків уперше ухвалив програму інтеграції іноземців.",
            ),
            "ru": (
                "Совет города принял программу «Открытый Краков»",
                "В сентябре 2016 года Краков впервые принял программу интеграции иностранцев.",
            ),
        },
    ),
    (
        "registration-open",
        datetime.date(2017, 1, 20),
        {
            "pl": (
                "Ruszyły zapisy na konferencję",
                "Można się zapisać na konferencję „Otwarty Kraków” i Festiwal Wielokulturowy.",
            ),
            "en": (
                "Registration for the conference is open",
                "You can now register for the Open Kraków conference and the Multicultural Festival.",
            ),
            "uk": (
                "Відкрито реєстрацію на конференцію",
                "Тепер можна зареєструватися на конференцію «Відкритий Краків» і Мультикультурний фестиваль.",
            ),
            "ru": (
                "Открыта регистрация на конференцию",
                "Теперь можно зарегистрироваться на конференцию «Открытый Краков» и Мультикультурный фестиваль.",
            ),
        },
    ),
    (
        "website-partly-in-english",
        datetime.date(2017, 1, 29),
        {
            "pl": (
                "Strona konferencji częściowo po angielsku",
                "Strona konferencji jest już częściowo dostępna po angielsku; program opublikowano po polsku.",
            ),
            "en": (
                "The conference website is now partly in English",
                "The conference website is now partly in English; the programme was published in Polish.",
            ),
            "uk": (
                "Сайт конференції частково англійською",
                "Сайт конференції тепер частково доступний англійською; програму опубліковано польською.",
            ),
            "ru": (
                "Сайт конференции частично на английском",
                "Сайт конференции теперь частично доступен на английском; программа опубликована на польском.",
            ),
        },
    ),
    (
        "volunteer-translators-wanted",
        datetime.date(2017, 2, 1),
        {
            "pl": (
                "Poszukiwani wolontariusze do tłumaczeń",
                "Większość wystąpień będzie po polsku. Organizatorzy szukają osób, które przetłumaczą prezentacje.",
            ),
            "en": (
                "Volunteer translators wanted",
                "Most talks will be in Polish. The organisers are looking for people to translate the presentations.",
            ),
            "uk": (
                "Шукаємо волонтерів-перекладачів",
                "Більшість виступів буде польською. Організатори шукають людей, які перекладуть презентації.",
            ),
            "ru": (
                "Ищем волонтёров-переводчиков",
                "Большинство выступлений будет на польском. Организаторы ищут людей, которые переведут презентации.",
            ),
        },
    ),
]

DOCUMENTS = [
    (
        "uchwala-otwarty-krakow.txt",
        {
            "pl": ("Uchwała Rady Miasta Krakowa w sprawie programu „Otwarty Kraków”", "Pełny tekst uchwały."),
            "en": ("Kraków City Council resolution on the Open Kraków programme", "The full text of the resolution."),
            "uk": ("Ухвала Ради міста Кракова про програму «Відкритий Краків»", "Повний текст ухвали."),
            "ru": ("Постановление Совета города Кракова о программе «Открытый Краков»", "Полный текст постановления."),
        },
    ),
    (
        "program-otwarty-krakow.txt",
        {
            "pl": ("Program „Otwarty Kraków”", "Pełny tekst programu."),
            "en": ("The Open Kraków programme", "The full text of the programme."),
            "uk": ("Програма «Відкритий Краків»", "Повний текст програми."),
            "ru": ("Программа «Открытый Краков»", "Полный текст программы."),
        },
    ),
]

# A stand-in file: the demo cannot ship the city's own documents.
DOCUMENT_TEXT = (
    "Dokument demonstracyjny serwisu Otwarty Kraków.\n\n"
    "W wersji produkcyjnej redakcja umieszcza tu plik opublikowany przez Urząd Miasta Krakowa (tylko po polsku).\n"
)

CONTACT_ROLES = [
    {
        "code": "organisers",
        "email": "conference@example.org",
        "name": {
            "pl": "Organizatorzy konferencji",
            "en": "Conference organisers",
            "uk": "Організатори конференції",
            "ru": "Организаторы конференции",
        },
        "description": {
            "pl": "Program, miejsca i zapisy na konferencję.",
            "en": "Programme, venues and registration.",
            "uk": "Програма, місця проведення й реєстрація.",
            "ru": "Программа, места проведения и регистрация.",
        },
    },
    {
        "code": "volunteers",
        "email": "volunteers@example.org",
        "name": {
            "pl": "Wolontariat i tłumacze",
            "en": "Volunteers and translators",
            "uk": "Волонтери та перекладачі",
            "ru": "Волонтёры и переводчики",
        },
        "description": {
            "pl": "Pomoc przy konferencji i tłumaczenie wystąpień.",
            "en": "Helping at the conference and translating the talks.",
            "uk": "Допомога на конференції та переклад виступів.",
            "ru": "Помощь на конференции и перевод выступлений.",
        },
    },
    {
        "code": "enquiries",
        "email": "enquiries@example.org",
        "name": {
            "pl": "Sprawy cudzoziemców",
            "en": "Enquiries from foreign residents",
            "uk": "Звернення іноземців",
            "ru": "Обращения иностранцев",
        },
        "description": {
            "pl": "Pytania i uwagi o programie „Otwarty Kraków”.",
            "en": "Questions and comments about the Open Kraków programme.",
            "uk": "Питання й зауваження щодо програми «Відкритий Краків».",
            "ru": "Вопросы и замечания о программе «Открытый Краков».",
        },
        "hours": {
            "pl": "Odpowiadamy w ciągu 5 dni roboczych",
            "en": "We reply within 5 working days",
            "uk": "Відповідаємо протягом 5 робочих днів",
            "ru": "Отвечаем в течение 5 рабочих дней",
        },
    },
]


def _set_translations(obj, translations: dict[str, dict[str, str]]):
    for language, fields in translations.items():
        obj.set_current_language(language)
        for name, value in fields.items():
            setattr(obj, name, value)
    obj.save()


def load() -> str:
    for slug, (parent_slug, order, translations) in PAGES.items():
        page, _ = Page.objects.update_or_create(
            slug=slug,
            defaults={
                "status": Status.PUBLISHED,
                "menu_order": order,
                "parent": Page.objects.get(slug=parent_slug) if parent_slug else None,
            },
        )
        _set_translations(page, translations)

    for slug, date, translations in NEWS:
        entry, _ = NewsEntry.objects.update_or_create(slug=slug, defaults={"date": date, "status": Status.PUBLISHED})
        _set_translations(entry, {lang: {"title": t, "summary": s} for lang, (t, s) in translations.items()})

    for position, (filename, translations) in enumerate(DOCUMENTS):
        existing = Document.objects.filter(translations__language_code="pl", translations__title=translations["pl"][0])
        document = existing.first() or Document(position=position)
        if not document.file:
            document.file.save(filename, ContentFile(DOCUMENT_TEXT.encode()), save=False)
        document.file_languages = ["pl"]
        document.status = Status.PUBLISHED
        _set_translations(document, {lang: {"title": t, "description": d} for lang, (t, d) in translations.items()})

    for position, role in enumerate(CONTACT_ROLES):
        fields = {
            f"{name}_{lang}": value
            for name in ("name", "description", "hours")
            for lang, value in role.get(name, {}).items()
        }
        ContactRole.objects.update_or_create(
            code=role["code"], defaults={"email": role["email"], "position": position, **fields}
        )
    _show_workflow_states()
    return (
        f"pages: {len(PAGES)} pages, {len(NEWS)} news entries, {len(DOCUMENTS)} documents, "
        f"{len(CONTACT_ROLES)} contact roles"
    )


# The Polish text of the aims page was revised after it was translated: one paragraph changed and one was added.
AIMS_REVISION = {
    "pl": (
        "program otwiera drogę do rozmowy z samymi mieszkańcami.",
        "program ma otworzyć drogę do stałej rozmowy z samymi mieszkańcami.\n\n"
        "Program zapowiada też nową funkcję w Urzędzie Miasta: **pełnomocnika do spraw cudzoziemców**, "
        "oraz forum cudzoziemców.",
    ),
    "en": (
        "the programme opens\nthe way to a conversation with the residents themselves.",
        "the programme is meant\nto open the way to a lasting conversation with the residents themselves.\n\n"
        "The programme also plans a new role at City Hall, a **liaison officer for foreign residents**, "
        "and a foreigners' forum.",
    ),
}


def _show_workflow_states():
    """Leave some translations in each workflow state, so readers, editors and translators can see them."""
    aims = Page.objects.get(slug="aims")
    for language in ("en", "uk", "ru"):  # every translation was made from the first Polish text...
        record_translation_save(obj=aims, language=language, text_changed=True)
    for language, (before, after) in AIMS_REVISION.items():  # ...which was then revised...
        aims.set_current_language(language)
        assert before in aims.body, language
        aims.body = aims.body.replace(before, after)
        aims.save()
        # ...and so far only English has caught up; Ukrainian and Russian are outdated.
        record_translation_save(obj=aims, language=language, text_changed=True)
    news = NewsEntry.objects.get(slug="registration-open")
    record_translation_save(obj=news, language="uk", text_changed=True, machine=True)
