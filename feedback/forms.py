"""The feedback form, with its spam defences: a honeypot and a signed time-stamp."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from core.fallback import LangSelect, field_label
from feedback.models import Category
from feedback.tokens import seconds_since

MIN_SECONDS = 3


# What a resident's text may not hold: control characters but for line ends and tabs, DEL and the C1 controls, lone
# surrogates and the noncharacters (U+FDD0–U+FDEF, and U+xFFFE/U+xFFFF in every plane). XML 1.0 forbids most of
# them (https://www.w3.org/TR/xml/#charsets), so they would break the Open311 XML; none is text anyone meant.
NOT_ALLOWED = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000))
    + "]"
)


def has_control_characters(text: str) -> bool:
    """Whether a text holds a control character, a lone surrogate or a noncharacter: what XML or a page can't show."""
    return NOT_ALLOWED.search(text) is not None


class NoControlCharactersMixin:
    def clean_text(self, name: str) -> str:
        value = self.cleaned_data.get(name, "")
        if has_control_characters(value):
            raise forms.ValidationError(_("This contains characters that are not allowed."), code="control")
        return value


class ReportForm(NoControlCharactersMixin, forms.Form):
    category = forms.ChoiceField(label=_("What is it about?"), widget=LangSelect)
    message = forms.CharField(
        label=_("Your message"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Up to 4,000 characters. Please do not include health details you do not want to share."),
    )
    place = forms.CharField(label=_("District or place (optional)"), max_length=200, required=False)
    name = forms.CharField(label=_("Your name (optional)"), max_length=200, required=False)
    email = forms.EmailField(
        label=_("E-mail (optional)"),
        required=False,
        help_text=_("Needed if you want updates and replies. We never show it publicly."),
    )
    # Spam defences: people never see "website"; "stamp" says when the form was shown.
    website = forms.CharField(required=False, label=_("Leave this empty"))
    stamp = forms.CharField(widget=forms.HiddenInput, required=False)
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("Choose a topic"))] + [
            (category.code, field_label(category, "name")) for category in Category.objects.active()
        ]
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean_message(self):
        return self.clean_text("message")

    def clean_place(self):
        return self.clean_text("place")

    def clean_name(self):
        return self.clean_text("name")

    def clean_stamp(self):
        elapsed = seconds_since(self.cleaned_data.get("stamp", ""))
        if elapsed is None:
            raise forms.ValidationError(
                _("This form was open too long or was changed. Please check your message and send it again."),
                code="stamp",
            )
        self.elapsed = elapsed
        return self.cleaned_data["stamp"]

    def category_object(self) -> Category:
        return Category.objects.get(code=self.cleaned_data["category"])

    def is_honeypot(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def flag_reason(self) -> str:
        return "sent within seconds of opening the form" if self.elapsed < MIN_SECONDS else ""
