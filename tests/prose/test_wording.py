"""Boundaries of the words in zhucun.prose.wording."""

import pytest

from zhucun.prose.wording import (
    cliffs_delta_word,
    correlation_direction_word,
    correlation_strength_word,
    cramers_v_word,
    epsilon_squared_word,
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


def test_quoted_list_one_two_many_and_none():
    from zhucun.prose.wording import quoted_list
    assert quoted_list(["甲"]) == "“甲”"
    assert quoted_list(["甲", "乙"]) == "“甲”和“乙”"
    assert quoted_list(["甲", "乙", "丙"]) == "“甲”、“乙”和“丙”"
    with pytest.raises(ValueError):
        quoted_list([])


@pytest.mark.parametrize(("higher", "tied", "total", "expected"), [
    (0, 0, 1, "是唯一一项受评的对策"),
    (0, 10, 11, "与其余各项对策的获评比例相同"),       # all tied
    (0, 0, 11, "在11项对策中获评比例最高"),
    (0, 2, 11, "与另外2项并列最高"),                   # tie at the top named
    (10, 0, 11, "在11项对策中获评比例最低"),
    (9, 1, 11, "与另外1项并列最低"),                   # tie at the bottom
    (2, 0, 11, "在11项对策中排第3位"),
    (2, 1, 11, "与另外1项并列第3位"),
    (0, 0, 2, "在2项对策中获评比例最高"),
    (1, 0, 2, "在2项对策中获评比例最低"),
])
def test_standing_phrase_at_top_bottom_middle_and_ties(higher, tied, total, expected):
    from zhucun.prose.wording import standing_phrase
    assert standing_phrase(higher, tied, total) == expected


def test_standing_phrase_refuses_impossible_rankings():
    from zhucun.prose.wording import standing_phrase
    for args in ((0, 0, 0), (5, 6, 11), (-1, 0, 3)):
        with pytest.raises(ValueError):
            standing_phrase(*args)


def test_format_p_clause_at_its_edges():
    import math

    from zhucun.prose.formatting import format_p_clause
    assert format_p_clause(0.0) == "p < 0.001"
    assert format_p_clause(0.000999) == "p < 0.001"
    assert format_p_clause(0.001) == "p = 0.001"
    assert format_p_clause(1.0) == "p = 1.000"
    assert format_p_clause(math.nan) == "无法检验"
