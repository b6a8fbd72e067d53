"""Forms of the conference: the schedule's filters."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from conference.models import Track, Venue


class ScheduleFilterForm(forms.Form):
    """Filters as GET parameters, combinable in any way; a value we do not know is ignored, not an error page."""

    day = forms.TypedChoiceField(label=_("Day"), required=False, coerce=str, empty_value="")
    lang = forms.ChoiceField(label=_("A language I understand"), required=False)
    venue = forms.ChoiceField(label=_("Venue"), required=False)
    track = forms.ChoiceField(label=_("Track"), required=False)

    def __init__(self, data, *, conference, **kwargs):
        super().__init__(data, **kwargs)
        everything = [("", _("all"))]
        self.fields["day"].choices = everything + [
            (day.date.isoformat(), f"{day.date:%d.%m} · {day.theme}") for day in conference.days.all()
        ]
        self.fields["lang"].choices = everything + list(settings.LANGUAGES)
        self.fields["venue"].choices = everything + [(v.slug, v.name) for v in Venue.objects.all()]
        self.fields["track"].choices = everything + [(t.slug, t.name) for t in Track.objects.all()]

    def valid_filters(self) -> dict[str, str]:
        """The filters that made sense; the others are reported by ignored_names()."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    def ignored_names(self) -> list[str]:
        return [str(self.fields[name].label) for name in self.errors]
