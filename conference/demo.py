"""Demo content for the conference: the 2017 Open Kraków conference, now in the archive, and an upcoming edition.

The 2017 edition is kept as the source material describes it. The upcoming one is always about two months ahead:
loading the demo again later moves its days and sessions forward, keeping its rows and registrations.
"""

import datetime
import uuid
from zoneinfo import ZoneInfo

from django.utils import timezone

from conference import demo_upcoming
from conference.demo_sessions import SESSIONS
from conference.demo_texts import ABSTRACTS, BIOS
from conference.models import (
    Booking,
    Conference,
    Day,
    Registration,
    Room,
    Session,
    SessionType,
    Speaker,
    Track,
    Venue,
)
from conference.services import publish_schedule_version

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


LANGS = ("pl", "en", "uk", "ru")
WARSAW = ZoneInfo("Europe/Warsaw")

VENUES = {
    "city-hall": {
        "address": "plac Wszystkich Świętych 3–4, 31-004 Kraków",
        "latitude": "50.058420",
        "longitude": "19.937790",
        "name": (
            "Urząd Miasta Krakowa (Pałac Wielopolskich)",
            "City Hall (Wielopolski Palace)",
            "Міська рада Кракова (палац Велопольських)",
            "Мэрия Кракова (дворец Велопольских)",
        ),
        "description": (
            "Siedziba władz miasta; tu odbywają się dwa pierwsze dni konferencji.",
            "The seat of the city's government, where the first two days take place.",
            "Осідок міської влади, де проходять перші два дні конференції.",
            "Резиденция городских властей, где проходят первые два дня конференции.",
        ),
        "accessibility": (
            "Wejście bez schodów od dziedzińca, winda, toaleta dla osób z niepełnosprawnościami, "
            "pętla indukcyjna w Sali Obrad.",
            "Step-free entrance from the courtyard, a lift, an accessible toilet, and a hearing loop "
            "in the Council Chamber.",
            "Вхід без сходів із подвір'я, ліфт, доступний туалет, індукційна петля в залі засідань.",
            "Вход без ступенек со двора, лифт, доступный туалет, индукционная петля в зале заседаний.",
        ),
        "rooms": {
            "hall": ("Sala Obrad", "Council Chamber", "Зала засідань", "Зал заседаний"),
            "portrait": ("Sala Portretowa", "Portrait Hall", "Портретна зала", "Портретный зал"),
        },
    },
    "main-square": {
        "address": "Rynek Główny, 31-042 Kraków",
        "latitude": "50.061700",
        "longitude": "19.937300",
        "name": (
            "Rynek Główny: namiot festiwalowy",
            "Main Square: festival tent",
            "Головна площа: фестивальний намет",
            "Главная площадь: фестивальный шатёр",
        ),
        "description": (
            "Namiot festiwalowy przy Sukiennicach.",
            "The festival tent beside the Cloth Hall.",
            "Фестивальний намет біля Суконних рядів.",
            "Фестивальный шатёр у Суконных рядов.",
        ),
        "accessibility": (
            "Płaski teren, bez schodów; toalety przenośne, w tym jedna dostępna.",
            "Level ground with no steps; portable toilets, one of them accessible.",
            "Рівна поверхня без сходів; мобільні туалети, один із них доступний.",
            "Ровная поверхность без ступенек; мобильные туалеты, один из них доступный.",
        ),
        "rooms": {"square": ("Scena", "Stage", "Сцена", "Сцена")},
    },
    "ice-krakow": {
        "address": "ul. Marii Konopnickiej 17, 30-302 Kraków",
        "latitude": "50.047650",
        "longitude": "19.932060",
        "name": (
            "Centrum Kongresowe ICE Kraków",
            "ICE Kraków Congress Centre",
            "Конгрес-центр ICE Kraków",
            "Конгресс-центр ICE Kraków",
        ),
        "description": (
            "Centrum kongresowe nad Wisłą, naprzeciw Wawelu.",
            "The congress centre on the Vistula, opposite Wawel Castle.",
            "Конгрес-центр на Віслі, навпроти Вавеля.",
            "Конгресс-центр на Висле, напротив Вавеля.",
        ),
        "accessibility": (
            "Pełna dostępność: windy, toalety, pętle indukcyjne.",
            "Fully accessible: lifts, toilets and hearing loops.",
            "Повна доступність: ліфти, туалети, індукційні петлі.",
            "Полная доступность: лифты, туалеты, индукционные петли.",
        ),
        "rooms": {"ice": ("Sala Audytoryjna", "Auditorium", "Аудиторія", "Аудитория")},
    },
    "nowa-huta": {
        "address": "al. Jana Pawła II 232, 31-913 Kraków",
        "latitude": "50.074040",
        "longitude": "20.034060",
        "name": (
            "Nowohuckie Centrum Kultury",
            "Nowa Huta Cultural Centre",
            "Культурний центр Нової Гути",
            "Культурный центр Новой Гуты",
        ),
        "description": (
            "Dom kultury we wschodniej części miasta.",
            "A cultural centre in the east of the city.",
            "Будинок культури у східній частині міста.",
            "Дом культуры в восточной части города.",
        ),
        "accessibility": (
            "Wejście z podjazdem, toaleta dostępna na parterze.",
            "Entrance with a ramp; an accessible toilet on the ground floor.",
            "Вхід із пандусом; доступний туалет на першому поверсі.",
            "Вход с пандусом; доступный туалет на первом этаже.",
        ),
        "rooms": {"nowa-huta": ("Sala widowiskowa", "Theatre hall", "Глядацька зала", "Зрительный зал")},
    },
}

