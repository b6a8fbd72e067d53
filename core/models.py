"""Site-wide data that belongs to no feature: what each staff member prefers, and the site search's index."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import connections, models
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LexemeVectorField(SearchVectorField):
    """A tsvector written as a literal that core.search.analysis made (lexemes, positions and weights), cast on
    PostgreSQL; other databases keep it empty."""

    def get_placeholder(self, value, compiler, connection):
        return "%s::tsvector" if connection.vendor == "postgresql" else "%s"

    def get_db_prep_value(self, value, connection, prepared=False):
        return value if connection.vendor == "postgresql" else None


class UserLanguage(models.Model):
    """The language a person wants the admin (and their e-mails) in, whatever their browser says."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="preferred_language"
    )
    language = models.CharField(_("language of the admin"), max_length=10, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("preferred language")
        verbose_name_plural = _("preferred languages")

    def __str__(self):
        return f"{self.user} · {self.get_language_display()}"


class SearchEntryQuerySet(models.QuerySet):
    def public(self):
        """What readers may find now: entries whose object's publication date has come."""
        return self.filter(models.Q(publish_at=None) | models.Q(publish_at__lte=timezone.now()))

    def in_languages(self, languages: list[str]):
        """Entries in these languages, annotated with each language's place in the list (0 first)."""
        order = models.Case(
            *(models.When(language=code, then=models.Value(place)) for place, code in enumerate(languages)),
            output_field=models.IntegerField(),
        )
        return self.filter(language__in=languages).annotate(language_order=order)

    def best_language_only(self, *then):
        """One entry per object: the one in the earliest language (as annotated by in_languages). An object has
        one entry per language, so that order is whole; `then` (e.g. the rank, descending) only puts those
        annotations into the window's sort, which makes PostgreSQL compute them before sorting, not carry what
        they are computed from through it."""
        first = models.Window(
            RowNumber(),
            partition_by=[models.F("kind"), models.F("object_id")],
            order_by=[models.F("language_order").asc(), *then],
        )
        return self.annotate(place_in_object=first).filter(place_in_object=1)

    def count_per_kind(self, language: str) -> dict[str, tuple[int, int]]:
        """Per kind, how many objects have an entry here (as many as best_language_only() keeps, without its
        window or anything else to compute per entry) and how many of them have one in `language`."""
        counted = (
            self.order_by()
            .values_list("kind")
            .annotate(
                found=models.Count("object_id", distinct=True),
                in_language=models.Count("pk", filter=models.Q(language=language)),
            )
        )
        return {kind: (found, in_language) for kind, found, in_language in counted}


class SearchEntry(models.Model):
    """One object in one language, as the site search finds it: what a result shows (title, details, the text a
    snippet is cut from, its address in that language) and its lexemes (core.search.analysis), as a tsvector with a
    GIN index on PostgreSQL and as spaced lists for SQLite's simpler match. Written by core.search.index whenever an
    editor saves what it was made from."""

    kind = models.CharField(max_length=30)
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(max_length=10)
    url = models.CharField(max_length=500)
    title = models.CharField(max_length=300)
    detail = models.CharField(max_length=300, blank=True)
    detail_language = models.CharField(max_length=10, blank=True)  # when not the entry's, e.g. a Polish address
    body = models.TextField(blank=True)
    publish_at = models.DateTimeField(null=True, blank=True)
    search_vector = LexemeVectorField(null=True)
    rank_vector = LexemeVectorField(null=True)  # the title, details and start of the text: orders the matches
    lexemes = models.TextField(blank=True)
    title_lexemes = models.TextField(blank=True)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id", "language"], name="one_search_entry_per_language")
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id} ({self.language}): {self.title}"


class SearchWordQuerySet(models.QuerySet):
    def similar_to(self, words: list[str], *, per_word: int = 3) -> dict[str, list[str]]:
        """For each word, the known words most like it by trigram similarity (pg_trgm's % operator, its GIN index
        and its default threshold of 0.3), closest first; the word itself comes first when it is known. One query
        for all the words; PostgreSQL only."""
        sql = f"""
            SELECT asked.word, known.word FROM unnest(%s::text[]) AS asked(word)
            CROSS JOIN LATERAL (
                SELECT word FROM {self.model._meta.db_table} WHERE word %% asked.word
                ORDER BY word <-> asked.word, word LIMIT %s
            ) AS known"""  # noqa: S608 (the table's name is ours; the words are parameters)
        similar: dict[str, list[str]] = {}
        with connections[self.db].cursor() as cursor:
            cursor.execute(sql, [words, per_word])
            for asked, known in cursor.fetchall():
                similar.setdefault(asked, []).append(known)
        return similar


class SearchWord(models.Model):
    """A word (folded) that occurs somewhere in the index: the vocabulary a misspelt query word is compared with,
    by trigram similarity (pg_trgm) on PostgreSQL."""

    word = models.CharField(max_length=100, unique=True)

    objects = SearchWordQuerySet.as_manager()

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self):
        return self.word
