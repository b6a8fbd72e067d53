"""How the site search reads words: the same in every language, on PostgreSQL and SQLite alike.

A text becomes a list of words (letters and digits; an apostrophe inside a word joins it, as in Ukrainian "м'ята").
Each word is indexed at its position under two lexemes: its folded form (lower case, Latin accents dropped, so
"Kraków" and "Krakow" are one word) and its stem, so that other forms of the word find it ("Krakowa", "смогу").
English, Russian and Polish use the Snowball stemmers (PostgreSQL's own english and russian configurations are
the same Snowball algorithms; PostgreSQL has none for Polish); Ukrainian uses the dictionary form from pymorphy3's
Ukrainian dictionary, as Snowball has no Ukrainian stemmer.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass, field

WORD = re.compile(r"\w+(?:['’ʼ]\w+)*")
APOSTROPHES = re.compile(r"['’ʼ]")
# What PostgreSQL's unaccent also does, beyond dropping combining marks: letters with no decomposition, and the
# Russian ё (written е in most texts). Cyrillic й and ї keep their marks: they are letters of their own.
LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ё": "е"})
# Positions in a PostgreSQL tsvector stop at 16,383, and one lexeme keeps at most 256 of them.
MAX_POSITION = 16383
MAX_POSITIONS_PER_LEXEME = 255
# What a headline puts around the words that matched; taken out of every indexed text, so that after escaping
# the snippet they can only be ours.
MARK_START, MARK_END = "\ue000", "\ue001"
PRIVATE_USE = str.maketrans({MARK_START: None, MARK_END: None})
SNOWBALL = {"en": "english", "ru": "russian", "pl": "polish"}
# A stem this short finds too many words as a prefix.
MIN_PREFIX = 3
MAX_WORD = 60
# How many words of the details and of the text the rank vector keeps, besides the whole title.
RANKED_TEXT_WORDS = 60
MAX_RANKED_BYTES = 3000


def fold(word: str) -> str:
    """Lower case without Latin accents or apostrophes: the form both the index and a query compare."""
    word = APOSTROPHES.sub("", word.lower()).translate(LETTERS)
    decomposed = unicodedata.normalize("NFD", word)
    kept = []
    for char in decomposed:
        if unicodedata.combining(char) and kept and kept[-1] < "\u0250":
            continue  # a mark on a Latin letter
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def words(text: str) -> list[str]:
    """The words of a text; a "word" longer than any real one (a key, a run of letters) is skipped. Composed first:
    a decomposed "ї" (pasted from some programs) is "і" and a combining mark, which is no word character."""
    return [word for word in WORD.findall(unicodedata.normalize("NFC", text or "")) if len(word) <= MAX_WORD]


@functools.cache
def _snowball(language: str):
    import snowballstemmer

    return snowballstemmer.stemmer(SNOWBALL[language])


@functools.cache
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")


@functools.lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    """The word's stem (or Ukrainian dictionary form), folded; the folded word itself in other languages."""
    lower = word.lower()
    if language in SNOWBALL:
        return fold(_snowball(language).stemWord(lower))
    if language == "uk" and not lower.isdigit():
        return fold(_morph().parse(APOSTROPHES.sub("'", lower))[0].normal_form)
    return fold(lower)


@functools.lru_cache(maxsize=20_000)
def word_forms(word: str) -> tuple[str, ...]:
    """Every Ukrainian form of the word's dictionary entry, folded: highlighting needs the forms themselves, as a
    dictionary form is not always a prefix of the others ("писанок", "писанка"). A parse's lexeme holds one
    number's forms, so those of every reading with the same dictionary form are joined."""
    parses = _morph().parse(APOSTROPHES.sub("'", word.lower()))
    forms = [fold(form.word) for parse in parses[:8] if parse.normal_form == parses[0].normal_form
             for form in parse.lexeme]
    return tuple(dict.fromkeys(forms))[:80]


def lexemes(word: str, language: str) -> set[str]:
    return {fold(word), stem(word, language)}


@dataclass
class IndexedText:
    """A document's lexemes: as a tsvector literal for PostgreSQL, and as plain lists for SQLite's simpler match."""

    vector: str
    rank_vector: str
    lexemes: str
    title_lexemes: str
    words: set[str]  # folded, as written: the vocabulary typos are matched against