TRACKS = {
    "diversity": ("Różnorodność", "Diversity", "Розмаїття", "Разнообразие"),
    "education": ("Edukacja", "Education", "Освіта", "Образование"),
    "services": ("Usługi miejskie", "City services", "Міські послуги", "Городские услуги"),
    "festival": ("Festiwal", "Festival", "Фестиваль", "Фестиваль"),
}

TYPES = {
    "talk": ("Wystąpienie", "Talk", "Виступ", "Выступление"),
    "panel": ("Panel dyskusyjny", "Panel discussion", "Панельна дискусія", "Панельная дискуссия"),
    "workshop": ("Warsztaty", "Workshop", "Майстер-клас", "Мастер-класс"),
    "festival": ("Wydarzenie festiwalowe", "Festival event", "Фестивальна подія", "Фестивальное событие"),
}

# Illustrative people: the names are made up for the demo. Each has a role, translated like any text, and may
# name an organisation: (name, organisation, the language of its name, role in pl/en/uk/ru). An organisation's
# name is not translated; pages show it as written, marked with its language.
SPEAKERS = {
    "nowak": (
        "Anna Nowak",
        "Wydział Spraw Społecznych (przykład)",
        "pl",
        (
            "Koordynatorka ds. cudzoziemców",
            "Coordinator for foreign residents",
            "Координаторка у справах іноземців",
            "Координатор по делам иностранцев",
        ),
    ),
    "zielinski": (
        "Marek Zieliński",
        "Urząd Miasta Krakowa (przykład)",
        "pl",
        ("Analityk danych", "Data analyst", "Аналітик даних", "Аналитик данных"),
    ),
    "kovalenko": (
        "Olena Kovalenko",
        "Stowarzyszenie ukraińskie (przykład)",
        "pl",
        ("Przewodnicząca stowarzyszenia", "Chair of the association", "Голова асоціації", "Председатель ассоциации"),
    ),
    "whitfield": (
        "James Whitfield",
        "Kraków Expats Directory (example)",
        "en",
        ("Redaktor", "Editor", "Редактор", "Редактор"),
    ),
    "haddad": (
        "Samir Haddad",
        "",
        "pl",
        ("Badacz migracji", "Migration researcher", "Дослідник міграції", "Исследователь миграции"),
    ),
    "sokolova": (
        "Irina Sokolova",
        "",
        "pl",
        ("Tłumaczka przysięgła", "Sworn translator", "Присяжна перекладачка", "Присяжный переводчик"),
    ),
    "wisniewska": (
        "Katarzyna Wiśniewska",
        "",
        "pl",
        (
            "Nauczycielka w szkole podstawowej",
            "Primary school teacher",
            "Вчителька початкової школи",
            "Учительница начальной школы",
        ),
    ),
    "shevchuk": ("Mykola Shevchuk", "", "pl", ("Nauczyciel", "Teacher", "Вчитель", "Учитель")),
    "gonzalez": (
        "María González",
        "",
        "pl",
        (
            "Przewodnicząca rady rodziców",
            "Chair of a parents' council",
            "Голова батьківської ради",
            "Председатель родительского совета",
        ),
    ),
}
VERSION_NOTES = {
    1: ("Pierwsza wersja programu.", "First published schedule.", "Перша версія програми.", "Первая версия программы."),
    2: (
        "Warsztaty pisanek przeniesione na 15:00; wieczór poezji odwołany.",
        "The painted eggs workshop moves to 15:00; the poetry evening is cancelled.",
        "Майстер-клас писанок перенесено на 15:00; вечір поезії скасовано.",
        "Мастер-класс писанок перенесён на 15:00; вечер поэзии отменён.",
    ),
}


