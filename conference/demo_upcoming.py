"""The demo's upcoming edition: a smaller, two-day follow-up to the 2017 conference, always about two months ahead.

Its dates are set when the demo is loaded (see demo.load_upcoming); texts are in pl/en/uk/ru, in that order, and
"{year}" stands for the year it takes place in. Sessions use the demo's venues, tracks, types and speakers.
"""

NAME = (
    "Konferencja „Otwarty Kraków” {year}",
    "Open Kraków Conference {year}",
    "Конференція «Відкритий Краків» {year}",
    "Конференция «Открытый Краков» {year}",
)
DESCRIPTION = (
    "Kolejna, mniejsza edycja konferencji „Otwarty Kraków”: dwa dni pracy miejskich urzędów, szkół i organizacji "
    "cudzoziemców, którzy mieszkają w Krakowie.\n\n"
    "Pierwszy dzień poświęcamy temu, co zmieniło się od pierwszej konferencji: informacji w wielu językach, "
    "pomocy w sprawach pobytowych i dzieciom z innych krajów w krakowskich szkołach. Drugi dzień jest "
    "praktyczny: warsztaty z ograniczoną liczbą miejsc, popołudnie indywidualnych konsultacji i wieczór sąsiedzki "
    "w Nowej Hucie.\n\n"
    "Wystąpienia są po polsku, ukraińsku lub angielsku, a przy wielu z nich zapewniamy tłumaczenie. "
    "Rejestracja jest potrzebna tylko na warsztaty i konsultacje; pozostałe wydarzenia są otwarte dla wszystkich.",
    "A smaller follow-up to the Open Kraków conference: two working days for city offices, schools and the "
    "organisations of foreigners who live in Kraków.\n\n"
    "The first day looks at what has changed since the first conference: information in many languages, help "
    "with residence matters, and children from other countries in Kraków's schools. The second day is practical: "
    "workshops with limited places, an afternoon of one-to-one advice, and a neighbourhood evening in Nowa Huta.\n\n"
    "Talks are given in Polish, Ukrainian or English, and many of them are interpreted. You only need to register "
    "for the workshops and the advice sessions; everything else is open to everyone.",
    "Нова, менша за обсягом конференція «Відкритий Краків»: два робочі дні для міських установ, шкіл та "
    "організацій іноземців, які живуть у Кракові.\n\n"
    "Перший день присвячено тому, що змінилося від першої конференції: інформації багатьма мовами, допомозі в "
    "питаннях перебування та дітям з інших країн у краківських школах. Другий день практичний: майстер-класи з "
    "обмеженою кількістю місць, пообідні індивідуальні консультації та сусідський вечір у Новій Гуті.\n\n"
    "Виступи звучать польською, українською або англійською, і багато з них перекладають. Реєструватися "
    "потрібно лише на майстер-класи й консультації; усі інші події відкриті для всіх охочих.",
    "Новая, более камерная конференция «Открытый Краков»: два рабочих дня для городских учреждений, школ и "
    "организаций иностранцев, которые живут в Кракове.\n\n"
    "Первый день посвящён тому, что изменилось со времени первой конференции: информации на многих языках, "
    "помощи в вопросах пребывания и детям из других стран в краковских школах. Второй день практический: "
    "мастер-классы с ограниченным числом мест, индивидуальные консультации после обеда и соседский вечер "
    "в Новой Гуте.\n\n"
    "Выступления звучат на польском, украинском или английском, и многие из них переводятся. Регистрироваться "
    "нужно только на мастер-классы и консультации; все остальные события открыты для всех желающих.",
)
DAY_THEMES = [
    (
        "Co się zmieniło: informacja i usługi w wielu językach",
        "What has changed: information and services in many languages",
        "Що змінилося: інформація та послуги багатьма мовами",
        "Что изменилось: информация и услуги на многих языках",
    ),
    (
        "W praktyce: warsztaty, konsultacje i wieczór sąsiedzki",
        "In practice: workshops, advice and a neighbourhood evening",
        "На практиці: майстер-класи, консультації та сусідський вечір",
        "На практике: мастер-классы, консультации и соседский вечер",
    ),
]
VERSION_NOTE = (
    "Pierwsza wersja programu.",
    "First published schedule.",
    "Перша версія програми.",
    "Первая версия программы.",
)

