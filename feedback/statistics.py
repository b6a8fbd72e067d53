"""The public statistics of resident reports: counts by topic, language and month, with small counts hidden."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.translation import get_language_info

from core.fallback import field_label
from feedback.models import Category, Report

# Any count under this is hidden, so that nobody can be recognised by it.
SUPPRESS_BELOW = 3


@dataclass(frozen=True)
class Bar:
    """One row of a chart: its label, its count (None when hidden) and its length in percent of the longest."""

    label: str | datetime.datetime
    count: int | None
    width: int


@dataclass(frozen=True)
class Statistics:
    """The charts in the order shown, as (kind, bars) pairs, and the total (None when it would reveal a hidden cell)."""

    charts: list[tuple[str, list[Bar]]]
    total: int | None


def bars(rows: Iterable[dict], label: Callable[[dict], str | datetime.datetime]) -> list[Bar]:
    """A chart's bars from rows of counts; any count under SUPPRESS_BELOW is hidden and drawn empty."""
    rows = list(rows)
    top = max([row["count"] for row in rows] or [1])
    return [
        Bar(label=label(row), count=row["count"], width=round(100 * row["count"] / top))
        if row["count"] >= SUPPRESS_BELOW
        else Bar(label=label(row), count=None, width=0)
        for row in rows
    ]


def public_statistics() -> Statistics:
    """What the statistics page shows of the reports that count (ReportQuerySet.public), in the active language."""
    reports = Report.objects.public()
    categories = {category.pk: field_label(category, "name") for category in Category.objects.all()}
    charts = [
        ("category", bars(reports.count_by_category(), lambda row: categories[row["category"]])),
        (
            "language",
            bars(reports.count_by_language(), lambda row: str(get_language_info(row["language"])["name_translated"])),
        ),
        ("month", bars(reports.count_by_month(), lambda row: row["month"])),
    ]
    # With a hidden cell, the total minus the shown cells would reveal it: then the total is not shown.
    hidden = any(bar.count is None for _kind, chart in charts for bar in chart)
    return Statistics(charts=charts, total=None if hidden else reports.count())