def _by_language(values) -> dict[str, str]:
    return dict(zip(LANGS, values, strict=True))


def _localised(field: str, values) -> dict[str, str]:
    return {f"{field}_{language}": value for language, value in _by_language(values).items()}


def _translate(obj, **fields):
    for language in LANGS:
        obj.set_current_language(language)
        for name, value in fields.items():
            setattr(obj, name, value[language])
    obj.save()


def _translate_only(obj, texts: dict[str, dict[str, str]]):
    """Write the object in the languages given, and in no other: readers of the rest see the honest fallback."""
    for language, fields in texts.items():
        obj.set_current_language(language)
        for name, value in fields.items():
            setattr(obj, name, value)
    obj.save()
    obj.translations.exclude(language_code__in=list(texts)).delete()


def _load_reference_data() -> dict[str, dict]:
    """Venues and rooms, tracks, types and speakers, shared by both editions."""
    rooms = {}
    for slug, data in VENUES.items():
        venue, _ = Venue.objects.update_or_create(
            slug=slug,
            defaults={
                "address": data["address"],
                "latitude": data["latitude"],
                "longitude": data["longitude"],
                **_localised("name", data["name"]),
                **_localised("description", data["description"]),
                **_localised("accessibility", data["accessibility"]),
            },
        )
        for key, names in data["rooms"].items():
            rooms[key], _ = Room.objects.update_or_create(
                venue=venue, name_pl=names[0], defaults=_localised("name", names)
            )
    tracks = {
        slug: Track.objects.update_or_create(slug=slug, defaults=_localised("name", n))[0] for slug, n in TRACKS.items()
    }
    types = {
        slug: SessionType.objects.update_or_create(slug=slug, defaults=_localised("name", n))[0]
        for slug, n in TYPES.items()
    }
    speakers = {}
    for slug, (name, affiliation, affiliation_language, roles) in {**SPEAKERS, **demo_upcoming.SPEAKERS}.items():
        speaker, _ = Speaker.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "affiliation": affiliation, "affiliation_language": affiliation_language},
        )
        role = _by_language(roles)
        texts = {language: {"role": role[language], "bio": bio} for language, bio in BIOS[slug].items()}
        _translate_only(speaker, texts)
        speakers[slug] = speaker
    return {"rooms": rooms, "tracks": tracks, "types": types, "speakers": speakers}


