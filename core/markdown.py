"""Rich text written by editors: Markdown in, sanitised HTML out, so no script can be saved or shown."""

import html
import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from types import SimpleNamespace

import nh3
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from markdown_it import MarkdownIt
from markdown_it.common.utils import MD_TRIM_CHARS
from markdown_it.helpers import parseLinkDestination, parseLinkLabel, parseLinkTitle
from markdown_it.rules_block import reference
from markdown_it.rules_inline import autolink, backtick, html_inline

from core.cache import Rendered

ALLOWED_TAGS = {"h2", "h3", "h4", "p", "br", "hr", "ul", "ol", "li", "a", "strong", "em", "blockquote", "code", "pre"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "h2": {"id"}}  # ids: ours, from _heading_ids
URL_SCHEMES = {"http", "https", "mailto", "tel"}

# Link targets that run code or carry a document of their own; markdown-it refuses the same ones.
_UNSAFE_SCHEME = re.compile(r"(?:javascript|vbscript|data|file):", re.IGNORECASE)
_BACKSLASH_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Browsers drop tabs and newlines in an address and trim other controls and spaces; some programs trim any space.
_HIDDEN_IN_URLS = re.compile(r"[\x00-\x20\x7f\s]")

# Elements that run code, load or embed content, take input, or restyle or cover the page: removed with their tags.
_UNSAFE_ELEMENTS = frozenset(
    {
        *("script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "param", "svg", "math"),
        *("link", "meta", "base", "basefont", "bgsound", "form", "input", "button", "textarea", "select", "option"),
        *("optgroup", "datalist", "keygen", "isindex", "template", "noscript", "noembed", "noframes", "xmp"),
        *("plaintext", "title", "img", "image", "video", "audio", "source", "track", "picture", "canvas", "portal"),
        *("fencedframe", "xml"),
    }
)
# Of those, the ones whose content a browser does not read as text: removed up to their closing tag.
_CONTENT_REMOVED = frozenset(
    {
        *("script", "style", "iframe", "noscript", "noembed", "noframes", "template", "textarea", "title", "xmp"),
        "plaintext",
    }
)
_EVENT_HANDLER = re.compile(r"on\w")
# Attributes that restyle the page or reach its scripts (class, id and name clobber a consumer's own).
_UNSAFE_ATTRIBUTES = frozenset({"style", "class", "id", "name"})
_ALWAYS_UNSAFE_ATTRIBUTES = frozenset({"srcdoc", "formaction"})
_URL_ATTRIBUTES = frozenset(
    {
        *("href", "src", "action", "data", "codebase", "cite", "background", "poster", "lowsrc", "dynsrc", "srcset"),
        *("ping", "manifest", "longdesc", "usemap", "icon", "profile", "classid", "archive", "from", "to", "values"),
        "by",
    }
)

# How a browser reads a tag (WHATWG HTML, "tokenization"): names end at a space, "/" or ">".
_TAG_NAME_END = re.compile(r"[\t\n\f\r />]")
_ATTRIBUTE_NAME = re.compile(r"[^\t\n\f\r />=]*")
_UNQUOTED_VALUE = re.compile(r"[^\t\n\f\r >]*")
_SPACES = re.compile(r"[\t\n\f\r ]*")
_SPACES_AND_SLASHES = re.compile(r"[\t\n\f\r /]*")
_COMMENT_END = re.compile(r"--!?>")
_ROUNDS = 8  # text that editors write is clean after one or two
_MAX_NESTING = 100  # quotes and lists inside one another that markdown-it reads, far beyond any writing


def _demote_h1(state):
    # The page title is the only <h1>; a "# heading" in the body becomes an <h2>.
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close") and token.tag == "h1":
            token.tag = "h2"


HEADING_ID_PREFIX = "section-"  # an id of its own: a heading "Main" must not take the id of the page's <main>


def _heading_ids(state):
    # Each second-level heading gets an id from its words, so "On this page" and a shared address can link to it.
    taken = set()
    for index, token in enumerate(state.tokens):
        if token.type != "heading_open" or token.tag != "h2":
            continue
        words = state.tokens[index + 1].content if index + 1 < len(state.tokens) else ""
        base = HEADING_ID_PREFIX + (slugify(words, allow_unicode=True)[:60].strip("-") or str(len(taken) + 1))
        anchor, number = base, 2
        while anchor in taken:
            anchor, number = f"{base}-{number}", number + 1
        taken.add(anchor)
        token.attrSet("id", anchor)


_markdown = MarkdownIt("commonmark", {"html": False}).disable("image")
_markdown.core.ruler.push("demote_h1", _demote_h1)
_markdown.core.ruler.push("heading_ids", _heading_ids)


def clean_markdown(source: str) -> str:
    """The Markdown source as written, without HTML that is unsafe and without javascript:/data: link targets.

    Our pages show raw HTML as text (render_markdown escapes it), so `<b>`, `<Ctrl>`, `List<String>`, `a<b and c>d`,
    autolinks and code stay exactly as written. But the source itself travels in the calendar, schedule and JSON-LD
    exports, to programs that may render it as HTML or as Markdown with HTML, so a tag is removed when it could run
    code, load or embed content, hide text or restyle the page, in any of three readings: a browser reading the
    source, and CommonMark reading it with and without raw HTML. Code spans and blocks are left as they are.
    """
    text = source.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")  # as markdown-it reads it
    for _round in range(_ROUNDS):  # until nothing changes: `<scr<script>ipt>` loses `<script>`, then `<script>`
        cleaned = _clean_once(text)
        if cleaned == text:
            return text
        text = cleaned
    # Tags nested to rebuild one another round after round are no writing: every "<" goes, then unsafe links.
    text = text.replace("<", "")
    while (cleaned := _clean_once(text)) != text:
        text = cleaned
    return text


def _clean_once(text: str) -> str:
    """The text without what is unsafe in any of the three readings, each reading the text as it stands."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    source = _Source(text, lines, offsets, bytearray(len(text)))
    code = source.mark(_with_html)
    source.mark(_without_html)
    source.mark_tags(code)
    if source.too_deep:  # markdown-it stops reading there, other programs may not: no "<" is left to read as HTML
        for position in (match.start() for match in re.finditer("<", text)):
            source.removed[position] = 1
    return "".join(char for char, removed in zip(text, source.removed, strict=True) if not removed)


@dataclass
class _Tag:
    """A tag as a browser reads it; comments, declarations and processing instructions are "comment"s."""

    kind: str  # "start", "end" or "comment"
    name: str
    end: int
    attributes: list[tuple[str, str | None]] = field(default_factory=list)
    closed: bool = True  # whether a ">" ends it, rather than the end of the text
    open_quote: bool = False  # whether the text ends inside a quoted attribute value

    def is_unsafe(self) -> bool:
        if self.kind == "comment" or self.open_quote or self.name.rpartition(":")[2] in _UNSAFE_ELEMENTS:
            return True
        for name, value in self.attributes:
            if name in _ALWAYS_UNSAFE_ATTRIBUTES:
                return True
            if value is None:
                continue
            if _EVENT_HANDLER.match(name) or name in _UNSAFE_ATTRIBUTES:
                return True
            if (name in _URL_ATTRIBUTES or name.endswith(("href", "src"))) and _is_unsafe_link(value):
                return True
        return False

    def removes_content(self) -> bool:
        return self.kind == "start" and self.name.rpartition(":")[2] in _CONTENT_REMOVED


def _read_tag(text: str, start: int) -> _Tag | None:
    """The tag a browser reads from the "<" at start, to its ">" or the end of the text; None when "<" is text."""
    following = text[start + 1 : start + 3]
    if text.startswith("<!--", start):
        if text.startswith(">", start + 4) or text.startswith("->", start + 4):
            return _Tag("comment", "", text.index(">", start + 4) + 1)
        end = _COMMENT_END.search(text, start + 4)
        return _Tag("comment", "", end.end() if end else len(text))
    if text.startswith("<![CDATA[", start):
        end = text.find("]]>", start + 9)
        return _Tag("comment", "", end + 3 if end >= 0 else len(text))
    if following[:1] == "?" or (following[:1] == "!" and _is_letter(following[1:])):
        end = text.find(">", start + 2)
        return _Tag("comment", "", end + 1 if end >= 0 else len(text))
    if following[:1] == "/" and _is_letter(following[1:]):
        kind, name_start = "end", start + 2
    elif _is_letter(following[:1]):
        kind, name_start = "start", start + 1
    else:
        return None
    name_end = _TAG_NAME_END.search(text, name_start)
    position = name_end.start() if name_end else len(text)
    tag = _Tag(kind, text[name_start:position].lower(), len(text), closed=False)
    while True:
        position = _SPACES_AND_SLASHES.match(text, position).end()
        if position == len(text):
            return tag
        if text[position] == ">":
            tag.end, tag.closed = position + 1, True
            return tag
        name_start = position
        position = _ATTRIBUTE_NAME.match(text, position + (text[position] == "=")).end()  # "=" may start a name
        name = text[name_start:position].lower()
        after_name = _SPACES.match(text, position).end()
        if not text.startswith("=", after_name):
            tag.attributes.append((name, None))
            position = after_name
            continue
        value_start = _SPACES.match(text, after_name + 1).end()
        quote = text[value_start : value_start + 1]
        if quote in ('"', "'"):
            value_end = text.find(quote, value_start + 1)
            if value_end < 0:
                tag.attributes.append((name, text[value_start + 1 :]))
                tag.open_quote = True
                return tag
            tag.attributes.append((name, text[value_start + 1 : value_end]))
            position = value_end + 1
        else:
            position = _UNQUOTED_VALUE.match(text, value_start).end()
            tag.attributes.append((name, text[value_start:position]))


def _is_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def _is_unsafe_link(target: str) -> bool:
    """Whether a link target, read as a browser would (entities and escapes decoded, hidden characters dropped),
    starts with a scheme that runs code or carries data."""
    address = target
    while (decoded := html.unescape(address)) != address:
        address = decoded
    address = _HIDDEN_IN_URLS.sub("", _BACKSLASH_ESCAPE.sub(r"\1", address))
    return bool(_UNSAFE_SCHEME.match(address))


@dataclass
class _Source:
    """The text being cleaned, its lines, where each line starts, and which characters are to be removed."""

    text: str
    lines: list[str]
    offsets: list[int]
    removed: bytearray
    too_deep: bool = False

    def mark(self, parser: MarkdownIt) -> list[tuple[int, int]]:
        """Mark what is unsafe as parser reads the text: raw HTML, autolinks and link targets; return its code."""
        env: dict = {}
        code = []
        for token in parser.parse(self.text, env):
            self.too_deep = self.too_deep or token.level >= _MAX_NESTING - 2
            if not token.map:
                continue
            first, last = token.map
            if token.type in ("fence", "code_block"):
                code.append((self.offsets[first], self.offsets[min(last, len(self.lines))] - 1))
            elif token.type == "html_block":
                self.mark_block(token.content, self.positions(token.map, token.content))
            elif token.type == "inline":
                positions = self.positions(token.map, token.content)
                for kind, start, end, string in sorted(token.meta.get("spans", ()), key=lambda span: span[1]):
                    if kind == "code":
                        if positions[start] is not None and positions[end - 1] is not None:
                            code.append((positions[start], positions[end - 1] + 1))
                    elif kind == "html":
                        self.mark_tag(string, start, positions, at_least=end)
                    else:
                        self.mark_link(kind, string, start, end, positions)
        for starts, spans in env.get("definitions", ()):
            for kind, start, end, string in spans:
                self.mark_link(kind, string, start, end, _definition_positions(string, starts))
        return code

    def positions(self, lines: tuple[int, int], content: str) -> list[int | None]:
        """Where each character of a block's content is in the text (None for spaces markdown-it added or left).

        Each line of the content is the end of its line in the text, after the markers of quotes and lists and the
        indentation; a heading's is inside its line. Lines of Unicode spaces before it are trimmed away."""
        positions: list[int | None] = []
        number = lines[0]
        for index, line in enumerate(content.split("\n")):
            body = line.lstrip(" \t")
            if index == 0:
                number = next((n for n in range(*lines) if self.column(n, body) is not None), number)
            else:
                number += 1
                positions.append(self.offsets[number] - 1)  # the newline
            positions.extend([None] * (len(line) - len(body)))
            column = self.column(number, body)
            if column is None:
                positions.extend([None] * len(body))
            else:
                positions.extend(range(self.offsets[number] + column, self.offsets[number] + column + len(body)))
        return positions

    def column(self, number: int, body: str) -> int | None:
        written = self.lines[number] if number < len(self.lines) else ""
        trimmed = written.rstrip(MD_TRIM_CHARS)
        if written.endswith(body):
            return len(written) - len(body)
        if trimmed.endswith(body):
            return len(trimmed) - len(body)
        return None if (column := written.rfind(body)) < 0 else column

    def mark_block(self, content: str, positions: list[int | None]) -> None:
        """Raw HTML as a browser reads it from the start of the block; a tag left open at its end is unsafe."""
        position = 0
        while (position := content.find("<", position)) >= 0:
            tag = _read_tag(content, position)
            if tag is None:
                position += 1
            else:
                position = max(self.mark_tag(content, position, positions, tag=tag), position + 1)

    def mark_tag(self, content, start, positions, *, tag=None, at_least=0) -> int:
        """Mark the tag at start of content if it is unsafe, with the content of an element that is not text;
        return where the tag ends."""
        tag = tag or _read_tag(content, start)
        if tag is None:
            return start + 1
        end = max(tag.end, at_least)
        if not tag.is_unsafe():
            return end
        mapped = [position for position in positions[start:end] if position is not None]
        if tag.removes_content() and mapped:
            self.remove(mapped[0], self.content_end(tag, mapped[-1] + 1))
        else:
            self.mark_positions(content, start, end, positions)
        return end

    def content_end(self, tag: _Tag, after: int) -> int:
        """Where the content of an element that is not text ends in the text: after its closing tag. Without one,
        only the tag goes: what follows it is then read as any other text ("a <title> goes in the head")."""
        closing = re.compile(rf"</{re.escape(tag.name)}(?=[\t\n\f\r />])", re.IGNORECASE).search(self.text, after)
        return _read_tag(self.text, closing.start()).end if closing else after

    def mark_link(self, kind, string, start, end, positions) -> None:
        """Mark an autolink or a link target that would run code or carry a document."""
        if kind == "autolink" and _is_unsafe_link(string[start + 1 : end - 1]):
            self.mark_positions(string, start, end, positions)
        elif kind == "destination":
            target = string[start:end]
            if _is_unsafe_link(target.removeprefix("<").removesuffix(">")) or _is_unsafe_link(
                parseLinkDestination(string, start, end).str
            ):
                while start and string[start - 1] in " \t\n":  # the spaces after "(" or "]:" too
                    start -= 1
                self.mark_positions(string, start, end, positions)

    def mark_positions(self, content, start, end, positions) -> None:
        for index in range(start, min(end, len(positions))):
            if positions[index] is not None and content[index] != "\n":  # lines stay lines: a quote keeps its ">"
                self.removed[positions[index]] = 1

    def remove(self, start: int, end: int) -> None:
        self.removed[start:end] = b"\1" * (end - start)

    def mark_tags(self, code: list[tuple[int, int]]) -> None:
        """Mark every unsafe tag a browser reads in the text as it stands, outside code spans and blocks."""
        text, position = self.text, 0
        regions = iter(sorted(code))
        region = next(regions, None)
        while (position := text.find("<", position)) >= 0:
            while region and region[1] <= position:
                region = next(regions, None)
            if region and region[0] <= position:
                position = region[1]
                continue
            tag = _read_tag(text, position)
            if tag is None:
                position += 1
            elif tag.is_unsafe():
                end = self.content_end(tag, tag.end) if tag.removes_content() else tag.end
                self.remove(position, end)
                position = end
            else:
                position = tag.end


def _definition_positions(string: str, starts: list[int]) -> list[int | None]:
    # A link reference definition is read from its lines in the text, each from its first non-space character.
    positions: list[int | None] = []
    for number, line in enumerate(string.split("\n")):
        start = starts[number] if number < len(starts) else None
        positions.extend(range(start, start + len(line) + 1) if start is not None else [None] * (len(line) + 1))
    return positions[: len(string)]


# How markdown-it reads the source, recorded while it parses: code spans, raw HTML, autolinks and link targets,
# each as (kind, start, end, the string they are in).
_SPANS: ContextVar[list | None] = ContextVar("markdown_spans", default=None)


def _recording(rule, kind, token_type):
    def rule_recording(state, silent):
        start, tokens = state.pos, len(state.tokens)
        found = rule(state, silent)
        spans = _SPANS.get()
        if found and not silent and spans is not None and any(t.type == token_type for t in state.tokens[tokens:]):
            spans.append((kind, start, state.pos, state.src))
        return found

    return rule_recording


def _destination_recording(string, start, maximum):
    result = parseLinkDestination(string, start, maximum)
    spans = _SPANS.get()
    if result.ok and spans is not None:
        spans.append(("destination", start, result.pos, string))
    return result


def _inline_recording(state):
    for token in state.tokens:
        if token.type == "inline":
            token.children, spans = [], []
            reset = _SPANS.set(spans)
            try:
                state.md.inline.parse(token.content, state.md, state.env, token.children)
            finally:
                _SPANS.reset(reset)
            token.meta["spans"] = spans


def _reference_recording(state, start_line, end_line, silent):
    spans = []
    reset = _SPANS.set(spans)
    try:
        found = reference(state, start_line, end_line, silent)
    finally:
        _SPANS.reset(reset)
    if found and spans:
        starts = [state.bMarks[line] + state.tShift[line] for line in range(start_line, state.line)]
        state.env.setdefault("definitions", []).append((starts, spans))
    return found


def _recording_parser(html_on: bool) -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": html_on, "maxNesting": _MAX_NESTING}).disable("image")
    parser.validateLink = lambda url: True  # unsafe targets are read as links too, to be found
    parser.helpers = SimpleNamespace(
        parseLinkLabel=parseLinkLabel, parseLinkDestination=_destination_recording, parseLinkTitle=parseLinkTitle
    )
    parser.core.ruler.at("inline", _inline_recording)
    parser.block.ruler.at("reference", _reference_recording)
    parser.inline.ruler.at("backticks", _recording(backtick, "code", "code_inline"))
    parser.inline.ruler.at("autolink", _recording(autolink, "autolink", "link_open"))
    parser.inline.ruler.at("html_inline", _recording(html_inline, "html", "html_inline"))
    return parser


_with_html = _recording_parser(html_on=True)  # as Markdown programs that pass HTML through read it
_without_html = _recording_parser(html_on=False)  # as render_markdown reads it


# Markdown already rendered by this process, by its source: the HTML depends on nothing else (no language, no
# setting), and the pages showing it render it on every miss.
_RENDERED = Rendered(500)


def render_markdown(source: str) -> SafeString:
    """Headings, lists, links and emphasis as HTML, sanitised once more on the way out."""
    return _RENDERED.get_or_render(source or "", lambda: _render(source or ""))


def _render(source: str) -> SafeString:
    rendered = _markdown.render(source)
    return mark_safe(  # noqa: S308 (nh3 has just removed everything but the allowed tags)
        nh3.clean(
            rendered,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            link_rel="noopener noreferrer",
            attribute_filter=_without_empty_links,
        )
    )


def _without_empty_links(element: str, attribute: str, value: str) -> str | None:
    # A link whose unsafe target clean_markdown removed ("[x]()") is shown as its text, not as a link to this page.
    return None if element == "a" and attribute == "href" and not value.strip() else value


_OUTLINE_HEADING = re.compile(r'<h2 id="([^"]+)">(.*?)</h2>', re.DOTALL)


def outline(rendered: str) -> list[dict]:
    """The second-level headings of text render_markdown made, in order: {"id", "title"} for "On this page"."""
    return [
        {"id": html.unescape(anchor), "title": html.unescape(re.sub(r"<[^>]+>", "", title)).strip()}
        for anchor, title in _OUTLINE_HEADING.findall(str(rendered))
    ]
