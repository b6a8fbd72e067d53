"""Markdown keeps what editors write: autolinks, "<" in text, tag-like words and code stay as written; only HTML
that could run code, load or embed content, or restyle the page is removed, and links that would run code lose their
target. The page shows every kept "tag" as text (render_markdown escapes raw HTML)."""

import json
import re
from xml.etree import ElementTree

import html5lib
import icalendar
import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from conference.tests.factories import SessionFactory
from core.markdown import clean_markdown, outline, render_markdown
from pages.models import Page
from pages.tests.factories import NewsEntryFactory, PageFactory
from pages.tests.helpers import add_page_in_admin

pytestmark = pytest.mark.integration

NOFOLLOW = 'rel="noopener noreferrer"'
DEAD_LINK = f"<p><a {NOFOLLOW}>x</a></p>"  # a link whose target was removed: text, not a link

CASES = [
    # What editors write in text survives as written.
    (
        "Write to <info@example.org> or see <https://www.krakow.pl>.",
        "Write to <info@example.org> or see <https://www.krakow.pl>.",
        f'<p>Write to <a href="mailto:info@example.org" {NOFOLLOW}>info@example.org</a> or see '
        f'<a href="https://www.krakow.pl" {NOFOLLOW}>https://www.krakow.pl</a>.</p>',
    ),
    ("x<y", "x<y", "<p>x&lt;y</p>"),
    ("a < b > c", "a < b > c", "<p>a &lt; b &gt; c</p>"),
    ("1<2 and 3>2", "1<2 and 3>2", "<p>1&lt;2 and 3&gt;2</p>"),
    (
        "<mailto:x@example.org>",
        "<mailto:x@example.org>",
        f'<p><a href="mailto:x@example.org" {NOFOLLOW}>mailto:x@example.org</a></p>',
    ),
    (
        "<https://www.krakow.pl/szukaj?q=a+b&lang=pl#wyniki>",
        "<https://www.krakow.pl/szukaj?q=a+b&lang=pl#wyniki>",
        f'<p><a href="https://www.krakow.pl/szukaj?q=a+b&amp;lang=pl#wyniki" {NOFOLLOW}>'
        "https://www.krakow.pl/szukaj?q=a+b&amp;lang=pl#wyniki</a></p>",
    ),
    (
        '[Kraków](https://www.krakow.pl/?a=1&b=2 "City")',
        '[Kraków](https://www.krakow.pl/?a=1&b=2 "City")',
        f'<p><a href="https://www.krakow.pl/?a=1&amp;b=2" title="City" {NOFOLLOW}>Kraków</a></p>',
    ),
    (
        "[plan](<./plan 2017.pdf>)",
        "[plan](<./plan 2017.pdf>)",
        f'<p><a href="./plan%202017.pdf" {NOFOLLOW}>plan</a></p>',
    ),
    ("`<b>` makes text bold", "`<b>` makes text bold", "<p><code>&lt;b&gt;</code> makes text bold</p>"),
    ("``a `<i>` b``", "``a `<i>` b``", "<p><code>a `&lt;i&gt;` b</code></p>"),
    ("\\<b> starts bold text in HTML", "\\<b> starts bold text in HTML", "<p>&lt;b&gt; starts bold text in HTML</p>"),
    (
        "```\n<script>alert(1)</script>\n```",
        "```\n<script>alert(1)</script>\n```",
        "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>",
    ),
    (  # code is left as written, whatever it shows
        "`<img src=x onerror=alert(1)>` is an XSS",
        "`<img src=x onerror=alert(1)>` is an XSS",
        "<p><code>&lt;img src=x onerror=alert(1)&gt;</code> is an XSS</p>",
    ),
    ("Tom &amp; Jerry &lt;3", "Tom &amp; Jerry &lt;3", "<p>Tom &amp; Jerry &lt;3</p>"),
    # Words in angle brackets and harmless tags are text too: kept as written, shown escaped.
    ("if a<b and c>d then", "if a<b and c>d then", "<p>if a&lt;b and c&gt;d then</p>"),
    ("Press <Ctrl> + <C>", "Press <Ctrl> + <C>", "<p>Press &lt;Ctrl&gt; + &lt;C&gt;</p>"),
    ("List<String> x", "List<String> x", "<p>List&lt;String&gt; x</p>"),
    ("x<y>z", "x<y>z", "<p>x&lt;y&gt;z</p>"),
    ("Godziny: 8<sup>00</sup>", "Godziny: 8<sup>00</sup>", "<p>Godziny: 8&lt;sup&gt;00&lt;/sup&gt;</p>"),
    ("<b>bold</b>", "<b>bold</b>", "<p>&lt;b&gt;bold&lt;/b&gt;</p>"),
    ("| Sala | <x> |\n| --- | --- |", "| Sala | <x> |\n| --- | --- |", "<p>| Sala | &lt;x&gt; |\n| --- | --- |</p>"),
    ("<<x>>", "<<x>>", "<p>&lt;&lt;x&gt;&gt;</p>"),
    ("a<b>c", "a<b>c", "<p>a&lt;b&gt;c</p>"),
    (
        "**x < y** and *a <b>c</b> d*",
        "**x < y** and *a <b>c</b> d*",
        "<p><strong>x &lt; y</strong> and <em>a &lt;b&gt;c&lt;/b&gt; d</em></p>",
    ),
    (
        '<a href="https://www.krakow.pl" title="Kraków">Kraków</a>',
        '<a href="https://www.krakow.pl" title="Kraków">Kraków</a>',
        '<p>&lt;a href="https://www.krakow.pl" title="Kraków"&gt;Kraków&lt;/a&gt;</p>',
    ),
    (
        "<<b>script>alert(1)<</b>/script>",
        "<<b>script>alert(1)<</b>/script>",
        "<p>&lt;&lt;b&gt;script&gt;alert(1)&lt;&lt;/b&gt;/script&gt;</p>",
    ),
    # HTML that runs code, loads or embeds content, hides text or restyles the page is removed.
    ("<!-- a note to self -->Visible", "Visible", "<p>Visible</p>"),
    ("Before <!-- hidden --> after", "Before  after", "<p>Before  after</p>"),
    ("Hello <script>alert(1)</script>world", "Hello world", "<p>Hello world</p>"),
    ("<SCRIPT>alert(1)</SCRIPT>ok", "ok", "<p>ok</p>"),
    ("Text <script>alert(1)", "Text alert(1)", "<p>Text alert(1)</p>"),  # without a closing tag, only the tag goes
    ("Put the <title> in the head.", "Put the  in the head.", "<p>Put the  in the head.</p>"),
    ("<scr<script>ipt>alert(1)</script>", "<scr", "<p>&lt;scr</p>"),
    ("<<script>script>alert(1)<</script>/script>", "", ""),
    ("<STYLE>p { color: red }</STYLE>Red", "Red", "<p>Red</p>"),
    ('<img src=x onerror="alert(1)">Hi', "Hi", "<p>Hi</p>"),
    ("Hi <img src=x onerror=alert(1)> there", "Hi  there", "<p>Hi  there</p>"),
    ("<svg onload=alert(1)>", "", ""),
    ("<svg/onload=alert(1)>", "", ""),
    ("<svg><script>alert(1)</script></svg>", "", ""),
    ('<iframe src="https://example.org"></iframe>', "", ""),
    ('<iframe srcdoc="<script>alert(1)</script>"></iframe>after', "after", "<p>after</p>"),
    ('<a href="javascript:alert(1)">x</a>', "x</a>", "<p>x&lt;/a&gt;</p>"),
    ('<a href="jav&#x09;ascript:alert(1)">x</a>', "x</a>", "<p>x&lt;/a&gt;</p>"),
    ('<a href="https://www.krakow.pl" onmouseover="alert(1)">x</a>', "x</a>", "<p>x&lt;/a&gt;</p>"),
    ('<div onclick="alert(1)">Click</div>', "Click</div>", "<p>Click&lt;/div&gt;</p>"),
    ('<p style="position:fixed;inset:0">Win</p>', "Win</p>", "<p>Win&lt;/p&gt;</p>"),
    ('<x class="fixed inset-0">Win', "Win", "<p>Win</p>"),
    ("<textarea><b>x</b></TEXTAREA >after", "after", "<p>after</p>"),
    ('<noscript><p title="</noscript><img src=x onerror=alert(1)>">', '">', '<p>"&gt;</p>'),
    ('<?xml-stylesheet href="x.xsl"?>Text', "Text", "<p>Text</p>"),
    ("<![CDATA[<img src=x onerror=alert(1)>]]>Text", "Text", "<p>Text</p>"),
    ("<!DOCTYPE html>Text", "Text", "<p>Text</p>"),
    ("[x](a<svg/onload=alert(1)>)", "[x](a)", f'<p><a href="a" {NOFOLLOW}>x</a></p>'),
    ("Wow <b/onclick=alert(1)>x", "Wow x", "<p>Wow x</p>"),  # "/" parts attributes as a space does
    ("> <b\n> onclick=alert(1)>quoted", "> \n> quoted", "<blockquote>\n<p>quoted</p>\n</blockquote>"),
    ("- <b\n  onclick=alert(1)>item", "- item", "<ul>\n<li>item</li>\n</ul>"),
    (  # a tag left open at the end of an HTML block would take its attributes from what follows
        "<div title='\n\nx&#39; onmouseover=alert(1) y'>",
        "\n\nx&#39; onmouseover=alert(1) y'>",
        "<p>x' onmouseover=alert(1) y'&gt;</p>",
    ),
    # Links that would run code or carry a document lose their target.
    ("[x](javascript:alert(1))", "[x]()", DEAD_LINK),
    ("[x](JaVaScRiPt:alert(1))", "[x]()", DEAD_LINK),
    ("[x]( javascript:alert(1))", "[x]()", DEAD_LINK),
    ("[x](&#106;avascript:alert(1))", "[x]()", DEAD_LINK),
    ("[x](&#x6A;avascript&colon;alert(1))", "[x]()", DEAD_LINK),
    ("[x](javascript\\:alert(1))", "[x]()", DEAD_LINK),
    ("[x](<javascript:alert(1)>)", "[x]()", DEAD_LINK),
    ("[x](vbscript:msgbox(1))", "[x]()", DEAD_LINK),
    ("[x](data:text/html;base64,PHNjcmlwdD4=)", "[x]()", DEAD_LINK),
    ("[x](data:image/png;base64,iVBORw0KGgo=)", "[x]()", DEAD_LINK),
    ("<javascript:alert(1)> and <DATA:text/html,hi>", " and ", "<p>and</p>"),
    ("[see][x]\n\n[x]: javascript:alert(1)", "[see][x]\n\n[x]:", "<p>[see][x]</p>\n<p>[x]:</p>"),
    (
        "> [x]:\n> javascript:alert(1)\n\n[x]",
        "> [x]:\n> \n\n[x]",
        "<blockquote>\n<p>[x]:</p>\n</blockquote>\n<p>[x]</p>",
    ),
]
IDS = [source[:40] for source, _stored, _rendered in CASES]


