"""Writes the demo's documents: the Open Kraków programme in brief and the 2017 conference programme, as small PDFs.

Run it after changing a text: `.venv/bin/python tools/make_demo_pdfs.py` (reportlab, from requirements-dev.txt).
The PDFs are committed in pages/demo_files/, so the demo loader only copies them and neither CI nor a deployment
needs reportlab. They embed DejaVu Sans, which covers Polish and Cyrillic, and are reproducible (reportlab's
invariant mode), so running the script again without changes leaves the files byte for byte the same.

The facts come from the source material (../shared/source-material/); the conference sessions are the demo's
illustrative ones (conference/demo_sessions.py), as the schedule shows them after its second published version.
"""

import datetime
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from conference.demo_sessions import SESSIONS  # noqa: E402  (plain data, no Django needed)

OUT = ROOT / "pages" / "demo_files"
FONT_PLACES = [
    Path("/usr/share/fonts/truetype/dejavu"),
    *sorted(Path(sys.prefix).glob("lib/python3*/site-packages/matplotlib/mpl-data/fonts/ttf")),
]
BRAND = colors.HexColor("#0b4f8a")
LANGS = ("pl", "en", "uk", "ru")


def _font(name: str) -> Path:
    for place in FONT_PLACES:
        if (place / name).exists():
            return place / name
    raise SystemExit(f"{name} not found in {', '.join(map(str, FONT_PLACES))}: install fonts-dejavu or matplotlib.")


pdfmetrics.registerFont(TTFont("DejaVu", _font("DejaVuSans.ttf")))
pdfmetrics.registerFont(TTFont("DejaVu-Bold", _font("DejaVuSans-Bold.ttf")))
pdfmetrics.registerFontFamily("DejaVu", normal="DejaVu", bold="DejaVu-Bold", italic="DejaVu", boldItalic="DejaVu-Bold")

STYLES = {
    "title": ParagraphStyle("title", fontName="DejaVu-Bold", fontSize=20, leading=25, textColor=BRAND, spaceAfter=4),
    "lead": ParagraphStyle("lead", fontName="DejaVu", fontSize=11, leading=15, textColor=colors.HexColor("#3d4650")),
    "h2": ParagraphStyle(
        "h2", fontName="DejaVu-Bold", fontSize=13, leading=17, textColor=BRAND, spaceBefore=12, spaceAfter=4
    ),
    "body": ParagraphStyle("body", fontName="DejaVu", fontSize=10, leading=14, spaceAfter=4),
    "cell": ParagraphStyle("cell", fontName="DejaVu", fontSize=8.5, leading=11),
    "note": ParagraphStyle("note", fontName="DejaVu", fontSize=8, leading=11, textColor=colors.HexColor("#5a6470")),
}

