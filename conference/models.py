"""The conference and its days."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableManager, TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields

from pages.models import ShownLanguageMixin


class ConferenceQuerySet(TranslatableQuerySet):
    def latest_first(self):
        return self.order_by("-start_date")

    def upcoming_or_latest(self):
        """The next conference that has not ended yet, else the most recent one, with its days."""
        conferences = self.prefetch_related("translations", "days")
        upcoming = conferences.filter(end_date__gte=timezone.localdate()).order_by("start_date").first()
        return upcoming or conferences.latest_first().first()


class Conference(ShownLanguageMixin, TranslatableModel):
    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    timezone = models.CharField(_("time zone"), max_length=50, default="Europe/Warsaw")

    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=200),
        description=models.TextField(_("description"), blank=True),
        updated_at=models.DateTimeField(_("translation last updated"), auto_now=True),
    )

    objects = TranslatableManager.from_queryset(ConferenceQuerySet)()

    class Meta:
        verbose_name = _("conference")
        verbose_name_plural = _("conferences")
        ordering = ["-start_date"]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug

    def get_absolute_url(self):
        return reverse("conference:overview")


class Day(models.Model):
    """One day of the conference, with its theme (reference data, set in every language at once)."""

    conference = models.ForeignKey(
        Conference, verbose_name=_("conference"), on_delete=models.CASCADE, related_name="days"
    )
    date = models.DateField(_("date"))
    theme = models.CharField(_("theme"), max_length=200)

    class Meta:
        verbose_name = _("day")
        verbose_name_plural = _("days")
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["conference", "date"], name="one_day_per_date")]

    def __str__(self):
        return f"{self.date:%Y-%m-%d}: {self.theme}"
