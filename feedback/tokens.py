"""The feedback form's signed time-stamp: how long ago the form was shown, which a bot cannot fake."""

import time

from django.core import signing

STAMP_SALT = "feedback.form.rendered"


def form_stamp() -> str:
    return signing.dumps(time.time(), salt=STAMP_SALT)


def seconds_since(stamp: str, *, max_age: int = 60 * 60 * 24) -> float | None:
    """Seconds since the form was shown, or None if the stamp is missing, forged or older than a day."""
    try:
        rendered = signing.loads(stamp, salt=STAMP_SALT, max_age=max_age)
    except signing.BadSignature:
        return None
    return time.time() - float(rendered) if isinstance(rendered, int | float) else None
