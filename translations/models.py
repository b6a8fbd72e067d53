"""The translation workflow shared by every translated model: a status on each translation row, and the mixins
that tell which language a reader sees and keep rich text clean in every language."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.markdown import clean_markdown, render_markdown
from openkrakow.languages import SOURCE_LANGUAGE


class ShownLanguageMixin:
    """For parler models: which language a reader actually sees, after the fallback chain."""

    def shown_language(self) -> str | None:
        # get_available_languages() reads prefetched translations, so lists cost no extra queries.
        available = set(self.get_available_languages(include_unsaved=True))
        for code in (self.get_current_language(), *self.get_fallback_languages()):
            if code in available:
                return code
        return None

    def is_fallback(self) -> bool:
        return self.shown_language() not in (None, self.get_current_language())

    def shown_text(self, field: str) -> str:
        """A translated field as the reader sees it, after the fallback chain; "" when no language of the chain has
        it (a session written only in Russian, for a Ukrainian reader), as a page shows it, instead of an error."""
        return self.safe_translation_getter(field, default="")


class RichTextMixin:
    """Sanitises the Markdown fields of every translation as it is saved, whichever way it was written."""

    rich_text_fields = ("body",)

    def save_translation(self, translation, *args, **kwargs):
        for name in self.rich_text_fields:
            setattr(translation, name, clean_markdown(getattr(translation, name)))
        super().save_translation(translation, *args, **kwargs)

    def body_html(self):
        return render_markdown(self.safe_translation_getter(self.rich_text_fields[0], default=""))


class TranslationStatus(models.TextChoices):
    """Stored on each translation row; a language with no row at all is 'missing'."""

    MISSING = "missing", _("missing")
    UP_TO_DATE = "up_to_date", _("up to date")
    OUTDATED = "outdated", _("outdated")
    MACHINE = "machine", _("machine-translated")


def translation_workflow_fields() -> dict[str, models.Field]:
    """Fresh workflow fields for a model's TranslatedFields(...): its state, and who translated it when."""
    return {
        "translation_status": models.CharField(
            _("translation status"),
            max_length=20,
            choices=[c for c in TranslationStatus.choices if c[0] != TranslationStatus.MISSING],
            default=TranslationStatus.UP_TO_DATE,
            editable=False,
        ),
        "translated_by": models.ForeignKey(
            settings.AUTH_USER_MODEL,
            verbose_name=_("translated by"),
            null=True,
            blank=True,
            on_delete=models.SET_NULL,
            related_name="+",
            editable=False,
        ),
        "translated_at": models.DateTimeField(_("translated at"), null=True, blank=True, editable=False),
    }


