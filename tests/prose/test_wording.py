"""Boundaries of the words in zhucun.prose.wording."""

import pytest

from zhucun.prose.wording import (
    cliffs_delta_word,
    correlation_direction_word,
    correlation_strength_word,
    cramers_v_word,
    epsilon_squared_word,
    extreme_clause,
    odds_direction,
    share_gap_phrase,
    significance_phrase,
)

NAN = float("nan")


@pytest.mark.parametrize("rho, word", [(0.5, "较强"), (-0.62, "较强"), (0.3, "中等"), (0.29, "较弱"), (-0.1, "较弱"),
                                       (0.09, "几乎没有"), (NAN, "无法计算")])
def test_correlation_strength(rho, word):
    assert correlation_strength_word(rho) == word


def test_direction():
    assert [correlation_direction_word(v) for v in (0.2, -0.2, 0.0, NAN)] == ["正", "负", "零", "无法计算"]


@pytest.mark.parametrize("value, word", [(0.26, "较大"), (0.08, "中等"), (0.079, "较小"), (0.01, "较小"),
                                         (0.0099, "微弱")])
def test_epsilon_squared_word(value, word):
    assert epsilon_squared_word(value) == word


def test_cramers_v_and_delta_words():
    assert [cramers_v_word(v) for v in (0.5, 0.3, 0.1, 0.05)] == ["较大", "中等", "较小", "微弱"]
    assert [cliffs_delta_word(v) for v in (-0.5, 0.33, 0.147, 0.1)] == ["较大", "中等", "较小", "微弱"]


def test_significance_phrase_at_the_boundary():
    assert significance_phrase(0.049) == "在多重比较校正后仍然显著"
    assert significance_phrase(0.05) == "在多重比较校正后不显著"
    assert significance_phrase(NAN) == "无法检验"


@pytest.mark.parametrize("rho, word", [(0.0, "几乎没有"), (1.0, "较强"), (-1.0, "较强"), (0.4999, "中等"),
                                       (-0.3, "中等"), (0.2999, "较弱"), (0.0999, "几乎没有")])
def test_correlation_strength_at_zero_one_and_just_below_each_threshold(rho, word):
    assert correlation_strength_word(rho) == word


@pytest.mark.parametrize("word, cuts", [(epsilon_squared_word, (0.01, 0.08, 0.26)),
                                        (cramers_v_word, (0.1, 0.3, 0.5)),
                                        (cliffs_delta_word, (0.147, 0.33, 0.474))])
def test_graded_words_at_zero_all_and_each_threshold(word, cuts):
    small, medium, large = cuts
    assert [word(v) for v in (0.0, small - 1e-9, small, medium - 1e-9, medium, large - 1e-9, large, 1.0)] == [
        "微弱", "微弱", "较小", "较小", "中等", "中等", "较大", "较大"]
    assert word(NAN) == "无法计算"


def test_cliffs_delta_word_reads_the_size_whatever_the_direction():
    assert [cliffs_delta_word(v) for v in (-1.0, -0.474, -0.147, -0.1)] == ["较大", "较大", "较小", "微弱"]


def test_significance_phrase_at_zero_and_one():
    assert significance_phrase(0.0) == "在多重比较校正后仍然显著"
    assert significance_phrase(1.0) == "在多重比较校正后不显著"


GAP = dict(subject="样本比例", against="总体")


@pytest.mark.parametrize("share, reference, text", [
    # 二's 14-point gap: the comparison is stated with its size, and no rule that does not apply.
    (0.524194, 0.380735, "样本比例高于总体14.3个百分点"),
    (0.2, 0.380735, "样本比例低于总体18.1个百分点"),
    (0.38, 0.38, "样本比例与总体相同"),  # a tie is named as a tie
    (0.0, 0.0, "样本比例与总体相同"), (1.0, 1.0, "样本比例与总体相同"),
    (0.386, 0.380735, "样本比例与总体基本持平（相差0.5个百分点，本书把1个百分点以内的差距视为持平）"),
    (0.39, 0.38, "样本比例与总体基本持平（相差1.0个百分点，本书把1个百分点以内的差距视为持平）"),
    (0.3806, 0.380735, "样本比例与总体基本持平（相差不到0.1个百分点，本书把1个百分点以内的差距视为持平）"),
    (0.3906, 0.38, "样本比例高于总体1.1个百分点"),
    (1.0, 0.0, "样本比例高于总体100.0个百分点"),
    (NAN, 0.38, "样本比例与总体无法比较"),
])
def test_share_gap_phrase(share, reference, text):
    assert share_gap_phrase(share, reference, **GAP) == text


def test_share_gap_rule_is_stated_only_where_it_decides():
    for share in (0.1, 0.3, 0.5, 0.9):
        assert "视为持平" not in share_gap_phrase(share, 0.380735, **GAP)


LESSONS = dict(noun="启示", unit="条", measure="对应案例", extreme="最多")


def test_extreme_clause_names_one_or_a_tie():
    assert extreme_clause(["A"], 4, **LESSONS) == "对应案例最多的启示是A"
    assert extreme_clause(["A", "B"], 4, **LESSONS) == "A、B两条启示并列对应案例最多"
    # 四's three-way tie is a tie, not "the lesson with most cases is A, B, C".
    assert extreme_clause(["A", "B", "C"], 4, **LESSONS) == "A、B、C三条启示并列对应案例最多"
    assert extreme_clause(list("ABCD"), 4, **LESSONS) == "全部四条启示并列对应案例最多"
    assert extreme_clause(list("ABCD"), 4, every="四条启示一样多", **LESSONS) == "四条启示一样多"
    assert extreme_clause(["A"], 1, **LESSONS) == "对应案例最多的启示是A"


@pytest.mark.parametrize("names, total", [([], 4), (list("ABCDE"), 4)])
def test_extreme_clause_rejects_impossible_counts(names, total):
    with pytest.raises(ValueError):
        extreme_clause(names, total, **LESSONS)
def test_quoted_list_one_two_many_and_none():
    from zhucun.prose.wording import quoted_list
    assert quoted_list(["甲"]) == "“甲”"
    assert quoted_list(["甲", "乙"]) == "“甲”和“乙”"
    assert quoted_list(["甲", "乙", "丙"]) == "“甲”、“乙”和“丙”"
    with pytest.raises(ValueError):
        quoted_list([])


def test_format_p_clause_at_its_edges():
    import math

    from zhucun.number_format import format_p_clause
    assert format_p_clause(0.0) == "p < 0.001"
    assert format_p_clause(0.000999) == "p < 0.001"
    assert format_p_clause(0.001) == "p = 0.001"
    assert format_p_clause(1.0) == "p = 1.000"
    assert format_p_clause(math.nan) == "无法检验"


@pytest.mark.parametrize("low, high, word", [
    (1.2, 2.0, "更可能"), (0.2, 0.9, "更不可能"), (0.8, 1.3, "方向不确定"), (1.0, 2.0, "方向不确定"),
    (0.5, 1.0, "方向不确定"), (float("nan"), 2.0, "无法估计"), (0.5, float("nan"), "无法估计"),
])
def test_odds_direction_at_its_edges(low, high, word):
    assert odds_direction(low, high) == word
