"""Reading rendered pages in tests: the machine-readable dates a page gives."""

import datetime
import re

# HTML's valid date string, or global date and time string with at most three digits of a second.
HTML_DATE = r"\d{4}-\d{2}-\d{2}"
HTML_DATETIME = HTML_DATE + r"[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})"


def time_datetimes(html: str) -> list[str]:
    """Every <time datetime="…"> value in the page."""
    return re.findall(r'<time[^>]*\sdatetime="([^"]*)"', html)


def assert_valid_time_values(html: str) -> list[datetime.date]:
    """Each <time datetime> is a date or a time HTML accepts; returns them parsed."""
    values = time_datetimes(html)
    assert values, "the page has no <time datetime>"
    parsed = []
    for value in values:
        assert re.fullmatch(f"{HTML_DATE}|{HTML_DATETIME}", value), f"not a valid HTML date or time: {value}"
        fraction = re.search(r":\d{2}\.(\d+)", value)
        assert fraction is None or len(fraction.group(1)) <= 3, value
        parsed.append(datetime.datetime.fromisoformat(value) if "T" in value else datetime.date.fromisoformat(value))
    return parsed
