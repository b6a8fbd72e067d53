"""The schedule's "now and next": where a moment falls in the conference, what runs then and what starts after."""

import dataclasses
import datetime
import math

from django.utils import timezone
from django.utils.translation import gettext, ngettext

from conference.models import Conference


class Phase:
    BEFORE = "before"
    DURING = "during"
    AFTER = "after"


@dataclasses.dataclass(frozen=True)
class NowAndNext:
    phase: str
    now: datetime.datetime
    running: list
    upcoming: list  # the sessions that start next, all at the same moment

    def shown_from(self, rows) -> "NowAndNext":
        """The same, with its sessions read whole (core.cache.Rows: only these) during the conference, when the
        page shows their titles and rooms."""
        if self.phase != Phase.DURING:
            return self
        whole = {session.pk: session for session in rows.shown_only([*self.running, *self.upcoming])}
        running, upcoming = (
            [whole[s.pk] for s in sessions if s.pk in whole] for sessions in (self.running, self.upcoming)
        )
        return dataclasses.replace(self, running=running, upcoming=upcoming)

    @property
    def next_start(self) -> datetime.datetime | None:
        return self.upcoming[0].start if self.upcoming else None

    @property
    def next_is_today(self) -> bool:
        return self.next_start is not None and timezone.localdate(self.next_start) == timezone.localdate(self.now)

    @property
    def today(self) -> datetime.date | None:
        """The conference day it is, for the bar of days; None outside the conference."""
        return timezone.localdate(self.now) if self.phase == Phase.DURING else None

    def wait(self) -> str:
        """How long until the next sessions start, e.g. "in 50 minutes", in the reader's language."""
        return time_until(self.next_start - self.now) if self.next_start else ""


def now_and_next(sessions, *, conference: Conference, now: datetime.datetime) -> NowAndNext:
    """From a schedule's sessions (in order of start), what runs at `now` and which start next; cancelled ones
    neither run nor come next. Reads nothing more from the database."""
    if conference.has_ended(now):
        phase = Phase.AFTER
    elif now < datetime.datetime.combine(conference.start_date, datetime.time(), conference.zone()):
        phase = Phase.BEFORE
    else:
        phase = Phase.DURING
    shown = [session for session in sessions if not session.is_cancelled]
    later = [session for session in shown if session.start > now]
    return NowAndNext(
        phase=phase,
        now=now,
        running=[session for session in shown if session.start <= now < session.end],
        upcoming=[session for session in later if session.start == later[0].start] if later else [],
    )


def time_until(delta: datetime.timedelta) -> str:
    """A wait in whole minutes, rounded down, as a page is kept up to a minute: "in 5 minutes", "in 1 h 20 min"."""
    minutes = max(math.floor(delta.total_seconds() / 60), 1)
    if minutes < 60:
        return ngettext("in %(count)d minute", "in %(count)d minutes", minutes) % {"count": minutes}
    hours, minutes = divmod(minutes, 60)
    if not minutes:
        return ngettext("in %(count)d hour", "in %(count)d hours", hours) % {"count": hours}
    return gettext("in %(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
