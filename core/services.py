"""Writes every app shares: creating a row once per idempotency key, however often and however fast it is sent."""

from collections.abc import Callable
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _

Row = TypeVar("Row", bound=models.Model)

REUSED_KEY = _("This form has already been sent. Please reload the page and fill it in again.")


def create_once(
    queryset: models.QuerySet[Row], *, idempotency_key, create: Callable[[], Row], is_repeat: Callable[[Row], bool]
) -> Row:
    """The row this idempotency key already made, if `is_repeat` says it is the same submission again, or a new
    row from `create`, run in a transaction.

    Two requests with one key at the same moment both find nothing; the unique key lets one insert win, and the
    other is answered with the winner's row, as a later repeat would be. A key sent again with other data is
    refused: it opens nobody's row.
    """
    existing = queryset.filter(idempotency_key=idempotency_key).first()
    if existing is None:
        try:
            with transaction.atomic():
                return create()
        except IntegrityError:
            existing = queryset.filter(idempotency_key=idempotency_key).first()
            if existing is None:
                raise
    if not is_repeat(existing):
        raise ValidationError(REUSED_KEY, code="reused_key")
    return existing
