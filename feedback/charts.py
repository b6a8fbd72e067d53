"""The statistics page's bar charts, laid out on the server as SVG: each bar with its name above and its count after
it, a scale on top, and exactly as tall as its bars; drawn for a phone's width, and scaled up to a wider column."""

import datetime
import itertools
import math
import textwrap
from dataclasses import dataclass

from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from feedback.statistics import SUPPRESS_BELOW, Bar

# Sizes in SVG units. The SVG is WIDTH units wide and fills its column, so on a 390 px phone (a column of 358 px)
# one unit is about one CSS pixel: labels of 14 units are read at about 14 px there, and larger on wider screens.
WIDTH = 360
LEFT = 6  # room for half the scale's "0", which stands centred on the bars' start
COUNT_ROOM = 44  # room after the longest bar for its count (up to four digits)
FONT = 14
TICK_FONT = 13
LINE = 18  # from one line of a label to the next
BAR = 16
GAP = 6  # from a bar's end to its count
ROW_GAP = 14  # from one bar to the next label
# The scale above the first label: its caption, its numbers, and its line with a tick under each number.
SCALE_CAPTION_Y, TICK_Y, AXIS_Y = 13, 31, 40
SCALE_HEIGHT = 48
# A label wraps before it would outgrow the SVG: an average letter is taken as wide as 0.6 of the font, which is
# generous for the system fonts in Latin and Cyrillic.
LETTER = 0.6
BOLD_LETTER = 0.7  # the counts are bold
LABEL_CHARACTERS = int((WIDTH - LEFT) / (FONT * LETTER))  # a line of a bar's name, at most

TITLES = {  # a chart's heading, its table's caption and its table's first column
    "category": (_("By topic"), _("Reports by topic"), _("Topic")),
    "language": (_("By language of the report"), _("Reports by language of the report"), _("Language of the report")),
    "month": (_("By month"), _("Reports by month"), _("Month")),
}


@dataclass(frozen=True)
class Line:
    text: str
    y: float


@dataclass(frozen=True)
class Row:
    """One bar: its name (and the language that name is in, when not the page's), its count as read, and where it is
    drawn: the name's lines, the bar, and the count after it."""

    label: str
    lang: str | None
    count: str
    hidden: bool
    lines: list[Line]
    bar_x: float
    bar_y: float
    bar_width: float
    bar_height: float
    count_x: float
    count_y: float


@dataclass(frozen=True)
class Tick:
    value: int
    x: float


@dataclass(frozen=True)
class BarChart:
    kind: str
    heading: Promise
    caption: Promise
    column: Promise
    rows: list[Row]
    ticks: list[Tick]
    height: float
    axis: str  # the scale's line and ticks, as an SVG path
    # The scale's lines across the bars at each tick, as an SVG path, so that a bar's length can be read against them.
    grid: str

    width = WIDTH
    left = LEFT
    font = FONT
    tick_font = TICK_FONT
    scale_caption_y = SCALE_CAPTION_Y
    tick_y = TICK_Y
    scale_caption = _("Number of reports")


def scale(top: int) -> tuple[int, int]:
    """The step between the scale's numbers (1, 2 or 5 times a power of ten, five steps at most) and its end."""
    for power in itertools.count():
        for factor in (1, 2, 5):
            step = factor * 10**power
            if math.ceil(top / step) <= 5:
                return step, step * math.ceil(top / step)


def text_width(text: str, *, bold: bool = False) -> float:
    """How wide a line of text is drawn at most, in SVG units."""
    return len(text) * FONT * (BOLD_LETTER if bold else LETTER)


def label_text(kind: str, label: str | datetime.datetime) -> str:
    """A bar's name as read on the page: a month as its name and year, in the page's language."""
    if kind == "month":
        return formats.date_format(timezone.localtime(label), "F Y")
    return str(label)


def bar_chart(kind: str, bars: list[Bar]) -> BarChart:
    """The chart of one kind of count (category, language or month), laid out."""
    counts = [bar.count for bar in bars if bar.count is not None]
    step, end = scale(max([*counts, SUPPRESS_BELOW]))
    # Of a bar as long as the scale: the widest count still fits after it, even of more than four digits.
    widest = max([text_width(str(count), bold=True) for count in counts], default=0)
    length = WIDTH - LEFT - max(COUNT_ROOM, GAP + widest)
    rows, y = [], SCALE_HEIGHT
    for bar in bars:
        text = label_text(kind, bar.label)
        wrapped = textwrap.wrap(text, LABEL_CHARACTERS) or [text]
        lines = [Line(part, y + FONT + index * LINE) for index, part in enumerate(wrapped)]
        bar_y = y + len(lines) * LINE + 4
        # A hidden count is drawn as an outline as long as it might be at most (one under the threshold).
        value = SUPPRESS_BELOW - 1 if bar.count is None else bar.count
        bar_width = round(length * value / end, 1)
        count = gettext("fewer than 3") if bar.count is None else str(bar.count)
        count_x = min(LEFT + bar_width + GAP, WIDTH - text_width(count, bold=True))
        rows.append(
            Row(
                label=text,
                lang=getattr(bar.label, "lang", None),
                count=count,
                hidden=bar.count is None,
                lines=lines,
                # An outline is drawn inside the bar's box: half its stroke in.
                bar_x=LEFT + 0.5 if bar.count is None else LEFT,
                bar_y=bar_y + 0.5 if bar.count is None else bar_y,
                bar_width=max(bar_width - 1, 0) if bar.count is None else bar_width,
                bar_height=BAR - 1 if bar.count is None else BAR,
                count_x=round(count_x, 1),
                count_y=bar_y + BAR - 4,
            )
        )
        y = bar_y + BAR + ROW_GAP
    ticks = [Tick(value, round(LEFT + length * value / end, 1)) for value in range(0, end + 1, step)]
    axis = f"M{LEFT} {AXIS_Y}H{ticks[-1].x}" + "".join(f"M{tick.x} {AXIS_Y - 5}v5" for tick in ticks)
    # Not through a count, which may stand where a tick's line would.
    grid = "".join(
        f"M{tick.x} {row.bar_y}v{BAR}"
        for tick in ticks[1:]
        for row in rows
        if not row.count_x - GAP / 2 <= tick.x <= row.count_x + text_width(row.count, bold=True) + GAP / 2
    )
    heading, caption, column = TITLES[kind]
    return BarChart(
        kind=kind,
        heading=heading,
        caption=caption,
        column=column,
        rows=rows,
        ticks=ticks,
        height=(y - ROW_GAP + 1) if rows else SCALE_HEIGHT,
        axis=axis,
        grid=grid,
    )
