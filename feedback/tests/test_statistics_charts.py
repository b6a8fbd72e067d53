"""The statistics charts speak: every bar labelled with its topic and count inside the SVG, a scale, no empty area,
and the same numbers as a table with the right headers, in Ukrainian and Polish."""

import re

import pytest
from django.utils import timezone
from lxml import html as lxml_html

from feedback.charts import bar_chart, scale
from feedback.statistics import Bar
from feedback.tests.factories import CategoryFactory, ReportFactory

pytestmark = pytest.mark.integration

# Long names, as Ukrainian and Polish topics are: they must still be read whole inside the chart.
ROADS = {"uk": "Дороги, тротуари та велосипедні доріжки у вашому районі", "pl": "Drogi, chodniki i ścieżki rowerowe"}
PERMITS = {"uk": "Управління у справах іноземців і посвідки", "pl": "Urząd ds. cudzoziemców i zezwolenia na pobyt"}
PARKS = {"uk": "Парки", "pl": "Parki"}
WORDS = {
    "uk": {
        "fewer": "менше 3",
        "languages": ["українська", "польська"],
        "headers": {"category": "Тема", "language": "Мова звернення", "month": "Місяць"},
        "scale": "Кількість звернень",
    },
    "pl": {
        "fewer": "mniej niż 3",
        "languages": ["ukraiński", "polski"],
        "headers": {"category": "Temat", "language": "Język zgłoszenia", "month": "Miesiąc"},
        "scale": "Liczba zgłoszeń",
    },
}


@pytest.fixture
def reports(db):
    """12 reports: roads 7, permits 3, parks 2 (hidden); 8 in Ukrainian, 4 in Polish; all this month."""
    roads, permits, parks = (CategoryFactory(name_uk=n["uk"], name_pl=n["pl"]) for n in (ROADS, PERMITS, PARKS))
    ReportFactory.create_batch(5, category=roads, language="uk")
    ReportFactory.create_batch(2, category=roads, language="pl")
    ReportFactory.create_batch(3, category=permits, language="uk")
    ReportFactory.create_batch(2, category=parks, language="pl")


def charts(client, language: str) -> dict:
    """The page's chart sections by kind (category, language, month)."""
    tree = lxml_html.fromstring(client.get(f"/{language}/feedback/statistics/").content)
    sections = tree.xpath("//section[@class='chart']")
    return {section.xpath(".//h2")[0].get("id").removeprefix("chart-"): section for section in sections}


def svg_texts(section) -> list[str]:
    """Each <text> of a chart's SVG as one line of words, its <tspan> lines joined by spaces."""
    (svg,) = section.xpath(".//svg")
    return [" ".join(part.strip() for part in text.itertext() if part.strip()) for text in svg.iter("text")]


def view_box(svg) -> list[float]:
    return [float(number) for number in re.split(r"[\s,]+", svg.get("viewbox", "").strip()) if number]


@pytest.mark.parametrize("language", ["uk", "pl"])
def test_every_bar_is_labelled_inside_the_svg_with_its_name_and_count(client, reports, language):
    words = WORDS[language]
    found = charts(client, language)
    topics = svg_texts(found["category"])
    for name, count in ((ROADS, "7"), (PERMITS, "3"), (PARKS, words["fewer"])):
        assert name[language] in topics
        assert count in topics
    assert "0" in topics and words["scale"] in topics  # the scale: its ticks and what it counts
    languages = [text.lower() for text in svg_texts(found["language"])]
    assert words["languages"][0] in languages and "8" in languages
    assert words["languages"][1] in languages and "4" in languages
    month = f"{timezone.localtime():%Y}"
    assert any(month in text for text in svg_texts(found["month"])) and "12" in svg_texts(found["month"])


def test_a_hidden_count_draws_a_bar_unlike_the_others(client, reports):
    (svg,) = charts(client, "uk")["category"].xpath(".//svg")
    classes = [rect.get("class", "") for rect in svg.iter("rect") if "chart-bar" in rect.get("class", "")]
    assert len(classes) == 3
    assert classes[2] != classes[0] == classes[1]


@pytest.mark.parametrize("language", ["uk", "pl"])
def test_each_svg_is_as_tall_as_its_bars(client, reports, language):
    for kind, section in charts(client, language).items():
        (svg,) = section.xpath(".//svg")
        _x, _y, width, height = view_box(svg)
        bars = [rect for rect in svg.iter("rect") if "chart-bar" in rect.get("class", "")]
        assert len(bars) == len(section.xpath(".//tbody/tr")), kind
        bottom = max(float(rect.get("y")) + float(rect.get("height")) for rect in bars)
        assert 0 <= height - bottom <= 4, kind  # the last bar ends at the bottom: no empty area below
        assert svg.get("height") is None and svg.get("preserveaspectratio") is None, kind  # scales with its width
        assert svg.get("width") == "100%" and width <= 400, kind  # drawn for a phone's width


@pytest.mark.parametrize("language", ["uk", "pl"])
def test_each_table_names_its_own_columns(client, reports, language):
    for kind, section in charts(client, language).items():
        (table,) = section.xpath(".//table")
        headers = [th.text_content() for th in table.xpath(".//thead//th[@scope='col']")]
        assert headers[0] == WORDS[language]["headers"][kind]
        assert len(table.xpath(".//tbody//th[@scope='row']")) == len(table.xpath(".//tbody/tr")) > 0
        assert table.xpath("./caption")[0].text_content().strip()
        # The table is what a screen reader reads; the drawing would only repeat it.
        assert section.xpath(".//svg")[0].get("aria-hidden") == "true"


@pytest.mark.unit
@pytest.mark.parametrize(("top", "step", "end"), [(3, 1, 3), (4, 1, 4), (7, 2, 8), (11, 5, 15), (240, 50, 250)])
def test_the_scale_has_round_numbers_and_five_steps_at_most(top, step, end):
    assert scale(top) == (step, end)


@pytest.mark.unit
def test_each_bar_is_as_long_as_its_count_on_the_scale():
    chart = bar_chart("language", [Bar("uk", 8, 0), Bar("pl", 4, 0), Bar("en", None, 0)])
    end = chart.ticks[-1]
    assert [tick.value for tick in chart.ticks] == [0, 2, 4, 6, 8]
    assert [row.bar_width for row in chart.rows[:2]] == [end.x - chart.left, (end.x - chart.left) / 2]
    # A hidden count: an outline as long as the count could be at most (2), and the words of the table.
    assert chart.rows[2].hidden and chart.rows[2].bar_width == pytest.approx((end.x - chart.left) / 4, abs=1)
    assert chart.rows[2].count == "fewer than 3"
