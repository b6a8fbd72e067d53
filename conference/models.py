"""The conference: days, venues and rooms, tracks, sessions, speakers and published schedule versions."""

import datetime
import re
import secrets
import uuid
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.conf.global_settings import LANGUAGES as ALL_LANGUAGES
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, Exists, F, Max, OuterRef, Prefetch, Q, Subquery, When
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname, resolution_order
from parler.managers import TranslatableManager, TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields

from core.fallback import LangLabel
from core.tokens import object_for_token, object_token
from openkrakow.languages import SOURCE_LANGUAGE
from translations.models import RichTextMixin, ShownLanguageMixin, TranslationWorkflow, translation_workflow_fields


class ConferenceQuerySet(TranslatableQuerySet):
    def with_translations(self):
        """Its name and description in every language, for lists and pages that name an edition."""
        return self.prefetch_related("translations")

    def with_days(self):
        """What every page of an edition shows of it: its name and its days."""
        return self.prefetch_related("translations", "days")

    def past(self):
        """Editions that have ended: the archive, latest first."""
        return self.filter(end_date__lt=timezone.localdate()).order_by("-start_date", "pk")

    def upcoming_or_latest(self):
        """The next conference that has not ended yet, else the most recent one, with its days."""
        # One query: those not ended, soonest first (the rest sort after them, as nulls), then the latest.
        upcoming_start = Case(When(end_date__gte=timezone.localdate(), then=F("start_date")))
        return self.with_days().order_by(upcoming_start.asc(nulls_last=True), "-start_date", "pk").first()

    def archived(self):
        """The archive's own editions: those that have ended, except the one the section itself shows."""
        current = self.upcoming_or_latest()
        return self.past().exclude(pk=current.pk if current else None)


class Conference(ShownLanguageMixin, TranslatableModel):
    class RegistrationState(models.TextChoices):
        NOT_YET_OPEN = "not_yet_open", _("not open yet")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    acronym = models.SlugField(_("acronym"), max_length=30, default="openkrakow", help_text=_("For schedule apps."))
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    timezone = models.CharField(_("time zone"), max_length=50, default="Europe/Warsaw")
    registration_opens = models.DateTimeField(
        _("registration opens"), null=True, blank=True, help_text=_("Leave empty to open registration at once.")
    )
    registration_closes = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Leave empty to keep it open until the conference ends; it always closes then."),
    )
    # Here and on everything else the schedule exports show: their Last-Modified (see conference.conditional).
    changed_at = models.DateTimeField(_("last changed"), auto_now=True)

    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=200),
        description=models.TextField(_("description"), blank=True),
        updated_at=models.DateTimeField(_("translation last updated"), auto_now=True),
    )

    objects = TranslatableManager.from_queryset(ConferenceQuerySet)()

    class Meta:
        verbose_name = _("conference")
        verbose_name_plural = _("conferences")
        ordering = ["-start_date", "pk"]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug

    def get_absolute_url(self):
        # An edition's own address: the current one's redirects to the section's, a past one's is in the archive.
        return reverse("conference:edition_overview", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day cannot come before the first.")
        opens, closes = self.registration_opens, self.registration_closes
        if opens and closes and closes <= opens:
            errors["registration_closes"] = _("Registration must close after it opens.")
        elif closes and self.end_date and closes > self.ends_at():
            errors["registration_closes"] = _("Registration must close by the end of the conference.")
        if errors:
            raise ValidationError(errors)

    def zone(self) -> ZoneInfo:
        """The conference's own time zone, which says when its days begin and end."""
        try:
            return ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            return timezone.get_default_timezone()

    def ends_at(self) -> datetime.datetime:
        """The moment the conference is over: midnight after its last day, where it takes place."""
        return datetime.datetime.combine(self.end_date + datetime.timedelta(days=1), datetime.time(), self.zone())

    def has_ended(self, now: datetime.datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.ends_at()

    def registration_state(self, now: datetime.datetime | None = None) -> RegistrationState:
        """Whether registration is open now. Once the conference has ended it is closed, whatever the dates say."""
        now = now or timezone.now()
        if self.has_ended(now) or (self.registration_closes and now >= self.registration_closes):
            return self.RegistrationState.CLOSED
        if self.registration_opens and now < self.registration_opens:
            return self.RegistrationState.NOT_YET_OPEN
        return self.RegistrationState.OPEN


class Day(models.Model):
    """One day of the conference, with its theme (reference data, set in every language at once)."""

    conference = models.ForeignKey(
        Conference, verbose_name=_("conference"), on_delete=models.CASCADE, related_name="days"
    )
    date = models.DateField(_("date"))
    theme = models.CharField(_("theme"), max_length=200)
    changed_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("day")
        verbose_name_plural = _("days")
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["conference", "date"], name="one_day_per_date")]

    def __str__(self):
        # As the reader's language writes dates ("23 February 2017"), e.g. among the registration form's days.
        return f"{date_format(self.date)}: {self.theme}"


