"""Chapter 三's words chosen by code, at their edges (0, all, thresholds, ties), and its order-invariance."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from zhucun.chapters import predicaments
from zhucun.chapters.predicaments import (
    _controls_phrase,
    _merge_phrase,
    _roles_top_phrase,
    _services_phrase,
    _time_ranking_phrase,
    top_items_phrase,
    weight_gap_phrase,
)
from zhucun.data.survey import load_survey
from zhucun.prose.headline_wording import summary_leader_phrase
from zhucun.prose.wording import portion_phrase
from zhucun.stats.headlines import Leader


@pytest.mark.parametrize(("count", "total", "text"), [
    (0, 0, "没有一项差异显著"), (0, 16, "没有一项差异显著"), (16, 16, "全部差异显著"), (8, 16, "恰好一半差异显著"),
    (14, 16, "大多数差异显著"), (1, 16, "约一成差异显著"), (1, 40, "极少数差异显著"), (9, 16, "过半数差异显著")])
def test_portion_phrase(count, total, text):
    assert portion_phrase(count, total, "差异显著") == text


def test_top_items_single_and_tied():
    assert top_items_phrase(["甲"], ["表现一"]) == "认同面最广的一题是“甲”，属于“表现一”"
    assert top_items_phrase(["甲", "乙"], ["表现一", "表现一"]) == "认同面最广的是并列的“甲”与“乙”，同属“表现一”"
    assert top_items_phrase(["甲", "乙"], ["表现一", "表现二"]).endswith("分属“表现一”“表现二”")


@pytest.mark.parametrize(("gap", "little"), [(0.0, True), (0.0499, True), (0.05, False), (0.3, False)])
def test_weight_gap_threshold(gap, little):
    assert ("影响很小" in weight_gap_phrase(gap)) == little


def _leader(p_value: float, ids=("p1",), runner="p4") -> Leader:
    return Leader(ids, tuple(f"名{i}" for i in ids), 3.9, runner, None if runner is None else "名p4", 3.8,
                  "Wilcoxon 符号秩检验", p_value, 100)


def test_summary_leader_phrase():
    assert summary_leader_phrase(_leader(0.01)) == "普遍程度最高的是“名p1”"
    assert "并不显著" in summary_leader_phrase(_leader(0.05))
    assert summary_leader_phrase(_leader(math.nan, ids=("p1", "p2"))) == "普遍程度并列最高的是“名p1”和“名p2”"
    assert summary_leader_phrase(_leader(math.nan, runner=None)) == "普遍程度最高的是“名p1”"


def test_merge_phrase():
    labels = {1: "很小", 2: "较小", 3: "一般", 4: "较大", 5: "很大"}
    assert _merge_phrase([], labels).endswith("五个等级全部保留")
    assert _merge_phrase([(1, 2)], labels) == "当前数据中“很小”“较小”合为一级，模型因此有四个等级"
    assert _merge_phrase([(1, 2), (4, 5)], labels).endswith("模型因此有三个等级")


def test_controls_phrase_names_every_clear_control_and_none_when_none():
    odds = pd.DataFrame({"predictor": ["表现（每高1分）", "第一书记（对照：工作队员）",
                                       "派出单位（对照：市县）：中央单位", "驻村时长（每12个月）", "女（对照：男）"],
                         "odds_ratio": [2.0, 3.1, 0.3, 1.5, 1.0], "low": [1.2, 1.5, 0.1, 1.1, 0.5],
                         "high": [3.0, 6.5, 0.9, 2.0, 2.0]})
    text, clear = _controls_phrase(odds, {"表现（每高1分）"})
    assert len(clear) == 3
    assert "第一书记比工作队员更可能" in text and "中央单位比市县更不可能" in text and "驻村时长每多12个月" in text
    assert "女（对照" not in text
    none, clear = _controls_phrase(odds.iloc[[0, 4]], {"表现（每高1分）"})
    assert clear == [] and none.startswith("控制变量的95%区间都包含1")


def _options(shares: list[float], group: str = "全部") -> pd.DataFrame:
    names = [f"事{i}" for i in range(len(shares))]
    return pd.DataFrame({"option": [f"o{i}" for i in range(len(shares))], "工作事项": names, "group": group,
                         "share": shares, "rank": range(1, len(shares) + 1)})


def test_time_ranking_names_a_tie():
    assert _time_ranking_phrase(_options([0.5, 0.5, 0.2])) == "选择比例并列最高的是“事0”与“事1”，各为50.0%"
    assert _time_ranking_phrase(_options([0.6, 0.5, 0.2])).startswith("选择比例最高的是“事0”")


def test_services_share_is_said_once():
    overall = _options([0.6, 0.5, 0.2])
    assert "就是上面排第2" in _services_phrase(overall.set_index("option").loc["o1"], overall, 3)
    assert "20.0%" in _services_phrase(overall.set_index("option").loc["o2"], overall, 3)


def test_roles_top_phrase_same_and_different():
    same = pd.concat([_options([0.6, 0.2], "第一书记"), _options([0.4, 0.1], "工作队员")])
    assert _roles_top_phrase(same, ["第一书记", "工作队员"]) == (
        "两类身份选择最多的都是“事0”（第一书记60.0%，工作队员40.0%）")
    different = pd.concat([_options([0.6, 0.2], "第一书记"), _options([0.1, 0.4], "工作队员")])
    assert "工作队员选择最多的是“事1”（40.0%）" in _roles_top_phrase(different, ["第一书记", "工作队员"])


def test_chapter_does_not_depend_on_row_order():
    survey = load_survey()
    # Even without load_survey's sorting by respondent id, the groups' order, the canonical order of the
    # permutations and the rounding keep every text and table the same.
    shuffled = survey.sample(frac=1, random_state=20240601)
    first, again = predicaments.analyse(survey), predicaments.analyse(shuffled)
    assert first.texts == again.texts
    assert first.groups.table.equals(again.groups.table)
    # Chart data keep exact values: a sum in another order may differ in its last bit, never as shown
    # (and load_survey's sorting makes even that impossible for a file).
    pd.testing.assert_frame_equal(first.groups.top_means, again.groups.top_means, rtol=1e-12)


def test_each_number_is_stated_once_in_the_prose():
    """Every glued text that is a number is used by one sentence at most: tables and figures carry the rest."""
    import re
    from collections import Counter

    import nbformat

    from tests.chapters.notebook_checks import PROSE_GLUE, notebook_path
    from zhucun.prose.glue import MystText

    result = predicaments.analyse()
    sources = [cell.source for cell in nbformat.read(notebook_path("03_predicaments"), as_version=4).cells
               if cell.cell_type == "markdown"]
    used = {a or b for source in sources for a, b in PROSE_GLUE.findall(source)}
    # The MyST texts pasted into the page, each as often as the page pastes it (once).
    sources += [text for name, text in result.texts.items() if isinstance(text, MystText) and name in used]
    # Figure captions are not prose: a caption may repeat what its paragraph says.
    figures = re.compile(r"```\{glue:figure\}.*?```", re.S)
    counts = Counter(a or b for source in sources for a, b in PROSE_GLUE.findall(figures.sub("", source)))
    number = re.compile(r"^[−\-]?\d[\d,.]*%?$")
    repeated = {name: n for name, n in counts.items()
                if n > 1 and name in result.texts and number.match(str(result.texts[name]))}
    assert not repeated, repeated