def saved_page(body: str) -> Page:
    page = PageFactory(translations={"en": {"title": "Contact", "body": body}})
    page = Page.objects.get(pk=page.pk)
    page.set_current_language("en")
    return page


def shown_body(client, page: Page) -> str:
    with translation.override("en"):
        html = client.get(page.get_absolute_url()).content.decode()
    return html.split('<div class="prose">', 1)[1].split("</div>", 1)[0].strip()


@pytest.mark.parametrize("source,stored,rendered", CASES, ids=IDS)
def test_saved_markdown_keeps_text_and_drops_unsafe_html(client, db, source, stored, rendered):
    page = saved_page(source)
    assert page.body == stored
    assert shown_body(client, page) == rendered


@pytest.mark.parametrize("source,stored,rendered", CASES, ids=IDS)
def test_cleaning_twice_changes_nothing(db, source, stored, rendered):
    page = saved_page(source)
    page.save()
    assert Page.objects.get(pk=page.pk).body == stored


def test_the_admin_saves_autolinks_and_shows_the_source_escaped(admin_client, client, db):
    body = "Write to <info@example.org> or see <https://www.krakow.pl>. x<y <script>alert(1)</script>"
    add_page_in_admin(admin_client, slug="contact", title="Contact", body=body)
    page = Page.objects.get(slug="contact")
    page.set_current_language("en")
    assert page.body == "Write to <info@example.org> or see <https://www.krakow.pl>. x<y "
    change = admin_client.get(f"/admin/pages/page/{page.pk}/change/?language=en").content.decode()
    assert "Write to &lt;info@example.org&gt; or see &lt;https://www.krakow.pl&gt;. x&lt;y" in change
    shown = shown_body(client, page)
    assert f'<a href="mailto:info@example.org" {NOFOLLOW}>info@example.org</a>' in shown
    assert "x&lt;y" in shown