# A speaker new in this edition; the others took part in 2017 too. (name, organisation, its language, roles)
SPEAKERS = {
    "marchenko": (
        "Yuliia Marchenko",
        "",
        "pl",
        ("Pracowniczka socjalna", "Social worker", "Соціальна працівниця", "Социальный работник"),
    ),
}

# As in demo_sessions: (day, start, minutes, room, track, type, spoken language, interpretation, speakers,
# places, titles in pl/en/uk/ru). Four need registration, one of them with only two places.
SESSIONS = [
    (
        1,
        "10:00",
        45,
        "hall",
        "diversity",
        "talk",
        "pl",
        ["en", "uk"],
        ["nowak"],
        None,
        (
            "Otwarcie: co się zmieniło od pierwszej konferencji",
            "Opening: what has changed since the first conference",
            "Відкриття: що змінилося від першої конференції",
            "Открытие: что изменилось со времени первой конференции",
        ),
    ),
    (
        1,
        "11:00",
        60,
        "hall",
        "services",
        "panel",
        "pl",
        ["en", "uk", "ru"],
        ["zielinski", "kovalenko", "marchenko"],
        None,
        (
            "Panel: urząd, który mówi w wielu językach",
            "Panel: a city office that speaks many languages",
            "Панель: установа, яка говорить багатьма мовами",
            "Панель: учреждение, которое говорит на многих языках",
        ),
    ),
    (
        1,
        "11:00",
        60,
        "portrait",
        "services",
        "workshop",
        "uk",
        ["pl"],
        ["sokolova"],
        12,
        (
            "Warsztat: tłumaczenie dokumentów dla urzędu",
            "Workshop: translating documents for official use",
            "Майстер-клас: переклад документів для установ",
            "Мастер-класс: перевод документов для учреждений",
        ),
    ),
    (
        1,
        "13:00",
        45,
        "hall",
        "education",
        "talk",
        "pl",
        ["uk"],
        ["wisniewska"],
        None,
        (
            "Dzieci z innych krajów w krakowskich szkołach: pierwsze wnioski",
            "Children from other countries in Kraków's schools: what we have learned",
            "Діти з інших країн у краківських школах: перші висновки",
            "Дети из других стран в краковских школах: первые выводы",
        ),
    ),
    (
        1,
        "14:00",
        60,
        "hall",
        "education",
        "panel",
        "pl",
        ["en", "uk"],
        ["shevchuk", "gonzalez", "haddad"],
        None,
        (
            "Panel: szkoła, rodzice i język domowy",
            "Panel: school, parents and the language spoken at home",
            "Панель: школа, батьки й домашня мова",
            "Панель: школа, родители и домашний язык",
        ),
    ),
    (
        2,
        "10:00",
        90,
        "ice",
        "services",
        "workshop",
        "pl",
        ["uk", "ru"],
        ["nowak"],
        10,
        (
            "Warsztat: karta pobytu krok po kroku",
            "Workshop: the residence card, step by step",
            "Майстер-клас: карта побиту крок за кроком",
            "Мастер-класс: карта побыту шаг за шагом",
        ),
    ),
    (
        2,
        "10:00",
        90,
        "nowa-huta",
        "education",
        "workshop",
        "uk",
        ["pl"],
        ["marchenko"],
        2,
        (
            "Warsztat dla rodziców: jak wspierać dziecko w dwóch językach",
            "Workshop for parents: helping a child grow up with two languages",
            "Майстер-клас для батьків: як підтримати дитину, що росте з двома мовами",
            "Мастер-класс для родителей: как поддержать ребёнка, который растёт с двумя языками",
        ),
    ),
    (
        2,
        "13:00",
        120,
        "ice",
        "services",
        "workshop",
        "pl",
        ["en", "uk", "ru"],
        ["kovalenko"],
        8,
        (
            "Konsultacje: indywidualne porady w sprawach pobytu i pracy",
            "Advice: one-to-one help with residence and work matters",
            "Консультації: індивідуальна допомога з питань перебування та роботи",
            "Консультации: индивидуальная помощь по вопросам пребывания и работы",
        ),
    ),
    (
        2,
        "17:00",
        120,
        "nowa-huta",
        "festival",
        "festival",
        "pl",
        [],
        [],
        None,
        (
            "Wieczór sąsiedzki: muzyka i kuchnie świata",
            "Neighbourhood evening: music and food from around the world",
            "Сусідський вечір: музика та кухні світу",
            "Соседский вечер: музыка и кухни мира",
        ),
    ),
]
