"""The statistics charts at their edges: counts of many digits, a very large count, names that need escaping."""

import pytest
from lxml import html as lxml_html

from feedback.charts import WIDTH, bar_chart, scale, text_width
from feedback.statistics import Bar


@pytest.mark.unit
@pytest.mark.parametrize("count", [9999, 54321, 99999, 123456, 9876543])
def test_a_count_of_many_digits_stands_after_its_bar_and_inside_the_drawing(count):
    chart = bar_chart("category", [Bar("Air quality", count, 100), Bar("Noise", 3, 0)])
    for row in chart.rows:
        assert row.count_x >= row.bar_x + row.bar_width, f"{row.count} is drawn over its bar"
        assert row.count_x + text_width(row.count, bold=True) <= WIDTH
    assert chart.ticks[-1].x + text_width(str(chart.ticks[-1].value)) / 2 <= WIDTH


@pytest.mark.unit
@pytest.mark.parametrize("top", [10**10, 7 * 10**12])
def test_the_scale_goes_as_far_as_any_count(top):
    step, end = scale(top)
    assert end >= top and end / step <= 5


@pytest.mark.integration
@pytest.mark.django_db
def test_a_category_name_that_looks_like_markup_is_text_in_the_drawing(client):
    from feedback.tests.factories import CategoryFactory, ReportFactory

    category = CategoryFactory(name_en='<script>alert("x")</script> & Co ' + "x" * 110)  # the column holds 150
    ReportFactory.create_batch(3, category=category)
    page = client.get("/en/feedback/statistics/").content.decode()
    assert "<script>alert" not in page
    tree = lxml_html.fromstring(page)
    texts = " ".join(t.text_content() for t in tree.xpath("//section[@aria-labelledby='chart-category']//svg//text"))
    assert '<script>alert("x")</script> & Co' in texts