NASTY = (
    "See <https://www.krakow.pl>. <script>alert(1)</script><img src=x onerror=alert(2)>"
    "[a](javascript:alert(3)) [b](&#106;avascript:alert(4)) <svg onload=alert(5)> [c](data:text/html,x)"
)


def assert_harmless(text: str):
    lowered = text.lower()
    for trace in ("alert(", "onerror", "onload", "javascript:", "data:text"):  # every payload calls alert()
        assert trace not in lowered


def test_the_news_feed_carries_no_markup_from_the_source(client, db):
    NewsEntryFactory(slug="nasty", translations={"en": {"title": "Nasty", "body": NASTY}})
    feed = ElementTree.fromstring(client.get("/en/news/feed/").content)
    (content,) = [element.text for element in feed.iter("{http://www.w3.org/2005/Atom}content")]
    assert f'<a href="https://www.krakow.pl" {NOFOLLOW}>https://www.krakow.pl</a>' in content
    assert_harmless(content)


def test_session_page_and_exports_carry_no_markup_from_the_source(client, db):
    session = SessionFactory()
    session.abstract = NASTY
    session.save()
    session.set_current_language("pl")
    assert session.abstract == "See <https://www.krakow.pl>. [a]() [b]()  [c]()"
    page = client.get(f"/pl/conference/sessions/{session.code}/").content.decode()
    assert f'<a href="https://www.krakow.pl" {NOFOLLOW}>https://www.krakow.pl</a>' in page
    assert_harmless(page)
    calendar = client.get(f"/pl/conference/sessions/{session.code}.ics").content
    (event,) = icalendar.Calendar.from_ical(calendar).walk("VEVENT")
    assert str(event["description"]) == session.abstract
    schedule = json.loads(client.get("/pl/conference/schedule.json").content)
    (abstract,) = [
        event["abstract"]
        for day in schedule["schedule"]["conference"]["days"]
        for room in day["rooms"].values()
        for event in room
    ]
    assert abstract == session.abstract
    assert_harmless(client.get("/pl/conference/schedule.xml").content.decode())


