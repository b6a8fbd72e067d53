"""Demo content for the programme pages: the programme explained, news, documents and contacts, in four languages."""

import datetime
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

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
                """Rada Miasta Krakowa przyjęła do realizacji program „Otwarty Kraków”, który przygotował Wydział
Spraw Społecznych Urzędu Miasta. To pierwszy raz, gdy władze miasta formalnie dostrzegły cudzoziemców
mieszkających w Krakowie i ich wkład w życie miasta.

Program ma ułatwić obcokrajowcom integrację i pokazać, co miasto zyskuje dzięki mieszkańcom z innych krajów.
Zapowiada konferencję, pełnomocnika do spraw cudzoziemców w Urzędzie Miasta i forum cudzoziemców.

Miasto opublikowało program tylko po polsku. Najważniejsze punkty w Twoim języku znajdziesz na stronie
[Cele programu](/pl/aims/), a streszczenie do pobrania w [dokumentach](/pl/documents/).""",
            ),
            "en": (
                "City Council adopts the Open Kraków programme",
                "In September 2016 Kraków adopted its first programme for the integration of foreigners.",
                """Kraków City Council has adopted the Open Kraków programme, prepared by the city's Department of
Social Affairs. It is the first time the city has formally recognised the foreigners who live in Kraków and
what they bring to it.

The programme sets out to make integration easier and to show what the city gains from residents from other
countries. It promises a conference, a liaison officer for foreign residents at City Hall, and a forum for
foreigners.

The city published the programme only in Polish. You will find its main points in English on the page
[What the programme is for](/en/aims/), and a summary to download among the [documents](/en/documents/).""",
            ),
            "uk": (
                "Рада міста ухвалила програму «Відкритий Краків»",
                "У вересні 2016 року Краків уперше ухвалив програму інтеграції іноземців.",
                """Рада міста Кракова ухвалила до виконання програму «Відкритий Краків», яку підготував Відділ
соціальних справ міської адміністрації. Уперше міська влада офіційно визнала іноземців, які живуть у
Кракові, і їхній внесок у життя міста.

Програма має полегшити іноземцям інтеграцію й показати, що місто отримує завдяки мешканцям з інших країн.
Вона обіцяє конференцію, уповноваженого у справах іноземців у міській раді та форум іноземців.

Місто оприлюднило програму лише польською. Головне українською читайте на сторінці
[Мета програми](/uk/aims/), а стислий виклад можна завантажити в розділі [Документи](/uk/documents/).""",
            ),
            "ru": (
                "Совет города принял программу «Открытый Краков»",
                "В сентябре 2016 года Краков впервые принял программу интеграции иностранцев.",
                """Совет города Кракова принял к исполнению программу «Открытый Краков», которую подготовил
Отдел социальных дел городской администрации. Впервые городские власти официально признали иностранцев,
живущих в Кракове, и их вклад в жизнь города.

Программа должна облегчить иностранцам интеграцию и показать, что город получает благодаря жителям из
других стран. Она обещает конференцию, уполномоченного по делам иностранцев в мэрии и форум иностранцев.

Город опубликовал программу только на польском. Главное на русском читайте на странице
[Цели программы](/ru/aims/), а краткое изложение можно скачать в разделе [Документы](/ru/documents/).""",
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
                """Od dziś można się zapisać na konferencję „Otwarty Kraków”, która odbędzie się w dniach
23–25 lutego 2017 roku, i na Festiwal Wielokulturowy, który ją zamyka. Zgłoszenie to krótki formularz:
imię, adres e-mail, dni, w które przyjdziesz, i warsztaty, które Cię interesują.

Dwa pierwsze dni odbywają się w Urzędzie Miasta. Czwartek jest poświęcony wielokulturowości i
różnorodności, piątek edukacji i integracji, czyli temu, jak cudzoziemcom żyje się w polskiej szkole.
W sobotę festiwal wychodzi do miasta: w różnych miejscach Krakowa swoją działalność pokażą firmy, grupy i
organizacje cudzoziemców.

Organizatorzy nie napisali jeszcze, czy zapis jest obowiązkowy i czy liczba miejsc jest ograniczona. Na
warsztaty miejsc jest mniej, więc warto zapisać się wcześnie.

Zapisz się przez [formularz zapisu](/pl/conference/register/). Godziny i sale wystąpień znajdziesz w
[programie konferencji](/pl/conference/editions/open-krakow-2017/schedule/), a adresy organizatorów w
[kontaktach](/pl/contacts/).""",
            ),
            "en": (
                "Registration for the conference is open",
                "You can now register for the Open Kraków conference and the Multicultural Festival.",
                """From today you can register for the Open Kraków conference, held on 23–25 February 2017, and
for the Multicultural Festival that closes it. The form is short: your name, your e-mail address, the days
you will come, and the workshops you would like to join.

The first two days take place at City Hall. Thursday is about multiculturalism and diversity, Friday about
education and integration: how foreigners fare in the Polish school system. On Saturday the festival moves
out into the city, with businesses, groups and organisations of foreigners showing their work in places
across Kraków.

The organisers have not yet said whether registration is compulsory or whether places are limited.
Workshops have fewer places, so it is worth signing up early.

Sign up with the [registration form](/en/conference/register/). The times and rooms of the talks are in the
[conference programme](/en/conference/editions/open-krakow-2017/schedule/), and the organisers' addresses on
the [contacts](/en/contacts/) page.""",
            ),
            "uk": (
                "Відкрито реєстрацію на конференцію",
                "Тепер можна зареєструватися на конференцію «Відкритий Краків» і Мультикультурний фестиваль.",
                """Від сьогодні можна зареєструватися на конференцію «Відкритий Краків», яка відбудеться 23–25
лютого 2017 року, і на Мультикультурний фестиваль, що її завершує. Форма коротка: ім'я, адреса
електронної пошти, дні, коли ви прийдете, і майстер-класи, які вас цікавлять.

Перші два дні проходять у міській раді. Четвер присвячено мультикультурності й розмаїттю, п'ятницю —
освіті та інтеграції, тобто тому, як іноземцям живеться в польській школі. У суботу фестиваль виходить у
місто: компанії, групи й організації іноземців покажуть свою роботу в різних куточках Кракова.

Організатори ще не повідомили, чи реєстрація обов'язкова і чи кількість місць обмежена. На майстер-класах
місць менше, тож варто зареєструватися заздалегідь.

Зареєструватися можна через [форму реєстрації](/uk/conference/register/). Час і зали виступів є в
[програмі конференції](/uk/conference/editions/open-krakow-2017/schedule/), а адреси організаторів — на
сторінці [Контакти](/uk/contacts/).""",
            ),
            "ru": (
                "Открыта регистрация на конференцию",
                "Теперь можно зарегистрироваться на конференцию «Открытый Краков» и Мультикультурный фестиваль.",
                """С сегодняшнего дня можно зарегистрироваться на конференцию «Открытый Краков», которая пройдёт
23–25 февраля 2017 года, и на Мультикультурный фестиваль, которым она завершится. Форма короткая: имя,
адрес электронной почты, дни, когда вы придёте, и мастер-классы, которые вам интересны.

Первые два дня проходят в мэрии. Четверг посвящён мультикультурности и разнообразию, пятница — образованию
и интеграции, то есть тому, как иностранцам живётся в польской школе. В субботу фестиваль выходит в город:
компании, группы и организации иностранцев покажут свою работу в разных уголках Кракова.

Организаторы пока не сообщили, обязательна ли регистрация и ограничено ли число мест. На мастер-классах мест
меньше, поэтому стоит зарегистрироваться заранее.

Зарегистрироваться можно через [форму регистрации](/ru/conference/register/). Время и залы выступлений
есть в [программе конференции](/ru/conference/editions/open-krakow-2017/schedule/), а адреса организаторов —
на странице [Контакты](/ru/contacts/).""",
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
                """Strona konferencji „Otwarty Kraków” jest od dziś częściowo dostępna po angielsku. To mały,
ale ważny krok: od przyjęcia programu we wrześniu 2016 roku miasto publikowało informacje o nim wyłącznie
po polsku.

Opublikowano też program konferencji, na razie tylko po polsku. Angielskie tłumaczenie ma się ukazać
wkrótce; do tego czasu tematy dni, godziny i miejsca wystąpień znajdziesz w naszym
[programie konferencji](/pl/conference/editions/open-krakow-2017/schedule/), a wersję do druku w
[dokumentach](/pl/documents/).

Nasz serwis tłumaczy najważniejsze informacje na angielski, ukraiński i rosyjski. Jeśli czegoś brakuje w
Twoim języku, [napisz do nas](/pl/feedback/).""",
            ),
            "en": (
                "The conference website is now partly in English",
                "The conference website is now partly in English; the programme was published in Polish.",
                """The Open Kraków conference website is now partly available in English. It is a small step but
an important one: since the programme was adopted in September 2016, the city had published information
about it only in Polish.

The conference programme has been published too, so far only in Polish. An English translation is promised
soon; until then you will find the themes of the days, the times and the places of the talks in our
[conference programme](/en/conference/editions/open-krakow-2017/schedule/), and a version to print among the
[documents](/en/documents/).

This site translates the key information into English, Ukrainian and Russian. If something is missing in
your language, [tell us](/en/feedback/).""",
            ),
            "uk": (
                "Сайт конференції частково англійською",
                "Сайт конференції тепер частково доступний англійською; програму опубліковано польською.",
                """Сайт конференції «Відкритий Краків» відтепер частково доступний англійською. Це невеликий, але
важливий крок: від ухвалення програми у вересні 2016 року місто публікувало інформацію про неї лише
польською.

Також оприлюднено програму конференції, поки що лише польською. Англійський переклад обіцяють незабаром; а
тим часом теми днів, час і місця виступів ви знайдете в нашій
[програмі конференції](/uk/conference/editions/open-krakow-2017/schedule/), а версію для друку — у розділі
[Документи](/uk/documents/).

Наш сайт перекладає найважливішу інформацію англійською, українською та російською. Якщо чогось бракує
вашою мовою, [напишіть нам](/uk/feedback/).""",
            ),
            "ru": (
                "Сайт конференции частично на английском",
                "Сайт конференции теперь частично доступен на английском; программа опубликована на польском.",
                """Сайт конференции «Открытый Краков» теперь частично доступен на английском. Это небольшой, но
важный шаг: с момента принятия программы в сентябре 2016 года город публиковал информацию о ней только на
польском.

Опубликована и программа конференции, пока только на польском. Английский перевод обещают в ближайшее
время, а пока темы дней, время и места выступлений вы найдёте в нашей
[программе конференции](/ru/conference/editions/open-krakow-2017/schedule/), а версию для печати — в
разделе [Документы](/ru/documents/).

Наш сайт переводит самую важную информацию на английский, украинский и русский. Если чего-то не хватает на
вашем языке, [напишите нам](/ru/feedback/).""",
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
                """Konferencja „Otwarty Kraków” ma poprawić komunikację z cudzoziemcami, a mimo to większość
wystąpień odbędzie się po polsku. Organizatorzy szukają więc wolontariuszy, którzy przetłumaczą prezentacje
na inne języki albo pomogą jako tłumacze ustni w czasie konferencji.

Przydadzą się zwłaszcza osoby, które dobrze znają polski i angielski, ukraiński lub rosyjski. Nie trzeba
być zawodowym tłumaczem: liczy się znajomość języków i kilka wolnych godzin w lutym.

Zgłosić się można na dwa sposoby. W [formularzu zapisu](/pl/conference/register/) zaznacz, że chcesz pomóc
jako tłumacz, i wpisz swoje pary językowe, na przykład pl-uk. Możesz też napisać do koordynatorów
wolontariatu; adres znajdziesz w [kontaktach](/pl/contacts/).

Wszystkim, którzy pomogą, z góry dziękujemy. Dzięki Wam konferencja o otwartym mieście będzie naprawdę
otwarta dla tych, o których mówi.""",
            ),
            "en": (
                "Volunteer translators wanted",
                "Most talks will be in Polish. The organisers are looking for people to translate the presentations.",
                """The Open Kraków conference sets out to improve communication with foreigners, and yet most of
its talks will be given in Polish. So the organisers are looking for volunteers to translate the
presentations into other languages, or to help as interpreters during the conference.

They especially need people who know Polish well and also English, Ukrainian or Russian. You do not have to
be a professional translator: what counts is your languages and a few free hours in February.

There are two ways to offer help. On the [registration form](/en/conference/register/), tick that you would
like to volunteer as a translator and write your language pairs, for example pl-en. Or write to the
volunteer coordinators; their address is on the [contacts](/en/contacts/) page.

Thank you in advance to everyone who helps. Thanks to you, a conference about an open city will be truly
open to the people it talks about.""",
            ),
            "uk": (
                "Шукаємо волонтерів-перекладачів",
                "Більшість виступів буде польською. Організатори шукають людей, які перекладуть презентації.",
                """Конференція «Відкритий Краків» має покращити спілкування з іноземцями, проте більшість виступів
на ній звучатиме польською. Тому організатори шукають волонтерів, які перекладуть презентації іншими
мовами або допоможуть як усні перекладачі під час конференції.

Особливо потрібні люди, які добре знають польську, а також англійську, українську чи російську. Не
обов'язково бути професійним перекладачем: важливі знання мов і кілька вільних годин у лютому.

Запропонувати допомогу можна двома способами. У [формі реєстрації](/uk/conference/register/) позначте, що
хочете допомогти як перекладач, і впишіть свої мовні пари, наприклад pl-uk. Або напишіть координаторам
волонтерів — адресу знайдете на сторінці [Контакти](/uk/contacts/).

Щиро дякуємо всім, хто допоможе. Завдяки вам конференція про відкрите місто буде справді відкритою для тих,
про кого вона говорить.""",
            ),
            "ru": (
                "Ищем волонтёров-переводчиков",
                "Большинство выступлений будет на польском. Организаторы ищут людей, которые переведут презентации.",
                """Конференция «Открытый Краков» должна улучшить общение с иностранцами, и всё же большинство
выступлений на ней прозвучит на польском. Поэтому организаторы ищут волонтёров, которые переведут
презентации на другие языки или помогут как устные переводчики во время конференции.

Особенно нужны люди, которые хорошо знают польский, а также английский, украинский или русский. Быть
профессиональным переводчиком не обязательно: важны знание языков и несколько свободных часов в феврале.

Предложить помощь можно двумя способами. В [форме регистрации](/ru/conference/register/) отметьте, что
хотите помочь как переводчик, и впишите свои языковые пары, например pl-ru. Или напишите координаторам
волонтёров — адрес есть на странице [Контакты](/ru/contacts/).

Заранее благодарим всех, кто поможет. Благодаря вам конференция об открытом городе станет по-настоящему
открытой для тех, о ком она говорит.""",
            ),
        },
    ),
]

