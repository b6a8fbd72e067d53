"""Forms of the conference: the schedule's filters, registration and managing a registration."""

import datetime

from django import forms
from django.conf import settings
from django.db import models
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from conference.models import Day, Session, Volunteer
from conference.services import SessionRequest
from core.fallback import LangLabel, LangSelect, field_label, marked_field


class ScheduleFilterForm(forms.Form):
    """Filters as GET parameters, combinable in any way; a value we do not know is ignored, not an error page."""

    day = forms.TypedChoiceField(label=_("Day"), required=False, coerce=datetime.date.fromisoformat, empty_value="")
    lang = forms.ChoiceField(label=_("A language I understand"), required=False)
    venue = forms.ChoiceField(label=_("Venue"), required=False)
    track = forms.ChoiceField(label=_("Track"), required=False)

    def __init__(self, data, *, conference, venues, tracks, **kwargs):
        super().__init__(data, **kwargs)
        everything = [("", _("all"))]
        self.fields["day"].choices = everything + [
            # The date as the page's language writes a day of the month: "23 lutego", "23 February", "23 лютого".
            (
                day.date.isoformat(),
                field_label(day, "theme", f"{date_format(day.date, 'MONTH_DAY_FORMAT')} · {day.theme}"),
            )
            for day in conference.days.all()
        ]
        self.fields["lang"].choices = everything + list(settings.LANGUAGES)
        self.fields["venue"].choices = everything + [(v.slug, v.name) for v in venues]
        self.fields["track"].choices = everything + [(t.slug, field_label(t, "name")) for t in tracks]

    def valid_filters(self) -> dict:
        """The filters that made sense; the others are reported by ignored_names()."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    def ignored_names(self) -> list[str]:
        return [str(self.fields[name].label) for name in self.errors]


class SessionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, session):
        return str(session)


class RegistrationForm(forms.Form):
    """The registration form; sessions offering interpretation get their own 'interpretation into' choice."""

    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), max_length=254, help_text=_("We send the confirmation here."))
    # Each language named in itself ("polski", "Українська"), and marked so.
    language = forms.ChoiceField(
        label=_("Language for our messages"),
        choices=[(code, LangLabel(name, code)) for code, name in settings.LANGUAGES],
        widget=LangSelect,
    )
    days = forms.ModelMultipleChoiceField(
        label=_("Days you will attend"),
        queryset=Day.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sessions = SessionChoiceField(
        label=_("Sessions and events with limited places"),
        queryset=Session.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example step-free access, a sign language interpreter, or a quiet room."),
    )
    volunteer_roles = forms.MultipleChoiceField(
        label=_("I would like to volunteer as"),
        required=False,
        choices=Volunteer.Role.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    volunteer_language_pairs = forms.CharField(
        label=_("Language pairs for interpreting or translating"),
        required=False,
        max_length=200,
        help_text=_("For example: pl-uk, pl-en"),
    )
    volunteer_days = forms.ModelMultipleChoiceField(
        label=_("Days I can help"), queryset=Day.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, conference, **kwargs):
        super().__init__(*args, **kwargs)
        self.conference = conference
        days = conference.days.all()
        self.fields["days"].queryset = days
        self.fields["volunteer_days"].queryset = days
        # Both lists show the days the conference has already fetched; a submitted choice is still checked
        # against the queryset.
        # A theme shown in a fallback language is marked with its own lang; the date is in the page's language.
        choices = [(day.pk, format_html("{}: {}", date_format(day.date), marked_field(day, "theme"))) for day in days]
        self.fields["days"].choices = self.fields["volunteer_days"].choices = choices
        bookable = Session.objects.filter(conference=conference).open_for_registration()
        # A choice is checked against the bare rows; what a row shows is loaded only when the form is shown (a
        # valid post, most of a rush, never shows it).
        self.fields["sessions"].queryset = bookable
        self._shown = bookable.for_schedule()
        interpreted = bookable.exclude(interpretation="").in_schedule_order()
        for session in interpreted.only("code", "interpretation"):
            self.fields[f"interpretation_{session.code}"] = forms.ChoiceField(
                label=_("Interpretation into"),
                required=False,
                choices=[("", _("not needed"))]
                + [(code, get_language_info(code)["name_translated"]) for code in session.interpretation_languages],
            )

    @cached_property
    def shown_sessions(self):
        return list(self._shown)

    def session_rows(self):
        """Each session with its checkbox state and its interpretation field, for the template."""
        chosen = {str(value) for value in (self["sessions"].value() or [])}
        return [
            {
                "session": session,
                "checked": str(session.pk) in chosen,
                "interpretation": self[f"interpretation_{session.code}"] if session.interpretation_languages else None,
            }
            for session in self.shown_sessions
        ]

    def session_requests(self):
        return [
            SessionRequest(session, self.cleaned_data.get(f"interpretation_{session.code}", ""))
            for session in self.cleaned_data["sessions"]
        ]


class ManageAction(models.TextChoices):
    """What a button of the manage page does; its value is posted in the form's hidden "action" field."""

    CANCEL = "cancel", _("Cancel this session")
    CANCEL_ALL = "cancel_all", _("Cancel all my bookings")
    INTERPRETATION = "interpretation", _("Change interpretation")


class ManageForm(forms.Form):
    """One action on the manage page: cancel a booking or everything, or change an interpretation request."""

    action = forms.ChoiceField(choices=ManageAction.choices)
    booking = forms.IntegerField(required=False)
    interpretation = forms.CharField(required=False, max_length=10)
