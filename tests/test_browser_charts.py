"""The statistics charts in Chromium on a 390 px phone, in Ukrainian and Polish: every label inside the screen and
large enough to read, none over another, no empty chart area, no sideways scrolling, and no axe-core violations."""

import pytest

from core.tests.helpers import axe_violations
from feedback.tests.factories import CategoryFactory, ReportFactory

pytestmark = pytest.mark.browser

PHONE = 390
SMALLEST_FONT = 11  # CSS px on the screen
TOPICS = [  # (Ukrainian, Polish, how many reports): long names, as the real ones are, and one count that is hidden
    (
        "Дороги, тротуари та велосипедні доріжки у вашому районі",
        "Drogi, chodniki i ścieżki rowerowe w Twojej dzielnicy",
        9,
    ),
    ("Управління у справах іноземців і посвідки на проживання", "Urząd ds. cudzoziemców i zezwolenia na pobyt", 4),
    ("Якість повітря і смог", "Jakość powietrza i smog", 3),
    ("Охорона здоров'я", "Ochrona zdrowia", 2),
]

# Every <text> of every chart: its box on the screen and its font size on the screen (the SVG is scaled to its width).
MEASURE = """() => [...document.querySelectorAll("section.chart svg")].map(svg => {
    const scale = svg.getScreenCTM().a;
    const box = svg.getBoundingClientRect();
    const bars = [...svg.querySelectorAll("rect.chart-bar, rect.chart-bar-hidden")];
    return {
        rows: svg.closest("section").querySelectorAll("tbody tr").length,
        bars: bars.length,
        emptyBelow: box.bottom - Math.max(box.top, ...bars.map(bar => bar.getBoundingClientRect().bottom)),
        texts: [...svg.querySelectorAll("text")].map(text => {
            const r = text.getBoundingClientRect();
            return {text: text.textContent.trim(), left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                    font: parseFloat(getComputedStyle(text).fontSize) * scale};
        }),
    };
})"""


@pytest.fixture
def reports(transactional_db):
    """Reports the live server's thread reads: written outside any test transaction."""
    for position, (uk, pl, count) in enumerate(TOPICS):
        category = CategoryFactory(name_uk=uk, name_pl=pl, position=position)
        ReportFactory.create_batch(count, category=category, language=["uk", "pl", "en"][position % 3])


def overlapping(texts: list[dict]) -> list[tuple[str, str]]:
    return [
        (a["text"], b["text"])
        for index, a in enumerate(texts)
        for b in texts[index + 1 :]
        if a["left"] < b["right"] - 1 and b["left"] < a["right"] - 1 and a["top"] < b["bottom"] - 1
        and b["top"] < a["bottom"] - 1
    ]


@pytest.mark.parametrize("language", ["uk", "pl"])
def test_the_charts_read_well_on_a_phone(page, reports, language):
    page.set_viewport_size({"width": PHONE, "height": 800})
    page.goto(f"/{language}/feedback/statistics/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    charts = page.evaluate(MEASURE)
    assert len(charts) == 3
    for chart in charts:
        assert chart["bars"] == chart["rows"] > 0
        assert chart["emptyBelow"] <= 6  # the chart ends where its last bar does
        # Each bar's label and count at least, and a scale.
        assert len(chart["texts"]) >= 2 * chart["rows"] + 2
        outside = [t["text"] for t in chart["texts"] if t["left"] < 0 or t["right"] > PHONE]
        tiny = [(t["text"], round(t["font"], 1)) for t in chart["texts"] if t["font"] < SMALLEST_FONT]
        assert (outside, tiny, overlapping(chart["texts"])) == ([], [], [])
    names = " ".join(text["text"] for text in charts[0]["texts"])
    for uk, pl, _count in TOPICS:
        assert all(word in names for word in {"uk": uk, "pl": pl}[language].split())
    assert axe_violations(page) == []
