"""Charts follow the theme's light/dark switch: the reader clicks the theme's
own button, and the chart text is redrawn in the dark theme's colour."""

from __future__ import annotations

from tests.conftest import draw_charts, reader_tab

CHART_HEAVY_PAGE = "chapters/03_predicaments.html"
TITLE_COLOUR = ("() => getComputedStyle(document.querySelector("
                "'.zhucun-chart-canvas .gtitle')).fill")
TICK_COLOUR = ("() => getComputedStyle(document.querySelector("
               "'.zhucun-chart-canvas .xtick text, .zhucun-chart-canvas .ytick text')).fill")


def test_theme_switch_recolours_the_charts(browser, served_book):
    with reader_tab(browser, mode="light") as page:
        page.goto(served_book + CHART_HEAVY_PAGE, wait_until="load")
        draw_charts(page)
        light_title, light_tick = page.evaluate(TITLE_COLOUR), page.evaluate(TICK_COLOUR)
        # The theme's button cycles light → dark → auto; click until dark.
        for _ in range(3):
            if page.evaluate("document.documentElement.dataset.theme") == "dark":
                break
            page.click(".theme-switch-button >> visible=true")
        assert page.evaluate("document.documentElement.dataset.theme") == "dark"
        page.wait_for_function("() => [...document.querySelectorAll('.zhucun-chart-canvas')]"
                               ".every(e => e.getAttribute('data-theme-drawn') === 'dark')", timeout=15_000)
        dark_title, dark_tick = page.evaluate(TITLE_COLOUR), page.evaluate(TICK_COLOUR)
    assert light_title == "rgb(34, 34, 34)" and light_tick == "rgb(34, 34, 34)", (light_title, light_tick)
    assert dark_title == "rgb(230, 230, 230)" and dark_tick == "rgb(230, 230, 230)", (dark_title, dark_tick)
