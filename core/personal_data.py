"""Everything the site holds about one e-mail address, whichever app holds it: the right of access and erasure.

core imports no feature app, so each app registers what it holds in its AppConfig.ready():

    register("feedback", label=_("Feedback"), models=_report_models, export=export_for_email, erase=erase_for_email)

`export(email)` returns plain JSON values; `erase(email)` removes or anonymises and returns how many rows it
changed. The models named are what a person needs to see (view) or erase (change and delete) to use the section;
the "Data protection" group is granted exactly those. Addresses match in any case, as people type them.
"""

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Model
from django.utils import timezone

from core.groups import grant

DATA_PROTECTION = "Data protection"


@dataclass(frozen=True)
class Holder:
    """One app's part of a person's data."""

    key: str
    label: str
    models: Callable[[], Iterable[type[Model]]]
    export: Callable[[str], dict]
    erase: Callable[[str], int] | None = None

    def permissions(self, *actions: str) -> set[str]:
        return {f"{m._meta.app_label}.{action}_{m._meta.model_name}" for m in self.models() for action in actions}


_holders: dict[str, Holder] = {}


def register(
    key: str,
    *,
    label,
    models: Callable[[], Iterable[type[Model]]],
    export: Callable[[str], dict],
    erase: Callable[[str], int] | None = None,
) -> None:
    _holders[key] = Holder(key=key, label=label, models=models, export=export, erase=erase)
    grant(DATA_PROTECTION, models, actions=["view", "change", "delete"] if erase else ["view"])


def holders() -> list[Holder]:
    return list(_holders.values())


def can_export(user) -> bool:
    """Only someone who may see every part sees any: a partial export would pass for the whole answer."""
    return user.is_active and user.has_perms(set().union(*(h.permissions("view") for h in holders())))


def can_erase(user) -> bool:
    needed = set().union(*(h.permissions("view", "change", "delete") for h in holders() if h.erase))
    return user.is_active and user.has_perms(needed)


def export_for_email(email: str) -> dict:
    """A section per app with everything it holds for the address."""
    return {
        "email": email,
        "exported_at": timezone.now().isoformat(),
        **{holder.key: holder.export(email) for holder in holders()},
    }


def export_json(email: str) -> str:
    return json.dumps(export_for_email(email), ensure_ascii=False, indent=2, default=str)


def erase_for_email(email: str) -> dict[str, int]:
    """Erase in every app that can; the plumbing (e.g. the outbox) last, after the features that may write to it."""
    return {holder.key: holder.erase(email) for holder in reversed(holders()) if holder.erase}


def matches(addresses: Iterable[str], email: str) -> bool:
    """Whether a list of addresses (e.g. an e-mail's recipients) holds the address, in any case."""
    wanted = email.strip().casefold()
    return any(address.strip().casefold() == wanted for address in addresses)