def index_text(language: str, *weighted: tuple[str, str]) -> IndexedText:
    """Index parts such as ("A", title), ("B", details), ("D", body): one position per word, a gap between parts so
    that a quoted phrase never runs from one part into the next. The rank vector, which orders what matched, keeps
    the title, the details and the start of the text only: small enough to rank thousands of matches quickly."""
    positions: dict[str, list[str]] = {}
    ranked: dict[str, list[str]] = {}
    ranked_bytes = 0
    title: set[str] = set()
    folded: set[str] = set()
    position = 0
    for weight, text in weighted:
        for number, word in enumerate(words(text)):
            folded.add(fold(word))
            position = min(position + 1, MAX_POSITION)
            for lexeme in lexemes(word, language):
                kept = positions.setdefault(lexeme, [])
                if len(kept) < MAX_POSITIONS_PER_LEXEME:
                    kept.append(f"{position}{weight}")
                    # Stored as it is in the table's row (migration 0004): it must stay small.
                    size = 2 if lexeme in ranked else len(lexeme.encode()) + 8
                    if (weight == "A" or number < RANKED_TEXT_WORDS) and ranked_bytes + size <= MAX_RANKED_BYTES:
                        ranked.setdefault(lexeme, []).append(kept[-1])
                        ranked_bytes += size
                if weight == "A":
                    title.add(lexeme)
        position = min(position + 1, MAX_POSITION)
    return IndexedText(_literal(positions), _literal(ranked), _spaced(positions), _spaced(title), folded)


def _literal(positions: dict[str, list[str]]) -> str:
    return " ".join(f"'{lexeme}':{','.join(places)}" for lexeme, places in positions.items())


def _spaced(lexemes) -> str:
    """ " a b c " : every lexeme between spaces, so that " b " finds a whole lexeme and " b" a prefix."""
    return f" {' '.join(sorted(lexemes))} " if lexemes else ""


@dataclass
class Term:
    """One word of a query, and what may stand for it: its folded form, its stems in the languages searched,
    and, on PostgreSQL, the known words it was probably a typo of."""

    word: str
    alternatives: set[str] = field(default_factory=set)
    corrections: set[str] = field(default_factory=set)
    highlight_prefixes: set[str] = field(default_factory=set)
    highlight_words: set[str] = field(default_factory=set)


@dataclass
class ParsedQuery:
    """A query as groups of terms: a quoted phrase is one group whose words must stand next to each other; each
    other word is a group of its own. Every group must match."""

    groups: list[list[Term]]

    @property
    def terms(self) -> list[Term]:
        return [term for group in self.groups for term in group]

    def __bool__(self):
        return bool(self.groups)


QUOTES = "\"„“”«»"
PHRASE = re.compile(rf"[{QUOTES}]([^{QUOTES}]*)[{QUOTES}]?")


def parse_query(query: str, languages: list[str]) -> ParsedQuery:
    """Quoted parts are phrases; one-letter words are dropped when the query has longer ones."""
    groups = []
    rest = PHRASE.sub(lambda match: groups.append(words(match.group(1))) or " ", query)
    groups += [[word] for word in words(rest)]
    if any(len(word) > 1 for group in groups for word in group):
        groups = [[word for word in group if len(word) > 1] for group in groups]
    return ParsedQuery([[_term(word, languages) for word in group] for group in groups if group])


def _term(word: str, languages: list[str]) -> Term:
    term = Term(word, {fold(word)} | {stem(word, language) for language in languages})
    for language in languages:
        if language == "uk":
            term.highlight_words.update(word_forms(word))
        else:
            root = stem(word, language)
            if len(root) >= MIN_PREFIX and fold(word).startswith(root):
                term.highlight_prefixes.add(root)
    term.highlight_words.add(fold(word))
    return term


def add_corrections(term: Term, corrections: set[str], languages: list[str]) -> None:
    """Known words a misspelt query word probably meant, each with its stems, as further alternatives."""
    for word in corrections:
        term.corrections |= {word} | {stem(word, language) for language in languages}
        term.highlight_words.add(word)


def tsquery(parsed: ParsedQuery, *, weight: str = "", highlight: bool = False) -> str:
    """The query as a PostgreSQL tsquery literal. Lexemes hold only letters and digits, so quoting is safe.
    `weight` keeps only lexemes of that weight (e.g. "A", the title); `highlight` asks for the words as they are
    written in the text, which the headline compares after only folding them."""

    def alternatives(term: Term) -> str:
        if highlight:
            options = [f"'{word}'" for word in sorted(term.highlight_words)]
            options += [f"'{prefix}':*" for prefix in sorted(term.highlight_prefixes)]
        else:
            suffix = f":{weight}" if weight else ""
            options = [f"'{lexeme}'{suffix}" for lexeme in sorted(term.alternatives | term.corrections)]
        return "(" + " | ".join(options) + ")"

    if highlight:  # any word of the query, wherever it stands
        return " | ".join(alternatives(term) for term in parsed.terms)
    return " & ".join("(" + " <-> ".join(alternatives(term) for term in group) + ")" for group in parsed.groups)
