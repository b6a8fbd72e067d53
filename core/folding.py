"""Search folding: the text a search compares, folded the same way for every language and database."""


def search_text(*parts: str) -> str:
    """A case-folded copy for searching: SQLite's LIKE folds only ASCII, so we fold in Python."""
    return " ".join(" ".join(part.split()) for part in parts if part).casefold()
