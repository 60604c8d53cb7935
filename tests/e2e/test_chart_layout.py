"""No chart text lies outside its chart or over another text, on a phone and on a desktop.

Every chart of every page is drawn in Chromium at 390 px (a phone, 390 × 844) and at 1280 px,
and its SVG text boxes (title, axis titles, tick labels, legend, annotations, Sankey node
labels, value labels) are measured (tests/e2e/chart_layout.py). Charts are fitted to their
width before drawing (zhucun-charts.js): titles and labels wrap, the phone's legend and colour
bar are placed in the chart's own pixels so that plotly reserves their room, numeric ticks thin
out, close timeline labels alternate above and below their points. The static print twins are
drawn by matplotlib with their own layout and are not measured here.
"""

from __future__ import annotations

import pytest

from tests.conftest import draw_charts, reader_tab
from tests.e2e.chart_layout import layout_problems
from tests.e2e.test_browser import book_pages

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_no_chart_text_is_clipped_or_overlaps(browser, built_book, viewport):
    problems = []
    with reader_tab(browser, (viewport["width"], viewport["height"])) as page:
        for rel in book_pages(built_book):
            page.goto((built_book / rel).as_uri(), wait_until="load")
            if page.query_selector(".zhucun-chart"):
                draw_charts(page)
                problems += [f"{rel} {problem}" for problem in layout_problems(page)]
    assert not problems, f"at {viewport['width']} px:\n" + "\n".join(problems)
