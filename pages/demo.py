"""Demo content for the programme pages: the landing page and the contact roles, in all four languages."""

from pages.models import ContactRole, Page

HOME = {
    "pl": {
        "title": "Otwarty Kraków: miejski program dla cudzoziemców",
        "summary": (
            "We wrześniu 2016 roku Rada Miasta Krakowa przyjęła program „Otwarty Kraków”, pierwszy miejski "
            "program integracji cudzoziemców. Wyjaśniamy go w Twoim języku."
        ),
        "body": """
<h2>Po co jest ten program</h2>
<p>Program przygotował Wydział Spraw Społecznych Urzędu Miasta Krakowa. Ma ułatwić cudzoziemcom
zadomowienie się w Krakowie i pokazać, ile miasto zyskuje dzięki mieszkańcom z innych krajów.</p>
<p>To pierwszy raz, gdy Rada Miasta formalnie dostrzegła cudzoziemców mieszkających w Krakowie.
Miasto opublikowało program tylko po polsku; ta strona objaśnia go po polsku, angielsku, ukraińsku i rosyjsku.</p>
<h2>Co program zapowiada</h2>
<ul>
<li><strong>Pełnomocnika do spraw cudzoziemców</strong>: osobę w urzędzie, która wysłucha obcokrajowców
i pomoże im w sprawach z miastem.</li>
<li><strong>Forum cudzoziemców</strong>: stałe miejsce rozmowy mieszkańców z miastem, a nie jednorazowe spotkanie.</li>
<li><strong>Wydarzenia</strong>, począwszy od konferencji „Otwarty Kraków” w lutym 2017 roku.</li>
</ul>
<h2>Dlaczego Twój głos się liczy</h2>
<p>Mieszkający tu cudzoziemcy mówią o smogu, dostępie do usług, opiece zdrowotnej, pomocy społecznej,
edukacji i długich kolejkach w urzędzie do spraw cudzoziemców. <a href="/pl/feedback/">Napisz nam</a>,
co jest ważne dla Ciebie.</p>
""",
    },
    "en": {
        "title": "Open Kraków: the city's programme for foreign residents",
        "summary": (
            "In September 2016 Kraków City Council adopted “Open Kraków”, the city's first programme for the "
            "integration of foreigners. Here it is, explained in your language."
        ),
        "body": """
<h2>What the programme is for</h2>
<p>The city's Department of Social Affairs wrote the programme. It sets out to make it easier for
foreigners to settle into life in Kraków, and to show what the city gains from the people who moved here.</p>
<p>It is the first time the City Council has formally recognised the foreigners who live in Kraków.
The city published the programme only in Polish; this site explains it in Polish, English, Ukrainian and Russian.</p>
<h2>What it promises</h2>
<ul>
<li><strong>A liaison officer for foreign residents</strong>: one person at the city whose job is to listen
to foreigners and help them deal with the city.</li>
<li><strong>A forum for foreigners</strong>: a standing place for residents to talk with the city,
not a one-off meeting.</li>
<li><strong>Events</strong>, starting with the Open Kraków conference in February 2017.</li>
</ul>
<h2>Why your voice matters</h2>
<p>Foreign residents have raised smog, access to services, healthcare, social services, education and the
long waits at the foreigners' office. <a href="/en/feedback/">Tell us</a> what matters to you.</p>
""",
    },
    "uk": {
        "title": "Відкритий Краків: міська програма для іноземців",
        "summary": (
            "У вересні 2016 року Рада міста Кракова ухвалила програму «Відкритий Краків» — першу міську програму "
            "інтеграції іноземців. Пояснюємо її вашою мовою."
        ),
        "body": """
<h2>Навіщо ця програма</h2>
<p>Програму підготував Відділ соціальних справ міської адміністрації. Вона має допомогти іноземцям
облаштуватися в Кракові й показати, що місто отримує завдяки людям, які сюди переїхали.</p>
<p>Уперше Рада міста офіційно визнала іноземців, які живуть у Кракові. Місто опублікувало програму
лише польською; цей сайт пояснює її польською, англійською, українською та російською.</p>
<h2>Що програма обіцяє</h2>
<ul>
<li><strong>Уповноваженого у справах іноземців</strong>: людину в міській адміністрації, яка вислухає
іноземців і допоможе їм у справах із містом.</li>
<li><strong>Форум іноземців</strong>: постійне місце для розмови мешканців із містом, а не разова зустріч.</li>
<li><strong>Події</strong>, починаючи з конференції «Відкритий Краків» у лютому 2017 року.</li>
</ul>
<h2>Чому ваш голос важливий</h2>
<p>Іноземці, які тут живуть, говорять про смог, доступ до послуг, охорону здоров'я, соціальну допомогу,
освіту й довгі черги в управлінні у справах іноземців. <a href="/uk/feedback/">Напишіть нам</a>,
що важливо для вас.</p>
""",
    },
    "ru": {
        "title": "Открытый Краков: городская программа для иностранцев",
        "summary": (
            "В сентябре 2016 года Совет города Кракова принял программу «Открытый Краков» — первую городскую "
            "программу интеграции иностранцев. Объясняем её на вашем языке."
        ),
        "body": """
<h2>Зачем нужна программа</h2>
<p>Программу подготовил Отдел социальных дел городской администрации. Она должна помочь иностранцам
обустроиться в Кракове и показать, что город получает благодаря людям, которые сюда переехали.</p>
<p>Впервые Совет города официально признал иностранцев, живущих в Кракове. Город опубликовал программу
только на польском; этот сайт объясняет её на польском, английском, украинском и русском.</p>
<h2>Что программа обещает</h2>
<ul>
<li><strong>Уполномоченного по делам иностранцев</strong>: человека в городской администрации, который
выслушает иностранцев и поможет им в делах с городом.</li>
<li><strong>Форум иностранцев</strong>: постоянное место для разговора жителей с городом, а не разовая встреча.</li>
<li><strong>Мероприятия</strong>, начиная с конференции «Открытый Краков» в феврале 2017 года.</li>
</ul>
<h2>Почему ваш голос важен</h2>
<p>Живущие здесь иностранцы говорят о смоге, доступе к услугам, здравоохранении, социальной помощи,
образовании и длинных очередях в управлении по делам иностранцев. <a href="/ru/feedback/">Напишите нам</a>,
что важно для вас.</p>
""",
    },
}

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
    },
]


def load() -> str:
    page, _ = Page.objects.update_or_create(
        slug=Page.HOME_SLUG, defaults={"status": Page.Status.PUBLISHED, "menu_order": 0, "parent": None}
    )
    for language, fields in HOME.items():
        page.set_current_language(language)
        for name, value in fields.items():
            setattr(page, name, value.strip())
    page.save()

    for position, role in enumerate(CONTACT_ROLES):
        names = {f"name_{language}": name for language, name in role["name"].items()}
        ContactRole.objects.update_or_create(
            code=role["code"], defaults={"email": role["email"], "position": position, **names}
        )
    return f"pages: 1 page in {len(HOME)} languages, {len(CONTACT_ROLES)} contact roles"
