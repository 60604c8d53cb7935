"""The print edition's static twins: Chinese glyphs present, same numbers as the
interactive chart, deterministic files, written when a chart is displayed."""

from __future__ import annotations

import time
import warnings

import numpy as np
import pandas as pd
import pytest

from zhucun.charts.basic import bar_chart, heatmap_chart, interval_chart
from zhucun.charts.print_figure import CJK_FONT, configure, draw_recorded_twins, save, wrap

TITLE = "驻村干部履职困境：测试图（中文标题）"
SOURCE = "本书问卷第8题（合成演示数据），本书计算"


@pytest.fixture(autouse=True)
def glyph_warnings_fail():
    """A missing glyph draws an empty box on paper: make matplotlib's warning an error."""
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=r".*Glyph .* missing from.*")
        warnings.filterwarnings("error", message=r".*findfont: Font family .* not found.*")
        yield


def _bar():
    data = pd.DataFrame({"身份": ["第一书记", "工作队员"], "人数": [2083, 3388]})
    return bar_chart(data, category="身份", value="人数", chart_id="t-bar", title=TITLE, source=SOURCE,
                     alt="条形图。", value_title="人数（人）")


def _grouped_percent():
    data = pd.DataFrame({"事项": ["填表报数", "填表报数", "入户走访", "入户走访"],
                         "群体": ["第一书记", "工作队员"] * 2,
                         "比例": [0.62, 0.48, 0.31, 0.40], "下限": [0.5, 0.37, 0.2, 0.3],
                         "上限": [0.72, 0.6, 0.42, 0.51]})
    return bar_chart(data, category="事项", value="比例", group="群体", error_low="下限", error_high="上限",
                     percent=True, chart_id="t-grouped", title=TITLE, source=SOURCE, alt="分组条形图。")


def _stacked():
    data = pd.DataFrame({"年份": ["2019", "2019", "2021"], "脉络": ["嵌入式治理", "权责关系", "嵌入式治理"],
                         "文献数": [1, 2, 3]})
    return bar_chart(data, category="年份", value="文献数", group="脉络", orientation="v", barmode="stack",
                     chart_id="t-stacked", title=TITLE, source=SOURCE, alt="堆积柱形图。")


def _heatmap():
    matrix = pd.DataFrame([[0.31, -0.12], [0.05, np.nan]], index=["资源供需错配", "多重管理"],
                          columns=["职能冗杂", "权责交叉"])
    marks = pd.DataFrame([["0.31**", "−0.12"], ["0.05", "—"]], index=matrix.index, columns=matrix.columns)
    return heatmap_chart(matrix, annotations=marks, diverging=True, zmin=-1, zmax=1, chart_id="t-heat", title=TITLE,
                         source=SOURCE, alt="热力图。", value_title="Spearman ρ", row_title="成因", column_title="表现")


def _interval():
    data = pd.DataFrame({"自变量": ["任职年限", "女性"], "优势比": [1.4, 0.8], "下限": [1.1, 0.5], "上限": [1.9, 1.3]})
    return interval_chart(data, category="自变量", estimate="优势比", low="下限", high="上限", reference=1, log_x=True,
                          chart_id="t-interval", title=TITLE, source=SOURCE, alt="区间图。")


BUILDERS = [_bar, _grouped_percent, _stacked, _heatmap, _interval]


def test_the_cjk_font_is_found():
    configure()
    from matplotlib import font_manager

    path = font_manager.findfont(CJK_FONT, fallback_to_default=False)
    assert "NotoSansCJK" in path.replace("-", "").replace("_", "")


