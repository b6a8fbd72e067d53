"""Everything the site holds about one e-mail address, whichever app holds it: the right of access and erasure.

core imports no feature app, so each app registers what it holds in its AppConfig.ready():

    register("feedback", label=_("Feedback"), models=_report_models, export=export_for_email, erase=erase_for_email)

`export(email)` returns plain JSON values; `erase(email)` removes or anonymises and returns how many rows it
changed. The models named are what a person needs to see (view) or erase (change and delete) to use the section;
the "Data protection" group is granted exactly those. Addresses match in any case, as people type them.
"""

import contextlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Model, QuerySet
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
    """Erase in every app that can; the plumbing (e.g. the outbox) last, after the features that may write to it.

    One transaction: an erasure that fails halfway leaves everything as it was, and no person waiting is told of a
    place that was never given.
    """
    with transaction.atomic():
        return {holder.key: holder.erase(email) for holder in reversed(holders()) if holder.erase}


def canonical(address: str) -> str:
    """One spelling of an address to compare: every letter in one case, the domain as mail servers write it
    ("jan@ŻÓŁW.pl" and "jan@xn--w-uga1v8h.pl" are the same mailbox)."""
    local, at, domain = address.strip().rpartition("@")
    with contextlib.suppress(UnicodeError):  # not a domain name (an empty or overlong label): compared as written
        domain = domain.encode("idna").decode("ascii")
    return f"{local}{at}{domain}".casefold()


def matches(addresses: Iterable[str], email: str) -> bool:
    """Whether a list of addresses (e.g. an e-mail's recipients) holds the address, in any case."""
    wanted = canonical(email)
    return any(canonical(address) == wanted for address in addresses)


def of_address(queryset: QuerySet, field: str, email: str) -> QuerySet:
    """The rows whose `field` is the address, however its case or its domain is written.

    Not `iexact`: SQLite folds the case of ASCII letters only, and neither database knows an IDN domain from its
    xn-- form. The database narrows by the part before the @ (ASCII in a valid address), Python compares the rest.
    """
    local = email.strip().rpartition("@")[0]
    candidates = queryset.filter(**{f"{field}__istartswith": f"{local}@"}).values_list("pk", field)
    wanted = canonical(email)
    return queryset.filter(pk__in=[pk for pk, value in candidates if canonical(value) == wanted])
