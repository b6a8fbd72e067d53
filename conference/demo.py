"""Demo content for the conference: the 2017 Open Kraków conference and its three days."""

import datetime

from conference.models import Conference, Day

CONFERENCE = {
    "pl": {
        "name": "Konferencja „Otwarty Kraków” 2017",
        "description": (
            "Rada Miasta Krakowa, Fundacja Wspierania Kultury i Języka Polskiego im. Mikołaja Reja "
            "i Stowarzyszenie Interkulturalni PL zapraszają na trzydniową konferencję o różnorodności kulturowej "
            "i integracji cudzoziemców mieszkających w Krakowie.\n\n"
            "Pierwsze dwa dni odbywają się w Urzędzie Miasta. Trzeci dzień to Festiwal Wielokulturowy: "
            "mniejsze wydarzenia w różnych miejscach Krakowa, na których firmy, grupy i organizacje "
            "cudzoziemców pokazują swoją działalność.\n\n"
            "Chcemy skorzystać z doświadczeń innych miast, szukać rozwiązań problemów takich jak bariera "
            "językowa i dostęp do edukacji oraz położyć podwaliny pod miasto, w którym migranci są częścią "
            "lokalnej społeczności. Większość wystąpień będzie po polsku; organizatorzy szukają wolontariuszy "
            "do tłumaczenia."
        ),
    },
    "en": {
        "name": "Open Kraków Conference 2017",
        "description": (
            "Kraków City Council, the Mikołaj Rej Foundation for the Support of Culture and the Polish Language, "
            "and the Interkulturalni PL Association invite you to a three-day conference on cultural diversity "
            "and the integration of foreigners living in Kraków.\n\n"
            "The first two days take place at City Hall. The third day is the Multicultural Festival: smaller "
            "events in places across Kraków, where businesses, groups and organisations run by or for foreigners "
            "show what they do.\n\n"
            "The aim is to learn from other cities, look for answers to problems such as the language barrier "
            "and access to education, and lay the foundations for a city where migrants are part of the local "
            "community. Most talks will be in Polish; the organisers are looking for volunteer interpreters."
        ),
    },
    "uk": {
        "name": "Конференція «Відкритий Краків» 2017",
        "description": (
            "Рада міста Кракова, Фонд підтримки культури й польської мови імені Миколая Рея та Асоціація "
            "Interkulturalni PL запрошують на триденну конференцію про культурне розмаїття та інтеграцію "
            "іноземців, які живуть у Кракові.\n\n"
            "Перші два дні проходять у міській раді. Третій день — Мультикультурний фестиваль: невеликі події "
            "в різних місцях Кракова, де компанії, групи й організації іноземців розповідають про свою роботу.\n\n"
            "Мета — перейняти досвід інших міст, шукати рішення таких проблем, як мовний бар'єр і доступ до "
            "освіти, і закласти основу міста, де мігранти є частиною місцевої громади. Більшість виступів буде "
            "польською; організатори шукають волонтерів-перекладачів."
        ),
    },
    "ru": {
        "name": "Конференция «Открытый Краков» 2017",
        "description": (
            "Совет города Кракова, Фонд поддержки культуры и польского языка имени Миколая Рея и Ассоциация "
            "Interkulturalni PL приглашают на трёхдневную конференцию о культурном разнообразии и интеграции "
            "иностранцев, живущих в Кракове.\n\n"
            "Первые два дня проходят в городской ратуше. Третий день — Мультикультурный фестиваль: небольшие "
            "мероприятия в разных местах Кракова, где компании, группы и организации иностранцев рассказывают "
            "о своей работе.\n\n"
            "Цель — перенять опыт других городов, искать решения таких проблем, как языковой барьер и доступ "
            "к образованию, и заложить основу города, где мигранты — часть местного сообщества. Большинство "
            "выступлений будет на польском; организаторы ищут волонтёров-переводчиков."
        ),
    },
}

DAYS = [
    (
        datetime.date(2017, 2, 23),
        {
            "pl": "Wielokulturowość i różnorodność",
            "en": "Multiculturalism and diversity",
            "uk": "Мультикультурність і розмаїття",
            "ru": "Мультикультурность и разнообразие",
        },
    ),
    (
        datetime.date(2017, 2, 24),
        {
            "pl": "Edukacja i integracja: cudzoziemcy w polskiej szkole",
            "en": "Education and integration: foreigners in Polish schools",
            "uk": "Освіта й інтеграція: іноземці в польській школі",
            "ru": "Образование и интеграция: иностранцы в польской школе",
        },
    ),
    (
        datetime.date(2017, 2, 25),
        {
            "pl": "Festiwal Wielokulturowy: wydarzenia w całym mieście",
            "en": "Multicultural Festival: events across the city",
            "uk": "Мультикультурний фестиваль: події по всьому місту",
            "ru": "Мультикультурный фестиваль: события по всему городу",
        },
    ),
]


def load() -> str:
    conference, _ = Conference.objects.update_or_create(
        slug="open-krakow-2017",
        defaults={"start_date": DAYS[0][0], "end_date": DAYS[-1][0], "timezone": "Europe/Warsaw"},
    )
    for language, fields in CONFERENCE.items():
        conference.set_current_language(language)
        for name, value in fields.items():
            setattr(conference, name, value)
    conference.save()
    for date, themes in DAYS:
        Day.objects.update_or_create(
            conference=conference,
            date=date,
            defaults={f"theme_{language}": theme for language, theme in themes.items()},
        )
    return f"conference: {conference.slug} with {len(DAYS)} days"
