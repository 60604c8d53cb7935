"""Chapter 三's words chosen by code, at their edges (0, all, thresholds, ties), and its order-invariance."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from zhucun.chapters import predicaments
from zhucun.chapters.predicaments import short_label, summary_leader
from zhucun.chapters.predicaments_comparisons import (
    _merge_phrase,
    _roles_top_phrase,
    clear_predictors_phrase,
    role_odds_phrase,
    services_phrase,
)
from zhucun.chapters.predicaments_scales import (
    elsewhere_phrase,
    items_majority_phrase,
    prevalence_verdict,
    share_words,
    top_items_phrase,
    weight_gap_phrase,
)
from zhucun.data.survey import load_survey
from zhucun.prose.wording import portion_phrase
from zhucun.stats.headlines import Leader


@pytest.mark.parametrize(("count", "total", "text"), [
    (0, 0, "没有一项差异显著"), (0, 16, "没有一项差异显著"), (16, 16, "全部差异显著"), (8, 16, "恰好一半差异显著"),
    (14, 16, "大多数差异显著"), (1, 16, "约一成差异显著"), (1, 40, "极少数差异显著"), (9, 16, "过半数差异显著")])
def test_portion_phrase(count, total, text):
    assert portion_phrase(count, total, "差异显著") == text


def test_top_items_single_and_tied():
    assert top_items_phrase(["甲"], ["表现一"]) == "同意比例最高的一题是“甲”，属于“表现一”"
    assert top_items_phrase(["甲", "乙"], ["表现一", "表现一"]) == "同意比例并列最高的是“甲”与“乙”，同属“表现一”"
    assert top_items_phrase(["甲", "乙"], ["表现一", "表现二"]).endswith("分属“表现一”“表现二”")


@pytest.mark.parametrize(("gap", "little"), [(0.0, True), (0.0099, True), (0.01, False), (0.3, False)])
def test_weight_gap_threshold(gap, little):
    assert ("影响很小" in weight_gap_phrase(gap)) == little


@pytest.mark.parametrize(("lows", "text"), [
    ([0.4, 0.45], "没有一个"), ([0.5, 0.6], "有1个"), ([0.51, 0.6], "全部2个"), ([], "没有一个")])
def test_items_majority_counts_by_the_interval_not_the_point(lows, text):
    # A lower limit of exactly one half does not clear it.
    assert text in items_majority_phrase(pd.Series(lows, dtype="float64"))


@pytest.mark.parametrize(("share", "low", "high", "weighted", "word", "note"), [
    (0.508, 0.421, 0.594, 0.490, "约半数", "（与半数的差别不显著）"),  # the interval holds one half
    (0.593, 0.505, 0.676, 0.577, "过半数", ""),
    (0.363, 0.284, 0.450, 0.347, "约四成", ""),
    (0.0, 0.0, 0.03, 0.0, "没有", ""), (1.0, 0.97, 1.0, 1.0, "全部", "")])
def test_share_words_follow_the_interval_and_the_weighted_estimate(share, low, high, weighted, word, note):
    assert share_words(share, low, high, weighted) == (word, note)


def _leader(p_value: float, ids=("p1",), runner="p4") -> Leader:
    return Leader(ids, tuple(f"名{i}" for i in ids), 0.6, runner, None if runner is None else "名p4", 0.5,
                  "mcnemar-exact", p_value, 100, 0.1, 0.02 if p_value < 0.05 else -0.01, 0.2)


def test_prevalence_verdict_and_summary_leader():
    assert "确实比后者更普遍" in prevalence_verdict(_leader(0.01))
    assert "定不下来" in prevalence_verdict(_leader(0.05))  # the threshold itself is not significant
    assert "并列" in prevalence_verdict(_leader(math.nan, ids=("p1", "p2")))
    assert summary_leader(_leader(0.01), "（标）") == "普遍程度最高的“名p1”确实高于居第二的“名p4”（标）"
    assert "并不显著" in summary_leader(_leader(0.05), "")
    assert summary_leader(_leader(math.nan, ids=("p1", "p2")), "") == "普遍程度并列最高的是“名p1”和“名p2”"
    assert "只问到“名p1”一种表现" in summary_leader(_leader(math.nan, runner=None), "")
    assert "没有问到" in summary_leader(None, "")


def test_short_label_drops_the_numbers_and_points_to_the_section():
    assert short_label("（生成数据中的偶然结果：生成器假设设定的次序正相反（量表位置偏移：甲 0.25、乙 0.35））") == (
        "（生成数据中的偶然结果，见第（三）节）")
    assert short_label("（数据含合成答卷，由生成器假设设定：甲 0.4）") == (
        "（数据含合成答卷，由生成器假设设定，见第（三）节）")
    assert short_label("") == ""


def test_clear_predictors_are_named_when_some_but_not_all_are_clear():
    odds = pd.DataFrame({"predictor": ["甲", "乙", "丙"], "low": [1.2, 0.5, 0.1], "high": [3.0, 2.0, 0.9]})
    assert clear_predictors_phrase(odds) == "在3个自变量中，95%区间不含1的有2个：“甲”和“丙”"
    assert clear_predictors_phrase(odds.iloc[[1]]) == "1个自变量的95%区间全都包含1"
    assert clear_predictors_phrase(odds.iloc[[0, 2]]) == "全部2个自变量的95%区间都不含1"
    # An interval touching 1 contains it.
    assert "全都包含1" in clear_predictors_phrase(pd.DataFrame({"predictor": ["甲"], "low": [1.0], "high": [2.0]}))


def test_role_odds_phrase():
    assert role_odds_phrase(1.49, 6.53).startswith("区间整体高于1")
    assert role_odds_phrase(0.2, 0.9).startswith("区间整体低于1")
    assert role_odds_phrase(0.5, 2.0).startswith("区间包含1")
    assert role_odds_phrase(1.0, 2.0).startswith("区间包含1")  # touching 1 is containing it
    assert "无法估计" in role_odds_phrase(math.nan, math.nan)


def test_elsewhere_phrase_is_said_only_when_the_pair_is_not_the_strongest():
    assert elsewhere_phrase("甲", 0.6, pair_asked=True, best_is_pair=True) == ""
    assert "而是“甲”（ρ = 0.60）" in elsewhere_phrase("甲", 0.6, pair_asked=True, best_is_pair=False)
    assert "问卷没有问到" in elsewhere_phrase("甲", 0.6, pair_asked=False, best_is_pair=False)


def test_merge_phrase():
    labels = {1: "很小", 2: "较小", 3: "一般", 4: "较大", 5: "很大"}
    assert _merge_phrase([], labels).endswith("五个等级全部保留")
    assert _merge_phrase([(1, 2)], labels) == "当前数据中“很小”“较小”合为一级，模型因此有四个等级"
    assert _merge_phrase([(1, 2), (4, 5)], labels).endswith("模型因此有三个等级")


def _options(shares: list[float], group: str = "全部") -> pd.DataFrame:
    names = [f"事{i}" for i in range(len(shares))]
    return pd.DataFrame({"option": [f"o{i}" for i in range(len(shares))], "工作事项": names, "group": group,
                         "share": shares, "rank": range(1, len(shares) + 1)})


def test_services_phrase_names_its_place_once():
    assert services_phrase(1, 0.6, 8) == "论文列出的四项职责之一“为民办事服务”正是这一项"
    assert services_phrase(2, 0.387, 8).endswith("在8类事务中排第2位，选择比例为38.7%")


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