class VenueQuerySet(models.QuerySet):
    def hosting(self, conference):
        """The venues where the edition has sessions."""
        return self.filter(rooms__sessions__conference=conference).distinct()


class Venue(models.Model):
    """A place in Kraków where sessions happen; its texts are reference data set in every language at once."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("street address"), max_length=300)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    description = models.TextField(_("description"), blank=True)
    accessibility = models.TextField(
        _("accessibility"), blank=True, help_text=_("Step-free access, toilets, hearing loop, and so on.")
    )
    changed_at = models.DateTimeField(_("last changed"), auto_now=True)

    # Kraków's street names, written once, in Polish, on every page: marked so, and not machine-translated.
    address_language = "pl"

    objects = VenueQuerySet.as_manager()

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("conference:venue", kwargs={"slug": self.slug})

    @property
    def map_url(self) -> str:
        return f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}#map=18/{self.latitude}/{self.longitude}"


class Room(models.Model):
    venue = models.ForeignKey(Venue, verbose_name=_("venue"), on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("name"), max_length=100)
    guid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    changed_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["venue__name", "name", "pk"]

    def __str__(self):
        return f"{self.venue.name}: {self.name}"


class Track(models.Model):
    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=100)
    colour = models.CharField(_("colour"), max_length=7, default="#0b4f8a", help_text=_("e.g. #0b4f8a"))
    changed_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("track")
        verbose_name_plural = _("tracks")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class SessionType(models.Model):
    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=100)
    changed_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("session type")
        verbose_name_plural = _("session types")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class Speaker(ShownLanguageMixin, RichTextMixin, TranslationWorkflow, TranslatableModel):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    # An organisation's name is not translated: it is shown as written, marked with the language it is in.
    affiliation = models.CharField(
        _("affiliation"), max_length=200, blank=True, help_text=_("The organisation's name, as it writes it.")
    )
    affiliation_language = models.CharField(
        _("language of the affiliation"), max_length=10, choices=ALL_LANGUAGES, default=SOURCE_LANGUAGE
    )
    photo = models.ImageField(_("photo"), upload_to="speakers/", blank=True)
    guid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    changed_at = models.DateTimeField(_("last changed"), auto_now=True)

    translations = TranslatedFields(
        role=models.CharField(
            _("role or profession"), max_length=200, blank=True, help_text=_("e.g. sworn translator")
        ),
        bio=models.TextField(_("biography"), blank=True),
        updated_at=models.DateTimeField(_("translation last updated"), auto_now=True),
        **translation_workflow_fields(),
    )
    rich_text_fields = ("bio",)

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["name", "pk"]
        permissions = [("publish_speaker", _("Can add speakers and change their source text"))]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("conference:speaker", kwargs={"slug": self.slug})

    def shown_role(self) -> LangLabel:
        """The role as a reader sees it, following the fallback chain field by field: a translation with a biography
        but no role yet must not hide the role written in another language. Its lang is set when it is not the
        page's language. Reads the translations already fetched (prefetched in lists)."""
        available = set(self.get_available_languages(include_unsaved=True))
        current = self.get_current_language()
        for code in (current, *self.get_fallback_languages()):
            if code in available:
                role = self._get_translated_model(code, auto_create=False).role
                if role:
                    return LangLabel(role, None if code == current else code)
        return LangLabel("")


def _session_code() -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(6))


