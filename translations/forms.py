"""Forms of the translation dashboard: its filters, export and import."""

from django import forms
from django.apps import apps
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from translations.models import TranslationStatus, translatable_languages, translation_models


def _language_choices(blank_label):
    return [("", blank_label), *settings.LANGUAGES]


NOT_YOUR_LANGUAGE = _("You do not translate into this language. An editor can assign it to you.")


def limit_languages(form, user) -> None:
    """Offer a translator only their own languages; anything else posted is refused with a plain message."""
    if user is None:
        return
    languages = translatable_languages(user)
    field = form.fields["language"]
    field.choices = [(code, name) for code, name in field.choices if not code or code in languages]
    field.error_messages["invalid_choice"] = NOT_YOUR_LANGUAGE


class DashboardFilterForm(forms.Form):
    """The dashboard's filters, all optional and combinable."""

    language = forms.ChoiceField(label=_("Language"), required=False, choices=lambda: _language_choices(_("all")))
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=lambda: [("", _("all")), *TranslationStatus.choices]
    )
    content_type = forms.ChoiceField(label=_("Content type"), required=False, choices=lambda: _type_choices())

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        limit_languages(self, user)


def _type_choices():
    return [("", _("all")), *[(m._meta.label_lower, m._meta.verbose_name_plural) for m in translation_models()]]


class ExportForm(forms.Form):
    """Which entries to download as a .po file for volunteer translators."""

    SELECTIONS = {
        "missing": {TranslationStatus.MISSING},
        "outdated": {TranslationStatus.OUTDATED},
        "missing-outdated": {TranslationStatus.MISSING, TranslationStatus.OUTDATED},
        "object": None,
    }

    language = forms.ChoiceField(label=_("Language"), choices=lambda: settings.LANGUAGES)
    selection = forms.ChoiceField(
        label=_("Entries"),
        choices=[
            ("missing", _("all missing entries")),
            ("outdated", _("all outdated entries")),
            ("missing-outdated", _("missing and outdated entries")),
            ("object", _("one page or entry")),
        ],
    )
    object = forms.CharField(label=_("Page or entry"), required=False, help_text=_("e.g. pages.page:3"))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, auto_id="export_%s", **kwargs)  # unique ids beside the other dashboard forms
        limit_languages(self, user)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("selection") == "object":
            key = cleaned.get("object", "")
            cleaned["objects"] = [obj for obj in [_object_for_key(key)] if obj is not None]
            if not cleaned["objects"]:
                self.add_error("object", _("There is no page or entry with this reference."))
        return cleaned

    def statuses(self):
        return self.SELECTIONS[self.cleaned_data["selection"]]


def _object_for_key(key: str):
    try:
        label, pk = key.split(":")
        model = apps.get_model(label)
    except (ValueError, LookupError):
        return None
    if model not in translation_models() or not pk.isdigit():
        return None
    return model.objects.prefetch_related("translations").filter(pk=pk).first()


class ImportForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=lambda: settings.LANGUAGES)
    file = forms.FileField(label=_("Translated .po file"))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, auto_id="import_%s", **kwargs)
        self.user = user
        limit_languages(self, user)

    def clean(self):
        cleaned = super().clean()
        language = cleaned.get("language")
        if language and self.user is not None and language not in translatable_languages(self.user):
            self.add_error("language", NOT_YOUR_LANGUAGE)
        return cleaned
