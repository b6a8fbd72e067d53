"""The search box: what a reader typed, made safe to search for, or a clear reason why not."""

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200


class SearchQueryField(forms.CharField):
    """Control characters and runs of white space mean nothing to a search."""

    def to_python(self, value):
        value = "".join(ch if ch.isprintable() else " " for ch in str(value or ""))
        return " ".join(value.split())


class SearchForm(forms.Form):
    q = SearchQueryField(
        label=_("Search for"),
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "required": _("Type a word to search for."),
            "max_length": _("Shorten your search to %(limit_value)d characters or fewer (it has %(show_value)d)."),
        },
    )