class SessionQuerySet(TranslatableQuerySet):
    def for_schedule(self, speakers=None):
        """Everything a schedule row shows, in a fixed number of queries."""
        speakers = Speaker.objects.order_by("name", "pk") if speakers is None else speakers
        return (
            self.select_related("room__venue", "track", "session_type")
            .prefetch_related("translations", Prefetch("speakers", queryset=speakers))
            .in_schedule_order()
        )

    def in_schedule_order(self):
        """Sessions by start, then by place; the primary key last, so that two sessions in one room at one time
        come in the same order from every query and every database (PostgreSQL returns ties in any order)."""
        return self.order_by("start", "room__venue__name", "room__name", "pk")

    def for_calendar(self):
        """Everything a VEVENT shows (exports.calendar), in a fixed number of queries: a row's data but its speakers."""
        return (
            self.select_related("room__venue", "track", "session_type")
            .prefetch_related("translations")
            .in_schedule_order()
        )

    def for_detail(self):
        """What a session's own page shows: a schedule row, and its speakers' roles in the reader's language."""
        return self.for_schedule(speakers=Speaker.objects.prefetch_related("translations").order_by("name", "pk"))

    def in_conference(self, conference):
        return self.filter(conference=conference)

    def in_agenda(self, codes):
        """The sessions a personal agenda has starred, by their codes."""
        return self.filter(code__in=codes)

    def confirmed_for(self, registration):
        """The sessions the registration has a place in; not those it waits for."""
        return self.filter(bookings__registration=registration, bookings__status=Booking.Status.CONFIRMED)

    def matching(self, *, day=None, language=None, venue=None, track=None):
        """The schedule's filters, in any combination: a day (a date), a language one understands, the slug of a
        venue and that of a track; one left out filters nothing."""
        sessions = self
        if day:
            sessions = sessions.on_day(day)
        if language:
            sessions = sessions.understood_in(language)
        if venue:
            sessions = sessions.filter(room__venue__slug=venue)
        if track:
            sessions = sessions.filter(track__slug=track)
        return sessions

    def on_day(self, date):
        start = timezone.make_aware(timezone.datetime.combine(date, timezone.datetime.min.time()))
        return self.filter(start__gte=start, start__lt=start + timezone.timedelta(days=1))

    def understood_in(self, language: str):
        """Spoken in the language, or interpreted into it."""
        return self.filter(Q(spoken_language=language) | Q(interpretation__contains=f",{language},"))

    def with_booking_counts(self):
        confirmed = Q(bookings__status=Booking.Status.CONFIRMED)
        return self.annotate(confirmed_count=models.Count("bookings", filter=confirmed))

    def open_for_registration(self):
        return self.filter(registration_required=True).exclude(state=Session.State.CANCELLED)

    def places_left(self) -> dict[str, int]:
        """Free places of each session with a limit, by its key as text (the "places" hole of kept pages)."""
        rows = self.exclude(capacity=None).with_booking_counts().values_list("pk", "capacity", "confirmed_count")
        return {str(pk): max(capacity - confirmed, 0) for pk, capacity, confirmed in rows}


class Session(ShownLanguageMixin, RichTextMixin, TranslationWorkflow, TranslatableModel):
    class State(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        MOVED = "moved", _("moved")
        CANCELLED = "cancelled", _("cancelled")

    conference = models.ForeignKey(
        Conference, verbose_name=_("conference"), on_delete=models.CASCADE, related_name="sessions"
    )
    code = models.CharField(_("code"), max_length=6, unique=True, default=_session_code, editable=False)
    guid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    room = models.ForeignKey(Room, verbose_name=_("room"), on_delete=models.PROTECT, related_name="sessions")
    track = models.ForeignKey(
        Track, verbose_name=_("track"), null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions"
    )
    session_type = models.ForeignKey(
        SessionType, verbose_name=_("type"), on_delete=models.PROTECT, related_name="sessions"
    )
    spoken_language = models.CharField(_("spoken language"), max_length=10, choices=ALL_LANGUAGES, default="pl")
    # Stored as ",en,uk," so that "interpreted into uk" is a plain substring match on SQLite and PostgreSQL alike.
    interpretation = models.CharField(
        _("interpretation into"), max_length=100, blank=True, help_text=_("Languages the session is interpreted into.")
    )
    speakers = models.ManyToManyField(Speaker, verbose_name=_("speakers"), blank=True, related_name="sessions")
    registration_required = models.BooleanField(_("registration required"), default=False)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.CONFIRMED)
    changed_at = models.DateTimeField(_("last changed"), auto_now=True)

    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=200),
        abstract=models.TextField(_("abstract"), blank=True),
        updated_at=models.DateTimeField(_("translation last updated"), auto_now=True),
        **translation_workflow_fields(),
    )
    rich_text_fields = ("abstract",)

    objects = TranslatableManager.from_queryset(SessionQuerySet)()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["start", "room", "pk"]
        permissions = [("publish_session", _("Can schedule sessions and change their source text"))]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.code

    def get_absolute_url(self):
        return reverse("conference:session", kwargs={"code": self.code})

    def clean(self):
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("A session must end after it starts.")
        if self.start and self.conference_id:
            local_day = timezone.localtime(self.start).date()
            if not self.conference.days.filter(date=local_day).exists():
                errors["start"] = _("A session must take place on one of the conference days.")
        if self.start and self.end and self.room_id and not errors:
            clash = (
                Session.objects.filter(room=self.room, start__lt=self.end, end__gt=self.start)
                .exclude(pk=self.pk)
                .exclude(state=Session.State.CANCELLED)
                .first()
            )
            if clash and self.state != Session.State.CANCELLED:
                errors["room"] = _("This room is already taken then by “%(title)s”.") % {"title": clash}
        known = {code for code, _name in ALL_LANGUAGES}
        if not set(self.interpretation_languages) <= known:
            errors["interpretation"] = _("Unknown language code.")
        if errors:
            raise ValidationError(errors)

    @property
    def interpretation_languages(self) -> list[str]:
        return [code for code in self.interpretation.split(",") if code]

    @interpretation_languages.setter
    def interpretation_languages(self, codes):
        self.interpretation = "," + ",".join(dict.fromkeys(codes)) + "," if codes else ""

    @property
    def is_cancelled(self) -> bool:
        return self.state == self.State.CANCELLED

    def languages_understood(self) -> list[str]:
        return [self.spoken_language, *[c for c in self.interpretation_languages if c != self.spoken_language]]


