"""Accessibility of the built book: axe-core in headless Chromium on every page,
at a phone's width (390 px) and a desktop's (1280 px), in the light and the
dark theme, checked right after the page loads and again once its charts are
drawn; and every chart named and backed by a data table that the keyboard reaches.

The moment right after load is checked on two loads of each page (the second from
the tab's cache, so its scripts run at other moments): scripts that name or change
elements after load must not leave a window with a violation. The state with every
chart drawn is where those scripts end, whatever their timing (each chart says it
is drawn, and the page is scrolled back to the top), so it is checked once.

axe-core comes from the npm registry at the version pinned in package.json
(``npm ci``, run by the node_tools fixture).
"""

from __future__ import annotations

import pytest

from tests.conftest import draw_charts, reader_tab
from tests.e2e.test_browser import book_pages

BLOCKING = ("serious", "critical")
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
LOADS = 2


@pytest.fixture(scope="session")  # not a module fixture: the four runs of axe may go to different workers
def axe_source(node_tools) -> str:
    return (node_tools / "axe-core" / "axe.min.js").read_text(encoding="utf-8")


def blocking_violations(page, axe_source: str) -> list[str]:
    if page.evaluate("typeof axe === 'undefined'"):
        page.add_script_tag(content=axe_source)
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " targets: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))")
    return [f"{v['impact']} {v['id']} ({v['help']}): {v['targets']}"
            for v in violations if v["impact"] in BLOCKING]


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("mode", ["light", "dark"])
def test_axe_finds_no_serious_or_critical_violation(browser, served_book, built_book, axe_source, mode, width):
    problems = []
    pages = book_pages(built_book)
    assert len(pages) >= 10, pages
    # One tab walks the book, as a reader does; each page is loaded LOADS times in it (see the module's text).
    with reader_tab(browser, WIDTHS[width], mode=mode) as page:
        for rel in pages:
            for load in range(1, LOADS + 1):
                page.goto(served_book + rel, wait_until="load")
                assert page.evaluate("document.documentElement.dataset.theme") == mode
                problems += [f"{rel} [{mode}, {width}, load {load}, after load]: {v}"
                             for v in blocking_violations(page, axe_source)]
                if load == 1 and page.eval_on_selector_all(".zhucun-chart", "els => els.length"):
                    draw_charts(page)
                    problems += [f"{rel} [{mode}, {width}, load {load}, charts drawn]: {v}"
                                 for v in blocking_violations(page, axe_source)]
    assert not problems, "\n".join(problems)


def test_every_chart_has_a_name_and_a_data_table_the_keyboard_reaches(browser, served_book, built_book):
    problems = []
    checked = 0
    with reader_tab(browser) as page:
        for rel in book_pages(built_book):
            page.goto(served_book + rel, wait_until="load")
            charts = page.eval_on_selector_all(".zhucun-chart", """els => els.map(c => {
                const canvas = c.querySelector('.zhucun-chart-canvas');
                const summary = c.querySelector('details.zhucun-chart-data > summary');
                return {id: canvas && canvas.id, role: canvas && canvas.getAttribute('role'),
                        label: canvas && (canvas.getAttribute('aria-label') || ''),
                        summary: summary ? summary.textContent.trim() : null,
                        rows: c.querySelectorAll('details.zhucun-chart-data table tbody tr').length};
            })""")
            if not charts:
                continue
            for chart in charts:
                checked += 1
                if chart["role"] != "img" or len(chart["label"]) < 4:
                    problems.append(f"{rel} #{chart['id']}: no accessible name "
                                    f"(role={chart['role']}, label={chart['label']!r})")
                if not (chart["summary"] or "").startswith("查看数据"):
                    problems.append(f"{rel} #{chart['id']}: no 查看数据 summary labelling the data table")
                if chart["rows"] == 0:
                    problems.append(f"{rel} #{chart['id']}: the data table has no rows")
            # Walk the page with Tab, as a keyboard user does: every 查看数据 must
            # take focus, and Enter must open its table.
            draw_charts(page)
            page.evaluate("document.activeElement && document.activeElement.blur()")
            reached = set()
            for _ in range(600):
                page.keyboard.press("Tab")
                chart_id = page.evaluate("""() => { const e = document.activeElement;
                    if (!e || e.tagName !== 'SUMMARY' || !e.closest('.zhucun-chart')) return null;
                    return e.closest('.zhucun-chart').dataset.chartId; }""")
                if chart_id:
                    reached.add(chart_id)
                    if len(reached) == len(charts):
                        break
            missing = {c["id"] for c in charts} - reached
            if missing:
                problems.append(f"{rel}: Tab never reaches the 查看数据 of {sorted(missing)}")
            else:
                page.keyboard.press("Enter")  # the last one reached has focus
                opened = page.evaluate("() => document.activeElement.closest('details').open")
                visible = page.evaluate(
                    "() => document.activeElement.closest('details').querySelector('table').offsetHeight > 0")
                if not (opened and visible):
                    problems.append(f"{rel}: Enter on 查看数据 does not show the table")
    assert checked >= 10, f"only {checked} charts found"
    assert not problems, "\n".join(problems)
