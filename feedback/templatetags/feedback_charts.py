"""Template tags of the feedback pages: a statistics chart laid out for its SVG and its table."""

from django import template

from feedback import charts

register = template.Library()


@register.simple_tag
def bar_chart(kind: str, bars: list) -> charts.BarChart:
    """`{% bar_chart kind bars as chart %}`: the chart of one kind of count, in the page's language."""
    return charts.bar_chart(kind, bars)