class ScheduleVersionQuerySet(models.QuerySet):
    def newest(self):
        """The latest published version, or None before the first."""
        return self.order_by("-number").first()

    def with_changes(self):
        """The change log: each version with its changes, their sessions, rooms and venues."""
        changes = ScheduleChange.objects.select_related("session__room__venue", "previous_room__venue")
        return self.prefetch_related(Prefetch("changes", queryset=changes.prefetch_related("session__translations")))

    def newsworthy(self, language: str):
        """The versions that say something to a reader of the language: the first (there is a schedule), those that
        changed a session, and those with a note in the language or one it falls back to. A later version that did
        neither (a schedule published twice) would be an empty entry in the feed."""
        said = Q(number=1) | Exists(ScheduleChange.objects.filter(version=OuterRef("pk")))
        for code in resolution_order(language):
            said |= Q(**{f"{build_localized_fieldname('note', code)}__gt": ""})
        return self.filter(said)

    def for_feed(self):
        """Newest first, of whichever edition, with what each entry shows."""
        versions = self.select_related("conference")
        versions = versions.prefetch_related("conference__translations", "changes__session__translations")
        return versions.order_by("-published_at", "-pk")


class ScheduleVersion(models.Model):
    """A published state of the schedule, with a short note; the change log compares consecutive versions."""

    conference = models.ForeignKey(
        Conference, verbose_name=_("conference"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    snapshot = models.JSONField(default=dict, editable=False)

    objects = ScheduleVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("schedule version")
        verbose_name_plural = _("schedule versions")
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["conference", "number"], name="one_number_per_version")]

    def __str__(self):
        return f"v{self.number}"


class ScheduleChangeQuerySet(models.QuerySet):
    def previous_start(self, session) -> datetime.datetime | None:
        """When the session was to start before its latest move in time; None if it only ever changed rooms, as
        then it takes place when it always did."""
        return (
            self.filter(session=session, kind=ScheduleChange.Kind.MOVED, previous_start__isnull=False)
            .exclude(previous_start=session.start)
            .order_by("-version__number")
            .values_list("previous_start", flat=True)
            .first()
        )


