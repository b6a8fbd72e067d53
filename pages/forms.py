"""Forms of the programme pages: the site search."""

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200


class SearchQueryField(forms.CharField):
    """Control characters and runs of white space mean nothing to a search; long queries are cut, not refused."""

    def to_python(self, value):
        value = "".join(ch if ch.isprintable() else " " for ch in str(value or ""))
        return " ".join(value.split())[:MAX_QUERY_LENGTH]


class SearchForm(forms.Form):
    q = SearchQueryField(label=_("Search for"), error_messages={"required": _("Type a word to search for.")})
