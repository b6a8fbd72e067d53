"""Writes every app shares: creating a row once per idempotency key, however often and however fast it is sent."""

from collections.abc import Callable
from typing import TypeVar

from django.db import IntegrityError, models, transaction

Row = TypeVar("Row", bound=models.Model)


def create_once(
    queryset: models.QuerySet[Row], *, idempotency_key, create: Callable[[], Row], repeated: Callable[[Row], Row]
) -> Row:
    """The row this idempotency key already made, passed to `repeated` (which may refuse it), or a new row from
    `create`, run in a transaction.

    Two requests with one key at the same moment both find nothing; the unique key lets one insert win, and the
    other is answered with the winner's row, as a later repeat would be.
    """
    existing = queryset.filter(idempotency_key=idempotency_key).first()
    if existing:
        return repeated(existing)
    try:
        with transaction.atomic():
            return create()
    except IntegrityError:
        existing = queryset.filter(idempotency_key=idempotency_key).first()
        if existing is None:
            raise
        return repeated(existing)
