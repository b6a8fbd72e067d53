"""Programme pages, news, documents and the directory of contact roles."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableManager, TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields

from translations.models import RichTextMixin, ShownLanguageMixin, TranslationWorkflow, translation_workflow_fields


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(TranslatableQuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED, publish_at__lte=timezone.now())

    def visible_to(self, user):
        """Staff preview drafts; everybody else sees what is published."""
        return self if user.is_staff else self.published()

    def with_translations(self):
        return self.prefetch_related("translations")


class Publishable(models.Model):
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    publish_at = models.DateTimeField(_("publish date"), default=timezone.now)

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED and self.publish_at <= timezone.now()


BODY_HELP = _(
    "Markdown: ## for a heading, - for a list item, **bold**, *italic*, [text](https://…) for a link. "
    "HTML is shown as text; scripts and other unsafe HTML are removed."
)


class PageQuerySet(PublishableQuerySet):
    def programme(self):
        """Pages reached by their own address: every page except the home page's text."""
        return self.exclude(slug=Page.HOME_SLUG)

    def top_level(self):
        return self.programme().filter(parent=None)

    def home_and_sections(self):
        """The home page's text and the top-level sections, in one query."""
        return self.filter(models.Q(slug=Page.HOME_SLUG) | models.Q(parent=None))


class Page(ShownLanguageMixin, RichTextMixin, TranslationWorkflow, Publishable, TranslatableModel):
    """An editorial page about the programme, translated over time by volunteers."""

    HOME_SLUG = "home"
    # First path segments the site already uses for its own sections.
    RESERVED_SLUGS = {
        *("news", "documents", "contacts", "search", "conference", "feedback", "admin", "static", "media"),
        "style",  # the living style page, in DEBUG
    }

    slug = models.SlugField(_("slug"), max_length=100, unique=True, help_text=_("The same in every language."))
    parent = models.ForeignKey(
        "self", verbose_name=_("parent page"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    menu_order = models.PositiveIntegerField(_("menu order"), default=0)
    path = models.CharField(_("path"), max_length=255, unique=True, editable=False)

    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=200),
        summary=models.CharField(
            _("summary"), max_length=300, blank=True, help_text=_("For lists and search engines.")
        ),
        body=models.TextField(_("body"), blank=True, help_text=BODY_HELP),
        updated_at=models.DateTimeField(_("translation last updated"), auto_now=True),
        **translation_workflow_fields(),
    )

    objects = TranslatableManager.from_queryset(PageQuerySet)()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        permissions = [("publish_page", _("Can publish pages and change their source text"))]
        ordering = ["menu_order", "slug"]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.slug

    def save(self, *args, **kwargs):
        old_path = self.path
        self.path = f"{self.parent.path}/{self.slug}" if self.parent_id else self.slug
        super().save(*args, **kwargs)
        if old_path and old_path != self.path:
            for child in self.children.all():
                child.save()  # their paths start with ours

    def get_absolute_url(self):
        if self.slug == self.HOME_SLUG:
            return reverse("pages:home")
        return reverse("pages:page", kwargs={"path": self.path})

    def clean(self):
        if self.parent is None and self.slug in self.RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is used by another part of the site.")})
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A page cannot be placed under itself.")})
            ancestor = ancestor.parent

    def ancestor_paths(self) -> list[str]:
        parts = self.path.split("/")
        return ["/".join(parts[:i]) for i in range(1, len(parts))]


class NewsEntry(ShownLanguageMixin, RichTextMixin, TranslationWorkflow, Publishable, TranslatableModel):
    """A dated update, such as a new document or a change to the conference."""

    slug = models.SlugField(_("slug"), max_length=100, unique=True, help_text=_("The same in every language."))
    date = models.DateField(_("date"), default=timezone.localdate)

    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=200),
        summary=models.CharField(_("summary"), max_length=300, blank=True, help_text=_("For lists and feeds.")),
        body=models.TextField(_("body"), blank=True, help_text=BODY_HELP),
        updated_at=models.DateTimeField(_("translation last updated"), auto_now=True),
        **translation_workflow_fields(),
    )

    objects = TranslatableManager.from_queryset(PublishableQuerySet)()

    class Meta:
        verbose_name = _("news entry")
        verbose_name_plural = _("news")
        permissions = [("publish_newsentry", _("Can publish news and change its source text"))]
        ordering = ["-date", "-pk"]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.slug

    def get_absolute_url(self):
        return reverse("pages:news_detail", kwargs={"slug": self.slug})


DOCUMENT_EXTENSIONS = ["pdf", "odt", "ods", "doc", "docx", "xls", "xlsx", "rtf", "txt"]


def _file_languages_default():
    return [settings.PARLER_DEFAULT_LANGUAGE_CODE]


class Document(ShownLanguageMixin, TranslationWorkflow, Publishable, TranslatableModel):
    """A downloadable file, such as the city's ordinance, labelled with the language it is written in."""

    file = models.FileField(
        _("file"),
        upload_to="documents/%Y/",
        # Only document formats: an uploaded web page could run scripts on the site's own address.
        validators=[FileExtensionValidator(DOCUMENT_EXTENSIONS)],
    )
    file_languages = models.JSONField(
        _("languages of the file"),
        default=_file_languages_default,
        help_text=_("The languages the file is written in."),
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=200),
        description=models.CharField(_("description"), max_length=300, blank=True),
        updated_at=models.DateTimeField(_("translation last updated"), auto_now=True),
        **translation_workflow_fields(),
    )

    objects = TranslatableManager.from_queryset(PublishableQuerySet)()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("publish_document", _("Can publish documents and change their source text"))]
        ordering = ["position", "pk"]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.file.name

    def clean(self):
        known = {code for code, _name in settings.LANGUAGES}
        if not self.file_languages or not set(self.file_languages) <= known:
            raise ValidationError({"file_languages": _("Choose at least one of the site's languages.")})

    @property
    def extension(self) -> str:
        return self.file.name.rsplit(".", 1)[-1].upper() if "." in self.file.name else ""


class ContactRole(models.Model):
    """A role people can write to, such as the conference organisers; shown on the contacts page and the footer."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("role"), max_length=100)
    description = models.CharField(_("description"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    hours = models.CharField(_("hours"), max_length=100, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("contact role")
        verbose_name_plural = _("contact roles")
        ordering = ["position", "code"]

    def __str__(self):
        return self.name
