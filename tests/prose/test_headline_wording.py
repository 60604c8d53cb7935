"""The headline sentence at its edges: a tie, a lead the paired test supports, one it does not, none to test."""

from __future__ import annotations

import math

from zhucun.number_format import format_share
from zhucun.prose.headline_wording import leader_sentence, leader_sentence_en
from zhucun.stats.headlines import Leader

BASE = dict(ids=("a",), labels=("甲",), value=0.8, runner_up_id="b", runner_up_label="乙", runner_up_value=0.6,
            test="mcnemar-exact", n_pairs=50)


def test_ahead():
    text = leader_sentence(Leader(**BASE, p_value=0.012), "比例", format_share)
    assert text.startswith("比例最高的是“甲”（80.0%）")
    assert "确实高于居第二的“乙”（60.0%）" in text and "（McNemar 精确检验，p = 0.012）" in text


def test_the_difference_and_its_interval_and_the_label_are_stated():
    leader = Leader(**BASE, p_value=0.012, difference=0.2, difference_low=0.05, difference_high=0.34)
    text = leader_sentence(leader, "比例", format_share, label="（标签）")
    assert text.startswith("比例最高的是“甲”（80.0%）（标签）；")
    assert "（相差20.0个百分点，95%区间5.0至34.0个百分点；McNemar 精确检验，p = 0.012）" in text
    en = leader_sentence_en(leader, "share", NAMES, format_share, label=" (label)")
    assert en.startswith("“A” has the highest share, 80.0% (label);")
    assert "(a difference of 20.0 percentage points, 95% interval 5.0 to 34.0; exact McNemar test" in en


def test_at_the_significance_level_is_not_ahead():
    text = leader_sentence(Leader(**BASE, p_value=0.05), "比例")
    assert "并不显著" in text and "p = 0.050" in text and "确实" not in text and "%" not in text
    assert "不能说哪一项更高" in text


def test_very_small_p():
    assert "p < 0.001" in leader_sentence(Leader(**BASE, p_value=0.0001), "比例")


def test_tie():
    tie = Leader(**{**BASE, "ids": ("a", "c"), "labels": ("甲", "丙"), "test": ""}, p_value=math.nan)
    assert leader_sentence(tie, "平均得分") == "平均得分最高的是“甲”和“丙”，二者并列"


def test_nothing_to_test():
    assert "无从检验" in leader_sentence(Leader(**BASE, p_value=math.nan), "比例")
    alone = Leader(**{**BASE, "runner_up_id": None, "runner_up_label": None, "runner_up_value": math.nan,
                      "test": ""}, p_value=math.nan)
    assert leader_sentence(alone, "比例") == "比例最高的是“甲”"


NAMES = {"a": "A", "b": "B", "c": "C"}.__getitem__


def test_english_twin_says_the_same_at_every_edge():
    ahead = leader_sentence_en(Leader(**BASE, p_value=0.012), "share", NAMES, format_share)
    assert ahead == ("“A” has the highest share, 80.0%; a paired comparison of the same respondents "
                     "(exact McNemar test, p = 0.012) shows it above the second, “B” (60.0%)")
    level = leader_sentence_en(Leader(**BASE, p_value=0.05), "share", NAMES)
    assert "is not significant" in level and "p = 0.050" in level and "%" not in level
    assert "p < 0.001" in leader_sentence_en(Leader(**{**BASE, "test": "wilcoxon"}, p_value=0.0001), "mean", NAMES)
    assert "Wilcoxon signed-rank test" in leader_sentence_en(Leader(**{**BASE, "test": "wilcoxon"}, p_value=0.2),
                                                            "mean", NAMES)
    tie = Leader(**{**BASE, "ids": ("a", "c"), "labels": ("甲", "丙"), "test": ""}, p_value=math.nan)
    assert leader_sentence_en(tie, "mean score", NAMES) == "“A” and “C” share the highest mean score, a tie between two"
    assert "nothing to test" in leader_sentence_en(Leader(**BASE, p_value=math.nan), "share", NAMES)
    alone = Leader(**{**BASE, "runner_up_id": None, "runner_up_label": None, "runner_up_value": math.nan,
                      "test": ""}, p_value=math.nan)
    assert leader_sentence_en(alone, "share", NAMES) == "“A” has the highest share"


def test_chi2_mcnemar_is_named():
    assert "McNemar χ²检验" in leader_sentence(Leader(**{**BASE, "test": "mcnemar-chi2"}, p_value=0.3), "比例")