class ScheduleChange(models.Model):
    """One session that is new, moved or cancelled in a schedule version."""

    class Kind(models.TextChoices):
        NEW = "new", _("new")
        MOVED = "moved", _("moved")
        CANCELLED = "cancelled", _("cancelled")

    version = models.ForeignKey(ScheduleVersion, on_delete=models.CASCADE, related_name="changes")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    previous_start = models.DateTimeField(null=True, blank=True)
    previous_room = models.ForeignKey(Room, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    objects = ScheduleChangeQuerySet.as_manager()

    class Meta:
        ordering = ["version", "session__start", "pk"]

    def __str__(self):
        return f"{self.version}: {self.session.code} {self.kind}"


def schedule_changed_at() -> datetime.datetime | None:
    """When anything the schedule exports show last changed, in one query: sessions and their texts, conferences and
    their names, days, venues, rooms, tracks, types, speakers and published versions (speakers' translations hold
    only their roles and biographies, which no export shows). Removals leave no time behind; the exports' ETag,
    taken from their content, covers those."""
    stamps = {
        model: Subquery(model.objects.order_by(f"-{field}").values(field)[:1])
        for model, field in [
            (Session, "changed_at"),
            (Session._parler_meta.root_model, "updated_at"),
            (Conference._parler_meta.root_model, "updated_at"),
            (Day, "changed_at"),
            (Venue, "changed_at"),
            (Room, "changed_at"),
            (Track, "changed_at"),
            (SessionType, "changed_at"),
            (Speaker, "changed_at"),
            (ScheduleVersion, "published_at"),
        ]
    }
    latest = Conference.objects.aggregate(
        conference=Max("changed_at"), **{model._meta.model_name: Max(stamp) for model, stamp in stamps.items()}
    )
    return max(filter(None, latest.values()), default=None)


class RegistrationQuerySet(models.QuerySet):
    def for_manage_token(self, token: str):
        """The registration a manage link names, or None if the link is forged or its registration anonymised."""
        return object_for_token(token, self.filter(anonymised_at=None), salt=Registration.MANAGE_SALT)


class Registration(models.Model):
    """One attendee's registration: who they are, which days, and the sessions they booked or wait for."""

    MANAGE_SALT = "conference.registration.manage"

    conference = models.ForeignKey(
        Conference, verbose_name=_("conference"), on_delete=models.PROTECT, related_name="registrations"
    )
    reference = models.CharField(_("reference"), max_length=12, unique=True, editable=False)
    idempotency_key = models.UUIDField(unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language for messages"), max_length=10, choices=settings.LANGUAGES)
    days = models.ManyToManyField(Day, verbose_name=_("days"), blank=True, related_name="registrations")
    accessibility_needs = models.TextField(_("accessibility needs"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.reference} {self.name}"

    def manage_token(self) -> str:
        """The secret of the registration's manage link: names this registration and nothing else."""
        return object_token(self, salt=self.MANAGE_SALT)

    def get_manage_url(self):
        with translation.override(self.language):
            return reverse("conference:manage_registration", kwargs={"token": self.manage_token()})


class BookingQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Booking.Status.CONFIRMED)

    def waiting(self):
        return self.filter(status=Booking.Status.WAITING).order_by("created_at", "pk")

    def active(self):
        return self.exclude(status=Booking.Status.CANCELLED)

    def with_sessions(self):
        """Each booking with its session, room and venue, in the order the sessions take place."""
        bookings = self.select_related("session__room__venue").prefetch_related("session__translations")
        return bookings.order_by("session__start", "session__pk")


class Booking(models.Model):
    """A place in one capacity-limited session, or a place in its waiting list."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITING = "waiting", _("waiting list")
        CANCELLED = "cancelled", _("cancelled")

    registration = models.ForeignKey(
        Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="bookings"
    )
    session = models.ForeignKey(Session, verbose_name=_("session"), on_delete=models.PROTECT, related_name="bookings")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    interpretation = models.CharField(_("interpretation into"), max_length=10, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    changed_at = models.DateTimeField(auto_now=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["session__start"]
        constraints = [models.UniqueConstraint(fields=["registration", "session"], name="one_booking_per_session")]

    def __str__(self):
        return f"{self.registration.reference}: {self.session.code} ({self.status})"


class Volunteer(models.Model):
    """An attendee who offers to help: interpreting or translating between languages, or on given days."""

    class Role(models.TextChoices):
        INTERPRETER = "interpreter", _("interpreter")
        TRANSLATOR = "translator", _("translator")
        HELPER = "helper", _("helper")

    # What volunteers write for a language instead of its code.
    LANGUAGE_ALIASES = {"ua": "uk", "ukr": "uk", "pol": "pl", "eng": "en", "rus": "ru"}

    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="volunteer")
    roles = models.JSONField(_("roles"), default=list)
    language_pairs = models.CharField(_("language pairs"), max_length=200, blank=True, help_text=_("e.g. pl-uk, pl-en"))
    days = models.ManyToManyField(Day, verbose_name=_("helper days"), blank=True, related_name="volunteers")

    class Meta:
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")

    def __str__(self):
        return self.registration.name

    def role_labels(self) -> list[str]:
        """The roles offered, by their names in the active language, in the form's order."""
        return [label for code, label in self.Role.choices if code in self.roles]

    def target_languages(self) -> list[str]:
        """The site's languages the volunteer named as targets of their pairs, in the site's order: "pl-uk, pl-en"
        gives uk and en; a pair written both ways ("pl<>uk", "pl↔uk") gives both; a lone code gives itself."""
        named = set()
        for pair in re.split(r"[,;\n]+", self.language_pairs.lower()):
            codes = [self.LANGUAGE_ALIASES.get(code, code) for code in re.findall(r"[a-z]+", pair)]
            if codes:
                named.update(codes if re.search(r"<|↔|/", pair) else codes[-1:])
        return [code for code, _name in settings.LANGUAGES if code in named]
