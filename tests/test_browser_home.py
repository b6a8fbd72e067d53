"""The home page in headless Chromium, on the demo: on a 1280 px screen its tasks and news use the width, two
tasks and three news side by side; on a 390 px phone everything is one column and nothing scrolls sideways."""

import pytest

pytestmark = pytest.mark.browser

TASKS = "section.home-tasks .task"
NEWS = "section.home-news .teaser"


def boxes(page, selector: str) -> list[dict]:
    return [page.locator(selector).nth(i).bounding_box() for i in range(page.locator(selector).count())]


@pytest.mark.parametrize("language", ["uk", "pl"])
def test_on_a_wide_screen_the_tasks_and_news_use_the_width(page, demo, language):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"/{language}/")
    tasks = boxes(page, TASKS)
    assert len(tasks) == 4
    # Two rows of two: each pair shares its top, and the pair spans most of the page's width.
    assert tasks[0]["y"] == tasks[1]["y"] < tasks[2]["y"] == tasks[3]["y"]
    assert tasks[1]["x"] + tasks[1]["width"] - tasks[0]["x"] > 1000
    news = boxes(page, NEWS)
    assert len(news) == 3
    assert len({box["y"] for box in news}) == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", ["uk", "pl"])
def test_on_a_phone_the_home_page_is_one_column(page, demo, language, scheme):
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"/{language}/")
    tasks = boxes(page, TASKS) + boxes(page, NEWS)
    assert len({round(box["x"]) for box in tasks}) == 1
    assert all(earlier["y"] < later["y"] for earlier, later in zip(tasks, tasks[1:], strict=False))
    assert page.evaluate("document.documentElement.scrollWidth") == 390
    # The mark beside the site's name is drawn, at its size, in either scheme.
    mark = page.locator("header .site-name img")
    assert mark.evaluate("img => img.complete && img.naturalWidth > 0")
    assert mark.bounding_box()["height"] >= 32
