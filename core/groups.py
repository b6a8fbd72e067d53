"""Staff groups and what they may do: each app grants its own, and one handler sets them all after `migrate`.

An app grants in its AppConfig.ready(), e.g. `grant("Moderators", lambda: [Report, ReportEvent])`. After every
migrate each group gets exactly the permissions its grants name at that moment, so models added later join it and
a permission no grant names any more is taken away.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model

EDITORS = "Editors"  # the site's editorial staff; each app grants them what they edit

ModelList = Callable[[], Iterable[type[Model]]]

_grants: dict[str, list[tuple[ModelList, frozenset[str] | None]]] = defaultdict(list)


def grant(group: str, models: ModelList, *, actions: Iterable[str] | None = None) -> None:
    """Let `group` do `actions` (all of add, change, delete, view when None) on the models `models()` returns."""
    entry = (models, frozenset(actions) if actions is not None else None)
    if entry not in _grants[group]:
        _grants[group].append(entry)


def group_permissions(group: str) -> set[Permission]:
    permissions = set()
    for models, actions in _grants[group]:
        model_list = list(models())
        content_types = ContentType.objects.get_for_models(*model_list).values()
        for permission in Permission.objects.filter(content_type__in=content_types).select_related("content_type"):
            action = permission.codename.removesuffix(f"_{permission.content_type.model}")
            if actions is None or action in actions:
                permissions.add(permission)
    return permissions


def sync_groups(**kwargs) -> None:
    """Connected to post_migrate: create each granted group and set its permissions to exactly its grants."""
    for group in _grants:
        Group.objects.get_or_create(name=group)[0].permissions.set(group_permissions(group))
