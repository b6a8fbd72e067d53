"""The search index: what each feature app offers to the site search, and keeping it up to date.

A feature app registers a *source* in its AppConfig.ready(): the kind of thing (a page, a session), the public
objects of that kind, and how one object reads in each language. Whenever an editor saves or deletes such an
object, one of its translations, or something it shows (a session's track), the object's entries are written anew
in the same transaction; `manage.py rebuild_search_index` writes them all.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from html import unescape

from django.db import connection, transaction
from django.db.models import Model, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.utils import translation
from django.utils.functional import Promise
from django.utils.html import strip_tags
from django.utils.text import Truncator

from core.models import SearchEntry, SearchWord
from core.search.analysis import PRIVATE_USE, index_text

MAX_BODY = 20_000
# A folded word may be longer than the word ("ß" is "ss"): longer than the vocabulary's column, it is left out.
MAX_VOCABULARY_WORD = SearchWord._meta.get_field("word").max_length


@dataclass(frozen=True)
class Document:
    """One object in one language, as a result shows it."""

    language: str
    title: str
    url: str
    detail: str = ""
    detail_language: str = ""  # when not the document's: a Kraków address is Polish on every page
    body: str = ""
    keywords: str = ""  # found, not shown: e.g. a session's speakers
    publish_at: datetime | None = None


@dataclass(frozen=True)
class Source:
    kind: str
    label: Promise  # the plural, for the count per kind: "Sessions"
    model: type[Model]
    objects: Callable[[], QuerySet]  # the public ones, with what documents() reads prefetched
    documents: Callable[[Model], Iterable[Document]]
    # Other models whose changes show in this kind's entries: each maps a changed instance to the pks to redo.
    depends_on: dict[type[Model], Callable[[Model], Iterable[int]]] = field(default_factory=dict)
    titles_are_names: bool = False  # a person's or a place's name: marked translate="no" where shown


SOURCES: dict[str, Source] = {}


def register(source: Source) -> None:
    SOURCES[source.kind] = source
    _connect(source)


def url_in(obj: Model, language: str) -> str:
    """The object's address on the site in that language."""
    with translation.override(language):
        return obj.get_absolute_url()


def plain_text(html: str) -> str:
    """Text of rendered HTML, for the index and snippets (they are escaped again when shown)."""
    return " ".join(unescape(strip_tags(html)).split())


def reindex(source: Source, pks: Iterable[int]) -> None:
    """Write the entries of these objects anew: those no longer public lose theirs."""
    pks = {int(pk) for pk in pks if pk is not None}
    if not pks:
        return
    with transaction.atomic():
        # A save while another save of the same object (two translators) or a rebuild is under way waits here until
        # that commits, then reads what it wrote and replaces it, instead of inserting beside it (an IntegrityError).
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {SearchEntry._meta.db_table} IN ROW EXCLUSIVE MODE")
        list(source.model._base_manager.select_for_update().filter(pk__in=pks).order_by("pk").values_list("pk"))
        objects = source.objects().filter(pk__in=pks)
        entries = [_entry(source, obj, document) for obj in objects for document in source.documents(obj)]
        SearchEntry.objects.filter(kind=source.kind, object_id__in=pks).delete()
        _save(entries)


@transaction.atomic  # all or nothing: one cut short leaves the old index (or an empty one, built again after migrate)
def rebuild(batch_size: int = 500) -> int:
    """Every source's entries and the vocabulary from scratch; returns how many entries were written."""
    if connection.vendor == "postgresql":  # saves meanwhile wait for it, then replace what it wrote (reindex)
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {SearchEntry._meta.db_table} IN SHARE ROW EXCLUSIVE MODE")
    SearchEntry.objects.all().delete()
    SearchWord.objects.all().delete()  # words of what is gone are suggested no more
    written = 0
    for source in SOURCES.values():
        batch = []
        for obj in source.objects().iterator(chunk_size=batch_size):
            batch += [_entry(source, obj, document) for document in source.documents(obj)]
            if len(batch) >= batch_size:
                written += _save(batch)
                batch = []
        written += _save(batch)
    return written