@pytest.mark.parametrize("builder", BUILDERS, ids=lambda b: b.__name__)
def test_every_builder_has_a_twin_drawn_without_missing_glyphs(builder, tmp_path):
    chart = builder()
    assert chart.static is not None
    started = time.perf_counter()
    paths = save(chart.static(), chart.chart_id, tmp_path)
    elapsed = time.perf_counter() - started
    assert paths["svg"].name == f"{chart.chart_id}.svg" and paths["png"].name == f"{chart.chart_id}.png"
    svg = paths["svg"].read_text()
    assert svg.startswith("<?xml") and "<dc:date>" not in svg
    from PIL import Image

    with Image.open(paths["png"]) as png:
        dpi = png.info["dpi"]
    assert round(dpi[0]) == 300
    assert elapsed < 3.0  # generous for a shared machine; typically 0.1–0.3 s


def test_title_and_source_are_on_the_static_figure():
    fig = _bar().static()
    texts = [fig._suptitle.get_text(), fig._supxlabel.get_text()]
    assert texts[0].replace("\n", "") == TITLE
    assert texts[1].replace("\n", "") == "资料来源：" + SOURCE


def test_bar_twin_draws_the_same_numbers():
    fig = _bar().static()
    ax = fig.axes[0]
    widths = [p.get_width() for p in ax.patches]
    assert widths == [2083, 3388]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["第一书记", "工作队员"]


def test_stacked_twin_stacks_like_the_html():
    ax = _stacked().static().axes[0]
    # 2019: 1 (嵌入式治理) then 2 on top of it; 2021: 3.
    rects = [(round(p.get_x() + p.get_width() / 2), p.get_y(), p.get_height())
             for p in ax.patches if p.get_height() > 0]
    assert (0, 0.0, 1.0) in rects and (0, 1.0, 2.0) in rects and (1, 0.0, 3.0) in rects


def test_heatmap_twin_writes_the_cell_annotations():
    ax = _heatmap().static().axes[0]
    cell_texts = {t.get_text() for t in ax.texts}
    assert {"0.31**", "−0.12", "0.05", "—"} <= cell_texts


def test_heatmap_twin_follows_a_hidden_colour_bar():
    chart = _heatmap()
    assert len(chart.static().axes) == 2  # plot + colour bar
    chart.figure.update_traces(showscale=False)
    assert len(chart.static().axes) == 1


def test_interval_twin_has_the_estimates_and_the_reference_line():
    ax = _interval().static().axes[0]
    assert ax.get_xscale() == "log"
    points = ax.lines[0].get_xdata()
    assert list(points) == [1.4, 0.8]


def test_svg_is_deterministic(tmp_path):
    first = save(_heatmap().static(), "same", tmp_path / "a")["svg"].read_bytes()
    second = save(_heatmap().static(), "same", tmp_path / "b")["svg"].read_bytes()
    assert first == second


def test_displaying_a_chart_records_its_twin_and_the_print_edition_draws_it(tmp_path, monkeypatch):
    (tmp_path / "_toc.yml").write_text("root: index\n")
    monkeypatch.chdir(tmp_path)
    bundle = _bar()._repr_mimebundle_()
    assert "text/html" in bundle
    figures = tmp_path / "figures"
    assert (figures / "t-bar.twin.pickle").is_file() and not (figures / "t-bar.svg").exists()
    assert draw_recorded_twins(figures) == ["t-bar"]
    assert (figures / "t-bar.svg").read_bytes() == (
        save(_bar().static(), "t-bar", tmp_path / "direct")["svg"].read_bytes())
    assert (figures / "t-bar.png").is_file()
    assert draw_recorded_twins(figures) == []  # drawn once; a newer record is drawn again


def test_wrap_counts_cjk_as_double_width():
    assert wrap("驻村干部abc", 6) == "驻村干\n部abc"
    assert wrap("abc", 10) == "abc"


def test_the_glyph_check_would_catch_a_font_without_chinese():
    # Negative control: without the CJK font, the same drawing must fail this module's filter.
    import matplotlib
    from matplotlib.figure import Figure

    configure()
    with matplotlib.rc_context({"font.sans-serif": ["DejaVu Sans"]}):
        fig = Figure()
        fig.add_subplot().set_title("驻村干部")
        with pytest.raises(UserWarning, match="missing from font"):
            fig.savefig(__import__("io").BytesIO(), format="svg")