# (file in pages/demo_files/, the languages it is written in, {language: (title, description)}). The PDFs are made
# by tools/make_demo_pdfs.py; the city's own documents cannot ship with the demo, so these are the site's summary
# and the (illustrative) 2017 conference programme.
DOCUMENTS = [
    (
        "otwarty-krakow-w-skrocie-pl.pdf",
        ["pl"],
        {
            "pl": ("Program „Otwarty Kraków” w skrócie", "Cele programu, zapowiedzi i kontakty na jednej stronie."),
            "en": ("The Open Kraków programme in brief (Polish)", "Aims, plans and contacts on one page."),
            "uk": (
                "Програма «Відкритий Краків» коротко (польською)",
                "Мета, плани й контакти на одній сторінці.",
            ),
            "ru": (
                "Программа «Открытый Краков» кратко (на польском)",
                "Цели, планы и контакты на одной странице.",
            ),
        },
    ),
    (
        "otwarty-krakow-w-skrocie-en.pdf",
        ["en"],
        {
            "pl": (
                "Program „Otwarty Kraków” w skrócie (po angielsku)",
                "Cele programu, zapowiedzi i kontakty na jednej stronie.",
            ),
            "en": ("The Open Kraków programme in brief", "Aims, plans and contacts on one page."),
            "uk": (
                "Програма «Відкритий Краків» коротко (англійською)",
                "Мета, плани й контакти на одній сторінці.",
            ),
            "ru": (
                "Программа «Открытый Краков» кратко (на английском)",
                "Цели, планы и контакты на одной странице.",
            ),
        },
    ),
    (
        "otwarty-krakow-w-skrocie-uk.pdf",
        ["uk"],
        {
            "pl": (
                "Program „Otwarty Kraków” w skrócie (po ukraińsku)",
                "Cele programu, zapowiedzi i kontakty na jednej stronie.",
            ),
            "en": (
                "The Open Kraków programme in brief (Ukrainian)",
                "Aims, plans and contacts on one page.",
            ),
            "uk": ("Програма «Відкритий Краків» коротко", "Мета, плани й контакти на одній сторінці."),
            "ru": (
                "Программа «Открытый Краков» кратко (на украинском)",
                "Цели, планы и контакты на одной странице.",
            ),
        },
    ),
    (
        "otwarty-krakow-w-skrocie-ru.pdf",
        ["ru"],
        {
            "pl": (
                "Program „Otwarty Kraków” w skrócie (po rosyjsku)",
                "Cele programu, zapowiedzi i kontakty na jednej stronie.",
            ),
            "en": ("The Open Kraków programme in brief (Russian)", "Aims, plans and contacts on one page."),
            "uk": (
                "Програма «Відкритий Краків» коротко (російською)",
                "Мета, плани й контакти на одній сторінці.",
            ),
            "ru": ("Программа «Открытый Краков» кратко", "Цели, планы и контакты на одной странице."),
        },
    ),
    (
        "program-konferencji-2017-pl.pdf",
        ["pl"],
        {
            "pl": (
                "Program konferencji „Otwarty Kraków” 2017",
                "Trzy dni, 23–25 lutego 2017: sesje, godziny, sale i języki wystąpień.",
            ),
            "en": (
                "Open Kraków Conference 2017: programme (Polish)",
                "Three days, 23–25 February 2017: sessions, times, rooms and languages.",
            ),
            "uk": (
                "Програма конференції «Відкритий Краків» 2017 (польською)",
                "Три дні, 23–25 лютого 2017 року: сесії, час, зали й мови виступів.",
            ),
            "ru": (
                "Программа конференции «Открытый Краков» 2017 (на польском)",
                "Три дня, 23–25 февраля 2017 года: сессии, время, залы и языки выступлений.",
            ),
        },
    ),
    (
        "program-konferencji-2017-en.pdf",
        ["en"],
        {
            "pl": (
                "Program konferencji „Otwarty Kraków” 2017 (po angielsku)",
                "Trzy dni, 23–25 lutego 2017: sesje, godziny, sale i języki wystąpień.",
            ),
            "en": (
                "Open Kraków Conference 2017: programme",
                "Three days, 23–25 February 2017: sessions, times, rooms and languages.",
            ),
            "uk": (
                "Програма конференції «Відкритий Краків» 2017 (англійською)",
                "Три дні, 23–25 лютого 2017 року: сесії, час, зали й мови виступів.",
            ),
            "ru": (
                "Программа конференции «Открытый Краков» 2017 (на английском)",
                "Три дня, 23–25 февраля 2017 года: сессии, время, залы и языки выступлений.",
            ),
        },
    ),
]
DOCUMENT_FILES = Path(__file__).resolve().parent / "demo_files"
# Stand-ins earlier versions of the demo loaded (a short text file each): replaced by the PDFs above.
OLD_STAND_INS = ("uchwala-otwarty-krakow", "program-otwarty-krakow")

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


