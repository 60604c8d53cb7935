"""The 查看数据 tables under the charts: every number formatted by its kind, once, from the exact value.

The charts keep exact numbers (their data are never rounded first), so the table, the bars' labels and the
prose, which all format the same exact value with the same formatter, show the same digits: no 59.3% in a
sentence beside 59.4% on its bar.
"""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from zhucun.charts.basic import bar_chart, heatmap_chart, interval_chart
from zhucun.charts.chart import column_formatter, display_table
from zhucun.charts.likert import diverging_likert_chart
from zhucun.number_format import format_coefficient, format_count, format_mean, format_share

TEXT = dict(title="标题", source="来源", alt="说明")
# A share whose four-decimal rounding (0.5935) would show as 59.4%: exactly it is 59.3%.
EXACT = 0.593451
RAW_FLOAT = re.compile(r"^-?\d+\.\d{3,}$")


def no_raw_float(table: pd.DataFrame) -> None:
    cells = [v for v in table.to_numpy().ravel()]
    assert all(isinstance(v, str) for v in cells), cells
    assert not [v for v in cells if RAW_FLOAT.match(v)], cells


def test_bar_chart_table_and_labels_show_the_exact_share_rounded_once():
    data = pd.DataFrame({"表现": ["甲", "乙"], "同意比例": [EXACT, 0.581], "95%区间下限": [0.5, 0.49],
                         "95%区间上限": [0.67, 0.66], "有效人数": [124, 124]})
    chart = bar_chart(data, category="表现", value="同意比例", error_low="95%区间下限", error_high="95%区间上限",
                      percent=True, chart_id="t-bar", **TEXT)
    table = chart.display_table()
    assert list(table["同意比例"]) == [format_share(EXACT), "58.1%"] == ["59.3%", "58.1%"]
    assert list(table["95%区间下限"]) == ["50.0%", "49.0%"]
    assert list(table["有效人数"]) == ["124", "124"]
    assert list(chart.figure.data[0].text) == list(table["同意比例"])  # the bar says what the table says
    assert chart.data["同意比例"].iloc[0] == EXACT  # the data stay exact
    no_raw_float(table)


def test_bar_chart_of_counts_and_of_decimals():
    data = pd.DataFrame({"时点": ["2016-12", "2020-03"], "人数（万人）": [18.8, 91.8], "人数": [2083, 3388]})
    counts = bar_chart(data, category="时点", value="人数", chart_id="t-count", **TEXT)
    assert list(counts.figure.data[0].text) == ["2083", "3388"]
    wan = bar_chart(data, category="时点", value="人数（万人）", chart_id="t-wan", **TEXT)
    assert list(wan.display_table()["人数（万人）"]) == ["18.8", "91.8"]


def test_interval_chart_formats_shares_or_coefficients():
    data = pd.DataFrame({"对策": ["甲"], "比例": [EXACT], "下限": [0.51], "上限": [0.671], "平均评分": [3.9375]})
    shares = interval_chart(data, category="对策", estimate="比例", low="下限", high="上限", percent=True,
                            chart_id="t-int", **TEXT).display_table()
    assert list(shares.iloc[0]) == ["甲", "59.3%", "51.0%", "67.1%", "3.94"]
    odds = pd.DataFrame({"变量": ["甲"], "优势比": [2.7949], "下限": [1.3551], "上限": [5.7449]})
    table = interval_chart(odds, category="变量", estimate="优势比", low="下限", high="上限", log_x=True,
                           chart_id="t-or", **TEXT).display_table()
    assert list(table.iloc[0]) == ["甲", "2.79", "1.36", "5.74"]


def test_heatmap_tables_by_kind():
    rho = pd.DataFrame([[0.524194, -0.0004]], index=["甲"], columns=["A", "B"])
    table = heatmap_chart(rho, value_title="ρ", row_title="行", column_title="列", chart_id="t-heat",
                          **TEXT).display_table()
    assert list(table.iloc[0])[1:] == ["0.52", "0.00"]  # no "-0.00"
    shares = heatmap_chart(rho.abs(), value_title="比例", row_title="行", column_title="列", text_format=".0%",
                           chart_id="t-heat2", **TEXT)
    assert list(shares.display_table().iloc[0])[1:] == ["52.4%", "0.0%"]
    assert list(shares.figure.data[0].text[0]) == ["52%", "0%"]
    matrix = pd.DataFrame([[2, 0]], index=["甲"], columns=["A", "B"])
    assert list(heatmap_chart(matrix, value_title="v", row_title="行", column_title="列", chart_id="t-heat3",
                              **TEXT).display_table().iloc[0])[1:] == ["2", "0"]


def test_likert_table_shows_each_share_once_rounded():
    shares = pd.DataFrame({"不同意": [1 - EXACT - 0.2], "一般": [0.2], "同意": [EXACT]}, index=["甲"])
    chart = diverging_likert_chart(shares, chart_id="t-likert", **TEXT)
    table = chart.display_table()
    assert list(table.iloc[0]) == ["甲", format_share(1 - EXACT - 0.2), "20.0%", "59.3%"]
    assert chart.data["同意"].iloc[0] == EXACT


@pytest.mark.parametrize("name, values, formatter", [
    ("样本占比", [0.5], format_share), ("平均得分", [3.9], format_mean), ("人数", [3.0], format_count),
    ("题项", ["甲"], None),
])
def test_column_formatter_reads_the_kind_from_the_header(name, values, formatter):
    assert column_formatter(name, pd.Series(values)) is formatter


def test_display_table_shows_missing_values_as_a_dash():
    table = display_table(pd.DataFrame({"占比": [0.5, None], "题项": ["甲", None]}),
                          {"占比": format_coefficient})
    assert list(table["占比"]) == ["0.50", "—"] and list(table["题项"]) == ["甲", "—"]


def test_the_html_table_and_so_the_csv_hold_the_shown_cells():
    data = pd.DataFrame({"表现": ["甲"], "同意比例": [EXACT]})
    html = bar_chart(data, category="表现", value="同意比例", percent=True, chart_id="t-html", **TEXT).to_html()
    assert "<td>59.3%</td>" in html and "0.593451" not in html.split("</script>")[1]
    spec = json.loads(html.split('data-target="t-html">')[1].split("</script>")[0])
    assert spec["data"][0]["text"] == ["59.3%"]