class TranslationWorkflow(models.Model):
    """The language an object is written in first, and when that text last changed in earnest."""

    source_language = models.CharField(
        _("source language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=SOURCE_LANGUAGE,
        help_text=_("Other languages are translated from this one; changing its text marks them outdated."),
    )
    source_changed_at = models.DateTimeField(_("source text changed"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    def translation_states(self) -> dict[str, str]:
        """Every site language with this object's status in it (reads prefetched translations)."""
        rows = {t.language_code: t.translation_status for t in self.translations.all()}
        return {code: rows.get(code, TranslationStatus.MISSING) for code, _name in settings.LANGUAGES}

    def shown_translation(self):
        """The translation row a reader of the current language sees, after fallbacks."""
        shown = self.shown_language()
        return next((t for t in self.translations.all() if t.language_code == shown), None)

    def translated_text_fields(self) -> list[str]:
        """The translated fields that hold text for readers (not the workflow's own bookkeeping)."""
        skip = {"translation_status", "translated_by", "translated_at", "updated_at"}
        return [name for name in self._parler_meta.get_translated_fields() if name not in skip]


def translation_models() -> list[type[TranslationWorkflow]]:
    """Every model that takes part in the workflow, in INSTALLED_APPS order."""
    from django.apps import apps

    return [model for model in apps.get_models() if issubclass(model, TranslationWorkflow)]


class TranslatorLanguage(models.Model):
    """A language a translator may change translations in; editors assign them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("translator"),
        on_delete=models.CASCADE,
        related_name="translator_languages",
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    reviewer = models.BooleanField(
        _("reviews this language"),
        default=False,
        help_text=_("May approve other volunteers' translations in this language."),
    )

    class Meta:
        verbose_name = _("translator's language")
        verbose_name_plural = _("translators' languages")
        ordering = ["user", "language"]
        constraints = [models.UniqueConstraint(fields=["user", "language"], name="one_language_once_per_translator")]

    def __str__(self):
        return f"{self.user} · {self.get_language_display()}"


def is_translation_editor(user, model=None) -> bool:
    """A superuser, or someone who may publish `model` (any translated model when None): every language is theirs."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    models_ = [model] if model is not None else translation_models()
    return any(user.has_perm(f"{m._meta.app_label}.publish_{m._meta.model_name}") for m in models_)


def _assignments(user) -> dict[str, bool]:
    """The user's assigned languages and whether they review each; asked several times a request, read once."""
    assigned = getattr(user, "_assigned_languages", None)
    if assigned is None:
        assigned = dict(TranslatorLanguage.objects.filter(user=user).values_list("language", "reviewer"))
        user._assigned_languages = assigned
    return assigned


def translatable_languages(user, model=None) -> list[str]:
    """The language codes `user` may change translations in, in the site's order: all for an editor of `model`,
    otherwise only those assigned to them (none for anyone else)."""
    return _languages_of(user, model, reviewing=False)


def reviewed_languages(user, model=None) -> list[str]:
    """The language codes in which `user` may approve others' translations: all for an editor, otherwise those
    they were made a reviewer of."""
    return _languages_of(user, model, reviewing=True)


def _languages_of(user, model, *, reviewing: bool) -> list[str]:
    codes = [code for code, _name in settings.LANGUAGES]
    if is_translation_editor(user, model):
        return codes
    if not user.is_authenticated:
        return []
    assigned = _assignments(user)
    return [code for code in codes if code in assigned and (assigned[code] or not reviewing)]


class LanguageSetting(models.Model):
    """How one language is translated: whether a volunteer's translation waits for a reviewer before it is public."""

    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, unique=True)
    review_required = models.BooleanField(
        _("review required"),
        default=False,
        help_text=_("A translator's work is public only once a reviewer of this language or an editor approves it."),
    )

    class Meta:
        verbose_name = _("language setting")
        verbose_name_plural = _("language settings")
        ordering = ["language"]

    def __str__(self):
        return self.get_language_display()


class TranslationRecord(models.Model):
    """Per object and target language: the source text its published translation was made from (to show what changed
    since), and a translation saved for review, which readers do not see until it is approved."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    made_from = models.JSONField(_("source it was translated from"), default=dict, blank=True)
    proposed = models.JSONField(_("translation waiting for review"), null=True, blank=True)
    proposed_from = models.JSONField(_("source the proposal was made from"), null=True, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    proposed_at = models.DateTimeField(_("proposed at"), null=True, blank=True)
    review_note = models.TextField(_("reviewer's note"), blank=True)

    class Meta:
        verbose_name = _("translation record")
        verbose_name_plural = _("translation records")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "language"], name="one_record_per_translation")
        ]

    def __str__(self):
        return f"{self.content_type.model}:{self.object_id}:{self.language}"

    @property
    def needs_review(self) -> bool:
        return self.proposed is not None


class GlossaryTerm(models.Model):
    """A term that must be translated one way into a language (the foreigners' office, the residence card, …)."""

    source_language = models.CharField(
        _("source language"), max_length=10, choices=settings.LANGUAGES, default=SOURCE_LANGUAGE
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    term = models.CharField(_("term in the source"), max_length=200)
    translation = models.CharField(_("agreed translation"), max_length=200)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")
        ordering = ["language", "term"]
        constraints = [
            models.UniqueConstraint(fields=["source_language", "language", "term"], name="one_glossary_entry_per_term")
        ]

    def __str__(self):
        return f"{self.term} → {self.translation} ({self.language})"


class MemoryEntry(models.Model):
    """Translation memory: one segment of published source text and its translation, offered as a suggestion when
    the same or similar text is translated again."""

    source_language = models.CharField(_("source language"), max_length=10, choices=settings.LANGUAGES)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    source_text = models.TextField(_("source text"))
    target_text = models.TextField(_("translation"))
    digest = models.CharField(max_length=64, unique=True, editable=False)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("translation memory entry")
        verbose_name_plural = _("translation memory")
        indexes = [models.Index(fields=["source_language", "language"], name="memory_language_pair")]

    def __str__(self):
        return self.source_text[:60]