# The programme in brief: (title, lead, [(heading, paragraph or list of points)], note).
SUMMARY = {
    "pl": (
        "Program „Otwarty Kraków” w skrócie",
        "Streszczenie przygotowane przez redakcję serwisu. Wiążący jest pełny tekst programu i uchwały "
        "Rady Miasta Krakowa, które miasto opublikowało tylko po polsku.",
        [
            (
                "Skąd się wziął program",
                "We wrześniu 2016 roku Rada Miasta Krakowa przyjęła do realizacji program „Otwarty Kraków”, "
                "przygotowany przez Wydział Spraw Społecznych Urzędu Miasta. Po raz pierwszy władze miasta "
                "formalnie uznały obecność cudzoziemców w Krakowie i ich wkład w życie miasta.",
            ),
            (
                "Cele",
                [
                    "ułatwić cudzoziemcom integrację: w urzędach, w szkołach, w pracy i w sąsiedztwie;",
                    "pokazać, co miasto zyskuje dzięki mieszkańcom z innych krajów;",
                    "poprawić komunikację i dostęp do usług miejskich.",
                ],
            ),
            (
                "Co zapowiada",
                [
                    "konferencję „Otwarty Kraków” w dniach 23–25 lutego 2017 roku, pierwsze z kolejnych wydarzeń;",
                    "nową funkcję w Urzędzie Miasta: pełnomocnika do spraw cudzoziemców;",
                    "forum cudzoziemców, czyli stałe miejsce rozmowy mieszkańców z innych krajów z miastem.",
                ],
            ),
            (
                "Sprawy, o których mówią mieszkańcy",
                "Cudzoziemcy mieszkający w Krakowie najczęściej zwracają uwagę na smog, trudny dostęp do usług, "
                "opiekę zdrowotną, pomoc społeczną i edukację, a także na bariery przy formalnościach. Najlepiej "
                "widać je w urzędzie do spraw cudzoziemców, gdzie na załatwienie sprawy czeka się bardzo długo.",
            ),
            (
                "Kontakt",
                "Organizatorzy konferencji: conference@example.org. Wolontariat i tłumacze: volunteers@example.org. "
                "Sprawy cudzoziemców: enquiries@example.org. Uwagi można też przesłać przez formularz zgłoszeń "
                "w serwisie, po polsku, angielsku, ukraińsku lub rosyjsku.",
            ),
        ],
        "Dokument przykładowy serwisu demonstracyjnego Otwarty Kraków.",
    ),
    "en": (
        "The Open Kraków programme in brief",
        "A summary written by the editors of this site. The binding texts are the full programme and the City "
        "Council's resolution, which the city published only in Polish.",
        [
            (
                "Where the programme comes from",
                "In September 2016 Kraków City Council adopted the Open Kraków programme, prepared by the city's "
                "Department of Social Affairs. It is the first time the city has formally recognised that "
                "foreigners live in Kraków and contribute to its life.",
            ),
            (
                "Aims",
                [
                    "to make integration easier for foreigners: at offices, at school, at work and as neighbours;",
                    "to show what the city gains from residents who come from other countries;",
                    "to improve communication and access to the city's services.",
                ],
            ),
            (
                "What it promises",
                [
                    "the Open Kraków conference on 23–25 February 2017, the first of more events to come;",
                    "a new role at City Hall: a liaison officer for foreign residents;",
                    "a forum for foreigners, a standing place where residents from abroad talk with the city.",
                ],
            ),
            (
                "What residents raise",
                "Foreigners living in Kraków most often point to smog, difficult access to services, healthcare, "
                "social services and education, and to the barriers they meet with paperwork. These show most "
                "clearly at the foreigners' office, where people wait a very long time to have a matter dealt with.",
            ),
            (
                "Contact",
                "Conference organisers: conference@example.org. Volunteers and translators: volunteers@example.org. "
                "Enquiries from foreign residents: enquiries@example.org. You can also use the feedback form on "
                "this site, in Polish, English, Ukrainian or Russian.",
            ),
        ],
        "An example document of the Open Kraków demonstration site.",
    ),
    "uk": (
        "Програма «Відкритий Краків» коротко",
        "Стислий виклад, підготовлений редакцією сайту. Чинними є повний текст програми та ухвала Ради міста "
        "Кракова, які місто оприлюднило лише польською мовою.",
        [
            (
                "Звідки взялася програма",
                "У вересні 2016 року Рада міста Кракова ухвалила до виконання програму «Відкритий Краків», яку "
                "підготував Відділ соціальних справ міської адміністрації. Уперше міська влада офіційно визнала, "
                "що в Кракові живуть іноземці і що вони роблять внесок у життя міста.",
            ),
            (
                "Мета",
                [
                    "полегшити іноземцям інтеграцію: в установах, у школі, на роботі й серед сусідів;",
                    "показати, що місто отримує завдяки мешканцям з інших країн;",
                    "покращити спілкування та доступ до міських послуг.",
                ],
            ),
            (
                "Що вона обіцяє",
                [
                    "конференцію «Відкритий Краків» 23–25 лютого 2017 року — першу з наступних подій;",
                    "нову посаду в міській раді: уповноваженого у справах іноземців;",
                    "форум іноземців — постійне місце, де мешканці з інших країн розмовляють із містом.",
                ],
            ),
            (
                "Про що говорять мешканці",
                "Іноземці, які живуть у Кракові, найчастіше згадують смог, складний доступ до послуг, охорону "
                "здоров'я, соціальну допомогу й освіту, а також перешкоди під час оформлення документів. Найкраще "
                "їх видно в управлінні у справах іноземців, де на вирішення справи доводиться дуже довго чекати.",
            ),
            (
                "Контакти",
                "Організатори конференції: conference@example.org. Волонтери та перекладачі: "
                "volunteers@example.org. Звернення іноземців: enquiries@example.org. Свої зауваження можна "
                "надіслати й через форму звернень на сайті — польською, англійською, українською чи російською.",
            ),
        ],
        "Зразок документа демонстраційного сайту «Відкритий Краків».",
    ),
    "ru": (
        "Программа «Открытый Краков» кратко",
        "Краткое изложение, подготовленное редакцией сайта. Юридическую силу имеют полный текст программы и "
        "постановление Совета города Кракова, которые город опубликовал только на польском языке.",
        [
            (
                "Откуда взялась программа",
                "В сентябре 2016 года Совет города Кракова принял к исполнению программу «Открытый Краков», "
                "подготовленную Отделом социальных дел городской администрации. Впервые городские власти "
                "официально признали, что в Кракове живут иностранцы и что они вносят вклад в жизнь города.",
            ),
            (
                "Цели",
                [
                    "облегчить иностранцам интеграцию: в учреждениях, в школе, на работе и среди соседей;",
                    "показать, что город получает благодаря жителям из других стран;",
                    "улучшить общение и доступ к городским услугам.",
                ],
            ),
            (
                "Что она обещает",
                [
                    "конференцию «Открытый Краков» 23–25 февраля 2017 года — первое из последующих событий;",
                    "новую должность в мэрии: уполномоченного по делам иностранцев;",
                    "форум иностранцев — постоянное место, где жители из других стран разговаривают с городом.",
                ],
            ),
            (
                "О чём говорят жители",
                "Иностранцы, живущие в Кракове, чаще всего упоминают смог, сложный доступ к услугам, "
                "здравоохранение, социальную помощь и образование, а также препятствия при оформлении документов. "
                "Яснее всего они видны в управлении по делам иностранцев, где решения вопроса приходится ждать "
                "очень долго.",
            ),
            (
                "Контакты",
                "Организаторы конференции: conference@example.org. Волонтёры и переводчики: volunteers@example.org. "
                "Обращения иностранцев: enquiries@example.org. Свои замечания можно отправить и через форму "
                "обращений на сайте — на польском, английском, украинском или русском.",
            ),
        ],
        "Образец документа демонстрационного сайта «Открытый Краков».",
    ),
}

