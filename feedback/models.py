"""Resident reports: categories, the reports themselves, their public history, notes, rate limits, API keys."""

import hashlib

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.tokens import object_for_token, object_token


class CategoryQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Category(models.Model):
    """What a report is about; the code is stored and exchanged, only the name is translated."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=150)
    description = models.CharField(_("description"), max_length=300, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    active = models.BooleanField(_("active"), default=True, help_text=_("Retired categories keep their reports."))

    objects = CategoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "code"]

    def __str__(self):
        return self.name


class ReportQuerySet(models.QuerySet):
    def public(self):
        """Reports that count: not spam and not waiting for moderation."""
        return self.exclude(state__in=[Report.State.SPAM, Report.State.HELD])

    def with_status(self, statuses: set[str]):
        """Open311's two statuses: "open" (still being handled) and "closed" (answered or closed)."""
        if statuses >= {"open", "closed"}:
            return self
        if "open" in statuses:
            return self.filter(state__in=Report.OPEN_STATES)
        return self.exclude(state__in=Report.OPEN_STATES)

    def for_status_token(self, token: str):
        """The report a status link names, or None if the link is forged or the report was spam."""
        return object_for_token(token, self.exclude(state=Report.State.SPAM), salt=Report.STATUS_SALT)

    def received_between(self, start=None, end=None):
        """Reports received from `start` to `end`, both included; either may be None for no bound."""
        reports = self.filter(created_at__gte=start) if start else self
        return reports.filter(created_at__lte=end) if end else reports

    # The counts behind the statistics: rows of {<what>: …, "count": n}. Ties come in a fixed order, so that the
    # page reads the same on every request.

    def count_by_category(self):
        """How many reports each category has (its primary key), most first."""
        return self.values("category").annotate(count=Count("id")).order_by("-count", "category")

    def count_by_language(self):
        """How many reports came in each language, most first."""
        return self.values("language").annotate(count=Count("id")).order_by("-count", "language")

    def count_by_month(self):
        """How many reports came in each month (its first moment, in the site's time zone), oldest first."""
        by_month = self.annotate(month=TruncMonth("created_at")).values("month")
        return by_month.annotate(count=Count("id")).order_by("month")


class Report(models.Model):
    STATUS_SALT = "feedback.report.status"

    class State(models.TextChoices):
        RECEIVED = "received", _("received")
        IN_PROGRESS = "in_progress", _("in progress")
        FORWARDED = "forwarded", _("forwarded to the city")
        ANSWERED = "answered", _("answered")
        CLOSED = "closed", _("closed")
        HELD = "held", _("held for moderation")
        SPAM = "spam", _("spam")

    OPEN_STATES = {State.RECEIVED, State.IN_PROGRESS, State.FORWARDED, State.HELD}

    class Source(models.TextChoices):
        """How a report came in: a resident's form on the site, or a city system through Open311."""

        WEB = "web", _("web form")
        OPEN311 = "open311", _("city system (Open311)")

    # Set from the primary key right after the insert, in the same transaction; NULL until then keeps it unique.
    reference = models.CharField(_("reference"), max_length=20, unique=True, null=True, editable=False)  # noqa: DJ001
    idempotency_key = models.UUIDField(unique=True, null=True, editable=False)
    category = models.ForeignKey(Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="reports")
    message = models.TextField(_("message"), max_length=4000)
    place = models.CharField(_("district or place"), max_length=200, blank=True)
    # Where the problem is, as a city system sends it through Open311 (WGS84); reports from the form have none.
    latitude = models.FloatField(
        _("latitude"), null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        _("longitude"), null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    address_id = models.CharField(_("address ID"), max_length=100, blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.RECEIVED)
    flagged = models.BooleanField(_("flagged"), default=False)
    flag_reason = models.CharField(_("why flagged"), max_length=200, blank=True)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.WEB, editable=False)
    client_ip = models.GenericIPAddressField(_("client IP"), null=True, blank=True, editable=False)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_reports",
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(latitude__isnull=False, longitude__isnull=False),
                name="report_coordinates_both_or_neither",
            )
        ]

    def __str__(self):
        return self.reference or f"#{self.pk}"

    def status_token(self) -> str:
        """The secret of the report's status link: names this report and nothing else."""
        return object_token(self, salt=self.STATUS_SALT)

    def get_status_url(self):
        with translation.override(self.language):
            return reverse("feedback:status", kwargs={"token": self.status_token()})

    @property
    def is_open(self) -> bool:
        return self.state in self.OPEN_STATES


class ReportEvent(models.Model):
    """A change the resident may see: a new state, or a public reply from a moderator."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    state = models.CharField(_("state"), max_length=20, choices=Report.State.choices)
    reply = models.TextField(_("public reply"), blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(_("date"), default=timezone.now)

    class Meta:
        verbose_name = _("report history entry")
        verbose_name_plural = _("report history")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.report}: {self.state}"


class InternalNote(models.Model):
    """A moderator's note; never shown to the resident or the public."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(_("note"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(_("date"), auto_now_add=True)

    class Meta:
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        ordering = ["created_at"]

    def __str__(self):
        return self.text[:50]


class RateLimitSender(models.Model):
    """One sender (an IP address, or an e-mail address as a digest); its row is locked while its attempts are counted,
    so that workers on every instance count one at a time."""

    key = models.CharField(max_length=300, unique=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self):
        return self.key


class RateLimitHit(models.Model):
    """One submission attempt, kept briefly; the table is shared by every worker and instance."""

    key = models.CharField(max_length=300, db_index=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self):
        return self.key


class ApiKey(models.Model):
    """An Open311 key for a city system; only its hash is stored, the key is shown once when issued."""

    name = models.CharField(_("issued to"), max_length=200)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("issued"), auto_now_add=True)

    class Meta:
        verbose_name = _("Open311 API key")
        verbose_name_plural = _("Open311 API keys")

    def __str__(self):
        return self.name

    @staticmethod
    def hash(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def find(cls, key: str) -> "ApiKey | None":
        """The active key a client sent, or None."""
        return cls.objects.filter(key_hash=cls.hash(key), active=True).first() if key else None