# Pieces of hostile Markdown for Hypothesis to put together: tags, quotes, code, block quotes and lists, links.
PIECES = [
    *("<", ">", "/", '"', "'", "=", " ", "\n", "\n\n", "> ", "- ", "1. ", "# ", "`", "``", "```\n", "    ", "\t"),
    *("[", "]", "(", ")", "](", "]:", "\\", "&", "x", "alert(1)", "<!--", "-->", "<?", "<!", "<![CDATA[", "\u2003"),
    *("<https://a>", "javascript:", "jav&#x09;ascript:", "data:", "<b>", "<x>", "</", "<script>", "</script>"),
    *("<div\n", "<div>\n", "<title>", "<img src=x onerror=alert(1)>", '<x y="', "\x00", "\r"),
]
TAG_NAMES = ("b", "x", "Ctrl", "sup", "a", "div", "pre", "img", "svg", "script", "style", "title", "textarea", "iframe")
ATTRIBUTES = ("onclick", "onerror", "href", "src", "style", "title", "x", "srcdoc", "class", "xlink:href")
VALUES = ("", "=", '="', "='", "=x", '="javascript:alert(1)"', "='jav&#x09;ascript:x'", '="https://a"', '="`"')
VALUES += ('=">"', '="<img src=x onerror=alert(1)>"')
SEPARATORS = (" ", "\n", "/", "\t", "\n\n", "\n> ", "\n  ")
TAGS = st.builds(
    lambda closing, name, attributes, end: f"<{closing}{name}{''.join(attributes)}{end}",
    st.sampled_from(("", "/")),
    st.sampled_from(TAG_NAMES),
    st.lists(st.builds("".join, st.tuples(*map(st.sampled_from, (SEPARATORS, ATTRIBUTES, VALUES)))), max_size=3),
    st.sampled_from((">", "/>", "", " >", "\n>")),
)
UNSAFE_ELEMENTS = {"script", "style", "iframe", "frame", "object", "embed", "svg", "math", "link", "meta", "base"}
UNSAFE_ELEMENTS |= {"form", "input", "button", "textarea", "select", "template", "noscript", "img", "image", "video"}
UNSAFE_ELEMENTS |= {"audio", "source", "picture", "title", "xmp", "plaintext", "noembed", "noframes", "portal"}
CODE = re.compile(r"`|~~~|^ {4}|\t", re.MULTILINE)
with_html = MarkdownIt("commonmark")  # a Markdown program that passes HTML through and trusts every link
with_html.validateLink = lambda url: True