# The conference programme, in the languages it was published in: Polish first, English "soon" after.
DATES = [datetime.date(2017, 2, 23), datetime.date(2017, 2, 24), datetime.date(2017, 2, 25)]
PROGRAMME = {
    "pl": {
        "title": "Konferencja „Otwarty Kraków”, 23–25 lutego 2017: program",
        "lead": "Trzydniowa konferencja o różnorodności kulturowej i integracji cudzoziemców mieszkających "
        "w Krakowie. Organizatorzy: Rada Miasta Krakowa, Fundacja Wspierania Kultury i Języka Polskiego "
        "im. Mikołaja Reja oraz Stowarzyszenie Interkulturalni PL.",
        "days": [
            "Czwartek, 23 lutego: Wielokulturowość i różnorodność (Urząd Miasta Krakowa, plac Wszystkich Świętych 3–4)",
            "Piątek, 24 lutego: Edukacja i integracja, cudzoziemcy w polskiej szkole (Urząd Miasta Krakowa)",
            "Sobota, 25 lutego: Festiwal Wielokulturowy, wydarzenia w różnych miejscach Krakowa",
        ],
        "columns": ("Godzina", "Sesja", "Miejsce", "Język"),
        "languages_heading": "Języki i tłumaczenie",
        "languages": "Większość wystąpień odbywa się po polsku. Przy sesjach podajemy język wystąpienia, a po "
        "strzałce języki, na które jest tłumaczone. Organizatorzy szukają wolontariuszy do tłumaczenia "
        "prezentacji: volunteers@example.org.",
        "registration_heading": "Zapisy",
        "registration": "Na konferencję i festiwal można się zapisać przez formularz w serwisie. Na warsztaty "
        "liczba miejsc jest ograniczona; gdy miejsc zabraknie, zgłoszenie trafia na listę oczekujących.",
        "cancelled": "odwołane",
        "moved": "przeniesione na 15:00",
        "note": "Program przykładowy serwisu demonstracyjnego: daty, tematy dni i organizatorzy są zgodni "
        "z zapowiedzią konferencji, sesje i prelegenci są ilustracyjni.",
        "names": {"pl": "polski", "en": "angielski", "uk": "ukraiński", "ru": "rosyjski", "es": "hiszpański"},
        "rooms": {
            "hall": "Sala Obrad",
            "portrait": "Sala Portretowa",
            "square": "Rynek Główny, namiot",
            "ice": "ICE Kraków",
            "nowa-huta": "Nowohuckie Centrum Kultury",
        },
    },
    "en": {
        "title": "Open Kraków Conference, 23–25 February 2017: programme",
        "lead": "A three-day conference on cultural diversity and the integration of foreigners living in Kraków. "
        "Organised by Kraków City Council, the Mikołaj Rej Foundation for the Support of Culture and the Polish "
        "Language, and the Interkulturalni PL Association.",
        "days": [
            "Thursday, 23 February: Multiculturalism and diversity (City Hall, plac Wszystkich Świętych 3–4)",
            "Friday, 24 February: Education and integration, foreigners in Polish schools (City Hall)",
            "Saturday, 25 February: Multicultural Festival, events in places across Kraków",
        ],
        "columns": ("Time", "Session", "Where", "Language"),
        "languages_heading": "Languages and interpreting",
        "languages": "Most talks are given in Polish. Each session shows the language it is given in and, after "
        "the arrow, the languages it is interpreted into. The organisers are looking for volunteers to translate "
        "the presentations: volunteers@example.org.",
        "registration_heading": "Registration",
        "registration": "You can register for the conference and the festival with the form on this site. "
        "Workshops have a limited number of places; once they are full, new sign-ups join a waiting list.",
        "cancelled": "cancelled",
        "moved": "moved to 15:00",
        "note": "An example programme of the demonstration site: the dates, the themes of the days and the "
        "organisers are as the conference announced them; the sessions and speakers are illustrative.",
        "names": {"pl": "Polish", "en": "English", "uk": "Ukrainian", "ru": "Russian", "es": "Spanish"},
        "rooms": {
            "hall": "Council Chamber",
            "portrait": "Portrait Hall",
            "square": "Main Square, tent",
            "ice": "ICE Kraków",
            "nowa-huta": "Nowa Huta Cultural Centre",
        },
    },
}
SPEAKERS = {
    "nowak": "Anna Nowak",
    "zielinski": "Marek Zieliński",
    "kovalenko": "Olena Kovalenko",
    "whitfield": "James Whitfield",
    "haddad": "Samir Haddad",
    "sokolova": "Irina Sokolova",
    "wisniewska": "Katarzyna Wiśniewska",
    "shevchuk": "Mykola Shevchuk",
    "gonzalez": "María González",
}
# The second published version of the 2017 schedule (conference/demo.py): one workshop later, one event cancelled.
MOVED, CANCELLED = 21, 24


