"""Rich text written by editors: Markdown in, sanitised HTML out, so no script can be saved or shown."""

import html
import re

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

ALLOWED_TAGS = {"h2", "h3", "h4", "p", "br", "hr", "ul", "ol", "li", "a", "strong", "em", "blockquote", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

# A link target or reference definition that would run code or smuggle data when followed.
_UNSAFE_LINK = re.compile(
    r"(\]\(\s*<?|^[ \t]*\[[^\]\n]*\]:[ \t]*<?)\s*(?:javascript|vbscript|data)\s*:[^)\s>]*",
    re.IGNORECASE | re.MULTILINE,
)


def _demote_h1(state):
    # The page title is the only <h1>; a "# heading" in the body becomes an <h2>.
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close") and token.tag == "h1":
            token.tag = "h2"


_markdown = MarkdownIt("commonmark", {"html": False}).disable("image")
_markdown.core.ruler.push("demote_h1", _demote_h1)


def clean_markdown(source: str) -> str:
    """The Markdown source without HTML tags, event handlers or javascript:/data: links."""
    text = source.replace("\r\n", "\n")
    for _ in range(5):  # until nothing changes: an escaped tag must not come back to life when unescaped
        cleaned = _UNSAFE_LINK.sub(r"\1", html.unescape(nh3.clean(text, tags=set())))
        if cleaned == text:
            break
        text = cleaned
    return text


def render_markdown(source: str) -> SafeString:
    """Headings, lists, links and emphasis as HTML, sanitised once more on the way out."""
    rendered = _markdown.render(source or "")
    return mark_safe(  # noqa: S308 (nh3 has just removed everything but the allowed tags)
        nh3.clean(
            rendered,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            link_rel="noopener noreferrer",
        )
    )


def search_text(*parts: str) -> str:
    """A case-folded copy for searching: SQLite's LIKE folds only ASCII, so we fold in Python."""
    return " ".join(" ".join(part.split()) for part in parts if part).casefold()


def spreadsheet_safe(value: str) -> str:
    """A CSV cell that a spreadsheet will not run: = + - @ at the start would make it a formula."""
    return f"'{value}" if value[:1] in {"=", "+", "-", "@", "\t", "\r"} else value
