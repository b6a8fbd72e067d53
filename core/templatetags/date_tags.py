"""Dates and times for machines: the values of <time datetime="…">."""

import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def iso(value) -> str:
    """ISO 8601 as HTML's <time datetime> accepts it: a date, or a time to the second with its UTC offset.

    Python's isoformat() writes microseconds (six digits), which HTML does not allow; times are shown in the
    site's time zone, as the visible text next to them is.
    """
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""
