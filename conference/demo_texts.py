"""The demo's session abstracts and speaker biographies, in the languages each would really be published in.

A session or speaker exists only in the languages listed here: its title (or role) and text are shown in those,
and readers of the others see the honest fallback ("not yet available in Ukrainian, shown in Polish"). Sessions
given in Ukrainian or Russian were described by their speakers in that language and in Polish; a few sessions the
organisers announced only in Polish. The people are illustrative (see demo.SPEAKERS): their biographies say what
they do, and nothing of their private lives.
"""

ABSTRACTS = {
    # 2017, day 1: multiculturalism and diversity.
    "OK1701": {
        "pl": "Otwarcie konferencji i pierwszego wydarzenia programu „Otwarty Kraków”. Opowiemy, skąd wziął się "
        "program przyjęty przez Radę Miasta we wrześniu 2016 roku i czemu ma służyć: łatwiejszej integracji "
        "cudzoziemców i pokazaniu, co miasto zyskuje dzięki nim. Zapowiemy też, co będzie dalej: pełnomocnika "
        "do spraw cudzoziemców i forum, na którym mieszkańcy z innych krajów będą regularnie rozmawiać z miastem.",
        "en": "The opening of the conference, the first event of the Open Kraków programme. We explain where the "
        "programme adopted by the City Council in September 2016 comes from and what it is for: easier "
        "integration for foreigners, and showing what the city gains from them. We also say what comes next: "
        "a liaison officer for foreign residents, and a forum where residents from abroad talk with the city.",
        "uk": "Відкриття конференції — першої події програми «Відкритий Краків». Розповімо, звідки взялася "
        "програма, яку Рада міста ухвалила у вересні 2016 року, і для чого вона: щоб іноземцям було легше "
        "інтегруватися, а місто побачило, що воно завдяки ним отримує. Також скажемо, що буде далі: "
        "уповноважений у справах іноземців і форум, де мешканці з інших країн регулярно говоритимуть із містом.",
        "ru": "Открытие конференции — первого события программы «Открытый Краков». Расскажем, откуда взялась "
        "программа, которую Совет города принял в сентябре 2016 года, и зачем она: чтобы иностранцам было "
        "легче интегрироваться, а город увидел, что он благодаря им получает. Также расскажем, что будет "
        "дальше: уполномоченный по делам иностранцев и форум, где жители из других стран будут регулярно "
        "разговаривать с городом.",
    },
    "OK1702": {
        "pl": "Ilu cudzoziemców mieszka w Krakowie, skąd przyjeżdżają i czym się zajmują? Przedstawimy, co mówią "
        "o tym dane, którymi dysponuje miasto, i czego z nich nie da się wyczytać. Pokażemy, gdzie dane są "
        "niepełne, bo wiele osób nigdzie się nie melduje, i dlaczego to utrudnia planowanie szkół czy usług.",
        "en": "How many foreigners live in Kraków, where do they come from, and what do they do? We present what "
        "the city's own data says, and what it cannot tell. We show where the figures are incomplete, because "
        "many people never register an address, and why that makes it harder to plan schools and services.",
        "uk": "Скільки іноземців живе в Кракові, звідки вони приїжджають і чим займаються? Покажемо, що про це "
        "кажуть дані, які має місто, і чого з них не дізнатися. Пояснимо, де ці дані неповні, бо багато людей "
        "ніде не реєструють місця проживання, і чому через це важче планувати школи й послуги.",
        "ru": "Сколько иностранцев живёт в Кракове, откуда они приезжают и чем занимаются? Покажем, что об этом "
        "говорят данные, которыми располагает город, и чего из них не узнать. Объясним, где эти данные "
        "неполны, потому что многие люди нигде не регистрируют место жительства, и почему из-за этого труднее "
        "планировать школы и услуги.",
    },
    "OK1703": {
        "pl": "Rozmowa o tym, co różnorodność daje miastu: nowe firmy, nowych studentów, nowe pomysły, ale też o "
        "tym, czego potrzeba, żeby była siłą, a nie źródłem napięć. Przedstawicielka urzędu, stowarzyszenia "
        "cudzoziemców i redaktor anglojęzycznego serwisu dla obcokrajowców porównają swoje doświadczenia. "
        "Na koniec czas na pytania z sali.",
        "en": "A conversation about what diversity brings the city, new businesses, students and ideas, and "
        "about what it takes for diversity to be a strength rather than a source of tension. Someone from City "
        "Hall, the chair of a foreigners' association and the editor of an English-language directory for "
        "expats compare what they have seen. Questions from the floor close the panel.",
    },
    "OK1704": {
        "en": "Which office deals with what, which forms exist in English, and how to book an appointment "
        "without queuing for hours: a practical hour for anyone who has got lost at City Hall. Bring your own "
        "questions; we will work through real examples together. The workshop is given in English with "
        "interpreting into Polish, so city staff can join in.",
        "pl": "Który wydział zajmuje się jaką sprawą, które formularze są dostępne po angielsku i jak umówić "
        "wizytę bez wielogodzinnej kolejki: praktyczna godzina dla wszystkich, którzy zgubili się w urzędzie. "
        "Przynieś własne pytania, razem przejdziemy przez prawdziwe przykłady. Warsztat prowadzony jest po "
        "angielsku z tłumaczeniem na polski, więc mogą w nim wziąć udział także urzędnicy.",
    },
    "OK1705": {
        "uk": "Українська громада Кракова швидко зростає, і в неї є свої потреби: інформація рідною мовою, "
        "допомога з документами, місця в школах і садочках. Розповімо, про що найчастіше питають люди, які "
        "звертаються до нашої асоціації, і що вже вдається робити силами волонтерів. Запропонуємо місту "
        "кілька простих кроків, які допомогли б уже цього року.",
        "pl": "Ukraińska społeczność Krakowa szybko rośnie i ma swoje potrzeby: informację w ojczystym języku, "
        "pomoc przy dokumentach, miejsca w szkołach i przedszkolach. Opowiemy, o co najczęściej pytają osoby, "
        "które zgłaszają się do naszego stowarzyszenia, i co już udaje się zrobić siłami wolontariuszy. "
        "Zaproponujemy miastu kilka prostych kroków, które pomogłyby jeszcze w tym roku.",
        "en": "Kraków's Ukrainian community is growing fast, and it has needs of its own: information in its "
        "language, help with paperwork, places in schools and nurseries. We describe what people who come to "
        "our association ask about most, and what volunteers already manage to do. We then suggest a few simple "
        "steps the city could take this year.",
    },
    "OK1706": {
        "en": "Vienna and Berlin have run integration programmes for years, with welcome centres, information "
        "in many languages and advisory councils of foreign residents. What worked, what was quietly dropped, "
        "and what did it cost? This talk picks out the lessons a city the size of Kraków can use straight away.",
        "pl": "Wiedeń i Berlin od lat prowadzą programy integracyjne: punkty powitalne, informację w wielu "
        "językach, rady doradcze cudzoziemców. Co się sprawdziło, z czego po cichu zrezygnowano i ile to "
        "kosztowało? Wystąpienie wybiera lekcje, które miasto wielkości Krakowa może wykorzystać od razu.",
    },
    "OK1707": {
        "pl": "Na wizytę w urzędzie do spraw cudzoziemców czeka się tygodniami, a kolejka zaczyna się przed "
        "świtem. Pokażemy, skąd biorą się opóźnienia i które z nich miasto może zmniejszyć samo, a które "
        "zależą od przepisów krajowych. Omówimy pomysły takie jak zapisy przez internet, informacja w kilku "
        "językach i lista potrzebnych dokumentów dostępna przed wizytą.",
        "en": "An appointment at the foreigners' office takes weeks, and the queue starts before dawn. We look "
        "at where the delays come from, which of them the city can reduce on its own, and which depend on "
        "national law. Ideas on the table: online booking, information in several languages, and a list of the "
        "documents you need before you come.",
        "uk": "На прийом в управлінні у справах іноземців доводиться чекати тижнями, а черга починається ще до "
        "світанку. Покажемо, звідки беруться затримки, які з них місто може зменшити самостійно, а які "
        "залежать від державного законодавства. Обговоримо ідеї: запис через інтернет, інформацію кількома "
        "мовами та перелік потрібних документів, доступний ще до візиту.",
        "ru": "Приёма в управлении по делам иностранцев приходится ждать неделями, а очередь начинается ещё до "
        "рассвета. Покажем, откуда берутся задержки, какие из них город может сократить сам, а какие зависят "
        "от государственного законодательства. Обсудим идеи: запись через интернет, информацию на нескольких "
        "языках и список нужных документов, доступный ещё до визита.",
    },
    "OK1708": {
        "ru": "Как попасть к врачу, если у тебя нет страховки или ты не знаешь, где твоя поликлиника? Разберём "
        "по шагам, как устроено здравоохранение в Польше для иностранцев: страховка, семейный врач, скорая "
        "помощь и аптеки. Расскажем, где можно получить помощь на русском или украинском языке и что взять с "
        "собой к врачу.",
        "pl": "Jak dostać się do lekarza, jeśli nie masz ubezpieczenia albo nie wiesz, gdzie jest Twoja "
        "przychodnia? Krok po kroku omówimy, jak działa opieka zdrowotna w Polsce z perspektywy cudzoziemca: "
        "ubezpieczenie, lekarz rodzinny, pogotowie i apteki. Podpowiemy, gdzie można uzyskać pomoc po rosyjsku "
        "lub ukraińsku i co zabrać ze sobą na wizytę.",
        "en": "How do you see a doctor if you have no insurance, or do not know where your clinic is? Step by "
        "step, we explain how Polish healthcare works for foreigners: insurance, the family doctor, emergencies "
        "and pharmacies. We point out where you can get help in Russian or Ukrainian, and what to take with you "
        "to an appointment.",
    },
    "OK1709": {
        "pl": "Ta godzina należy do mieszkańców. Każdy może zapytać albo opowiedzieć, co w Krakowie działa, a co "
        "nie: smog, dostęp do usług, szkoła, opieka zdrowotna, formalności. Goście panelu odpowiadają, a "
        "pytania, na które nie da się odpowiedzieć od razu, trafią do organizatorów i wrócą na forum "
        "cudzoziemców. Pytania można zadawać po polsku, angielsku, ukraińsku lub rosyjsku.",
        "en": "This hour belongs to residents. Anyone can ask a question or say what works in Kraków and what "
        "does not: smog, access to services, school, healthcare, paperwork. The panel answers, and questions "
        "that cannot be answered on the spot go to the organisers and come back at the foreigners' forum. "
        "You can ask in Polish, English, Ukrainian or Russian.",
        "uk": "Ця година належить мешканцям. Кожен може поставити запитання або розповісти, що в Кракові "
        "працює, а що ні: смог, доступ до послуг, школа, охорона здоров'я, формальності. Учасники панелі "
        "відповідають, а запитання, на які не вдасться відповісти одразу, отримають організатори, і вони "
        "повернуться на форумі іноземців. Питати можна польською, англійською, українською чи російською.",
        "ru": "Этот час принадлежит жителям. Каждый может задать вопрос или рассказать, что в Кракове работает, "
        "а что нет: смог, доступ к услугам, школа, здравоохранение, формальности. Участники панели отвечают, "
        "а вопросы, на которые не удастся ответить сразу, получат организаторы, и они вернутся на форуме "
        "иностранцев. Спрашивать можно на польском, английском, украинском или русском.",
    },
    # 2017, day 2: education and integration.
    "OK1710": {
        "pl": "Coraz więcej krakowskich klas ma uczniów, dla których polski nie jest pierwszym językiem. Jak "
        "wygląda ich pierwszy tydzień w szkole, kiedy nie rozumieją poleceń nauczyciela? Nauczycielka szkoły "
        "podstawowej opowie, co pomaga dzieciom i rodzicom, czego brakuje szkołom i co można zmienić bez "
        "wielkich pieniędzy.",
        "en": "More and more Kraków classrooms have pupils whose first language is not Polish. What is their "
        "first week at school like, when they cannot follow the teacher? A primary school teacher describes "
        "what helps children and parents, what schools lack, and what could change without a large budget.",
    },
    "OK1711": {
        "pl": "Jak uczyć polskiego dzieci, które dopiero przyjechały, i nie zostawić ich w tyle z innymi "
        "przedmiotami? Nauczyciele, rodzice i przedstawicielka stowarzyszenia rozmawiają o dodatkowych "
        "lekcjach polskiego, klasach przygotowawczych i o tym, kiedy dziecko jest gotowe, by uczyć się z "
        "rówieśnikami. Panel jest tłumaczony na angielski, ukraiński i rosyjski.",
        "en": "How do you teach Polish to children who have just arrived without leaving them behind in every "
        "other subject? Teachers, parents and an association chair discuss extra Polish lessons, preparatory "
        "classes, and when a child is ready to learn alongside classmates. The panel is interpreted into "
        "English, Ukrainian and Russian.",
        "uk": "Як навчати польської дітей, які щойно приїхали, і не дати їм відстати з інших предметів? "
        "Учителі, батьки та представниця асоціації говорять про додаткові уроки польської, підготовчі класи "
        "і про те, коли дитина готова вчитися разом з однолітками. Панель перекладають англійською, "
        "українською та російською.",
    },
    "OK1712": {
        "en": "Which school may your child attend, which documents do you need, and what if you arrive in the "
        "middle of the school year? We go through enrolment in Kraków step by step, with the real forms on the "
        "table. Bring your questions; the workshop is interpreted into Ukrainian.",
        "pl": "Do której szkoły może chodzić Twoje dziecko, jakie dokumenty są potrzebne i co zrobić, jeśli "
        "przyjeżdżasz w środku roku szkolnego? Krok po kroku przejdziemy przez zapisy do krakowskich szkół, z "
        "prawdziwymi formularzami na stole. Przynieś swoje pytania; warsztat jest tłumaczony na ukraiński.",
        "uk": "До якої школи може ходити ваша дитина, які документи потрібні і що робити, якщо ви приїхали "
        "посеред навчального року? Крок за кроком розберемо запис до краківських шкіл зі справжніми "
        "формулярами на столі. Приходьте зі своїми запитаннями; майстер-клас перекладають українською.",
    },
    "OK1713": {
        "uk": "Дитина, яка вдома говорить українською, а в школі польською, не плутає мови — вона вчиться "
        "жити у двох світах. Поговоримо про те, як батьки можуть підтримати рідну мову, не гальмуючи "
        "польської, і як учитель може використати двомовність у класі як перевагу. На прикладах з уроків "
        "покажемо, що працює, а чого краще уникати.",
        "pl": "Dziecko, które w domu mówi po ukraińsku, a w szkole po polsku, nie myli języków, tylko uczy się "
        "żyć w dwóch światach. Porozmawiamy o tym, jak rodzice mogą wspierać język ojczysty, nie hamując "
        "polskiego, i jak nauczyciel może wykorzystać dwujęzyczność w klasie jako atut. Na przykładach z lekcji "
        "pokażemy, co działa, a czego lepiej unikać.",
        "en": "A child who speaks Ukrainian at home and Polish at school is not mixing up languages, but "
        "learning to live in two worlds. We talk about how parents can keep the home language alive without "
        "holding back Polish, and how a teacher can make bilingualism an asset in class. Examples from real "
        "lessons show what works and what is better avoided.",
    },
    "OK1714": {
        "en": "You have a degree from abroad: is it valid in Poland, and what do you need to continue your "
        "studies or work in your profession here? This talk explains the difference between recognition by "
        "law and recognition by a university, how long each takes, and where to start. Bring a copy of your diploma "
        "if you would like advice on your own case.",
        "pl": "Masz dyplom z zagranicy: czy jest ważny w Polsce i czego potrzebujesz, żeby kontynuować tu studia "
        "albo pracować w zawodzie? Wystąpienie wyjaśnia różnicę między uznaniem z mocy prawa a nostryfikacją "
        "na uczelni, ile trwa każda z tych dróg i od czego zacząć. Jeśli chcesz porady w swojej sprawie, przynieś "
        "kopię dyplomu.",
    },
    "OK1715": {
        "pl": "Asystent międzykulturowy to osoba, która zna język i kulturę ucznia i pomaga mu odnaleźć się w "
        "polskiej szkole. Opowiemy, jak taka współpraca wygląda na co dzień: od tłumaczenia rozmów z rodzicami "
        "po wsparcie na przerwach. Zastanowimy się też, jak miasto mogłoby finansować asystentów w większej "
        "liczbie szkół.",
    },
    "OK1716": {
        "ru": "Карта побыту, виза, разрешение на работу: какие документы нужны именно вам и в каком порядке их "
        "собирать? На мастер-классе разберём типичные ситуации и самые частые ошибки в заявлениях. Каждый "
        "участник уйдёт со списком документов для своего случая. Количество мест ограничено.",
        "pl": "Karta pobytu, wiza, zezwolenie na pracę: jakich dokumentów potrzebujesz właśnie Ty i w jakiej "
        "kolejności je zbierać? Na warsztacie omówimy typowe sytuacje i najczęstsze błędy we wnioskach. Każdy "
        "uczestnik wyjdzie z listą dokumentów dla swojej sprawy. Liczba miejsc jest ograniczona.",
        "uk": "Карта побиту, віза, дозвіл на роботу: які документи потрібні саме вам і в якому порядку їх "
        "збирати? На майстер-класі розберемо типові ситуації та найчастіші помилки в заявах. Кожен учасник "
        "піде зі списком документів для своєї справи. Кількість місць обмежена.",
    },
    "OK1717": {
        "pl": "Biblioteka to często pierwsze publiczne miejsce w Krakowie, do którego przychodzą nowi mieszkańcy: "
        "jest ciepło, jest internet i nikt nie pyta o dokumenty. Pokażemy, jak miejskie biblioteki stają się "
        "miejscami spotkań, z kursami polskiego, książkami w wielu językach i klubami rozmów. Zaprosimy też "
        "organizacje cudzoziemców do wspólnych projektów.",
    },
    "OK1718": {
        "pl": "Podsumowanie dwóch dni konferencji: co usłyszeliśmy od nauczycieli, rodziców i uczniów i co z "
        "tego wynika dla miasta. Paneliści wybiorą po jednej sprawie, którą warto załatwić jeszcze w tym roku "
        "szkolnym. Wnioski trafią do zespołu, który przygotowuje forum cudzoziemców.",
        "en": "A wrap-up of the conference's two days: what we heard from teachers, parents and pupils, and what "
        "it means for the city. Each panellist picks one thing worth doing before this school year ends. The "
        "conclusions go to the team preparing the foreigners' forum.",
    },
    # 2017, day 3: the Multicultural Festival.
    "OK1719": {
        "pl": "Na Rynku Głównym stoiska rozstawiają organizacje, grupy i firmy, które działają z cudzoziemcami i "
        "dla nich: szkoły językowe, stowarzyszenia, poradnie prawne, kluby sportowe. To dobre miejsce, żeby "
        "zapytać o kurs polskiego, znaleźć pomoc przy dokumentach albo po prostu poznać sąsiadów. Wstęp "
        "wolny, bez zapisów.",
    },
    "OK1720": {
        "en": "Cooks from Kraków's many communities prepare a dish from home and tell the story behind it. You "
        "taste, ask questions and take the recipes with you. Places at the tables are limited, so please "
        "register.",
        "pl": "Kucharze z różnych społeczności Krakowa przygotowują potrawę ze swojego kraju i opowiadają jej "
        "historię. Można próbować, pytać i zabrać przepisy do domu. Liczba miejsc przy stołach jest "
        "ograniczona, dlatego prosimy o zapisy.",
    },
    "OK1721": {
        "uk": "Писанки й витинанки — давні українські ремесла, які легко спробувати навіть уперше. Покажемо, як "
        "розписати яйце воском і як вирізати з паперу візерунок, а заразом розповімо, що означають символи на "
        "них. Усі матеріали забезпечуємо; роботи ви заберете із собою.",
        "pl": "Pisanki i wycinanki to dawne ukraińskie rękodzieło, którego łatwo spróbować nawet pierwszy raz. "
        "Pokażemy, jak ozdobić jajko woskiem i jak wyciąć z papieru wzór, a przy okazji opowiemy, co oznaczają "
        "symbole. Wszystkie materiały zapewniamy, a swoje prace zabierzesz do domu.",
    },
    "OK1722": {
        "pl": "Muzycy z Kolumbii, Meksyku i Peru, którzy mieszkają w Krakowie, grają na scenie przy "
        "Sukiennicach. Między utworami opowiadają o instrumentach i o tym, jak trafili do Polski. Koncert jest "
        "otwarty dla wszystkich, a najodważniejsi mogą spróbować salsy.",
        "en": "Musicians from Colombia, Mexico and Peru who live in Kraków play on the stage by the Cloth Hall. "
        "Between songs they talk about their instruments and how they came to Poland. The concert is open to "
        "everyone, and the brave can try some salsa.",
    },
    "OK1723": {
        "en": "Registering a business in Poland as a foreigner is possible, but the rules depend on where you "
        "come from and which permit you hold. This talk walks through the forms of business open to you, the "
        "offices involved, and the mistakes that cost newcomers most time and money. Questions from the audience "
        "are welcome throughout.",
        "pl": "Cudzoziemiec może założyć firmę w Polsce, ale zasady zależą od tego, skąd pochodzi i jakie ma "
        "zezwolenie. Wystąpienie omawia dostępne formy działalności, urzędy, które trzeba odwiedzić, i błędy, "
        "które kosztują nowych przedsiębiorców najwięcej czasu i pieniędzy. Pytania z sali można zadawać przez cały "
        "czas.",
        "uk": "Іноземець може заснувати компанію в Польщі, але правила залежать від того, звідки він і який "
        "дозвіл має. Виступ пояснює доступні форми підприємництва, установи, до яких доведеться звернутися, і "
        "помилки, що коштують новим підприємцям найбільше часу й грошей. Запитання із зали можна ставити впродовж "
        "усього виступу.",
        "ru": "Иностранец может открыть компанию в Польше, но правила зависят от того, откуда он и какое "
        "разрешение у него есть. Выступление объясняет доступные формы предпринимательства, учреждения, в "
        "которые придётся обратиться, и ошибки, которые стоят новым предпринимателям больше всего времени и "
        "денег. Вопросы из зала можно задавать в течение всего выступления.",
    },
    "OK1724": {
        "ru": "Вечер, когда стихи звучат на польском, русском, украинском, английском и других языках, на "
        "которых говорят в Кракове. Каждый может прочитать своё или любимое стихотворение, а переводы покажем "
        "на экране. Приходите слушать и читать.",
        "pl": "Wieczór, kiedy wiersze brzmią po polsku, rosyjsku, ukraińsku, angielsku i w innych językach, "
        "którymi mówi się w Krakowie. Każdy może przeczytać swój albo ulubiony wiersz, a tłumaczenia pokażemy "
        "na ekranie. Przyjdź posłuchać i poczytać.",
    },
    "OK1725": {
        "pl": "Mancala z Afryki, go z Azji, tryktrak z Bliskiego Wschodu: gry planszowe, w które gra się na "
        "całym świecie, i ludzie, którzy znają je od dziecka. Wystarczy usiąść do stołu, zasady wytłumaczymy "
        "na miejscu. Dobra zabawa dla dzieci i dorosłych, także bez znajomości wspólnego języka.",
    },
    "OK1726": {
        "pl": "Na zakończenie festiwalu spotykamy się na Rynku, żeby podziękować wszystkim, którzy przygotowali "
        "trzy dni konferencji: prelegentom, organizacjom i wolontariuszom. Powiemy, co dalej z programem "
        "„Otwarty Kraków” i jak włączyć się w prace forum cudzoziemców. Na koniec zagra orkiestra złożona z "
        "muzyków festiwalu.",
        "en": "To close the festival we meet on the Main Square to thank everyone who made the three days "
        "happen: speakers, organisations and volunteers. We say what comes next for the Open Kraków programme "
        "and how to take part in the foreigners' forum. The festival's musicians then play together one last time.",
    },
    # The upcoming edition.
    "OKDE01": {
        "pl": "Od pierwszej konferencji „Otwarty Kraków” minęło sporo czasu. Co z zapowiedzi udało się zrobić, "
        "a co wciąż czeka? Otwarcie zbiera najważniejsze zmiany: informację w wielu językach, pełnomocnika "
        "do spraw cudzoziemców i pierwsze spotkania forum, i uczciwie mówi o tym, czego jeszcze brakuje.",
        "en": "A good while has passed since the first Open Kraków conference. What has been done of what was "
        "promised, and what is still waiting? The opening sums up the main changes, information in many "
        "languages, a liaison officer and the first meetings of the forum, and says honestly what is still "
        "missing.",
        "uk": "Від першої конференції «Відкритий Краків» минуло чимало часу. Що з обіцяного вдалося зробити, а "
        "що ще чекає? Відкриття підсумовує найважливіші зміни — інформацію багатьма мовами, уповноваженого у "
        "справах іноземців і перші зустрічі форуму — і чесно говорить про те, чого ще бракує.",
        "ru": "С первой конференции «Открытый Краков» прошло немало времени. Что из обещанного удалось сделать, "
        "а что ещё ждёт? Открытие подводит итог главным изменениям — информации на многих языках, "
        "уполномоченному по делам иностранцев и первым встречам форума — и честно говорит о том, чего ещё "
        "не хватает.",
    },
    "OKDE02": {
        "pl": "Jak powinien wyglądać urząd, w którym cudzoziemiec załatwi sprawę bez tłumacza z rodziny? "
        "Analityk miasta, przewodnicząca stowarzyszenia i pracowniczka socjalna rozmawiają o formularzach w "
        "kilku językach, prostym języku w pismach i o tym, kiedy potrzebny jest człowiek, a kiedy wystarczy "
        "dobra strona internetowa. Każdy z gości przyniesie jeden przykład pisma z urzędu, który warto napisać od "
        "nowa.",
        "en": "What should a city office look like where a foreigner can get things done without bringing a "
        "relative to translate? A city analyst, an association chair and a social worker discuss forms in "
        "several languages, plain language in letters, and when you need a person and when a good website "
        "will do. Each guest brings one real letter from a city office that deserves to be rewritten.",
        "uk": "Якою має бути установа, де іноземець залагодить справу, не беручи з собою родича-перекладача? "
        "Міський аналітик, голова асоціації та соціальна працівниця говорять про формуляри кількома мовами, "
        "просту мову в листах і про те, коли потрібна жива людина, а коли досить хорошого сайту. Кожен гість "
        "принесе один справжній лист з установи, який варто переписати.",
        "ru": "Каким должно быть учреждение, где иностранец решит вопрос, не приводя с собой родственника-"
        "переводчика? Городской аналитик, председатель ассоциации и социальный работник обсуждают бланки на "
        "нескольких языках, простой язык в письмах и то, когда нужен живой человек, а когда достаточно "
        "хорошего сайта. Каждый гость принесёт одно настоящее письмо из учреждения, которое стоит переписать.",
    },
    "OKDE03": {
        "uk": "Коли потрібен присяжний переклад, а коли досить звичайного? Як підготувати документи, щоб "
        "переклад не повернули? Присяжна перекладачка розповість про найчастіші ситуації — свідоцтва, "
        "дипломи, довідки — і відповість на ваші запитання. Місць лише дванадцять.",
        "pl": "Kiedy potrzebne jest tłumaczenie przysięgłe, a kiedy wystarczy zwykłe? Jak przygotować dokumenty, "
        "żeby urząd nie odesłał tłumaczenia? Tłumaczka przysięgła omówi najczęstsze sytuacje: akty stanu "
        "cywilnego, dyplomy, zaświadczenia, i odpowie na Wasze pytania. Miejsc jest tylko dwanaście.",
    },
    "OKDE04": {
        "pl": "Od pierwszej konferencji w krakowskich szkołach przybyło uczniów z innych krajów. Nauczycielka "
        "podsumowuje, co się sprawdziło: dodatkowe lekcje polskiego, asystenci międzykulturowi, spotkania z "
        "rodzicami, a co wciąż sprawia kłopot. Wystąpienie jest tłumaczone na ukraiński.",
        "uk": "Від першої конференції в краківських школах побільшало учнів з інших країн. Учителька підсумовує, "
        "що спрацювало — додаткові уроки польської, міжкультурні асистенти, зустрічі з батьками, — а що досі "
        "створює труднощі. Виступ перекладають українською.",
    },
    "OKDE05": {
        "pl": "Czy w domu rozmawiać z dzieckiem po polsku, czy w swoim języku? Nauczyciel, przewodnicząca rady "
        "rodziców i badacz migracji rozmawiają o tym, jak szkoła i rodzina mogą współpracować, żeby dziecko "
        "nie musiało wybierać między językami. Rodzice mogą zadawać pytania w czasie całego panelu.",
        "en": "Should you speak Polish with your child at home, or your own language? A teacher, a parents' "
        "council chair and a migration researcher discuss how school and family can work together so that a "
        "child never has to choose between languages. Parents are welcome to ask questions throughout.",
        "uk": "Говорити з дитиною вдома польською чи рідною мовою? Учитель, голова батьківської ради та "
        "дослідник міграції обговорюють, як школа й родина можуть співпрацювати, щоб дитині не довелося "
        "вибирати між мовами. Батьки можуть ставити запитання впродовж усієї розмови.",
    },
    "OKDE06": {
        "pl": "Wniosek o kartę pobytu wypełniony razem, pole po polu. Powiemy, jakie dokumenty dołączyć, jak "
        "umówić wizytę w urzędzie do spraw cudzoziemców i czego się spodziewać po jej złożeniu. Liczba miejsc "
        "jest ograniczona; warsztat jest tłumaczony na ukraiński i rosyjski.",
        "en": "The residence card application, filled in together, field by field. We cover which documents to "
        "attach, how to book an appointment at the foreigners' office, and what to expect after you apply. "
        "Places are limited; the workshop is interpreted into Ukrainian and Russian.",
        "uk": "Заява на карту побиту, яку заповнюємо разом, поле за полем. Розповімо, які документи додати, як "
        "записатися на прийом до управління у справах іноземців і чого чекати після подання. Кількість місць "
        "обмежена; майстер-клас перекладають українською та російською.",
        "ru": "Заявление на карту побыту, которое заполняем вместе, поле за полем. Расскажем, какие документы "
        "приложить, как записаться на приём в управление по делам иностранцев и чего ждать после подачи. "
        "Количество мест ограничено; мастер-класс переводится на украинский и русский.",
    },
    "OKDE07": {
        "uk": "Невеликий майстер-клас для батьків, чиї діти ростуть із двома мовами. Поговоримо про щоденні "
        "звички, книжки й ігри, які підтримують рідну мову, і про те, що робити, коли дитина відповідає лише "
        "польською. Лише два місця, тож на кожну родину вистачить часу.",
        "pl": "Kameralny warsztat dla rodziców, których dzieci dorastają z dwoma językami. Porozmawiamy o "
        "codziennych nawykach, książkach i grach, które wspierają język domowy, i o tym, co robić, gdy dziecko "
        "odpowiada już tylko po polsku. Tylko dwa miejsca, więc dla każdej rodziny wystarczy czasu.",
    },
    "OKDE08": {
        "pl": "Masz pytanie o pobyt, pracę albo umowę i nie wiesz, do kogo się zwrócić? Umów się na rozmowę z "
        "doradcą. Konsultacje są bezpłatne i poufne, a tłumacze pomogą po angielsku, ukraińsku i rosyjsku.",
        "en": "A question about residence, work or a contract, and no idea whom to ask? Book a conversation with "
        "an adviser. The sessions are free and confidential, and interpreters help in English, Ukrainian and "
        "Russian.",
        "uk": "Маєте запитання щодо перебування, роботи чи договору і не знаєте, до кого звернутися? Запишіться "
        "на розмову з консультантом. Консультації безкоштовні й конфіденційні, а перекладачі допоможуть "
        "англійською, українською та російською.",
        "ru": "Есть вопрос о пребывании, работе или договоре, и вы не знаете, к кому обратиться? Запишитесь на "
        "разговор с консультантом. Консультации бесплатные и конфиденциальные, а переводчики помогут на "
        "английском, украинском и русском.",
    },
    "OKDE09": {
        "pl": "Na koniec konferencji wieczór dla wszystkich sąsiadów w Nowohuckim Centrum Kultury: muzyka na "
        "żywo, potrawy przygotowane przez mieszkańców z różnych krajów i czas, żeby po prostu porozmawiać. "
        "Wstęp wolny, zapisy nie są potrzebne. Przyprowadź rodzinę i znajomych.",
    },
}