def _entry(source: Source, obj: Model, document: Document) -> SearchEntry:
    body = Truncator(_clean(document.body)).chars(MAX_BODY)
    title, detail = _clean(document.title), _clean(document.detail)
    postgres = connection.vendor == "postgresql"
    indexed = index_text(
        document.language, ("A", title), ("B", f"{detail} {_clean(document.keywords)}"), ("D", body)
    )
    entry = SearchEntry(
        kind=source.kind,
        object_id=obj.pk,
        language=document.language,
        url=document.url,
        title=Truncator(title).chars(300),
        detail=Truncator(detail).chars(300),
        detail_language=document.detail_language if document.detail_language != document.language else "",
        body=body,
        publish_at=document.publish_at,
        search_vector=indexed.vector,
        rank_vector=indexed.rank_vector,
        # SQLite's match reads these; on PostgreSQL they would only widen every row the search reads.
        lexemes="" if postgres else indexed.lexemes,
        title_lexemes="" if postgres else indexed.title_lexemes,
    )
    entry.vocabulary = indexed.words  # the words index_text read once, for _save
    return entry


def _clean(text) -> str:
    """One line of plain text, without the characters snippets use to mark what matched."""
    return " ".join(str(text or "").translate(PRIVATE_USE).split())


def _save(entries: list[SearchEntry]) -> int:
    if not entries:
        return 0
    SearchEntry.objects.bulk_create(entries)
    if connection.vendor == "postgresql":  # the vocabulary is for trigram matching, which SQLite lacks
        vocabulary = set().union(*(entry.vocabulary for entry in entries))
        SearchWord.objects.bulk_create(
            [
                SearchWord(word=word)
                for word in sorted(vocabulary)
                if 2 < len(word) <= MAX_VOCABULARY_WORD and not word.isdigit()
            ],
            ignore_conflicts=True,
        )
    return len(entries)


def _connect(source: Source) -> None:
    """Redo an object's entries when it, one of its translations, or something it depends on changes."""

    def own_changed(sender, instance, raw=False, **kwargs):
        if not raw:
            reindex(source, [instance.pk])

    def own_deleted(sender, instance, **kwargs):
        SearchEntry.objects.filter(kind=source.kind, object_id=instance.pk).delete()

    def translation_changed(sender, instance, raw=False, **kwargs):
        if not raw:
            reindex(source, [instance.master_id])

    uid = f"search-{source.kind}"
    post_save.connect(own_changed, sender=source.model, weak=False, dispatch_uid=f"{uid}-save")
    post_delete.connect(own_deleted, sender=source.model, weak=False, dispatch_uid=f"{uid}-delete")
    translations = getattr(getattr(source.model, "_parler_meta", None), "root_model", None)
    if translations is not None:
        for signal in (post_save, post_delete):
            signal.connect(translation_changed, sender=translations, weak=False, dispatch_uid=f"{uid}-{signal}-tr")
    for model, affected in source.depends_on.items():
        _connect_dependency(source, model, affected)


def _connect_dependency(source: Source, model: type[Model], affected) -> None:
    """`affected` maps a changed instance to the pks of the source's objects that show it. A deleted instance is
    asked before it goes, while its relations still stand."""

    def changed(sender, instance, raw=False, **kwargs):
        if not raw:
            reindex(source, affected(instance))

    def deleting(sender, instance, **kwargs):
        instance._search_affected = list(affected(instance))

    def deleted(sender, instance, **kwargs):
        reindex(source, getattr(instance, "_search_affected", ()))

    def relation_changed(sender, instance, action, pk_set=None, **kwargs):
        if isinstance(instance, source.model):
            pks = [instance.pk]
        elif action == "pre_clear":
            instance._search_affected = list(affected(instance))
            return
        else:  # the other side's instance: pk_set holds ours
            pks = pk_set if action != "post_clear" else getattr(instance, "_search_affected", ())
        if action in ("post_add", "post_remove", "post_clear"):
            reindex(source, pks or ())

    uid = f"search-{source.kind}-{model._meta.label_lower}"
    if model._meta.auto_created:  # a many-to-many table: its rows change through m2m_changed
        m2m_changed.connect(relation_changed, sender=model, weak=False, dispatch_uid=uid)
    else:
        post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"{uid}-save")
        pre_delete.connect(deleting, sender=model, weak=False, dispatch_uid=f"{uid}-deleting")
        post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=f"{uid}-delete")


def index_if_empty(sender, using="default", **kwargs):
    """After migrate: a database whose content predates the index (or was loaded raw) gets it built once."""
    if sender.name == "core" and not SearchEntry.objects.using(using).exists():
        rebuild()
