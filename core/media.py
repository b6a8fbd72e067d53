"""Uploaded files the site serves itself: only a file that a stored row names, and only to whom may see that row.

Each app that stores uploads says which of its rows a visitor may download, in its AppConfig.ready():
`serve_uploads(field="file", visible=lambda request: Document.objects.visible_to(request.user))`. The path is
never normalised, so that no spelling of it ("//", "./", "../", an encoded dot) reaches a draft's file, and a file
no row names is never served.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.db.models.fields.files import FieldFile
from django.http import HttpRequest


@dataclass(frozen=True)
class UploadOwner:
    field: str
    visible: Callable[[HttpRequest], QuerySet]


_owners: list[UploadOwner] = []


def serve_uploads(*, field: str, visible: Callable[[HttpRequest], QuerySet]) -> None:
    owner = UploadOwner(field, visible)
    if owner not in _owners:
        _owners.append(owner)


def uploaded_file(request: HttpRequest, path: str) -> FieldFile | None:
    """The file of the first row, visible to this visitor, whose stored name is exactly this path."""
    for owner in _owners:
        row = owner.visible(request).filter(**{owner.field: path}).first()
        if row is not None:
            return getattr(row, owner.field)
    return None