def _load_sessions(conference, sessions, *, prefix: str, dates: list[datetime.date], reference: dict) -> None:
    """The sessions of one edition, with fixed codes (prefix and number): loading again updates them."""
    for number, (day, start, minutes, room, track, kind, spoken, interpretation, who, places, titles) in enumerate(
        sessions, start=1
    ):
        begins = datetime.datetime.combine(dates[day - 1], datetime.time.fromisoformat(start), tzinfo=WARSAW)
        session, _ = Session.objects.update_or_create(
            code=f"{prefix}{number:02d}",
            defaults={
                "conference": conference,
                "start": begins,
                "end": begins + datetime.timedelta(minutes=minutes),
                "room": reference["rooms"][room],
                "track": reference["tracks"][track],
                "session_type": reference["types"][kind],
                "spoken_language": spoken,
                "interpretation": "," + ",".join(interpretation) + "," if interpretation else "",
                "registration_required": places is not None,
                "capacity": places,
                "state": Session.State.CONFIRMED,
            },
        )
        title = _by_language(titles)
        texts = {
            language: {"title": title[language], "abstract": text} for language, text in ABSTRACTS[session.code].items()
        }
        _translate_only(session, texts)
        session.speakers.set([reference["speakers"][slug] for slug in who])


def _load_schedule(conference, reference: dict) -> int:
    _load_sessions(conference, SESSIONS, prefix="OK17", dates=[date for date, _themes in DAYS], reference=reference)
    if not conference.versions.exists():
        publish_schedule_version(conference=conference, notes=_by_language(VERSION_NOTES[1]))
    if conference.versions.count() < 2:
        moved = Session.objects.get(code="OK1721")  # the painted eggs workshop, an hour later
        moved.start += datetime.timedelta(hours=3)
        moved.end += datetime.timedelta(hours=3)
        moved.save()
        Session.objects.filter(code="OK1724").update(state=Session.State.CANCELLED)  # the poetry evening
        publish_schedule_version(conference=conference, notes=_by_language(VERSION_NOTES[2]))
    else:
        _replay_version_two()
    _load_registrations(conference)
    return len(SESSIONS)


# Six illustrative attendees for a workshop with four places: four get a place, two wait.
DEMO_ATTENDEES = [
    ("Oksana Demo", "uk"),
    ("Piotr Demo", "pl"),
    ("Sasha Demo", "ru"),
    ("Emma Demo", "en"),
    ("Halyna Demo", "uk"),
    ("Tomasz Demo", "pl"),
]
FULL_WORKSHOP = "OK1716"  # "residence papers without stress"


def _load_registrations(conference):
    """The attendees as they stood in February 2017. Registration for 2017 is long closed, so they are stored as
    records, not through register_attendee: nobody is sent a confirmation for a conference that is over."""
    Session.objects.filter(code=FULL_WORKSHOP).update(capacity=4)
    workshop = Session.objects.get(code=FULL_WORKSHOP)
    day = conference.days.get(date=DAYS[1][0])
    for number, (name, language) in enumerate(DEMO_ATTENDEES, start=1):
        registration, created = Registration.objects.get_or_create(
            idempotency_key=uuid.UUID(int=number),  # fixed keys: loading the demo again adds nobody
            defaults={
                "conference": conference,
                "reference": f"OK17-DM{number:02d}",
                "name": name,
                "email": f"attendee{number}@example.org",
                "language": language,
            },
        )
        if not created:
            continue
        registration.days.set([day])
        booking = Booking.objects.create(
            registration=registration,
            session=workshop,
            status=Booking.Status.CONFIRMED if number <= workshop.capacity else Booking.Status.WAITING,
            interpretation="uk" if language == "uk" else "",
        )
        # In the order they came, which is also the waiting list's order.
        registered = datetime.datetime(2017, 2, 10, 9, tzinfo=WARSAW) + datetime.timedelta(hours=number)
        Registration.objects.filter(pk=registration.pk).update(created_at=registered)
        Booking.objects.filter(pk=booking.pk).update(created_at=registered, changed_at=registered)


