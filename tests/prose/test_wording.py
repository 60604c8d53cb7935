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
