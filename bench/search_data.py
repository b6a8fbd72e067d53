"""Benchmark data for the site search (run in manage.py shell, after load_demo and prepare.py).

Adds published programme pages and news entries until 10,000 translations have been generated for the benchmark,
in pl (every one), en, uk and ru (most), and builds the search index (core.search.index.rebuild()). Their text is
the demo's own (pages.demo, conference.demo*), cut into sentences and recombined with a seeded random generator:
real words in each language, in real sentences, a few hundred words a body. The pages sit under a draft section,
so neither the menus nor the pages measured elsewhere show them; the news is dated before the demo's, so the home
page's latest news stays the same.

Run again, it replaces what it added. With BENCH_SEARCHES (a JSON list of [language, query]), it prints, as its
last line, a JSON list of each query's results and corrections, read by bench/run.py.
"""

import datetime
import json
import os
import random
import re
import time

from django.db import transaction

from conference import demo as conference_demo
from conference import demo_sessions, demo_texts, demo_upcoming
from core.models import SearchEntry, SearchWord
from core.search import index
from core.search.query import search
from pages import demo as pages_demo
from pages.models import NewsEntry, Page, Status

GENERATED = 10_000  # translations
LANGUAGES = ("pl", "en", "uk", "ru")
# How many of the generated objects have each language: Polish is the source; translations follow over time.
SHARE = {"pl": 1.0, "en": 0.9, "uk": 0.85, "ru": 0.75}
PREFIX = "bench-"
SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[\"„«(A-ZĄĆĘŁŃÓŚŹŻА-ЯІЇЄҐЁ])")

random_ = random.Random(18)  # noqa: S311 (reproducible text, not secrets)


def texts_by_language():
    """Every text of the demo, per language: dicts keyed by language, and (pl, en, uk, ru) tuples."""
    found = {language: [] for language in LANGUAGES}

    def walk(value, language=None):
        if isinstance(value, str):
            if language:
                found[language].append(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, key if key in LANGUAGES else language)
        elif isinstance(value, list | tuple):
            if len(value) == 4 and all(isinstance(item, str) and len(item) > 2 for item in value):
                for code, item in zip(LANGUAGES, value, strict=True):
                    walk(item, code)
            else:
                for item in value:
                    walk(item, language)

    for module in (pages_demo, demo_texts, conference_demo, demo_sessions, demo_upcoming):
        for name, value in vars(module).items():
            if name.isupper():
                walk(value)
    return found


def pools():
    """Per language: titles (short texts without a full stop) and sentences (from the longer ones)."""
    result = {}
    for language, texts in texts_by_language().items():
        titles, sentences = set(), set()
        for text in texts:
            text = text.replace("{year}", "2027")
            for paragraph in text.split("\n\n"):
                paragraph = " ".join(line.lstrip("#- ").strip() for line in paragraph.splitlines())
                if not paragraph:
                    continue
                if len(paragraph) <= 90 and not paragraph.endswith("."):
                    titles.add(paragraph)
                else:
                    sentences.update(s for s in SENTENCE.split(paragraph) if len(s.split()) >= 4)
        result[language] = (sorted(titles), sorted(sentences))
    return result


def title(titles) -> str:
    first, second = random_.sample(titles, 2)
    return first if random_.random() < 0.4 else f"{first}: {second[:1].lower()}{second[1:]}"[:200]


def body(titles, sentences) -> str:
    """Markdown of 200 to 500 words: paragraphs, now and then a heading or a list."""
    parts, count = [], 0
    target = random_.randint(200, 500)
    while count < target:
        chosen = random_.sample(sentences, random_.randint(2, 5))
        shape = random_.random()
        if shape < 0.15:
            parts.append(f"## {random_.choice(titles)}")
        if shape > 0.85:
            parts.append("\n".join(f"- {sentence}" for sentence in chosen))
        else:
            parts.append(" ".join(chosen))
        count += sum(len(sentence.split()) for sentence in chosen)
    return "\n\n".join(parts)


def summary(sentences) -> str:
    return next((s for s in random_.sample(sentences, 20) if len(s) <= 300), "")


def generate():
    """The objects and their translations, created in bulk (no signals): the index is built afterwards."""
    text = pools()
    for model in (Page, NewsEntry):  # the ones an earlier run added, with their entries (the signals)
        model.objects.filter(slug__startswith=PREFIX).exclude(slug=f"{PREFIX}archive").delete()
    section, _ = Page.objects.update_or_create(slug=f"{PREFIX}archive", defaults={"status": Status.DRAFT})
    plans, planned = [], 0
    while planned < GENERATED:
        languages = [code for code in LANGUAGES if random_.random() < SHARE[code]][: GENERATED - planned]
        plans.append(languages)
        planned += len(languages)
    published = datetime.datetime(2016, 1, 1, tzinfo=datetime.UTC)
    pages, news = [], []
    for number, _languages in enumerate(plans):
        slug = f"{PREFIX}{number:05d}"
        if number % 2:
            pages.append(
                Page(
                    slug=slug,
                    parent=section,
                    path=f"{section.path}/{slug}",
                    status=Status.PUBLISHED,
                    menu_order=number,
                    publish_at=published,
                )
            )
        else:
            day = datetime.date(2010, 1, 1) + datetime.timedelta(days=number // 2 % 2400)
            news.append(NewsEntry(slug=slug, date=day, status=Status.PUBLISHED, publish_at=published))
    with transaction.atomic():
        Page.objects.bulk_create(pages, batch_size=500)
        NewsEntry.objects.bulk_create(news, batch_size=500)
        masters = {
            obj.slug: obj
            for obj in [
                *Page.objects.filter(slug__in=[p.slug for p in pages]),
                *NewsEntry.objects.filter(slug__in=[n.slug for n in news]),
            ]
        }
        rows = {Page: [], NewsEntry: []}
        for number, languages in enumerate(plans):
            master = masters[f"{PREFIX}{number:05d}"]
            translation = type(master)._parler_meta.root_model
            for language in languages:
                titles, sentences = text[language]
                rows[type(master)].append(
                    translation(
                        master=master,
                        language_code=language,
                        title=title(titles),
                        summary=summary(sentences),
                        body=body(titles, sentences),
                    )
                )
        for model, translations in rows.items():
            model._parler_meta.root_model.objects.bulk_create(translations, batch_size=500)
    return len(plans), planned


started = time.monotonic()
objects, translations = generate()
generated = time.monotonic() - started
started = time.monotonic()
written = index.rebuild()
indexed = time.monotonic() - started
# What one editor's save costs: the object's entries written anew (in every language it has).
sample = list(Page.objects.filter(slug__startswith=PREFIX, status=Status.PUBLISHED).values_list("pk", flat=True)[:50])
started = time.monotonic()
for pk in sample:
    index.reindex(index.SOURCES["page"], [pk])
per_save = (time.monotonic() - started) / len(sample) * 1000
print(
    f"search data: {objects} pages and news entries with {translations} translations generated in {generated:.1f} s; "
    f"index rebuilt in {indexed:.1f} s: {written} entries ({SearchEntry.objects.count()} rows), "
    f"{SearchWord.objects.count()} words; one page's entries rewritten in {per_save:.0f} ms"
)
if "BENCH_SEARCHES" in os.environ:
    found = []
    for language, query in json.loads(os.environ["BENCH_SEARCHES"]):
        results = search(query, language=language)
        found.append({"language": language, "query": query, "total": results.total, "corrections": results.corrections})
    print(json.dumps({"entries": SearchEntry.objects.count(), "words": SearchWord.objects.count(), "queries": found}))