def _replay_version_two():
    """On a second run, keep the demo's published changes in place rather than undoing them."""
    moved = Session.objects.get(code="OK1721")
    moved.start += datetime.timedelta(hours=3)
    moved.end += datetime.timedelta(hours=3)
    moved.state = Session.State.MOVED
    moved.save()
    Session.objects.filter(code="OK1724").update(state=Session.State.CANCELLED)


# The upcoming edition's slug is its identity across loads, so it names no year: its dates, name and acronym follow
# the calendar, but its row, its address and the registrations people made in the demo stay.
UPCOMING_SLUG = "open-krakow-demo"
UPCOMING_LEAD = datetime.timedelta(days=60)
# While it starts within this window from today it stays where it is: registrations keep their dates.
UPCOMING_KEPT = (datetime.timedelta(days=30), datetime.timedelta(days=90))


def _upcoming_start(conference: Conference | None) -> datetime.date:
    today = timezone.localdate()
    earliest, latest = today + UPCOMING_KEPT[0], today + UPCOMING_KEPT[1]
    if conference is not None and earliest <= conference.start_date <= latest:
        return conference.start_date
    return today + UPCOMING_LEAD


def _move(conference: Conference, by: datetime.timedelta) -> None:
    """Shift an edition's days and sessions by whole days, at the same local times; its registrations follow."""
    # Last day first when moving forward (first day first when moving back), so two days never share a date.
    for day in conference.days.order_by("-date" if by > datetime.timedelta(0) else "date"):
        day.date += by
        day.save(update_fields=["date"])
    for session in conference.sessions.all():
        for field in ("start", "end"):
            local = timezone.localtime(getattr(session, field), WARSAW)
            setattr(session, field, datetime.datetime.combine(local.date() + by, local.time(), tzinfo=WARSAW))
        session.save()


def load_upcoming(reference: dict) -> Conference:
    """The upcoming edition, created or moved to stay about two months ahead, with registration open until the
    day before it starts."""
    conference = Conference.objects.filter(slug=UPCOMING_SLUG).first()
    start = _upcoming_start(conference)
    moved = conference is not None and conference.start_date != start
    if conference is None:
        conference = Conference(slug=UPCOMING_SLUG, timezone="Europe/Warsaw")
    elif moved:
        _move(conference, start - conference.start_date)
    dates = [start + datetime.timedelta(days=offset) for offset in range(len(demo_upcoming.DAY_THEMES))]
    if conference.pk is None or moved:
        today = datetime.datetime.combine(timezone.localdate(), datetime.time(), tzinfo=WARSAW)
        conference.registration_opens = today
        conference.registration_closes = datetime.datetime.combine(
            start - datetime.timedelta(days=1), datetime.time(23, 59), tzinfo=WARSAW
        )
    conference.start_date, conference.end_date = dates[0], dates[-1]
    conference.acronym = f"openkrakow{start.year}"
    names = _by_language(demo_upcoming.NAME)
    _translate(
        conference,
        name={language: name.format(year=start.year) for language, name in names.items()},
        description=_by_language(demo_upcoming.DESCRIPTION),
    )
    for date, themes in zip(dates, demo_upcoming.DAY_THEMES, strict=True):
        Day.objects.update_or_create(conference=conference, date=date, defaults=_localised("theme", themes))
    _load_sessions(conference, demo_upcoming.SESSIONS, prefix="OKDE", dates=dates, reference=reference)
    if moved:  # a schedule published for other dates would make every session look moved
        conference.versions.all().delete()
    if not conference.versions.exists():
        publish_schedule_version(conference=conference, notes=_by_language(demo_upcoming.VERSION_NOTE))
    return conference


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
    reference = _load_reference_data()
    sessions = _load_schedule(conference, reference)
    upcoming = load_upcoming(reference)
    return (
        f"conference: {conference.slug} with {len(DAYS)} days, {len(VENUES)} venues, {sessions} sessions (archived); "
        f"{upcoming.slug} from {upcoming.start_date} with {len(demo_upcoming.SESSIONS)} sessions (upcoming)"
    )