def _paragraph(text: str, style: str = "body") -> Paragraph:
    return Paragraph(escape(text), STYLES[style])


def _section(heading: str, content) -> list:
    flowables = [_paragraph(heading, "h2")]
    if isinstance(content, str):
        flowables.append(_paragraph(content))
    else:
        items = [ListItem(_paragraph(point), leftIndent=12) for point in content]
        flowables.append(ListFlowable(items, bulletType="bullet", bulletFontName="DejaVu", leftIndent=12))
    return flowables


def _write(filename: str, *, language: str, title: str, story: list) -> Path:
    path = OUT / filename
    document = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=title,
        author="Open Kraków",
        subject=title,
        lang=language,
        invariant=1,
    )
    document.build(story)
    return path


def summary(language: str) -> Path:
    title, lead, sections, note = SUMMARY[language]
    story = [_paragraph(title, "title"), _paragraph(lead, "lead"), Spacer(1, 4)]
    for heading, content in sections:
        story += _section(heading, content)
    story += [Spacer(1, 10), _paragraph(note, "note")]
    return _write(f"otwarty-krakow-w-skrocie-{language}.pdf", language=language, title=title, story=story)


def _languages(texts: dict, spoken: str, interpretation: list[str]) -> str:
    names = texts["names"]
    return names[spoken] + (" → " + ", ".join(names[code] for code in interpretation) if interpretation else "")


def programme(language: str) -> Path:
    texts = PROGRAMME[language]
    index = LANGS.index(language)
    story = [_paragraph(texts["title"], "title"), _paragraph(texts["lead"], "lead")]
    for day_number, heading in enumerate(texts["days"], start=1):
        rows = []
        for number, session_data in enumerate(SESSIONS, start=1):
            day, start, minutes, room, _track, _kind, spoken, interpretation, who, _places, titles = session_data
            if day != day_number:
                continue
            begins = datetime.datetime.combine(DATES[day - 1], datetime.time.fromisoformat(start))
            if number == MOVED:
                begins += datetime.timedelta(hours=3)
            ends = begins + datetime.timedelta(minutes=minutes)
            session = f"<b>{escape(titles[index])}</b><br/>{escape(', '.join(SPEAKERS[slug] for slug in who))}"
            if number == CANCELLED:
                session += f"<br/>({escape(texts['cancelled'])})"
            elif number == MOVED:
                session += f"<br/>({escape(texts['moved'])})"
            rows.append(
                [
                    begins,
                    _paragraph(f"{begins:%H:%M}–{ends:%H:%M}", "cell"),
                    Paragraph(session, STYLES["cell"]),
                    _paragraph(texts["rooms"][room], "cell"),
                    _paragraph(_languages(texts, spoken, interpretation), "cell"),
                ]
            )
        header = [_paragraph(column, "cell") for column in texts["columns"]]
        rows = [header, *(row[1:] for row in sorted(rows, key=lambda row: row[0]))]
        table = Table(rows, colWidths=[22 * mm, 78 * mm, 35 * mm, 35 * mm], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6eef6")),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#c5ced8")),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        story += [_paragraph(heading, "h2"), table]
    story += _section(texts["languages_heading"], texts["languages"])
    story += _section(texts["registration_heading"], texts["registration"])
    story += [Spacer(1, 10), _paragraph(texts["note"], "note")]
    return _write(f"program-konferencji-2017-{language}.pdf", language=language, title=texts["title"], story=story)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    written = [summary(language) for language in SUMMARY] + [programme(language) for language in PROGRAMME]
    for path in written:
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
