"""Words for statistical results, chosen from the numbers (like zhucun.narrative's share words).

Thresholds are conventions stated here once, so the prose and the tests use
the same ones: correlation strength after Cohen (0.1 / 0.3 / 0.5); ε² after
Tomczak & Tomczak (2014: 0.01 / 0.08 / 0.26); Cramér's V and |Cliff's δ|
with the usual small / medium / large cut-offs (0.1 / 0.3 / 0.5 for V; 0.147
/ 0.33 / 0.474 for δ, Romano et al. 2006).
"""

from __future__ import annotations

import math


def _graded(value: float, cuts: tuple[float, float, float]) -> str:
    if value is None or math.isnan(value):
        return "无法计算"
    small, medium, large = cuts
    if value >= large:
        return "较大"
    if value >= medium:
        return "中等"
    if value >= small:
        return "较小"
    return "微弱"


def correlation_strength_word(rho: float) -> str:
    """'较强' |ρ|≥0.5, '中等' ≥0.3, '较弱' ≥0.1, '几乎没有' below; NaN '无法计算'."""
    if rho is None or math.isnan(rho):
        return "无法计算"
    size = abs(rho)
    if size >= 0.5:
        return "较强"
    if size >= 0.3:
        return "中等"
    if size >= 0.1:
        return "较弱"
    return "几乎没有"


def correlation_direction_word(rho: float) -> str:
    """'正' for ρ > 0, '负' for ρ < 0, '零' for 0, '无法计算' for NaN."""
    if rho is None or math.isnan(rho):
        return "无法计算"
    return "正" if rho > 0 else "负" if rho < 0 else "零"


def epsilon_squared_word(value: float) -> str:
    """Size of a Kruskal–Wallis ε²: 较大 ≥0.26, 中等 ≥0.08, 较小 ≥0.01, 微弱 below."""
    return _graded(value, (0.01, 0.08, 0.26))


def cramers_v_word(value: float) -> str:
    """Size of Cramér's V: 较大 ≥0.5, 中等 ≥0.3, 较小 ≥0.1, 微弱 below."""
    return _graded(value, (0.1, 0.3, 0.5))


def cliffs_delta_word(value: float) -> str:
    """Size of |Cliff's δ|: 较大 ≥0.474, 中等 ≥0.33, 较小 ≥0.147, 微弱 below."""
    return _graded(abs(value) if value is not None else value, (0.147, 0.33, 0.474))


def significance_phrase(p_adjusted: float, level: float = 0.05) -> str:
    """'在多重比较校正后仍然显著' when the corrected p is below *level*, else '在多重比较校正后不显著'."""
    if p_adjusted is None or math.isnan(p_adjusted):
        return "无法检验"
    return "在多重比较校正后仍然显著" if p_adjusted < level else "在多重比较校正后不显著"


def count_phrase(k: int, total: int) -> str:
    """'全部' when k == total > 0, '没有一' when k == 0, otherwise '其中k'. Used as '…{phrase}项…'."""
    if total <= 0:
        return "没有"
    if k == 0:
        return "没有一"
    if k == total:
        return "全部"
    return f"其中{k}"
