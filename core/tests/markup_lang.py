"""In which language a piece of text is read: the lang of the nearest element around it that declares one."""

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _LangFinder(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.text = text
        self.stack: list[tuple[str, str | None]] = []
        self.found: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "option" and self.stack and self.stack[-1][0] == "option":
            self.stack.pop()  # an option ends where the next begins
        if tag not in VOID:
            self.stack.append((tag, attrs.get("lang")))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if self.text in data:
            lang = next((code for _tag, code in reversed(self.stack) if code), None)
            self.found.append((self.stack[-1][0] if self.stack else "", lang))


def langs_of(html: str, text: str) -> list[str | None]:
    """The language each occurrence of the text is marked as being in (its nearest lang attribute)."""
    finder = _LangFinder(text)
    finder.feed(html)
    finder.close()
    return [lang for _tag, lang in finder.found]


def tags_of(html: str, text: str) -> list[str]:
    finder = _LangFinder(text)
    finder.feed(html)
    finder.close()
    return [tag for tag, _lang in finder.found]
