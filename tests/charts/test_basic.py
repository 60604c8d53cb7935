"""The chart helper: one call gives chart, source, text alternative and data table."""

import json

import pandas as pd
import pytest

from zhucun.book.plotly_renderer import PlotlyMimeRenderer, plotly_json_html
from zhucun.charts.basic import bar_chart, heatmap_chart, interval_chart
from zhucun.charts.style import PLOTLY_MIME, log_ticks


@pytest.fixture
def counts():
    return pd.DataFrame({"身份": ["第一书记", "工作队员"], "人数": [2083, 3388]})


def make_bar(counts, **kw):
    args = dict(category="身份", value="人数", chart_id="ch0-test", title="测试图</script>",
                source="测试来源", alt="两根横条。")
    args.update(kw)
    return bar_chart(counts, **args)


def test_bundle_has_html_for_the_book_and_plotly_for_jupyterlab(counts):
    bundle = make_bar(counts)._repr_mimebundle_()
    assert set(bundle) == {"text/html", PLOTLY_MIME, "text/plain"}
    html = bundle["text/html"]
    assert 'id="ch0-test"' in html and 'role="img"' in html and "aria-label=" in html
    assert "资料来源：测试来源" in html and "查看数据" in html and "3388" in html
    # No inline executable script, and a title cannot close the JSON element early.
    assert "<script>" not in html and "Plotly.newPlot" not in html
    assert html.count("</script>") == 1


def test_chart_json_is_deterministic(counts):
    assert make_bar(counts).figure_json() == make_bar(counts).figure_json()


def test_chart_needs_title_source_and_alt(counts):
    for missing in ("title", "source", "alt"):
        with pytest.raises(ValueError):
            make_bar(counts, **{missing: " "})


def test_chart_id_must_be_a_stable_slug(counts):
    with pytest.raises(ValueError):
        make_bar(counts, chart_id="Fig 1")


def test_heatmap_and_interval_build(counts):
    matrix = pd.DataFrame([[0.1, -0.3], [0.5, 0.0]], index=["甲", "乙"], columns=["丙", "丁"])
    heat = heatmap_chart(matrix, chart_id="ch0-heat", title="热图", source="来源", alt="说明",
                         value_title="相关系数", row_title="行", column_title="列", diverging=True)
    assert "行 \\ 列" in heat.to_html()
    est = pd.DataFrame({"项": ["a", "b"], "比": [1.2, 0.8], "下": [1.0, 0.6], "上": [1.5, 1.1]})
    chart = interval_chart(est, category="项", estimate="比", low="下", high="上", chart_id="ch0-or",
                           title="比值比", source="来源", alt="说明", reference=1, log_x=True)
    assert json.loads(chart.figure_json())["layout"]["xaxis"]["type"] == "log"


def test_plain_plotly_figures_are_rendered_not_dropped():
    html = plotly_json_html({"data": [{"type": "bar", "y": [1]}], "layout": {"title": {"text": "<b>"}}})
    assert 'class="zhucun-chart-spec"' in html and "&lt;b&gt;" in html
    assert PlotlyMimeRenderer.handle_mime(None, type("D", (), {"mime_type": "text/plain"})(), False) is None


def test_log_ticks_are_plain_1_2_5_values_covering_the_range():
    assert log_ticks(0.28, 5.74) == [0.2, 0.5, 1.0, 2.0, 5.0, 10.0]
    assert log_ticks(0.85, 4.14) == [0.5, 1.0, 2.0, 5.0]
    assert log_ticks(1.0, 1.0) == [1.0]
    assert log_ticks(12, 380) == [10.0, 20.0, 50.0, 100.0, 200.0, 500.0]


def test_log_interval_chart_labels_ticks_as_plain_numbers():
    data = pd.DataFrame({"变量": ["甲", "乙"], "优势比": [0.6, 2.5], "下限": [0.3, 1.2], "上限": [1.1, 5.7]})
    chart = interval_chart(data, category="变量", estimate="优势比", low="下限", high="上限", log_x=True,
                           reference=1, chart_id="t-odds", title="优势比", source="测试", alt="两个优势比")
    axis = chart.figure.layout.xaxis
    assert axis.type == "log"
    assert list(axis.tickvals) == [0.2, 0.5, 1.0, 2.0, 5.0, 10.0]
    assert list(axis.ticktext) == ["0.2", "0.5", "1", "2", "5", "10"]