def _load_documents() -> None:
    """The demo's PDFs, copied from pages/demo_files/ to one fixed place in the media storage, which every demo
    database shares: loading again (or into another database) writes a file only when it is new or changed."""
    stand_ins = [d.pk for d in Document.objects.all() if Path(d.file.name).name.startswith(OLD_STAND_INS)]
    Document.objects.filter(pk__in=stand_ins).delete()
    for position, (filename, languages, translations) in enumerate(DOCUMENTS):
        name = f"documents/demo/{filename}"
        content = (DOCUMENT_FILES / filename).read_bytes()
        if _stored_bytes(name) != content:
            default_storage.delete(name)
            default_storage.save(name, ContentFile(content))
        existing = Document.objects.filter(translations__language_code="pl", translations__title=translations["pl"][0])
        document = existing.first() or Document()
        document.file.name = name
        document.position = position
        document.file_languages = languages
        document.status = Status.PUBLISHED
        _set_translations(document, {lang: {"title": t, "description": d} for lang, (t, d) in translations.items()})


def _stored_bytes(name: str) -> bytes | None:
    try:
        with default_storage.open(name, "rb") as stored:
            return stored.read()
    except OSError:
        return None


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
        _set_translations(
            entry, {lang: {"title": t, "summary": s, "body": b} for lang, (t, s, b) in translations.items()}
        )

    _load_documents()

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
