"""Every chart of the built book: its 查看数据 table holds formatted numbers, and its bars say what it says.

The table's cells are the chart's exact data formatted once by their kind (zhucun/charts/chart.py), and the
bars' labels come from the same formatter, so a label that is not among the table's cells means the data
were rounded before they reached the chart (the double rounding that showed 59.4% on a bar beside 59.3%
in the sentence).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

RAW_FLOAT = re.compile(r"^-?\d+\.\d{3,}$")  # 0.524194; p-values print three decimals but sit in no chart
PAGES = [f"chapters/{stem}.html" for stem in (
    "00_introduction", "01_concepts_theory", "02_requirements", "03_predicaments", "04_regional_experience",
    "05_countermeasures", "06_conclusion", "08_appendix")]


def chart_table_problems(html: str) -> list[str]:
    """For each chart of a page: raw floats in its table, and bar labels its table does not show."""
    problems = []
    for chart in BeautifulSoup(html, "html.parser").select("div.zhucun-chart"):
        name = chart.get("data-chart-id")
        cells = {cell.get_text().strip() for cell in chart.select("details.zhucun-chart-data td")}
        raw = sorted(cell for cell in cells if RAW_FLOAT.match(cell))
        if raw:
            problems.append(f"{name}: raw floats {raw[:5]}")
        spec = json.loads(chart.select_one("script.zhucun-chart-spec").string)
        for trace in spec["data"]:
            if trace.get("type") != "bar" or trace.get("base") is not None:  # diverging bars label rounded shares
                continue
            labels = [t for t in trace.get("text") or [] if isinstance(t, str) and t]
            missing = [t for t in labels if t not in cells]
            if missing:
                problems.append(f"{name}: bar labels not in the table {missing[:5]}")
    return problems


def test_the_check_finds_a_rounded_twice_label():
    page = ('<div class="zhucun-chart" data-chart-id="x"><script type="application/json" class="zhucun-chart-spec">'
            '{"data":[{"type":"bar","text":["59.4%"]}]}</script><details class="zhucun-chart-data"><table>'
            "<tr><td>59.3%</td><td>0.593496</td></tr></table></details></div>")
    assert chart_table_problems(page) == ["x: raw floats ['0.593496']", "x: bar labels not in the table ['59.4%']"]


@pytest.mark.parametrize("page", PAGES)
def test_chart_tables_are_formatted_and_agree_with_the_bars(built_book: Path, page: str):
    problems = chart_table_problems((built_book / page).read_text(encoding="utf-8"))
    assert not problems, f"{page}: {problems}"


def test_the_conclusions_shares_read_alike_in_the_sentence_and_under_the_chart(built_book: Path):
    """结论 states the most common manifestation and its runner-up with their 普遍程度; its chart's table must
    show the same digits (a value rounded before the chart once read 59.4% there against 59.3% in the sentence)."""
    soup = BeautifulSoup((built_book / "chapters/06_conclusion.html").read_text(encoding="utf-8"), "html.parser")
    chart = soup.select_one('div.zhucun-chart[data-chart-id="ch6-manifestation-scores"]')
    if chart is None:
        pytest.skip("no manifestation scale was asked")
    rows = {cells[0]: cells[1:] for tr in chart.select("details.zhucun-chart-data tr")
            if (cells := [td.get_text().strip() for td in tr.select("td")])}
    prose = " ".join(p.get_text() for p in soup.select("main p") if not p.find_parent("div", class_="zhucun-chart"))
    stated = re.findall(r"“([^”]+)”（(\d+\.\d%)）", prose)
    stated = [(name, share) for name, share in stated if name in rows]  # the manifestations, not the measures
    assert stated, "the sentence on the strongest manifestation was not found"
    assert [(name, share) for name, share in stated if share not in rows[name]] == []
