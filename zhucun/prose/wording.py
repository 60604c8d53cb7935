"""Words chosen by numbers: quantity words for shares, comparisons, counts, and the size of statistical results.

No qualitative word of the prose is typed by hand: it is chosen here from
the number it describes, so a sentence stays true when the data change.

Thresholds are conventions stated here once, so the prose and the tests use
the same ones: correlation strength after Cohen (0.1 / 0.3 / 0.5); ε² after
Tomczak & Tomczak (2014: 0.01 / 0.08 / 0.26); Cramér's V and |Cliff's δ|
with the usual small / medium / large cut-offs (0.1 / 0.3 / 0.5 for V; 0.147
/ 0.33 / 0.474 for δ, Romano et al. 2006).
"""

from __future__ import annotations

import math
from numbers import Real

from zhucun.prose.formatting import format_count


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


# Thresholds are inclusive at the lower end; the word for exactly one half is
# its own, because "过半" must never describe 50% (ground rule 3).
SHARE_WORDS: tuple[tuple[float, str], ...] = (
    (0.9, "绝大多数"),
    (2 / 3, "大多数"),
    (0.5, "过半数"),
    (0.4, "接近半数"),
    (0.2, "少数"),
    (0.0, "极少数"),
)


def share_word(share: float) -> str:
    """The Chinese quantity word that is true of *share* (0–1).

    >0.9 绝大多数; >2/3 大多数; >0.5 过半数; =0.5 恰好一半; ≥0.4 接近半数;
    ≥0.2 少数; >0 极少数; 0 没有. Above a threshold means strictly above for
    the majority words, so 过半数 is never said of exactly 50%.
    """
    if not isinstance(share, Real) or math.isnan(share) or not 0 <= share <= 1:
        raise ValueError(f"share must be between 0 and 1, got {share!r}")
    if share == 0:
        return "没有"
    if share == 0.5:
        return "恰好一半"
    for threshold, word in SHARE_WORDS:
        strictly_above = threshold >= 0.5
        if (share > threshold) if strictly_above else (share >= threshold):
            return word
    return "极少数"


# share_word's words in English, for the Abstract: the same thresholds, so both languages say the same.
SHARE_WORDS_EN: dict[str, str] = {
    "绝大多数": "the great majority of",
    "大多数": "most of",
    "过半数": "more than half of",
    "恰好一半": "exactly half of",
    "接近半数": "nearly half of",
    "少数": "a minority of",
    "极少数": "very few of",
    "没有": "none of",
}


def share_word_en(share: float) -> str:
    """:func:`share_word` in English ("more than half of", …), to stand before "the respondents"."""
    return SHARE_WORDS_EN[share_word(share)]


def comparison_word(a: float, b: float, tolerance: float = 0.0) -> str:
    """'高于', '低于' or '与之持平': how *a* stands to *b* (equal within *tolerance*)."""
    if math.isnan(a) or math.isnan(b):
        return "无法比较"
    if abs(a - b) <= tolerance:
        return "与之持平"
    return "高于" if a > b else "低于"


def count_phrase(count: int, total: int, *, some: str, none: str, every: str | None = None) -> str:
    """The wording that is true of *count* things out of *total*.

    "有0项" reads as a slip and "有11项" out of 11 hides that it is all of
    them, so the sentence is chosen from the count: *none* when it is 0,
    *every* (if given) when it is all of *total*, else *some*. Each template
    may use ``{count}`` and ``{total}``, formatted as counts.
    """
    count, total = int(count), int(total)
    if not 0 <= count <= total:
        raise ValueError(f"count {count} is not between 0 and total {total}")
    template = none if count == 0 else every if (every is not None and count == total) else some
    return template.format(count=format_count(count), total=format_count(total))


RELIABILITY_WORDS = ((0.9, "很高"), (0.8, "良好"), (0.7, "可以接受"), (0.6, "勉强可用"), (-math.inf, "偏低"))


def reliability_word(value: float) -> str:
    """Conventional reading of Cronbach's α: ≥0.9 很高, ≥0.8 良好, ≥0.7 可以接受, ≥0.6 勉强可用, else 偏低."""
    if value is None or math.isnan(value):
        return "无法计算"
    for threshold, word in RELIABILITY_WORDS:
        if value >= threshold:
            return word
    return "偏低"


def quoted_list(names) -> str:
    """Names quoted and listed as Chinese prose lists them: '“A”', '“A”和“B”', '“A”、“B”和“C”'."""
    quoted = [f"“{name}”" for name in names]
    if not quoted:
        raise ValueError("no names to list")
    return quoted[0] if len(quoted) == 1 else "、".join(quoted[:-1]) + "和" + quoted[-1]


def standing_phrase(higher: int, tied: int, total: int) -> str:
    """Where one of *total* items stands in a ranking: *higher* items rank strictly above it, *tied* others
    share its value. A tie is named as a tie, the top and the bottom as such.

    "在N项对策中获评比例最高/最低", "与另外k项并列最高/最低/第r位", "在N项对策中排第r位",
    "与其余各项对策的获评比例相同" (all tied), "是唯一一项受评的对策" (N = 1).
    """
    higher, tied, total = int(higher), int(tied), int(total)
    if not (total >= 1 and 0 <= higher and 0 <= tied and higher + tied + 1 <= total):
        raise ValueError(f"impossible standing: {higher} above, {tied} tied, of {total}")
    if total == 1:
        return "是唯一一项受评的对策"
    if tied == total - 1:
        return "与其余各项对策的获评比例相同"
    rank, last = higher + 1, higher + tied + 1 == total
    place = "最高" if rank == 1 else "最低" if last else f"第{format_count(rank)}位"
    if tied:
        return f"与另外{format_count(tied)}项并列{place}"
    return f"在{format_count(total)}项对策中获评比例{place}" if place in ("最高", "最低") \
        else f"在{format_count(total)}项对策中排{place}"
