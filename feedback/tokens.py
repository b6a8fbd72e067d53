"""The secret status link of a report and the form's signed time-stamp."""

import time

from django.core import signing

from pages.tokens import object_for_token, object_token

STATUS_SALT = "feedback.report.status"
STAMP_SALT = "feedback.form.rendered"


def status_token(report) -> str:
    return object_token(report, salt=STATUS_SALT)


def report_for(token: str):
    from feedback.models import Report

    return object_for_token(token, Report.objects.exclude(state="spam"), salt=STATUS_SALT)


def form_stamp() -> str:
    return signing.dumps(time.time(), salt=STAMP_SALT)


def seconds_since(stamp: str, *, max_age: int = 60 * 60 * 24) -> float | None:
    """Seconds since the form was shown, or None if the stamp is missing, forged or older than a day."""
    try:
        rendered = signing.loads(stamp, salt=STAMP_SALT, max_age=max_age)
    except signing.BadSignature:
        return None
    return time.time() - float(rendered) if isinstance(rendered, int | float) else None
