"""The schedule's bar of days with the keyboard: it sticks to the top of the window, so it must not hide the link
that has the focus, and its own links show the focus as every other link of the site does."""

import pytest

pytestmark = pytest.mark.browser

FOCUS_COLOUR = "rgb(255, 191, 71)"  # --colour-focus


def test_a_focused_day_link_looks_like_any_focused_link(page, demo):
    page.set_viewport_size({"width": 1280, "height": 700})
    page.goto("/uk/conference/schedule/")
    page.focus(".day-bar a")
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")  # focus from the keyboard: :focus-visible
    assert page.evaluate("getComputedStyle(document.activeElement).backgroundColor") == FOCUS_COLOUR


@pytest.mark.parametrize("width", [1280, 390])
def test_going_back_with_shift_tab_never_hides_the_focus_under_the_bar_of_days(page, demo, width):
    page.set_viewport_size({"width": width, "height": 700})
    page.goto("/uk/conference/schedule/")
    page.locator("footer a").last.focus()
    hidden = []
    for _ in range(300):
        page.keyboard.press("Shift+Tab")
        where = page.evaluate(
            """() => {
                const focused = document.activeElement, bar = document.querySelector('.day-bar');
                if (bar.contains(focused) || !(bar.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING))
                    return null;
                const top = focused.getBoundingClientRect().top, barBottom = bar.getBoundingClientRect().bottom;
                return top < barBottom - 1 ? (focused.textContent || '').trim().slice(0, 40) : '';
            }"""
        )
        if where is None:
            break
        if where:
            hidden.append(where)
    assert not hidden, f"under the bar of days: {hidden}"
