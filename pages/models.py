"""Programme pages and the directory of contact roles."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableManager, TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields

from pages.html import clean_html


class ShownLanguageMixin:
    """For parler models: which language a reader actually sees, after the fallback chain."""

    def shown_language(self) -> str | None:
        for code in (self.get_current_language(), *self.get_fallback_languages()):
            if self.has_translation(code):
                return code
        return None

    def is_fallback(self) -> bool:
        return self.shown_language() not in (None, self.get_current_language())


class PageQuerySet(TranslatableQuerySet):
    def published(self):
        return self.filter(status=Page.Status.PUBLISHED, publish_at__lte=timezone.now())


class Page(ShownLanguageMixin, TranslatableModel):
    """An editorial page about the programme, translated over time by volunteers."""

    HOME_SLUG = "home"

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    slug = models.SlugField(_("slug"), max_length=100, unique=True, help_text=_("The same in every language."))
    parent = models.ForeignKey(
        "self", verbose_name=_("parent page"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    menu_order = models.PositiveIntegerField(_("menu order"), default=0)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    publish_at = models.DateTimeField(_("publish date"), default=timezone.now)

    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=200),
        summary=models.CharField(_("summary"), max_length=300, blank=True),
        body=models.TextField(_("body"), blank=True),
        updated_at=models.DateTimeField(_("translation last updated"), auto_now=True),
    )

    objects = TranslatableManager.from_queryset(PageQuerySet)()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["menu_order", "slug"]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.slug

    def save_translation(self, translation, *args, **kwargs):
        # Sanitised whichever way it was written (admin, command, shell), so no script is ever stored.
        translation.body = clean_html(translation.body)
        super().save_translation(translation, *args, **kwargs)

    def get_absolute_url(self):
        return reverse("pages:home")


class ContactRole(models.Model):
    """A role people can write to, such as the conference organisers; shown in the footer."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("role"), max_length=100)
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