BIOS = {
    "nowak": {
        "pl": "Anna Nowak koordynuje w Wydziale Spraw Społecznych sprawy cudzoziemców i współtworzyła program "
        "„Otwarty Kraków”. Zajmuje się współpracą miasta z organizacjami pozarządowymi. Na konferencji otwiera "
        "obrady i prowadzi rozmowy z mieszkańcami.",
        "en": "Anna Nowak coordinates matters concerning foreign residents at the Department of Social Affairs "
        "and helped write the Open Kraków programme. Her work is the city's cooperation with NGOs. At the "
        "conference she opens the proceedings and chairs the conversations with residents.",
        "uk": "Анна Новак координує справи іноземців у Відділі соціальних справ і була серед авторів програми "
        "«Відкритий Краків». Відповідає за співпрацю міста з громадськими організаціями. На конференції вона "
        "відкриває засідання та модерує розмови з мешканцями.",
        "ru": "Анна Новак координирует дела иностранцев в Отделе социальных дел и была среди авторов программы "
        "«Открытый Краков». Отвечает за сотрудничество города с общественными организациями. На конференции "
        "она открывает заседания и ведёт разговоры с жителями.",
    },
    "zielinski": {
        "pl": "Marek Zieliński jest analitykiem danych w Urzędzie Miasta Krakowa. Zbiera i porządkuje informacje "
        "o mieszkańcach, z których korzystają wydziały planujące szkoły i usługi. Interesuje go, jak liczyć "
        "tych, których oficjalne statystyki nie widzą.",
    },
    "kovalenko": {
        "pl": "Olena Kovalenko przewodniczy stowarzyszeniu, które pomaga Ukraińcom w Krakowie w sprawach "
        "urzędowych, szkolnych i zawodowych. Koordynuje grupę wolontariuszy i dyżury porad. Organizuje też "
        "warsztaty rękodzieła ludowego dla dzieci i dorosłych.",
        "uk": "Олена Коваленко очолює асоціацію, яка допомагає українцям у Кракові з питаннями в установах, "
        "школах і на роботі. Координує групу волонтерів і чергування консультантів. Також проводить "
        "майстер-класи народних ремесел для дітей і дорослих.",
        "en": "Olena Kovalenko chairs an association that helps Ukrainians in Kraków with official, school and "
        "work matters. She coordinates its volunteers and advice sessions, and runs folk craft workshops for "
        "children and adults.",
    },
    "whitfield": {
        "en": "James Whitfield edits a volunteer-run English-language directory for expats in Kraków. When the "
        "city published news of the Open Kraków programme only in Polish, his team translated it and kept the "
        "foreign community informed. He speaks on how foreigners find their way around City Hall.",
        "pl": "James Whitfield redaguje prowadzony przez wolontariuszy anglojęzyczny serwis dla cudzoziemców w "
        "Krakowie. Kiedy miasto publikowało informacje o programie „Otwarty Kraków” tylko po polsku, jego "
        "zespół je tłumaczył i informował społeczność obcokrajowców. Mówi o tym, jak cudzoziemcy radzą sobie "
        "w urzędzie.",
    },
    "haddad": {
        "pl": "Samir Haddad bada migracje i politykę integracyjną europejskich miast. Porównuje programy Wiednia, "
        "Berlina i miast polskich. Chętnie rozmawia o tym, co z zagranicznych doświadczeń da się przenieść do "
        "Krakowa.",
        "en": "Samir Haddad researches migration and the integration policies of European cities, comparing the "
        "programmes of Vienna, Berlin and Polish cities. He likes to talk about which lessons from abroad "
        "Kraków can actually use.",
    },
    "sokolova": {
        "pl": "Irina Sokolova jest tłumaczką przysięgłą języka rosyjskiego i ukraińskiego. Na co dzień tłumaczy "
        "dokumenty dla urzędów i sądów i pomaga cudzoziemcom przygotować wnioski pobytowe. Prowadzi warsztaty "
        "o dokumentach i formalnościach.",
        "ru": "Ирина Соколова — присяжный переводчик русского и украинского языков. Каждый день она переводит "
        "документы для учреждений и судов и помогает иностранцам готовить заявления на пребывание. Проводит "
        "мастер-классы о документах и формальностях.",
        "uk": "Ірина Соколова — присяжна перекладачка російської та української мов. Щодня перекладає документи "
        "для установ і судів та допомагає іноземцям готувати заяви на перебування. Проводить майстер-класи "
        "про документи й формальності.",
    },
    "wisniewska": {
        "pl": "Katarzyna Wiśniewska uczy w krakowskiej szkole podstawowej, w której uczą się dzieci z kilku "
        "krajów. Prowadzi dodatkowe lekcje polskiego dla uczniów, którzy dopiero przyjechali. Dzieli się "
        "sprawdzonymi sposobami na pierwsze tygodnie w nowej szkole.",
    },
    "shevchuk": {
        "pl": "Mykola Shevchuk jest nauczycielem i sam wychowuje dwujęzyczne dzieci. Uczy w szkole, w której "
        "wielu uczniów mówi w domu po ukraińsku. Po zajęciach prowadzi klub gier planszowych.",
        "uk": "Микола Шевчук — учитель і сам виховує двомовних дітей. Працює в школі, де багато учнів удома "
        "говорять українською. Після уроків веде клуб настільних ігор.",
    },
    "gonzalez": {
        "pl": "María González przewodniczy radzie rodziców w szkole, do której chodzą dzieci z wielu krajów. "
        "Pomaga rodzinom przejść przez zapisy do szkoły i porozumieć się z nauczycielami. W wolnych chwilach "
        "gra muzykę Ameryki Łacińskiej.",
        "en": "María González chairs the parents' council at a school attended by children from many countries. "
        "She helps families through school enrolment and talking with teachers. In her free time she plays "
        "Latin American music.",
    },
    "marchenko": {
        "pl": "Yuliia Marchenko jest pracowniczką socjalną i pracuje z rodzinami cudzoziemców w Krakowie. Pomaga "
        "w sprawach pobytowych, szkolnych i zdrowotnych. Prowadzi warsztaty dla rodziców dzieci dwujęzycznych.",
        "uk": "Юлія Марченко — соціальна працівниця, яка працює з родинами іноземців у Кракові. Допомагає з "
        "питаннями перебування, навчання та здоров'я. Проводить майстер-класи для батьків двомовних дітей.",
    },
}