# -- the chapter-specific builders (likert, Sankey, timeline) ------------------

LEVELS = ["非常不同意", "比较不同意", "一般", "比较同意", "非常同意"]


def _likert():
    from zhucun.charts.likert import diverging_likert_chart

    shares = pd.DataFrame([[0.1, 0.2, 0.3, 0.25, 0.15], [0.0, 0.05, 0.15, 0.5, 0.3]],
                          index=["会议多、报表多", "权责不清"], columns=LEVELS)
    return diverging_likert_chart(shares, chart_id="t-likert", title=TITLE, source=SOURCE, alt="回答分布。")


def _sankey():
    from zhucun.charts.sankey import framework_sankey
    from zhucun.data.framework import load_countermeasure_framework

    return framework_sankey(load_countermeasure_framework(), chart_id="t-sankey", title=TITLE, source=SOURCE,
                            alt="桑基图。")


def _timeline():
    from zhucun.charts.timeline import timeline_chart

    events = pd.DataFrame({"序号": [1, 2, 3], "日期": ["2017-12", "2021-05-11", "2023-08"],
                           "层级": ["国家层面", "国家层面", "J省层面"],
                           "事件": ["中办、国办印发指导意见", "中办印发意见", "J省集中轮换"],
                           "资料来源": ["甲", "乙", "丙"]})
    return timeline_chart(events, chart_id="t-timeline", title=TITLE, source=SOURCE, alt="时间线。")


CHAPTER_BUILDERS = [_likert, _sankey, _timeline]


@pytest.mark.parametrize("builder", CHAPTER_BUILDERS, ids=lambda b: b.__name__)
def test_chapter_builders_have_twins_drawn_without_missing_glyphs(builder, tmp_path):
    chart = builder()
    assert chart.static is not None, f"{chart.chart_id}: no static twin"
    paths = save(chart.static(), chart.chart_id, tmp_path)
    assert paths["svg"].is_file() and paths["png"].is_file()


def test_likert_twin_uses_the_same_offsets():
    from zhucun.charts.likert import diverging_offsets

    chart = _likert()
    ax = chart.static().axes[0]
    shares = chart.data.set_index("题项")
    # Patches are drawn level by level, item by item.
    drawn = [(round(p.get_x(), 6), round(p.get_x() + p.get_width(), 6)) for p in ax.patches]
    expected = [tuple(round(v, 6) for v in diverging_offsets(shares.loc[item])[level])
                for level in range(len(LEVELS)) for item in shares.index]
    assert drawn == expected
    assert [t.get_text() for t in ax.get_legend().get_texts()] == LEVELS


def test_sankey_twin_has_every_node_and_link():
    from matplotlib.patches import PathPatch, Rectangle

    chart = _sankey()
    ax = chart.static().axes[0]
    bands = [p for p in ax.patches if isinstance(p, PathPatch)]
    boxes = [p for p in ax.patches if isinstance(p, Rectangle)]
    links = chart.data
    assert len(bands) == int((links["流量"] > 0).sum())
    node_labels = set(links["起点"]) | set(links["终点"])
    assert node_labels <= {t.get_text() for t in ax.texts}
    assert len(boxes) >= len(node_labels)
    assert len(chart.figure.data[0].node.label) == len(boxes)


def test_timeline_twin_marks_and_lists_every_event():
    chart = _timeline()
    fig = chart.static()
    ax = fig.axes[0]
    numbers = sorted(t.get_text() for t in ax.texts)
    assert numbers == ["1", "2", "3"]
    listing = " ".join(t.get_text() for t in fig.axes[1].texts)
    for event in chart.data["事件"]:
        assert event in listing.replace("\n", "")