def live_markup(markup: str) -> list:
    """What a browser would run, load or restyle in markup, read as a browser reads it (WHATWG parsing)."""
    found = []
    for element in html5lib.parseFragment(markup, treebuilder="etree", namespaceHTMLElements=False).iter():
        if not isinstance(element.tag, str):  # a comment
            continue
        if element.tag.rpartition("}")[2].lower() in UNSAFE_ELEMENTS or "}" in element.tag:  # "}": SVG or MathML
            found.append(element.tag)
        found += [(element.tag, name, value) for name, value in element.attrib.items() if runs(name, value)]
    return found


def runs(attribute: str, value: str) -> bool:
    name = attribute.rpartition("}")[2].lower()
    if name in ("href", "src", "action"):
        return re.sub(r"[\x00-\x20]", "", value).lower().startswith(("javascript:", "vbscript:", "data:"))
    return name in ("srcdoc", "formaction") or (name.startswith("on") or name == "style") and bool(value.strip())


@hypothesis_settings(max_examples=400, derandomize=True, database=None, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), TAGS), max_size=25).map("".join))
def test_what_is_saved_runs_nothing_wherever_it_is_shown(source):
    stored = clean_markdown(source)
    assert clean_markdown(stored) == stored
    assert live_markup(str(render_markdown(stored))) == []  # our pages
    assert live_markup(with_html.render(stored)) == []  # a Markdown program that passes HTML through
    if not CODE.search(stored):  # code is left as written, whatever it shows
        assert live_markup(stored) == []  # a program that shows the source as HTML


def test_second_level_headings_get_ids_of_their_own_for_on_this_page():
    html = str(render_markdown("# Main\n\n## Дві мети\n\n## Дві мети\n\n## !!!\n\n### Sub"))
    # Prefixed, so that a heading called "Main" cannot take the id of the page's <main>; repeated ones numbered.
    assert '<h2 id="section-main">Main</h2>' in html
    assert '<h2 id="section-дві-мети">Дві мети</h2>' in html
    assert '<h2 id="section-дві-мети-2">Дві мети</h2>' in html
    assert '<h2 id="section-4">!!!</h2>' in html
    assert "<h3>Sub</h3>" in html
    assert [heading["id"] for heading in outline(html)] == [
        "section-main",
        "section-дві-мети",
        "section-дві-мети-2",
        "section-4",
    ]


def test_an_id_written_by_an_editor_is_still_shown_as_text():
    assert str(render_markdown('<h2 id="main">x</h2>')) == '<p>&lt;h2 id="main"&gt;x&lt;/h2&gt;</p>\n'
