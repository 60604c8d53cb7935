"""Words chosen by numbers: quantity words for shares, comparisons (with their gap), counts, ties for the
top place, and the size of statistical results.

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
from collections.abc import Sequence
from numbers import Real

from zhucun.number_format import format_chinese_amount, format_count, format_decimal, format_points


def _missing(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


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


# Read from the top: the first row whose test the share passes gives the word. The majority words need a
# share strictly above their threshold, so "过半数" is never said of exactly 50%; exactly one half and all
# have words of their own. Below one half the words are the nearest tenth (约四成 from 35% up to 45%), so
# 40.2% reads "约四成", not "接近半数", which is kept for 45% up to one half.
SHARE_WORDS: tuple[tuple[float, str], ...] = (
    (0.9, "绝大多数"),
    (2 / 3, "大多数"),
    (0.5, "过半数"),
    (0.45, "接近半数"),
    (0.35, "约四成"),
    (0.25, "约三成"),
    (0.15, "约两成"),
    (0.05, "约一成"),
    (0.0, "极少数"),
)


def share_word(share: float) -> str:
    """The Chinese quantity word that is true of *share* (0–1).

    1 全部; >0.9 绝大多数; >2/3 大多数; >0.5 过半数; =0.5 恰好一半; ≥0.45 接近半数; ≥0.35 约四成;
    ≥0.25 约三成; ≥0.15 约两成; ≥0.05 约一成; >0 极少数; 0 没有.
    """
    if not isinstance(share, Real) or math.isnan(share) or not 0 <= share <= 1:
        raise ValueError(f"share must be between 0 and 1, got {share!r}")
    if share == 0:
        return "没有"
    if share == 1:
        return "全部"
    if share == 0.5:
        return "恰好一半"
    for threshold, word in SHARE_WORDS:
        strictly_above = threshold >= 0.5
        if (share > threshold) if strictly_above else (share >= threshold):
            return word
    return "极少数"


def comparison_word(a: float, b: float, tolerance: float = 0.0) -> str:
    """'高于', '低于' or '与之持平': how *a* stands to *b* (a tie, or equal within *tolerance*, is 持平)."""
    if math.isnan(a) or math.isnan(b):
        return "无法比较"
    if abs(a - b) <= tolerance:
        return "与之持平"
    return "高于" if a > b else "低于"


def share_gap_phrase(share: float, reference: float, *, subject: str, against: str,
                     tolerance: float = 0.01) -> str:
    """How a share stands to another, with the gap in percentage points, and the rule of *tolerance*
    stated only where it decides: "样本比例高于总体14.3个百分点"; within it "样本比例与总体基本持平（相差
    0.6个百分点，本书把一个百分点以内的差距视为持平）"; a tie "样本比例与总体相同"; NaN "…无法比较"."""
    if _missing(share) or _missing(reference):
        return f"{subject}与{against}无法比较"
    gap = share - reference
    if gap == 0:
        return f"{subject}与{against}相同"
    points = format_points(abs(gap))
    # Within the rule as the reader sees the gap (1.0 points is within one point, whatever the float says).
    if float(points) <= round(tolerance * 100, 9):
        # A gap that rounds to 0.0 points is still a gap: "不到0.1个百分点", never "相差0.0".
        apart = (f"相差{points}个百分点" if points != format_points(0)
                 else f"相差不到{format_points(0.001)}个百分点")
        rule = f"本书把{format_decimal(tolerance * 100)}个百分点以内的差距视为持平"
        return f"{subject}与{against}基本持平（{apart}，{rule}）"
    return f"{subject}{'高于' if gap > 0 else '低于'}{against}{points}个百分点"


def extreme_clause(names: Sequence[str], total: int, *, noun: str, unit: str, measure: str, extreme: str,
                   every: str | None = None) -> str:
    """Which of *total* things hold the highest (or lowest) place, a tie named as a tie.

    One name: "对应案例最多的启示是A"; several: "A、B、C三条启示并列对应案例最多"; all *total* of them
    (more than one): *every* if given, else "全部四条启示并列对应案例最多".
    """
    names = list(names)
    if not 1 <= len(names) <= total:
        raise ValueError(f"{len(names)} names hold the {extreme} place out of {total}")
    if len(names) == 1:
        return f"{measure}{extreme}的{noun}是{names[0]}"
    count = format_chinese_amount(len(names))
    if len(names) == total:
        return every if every is not None else f"全部{count}{unit}{noun}并列{measure}{extreme}"
    return f"{'、'.join(names)}{count}{unit}{noun}并列{measure}{extreme}"


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


def portion_phrase(count: int, total: int, what: str) -> str:
    """'全部…' / '没有一项…' / '大多数…' (share_word of count/total): how many of *total* did *what*, in words."""
    if count == 0:  # also when there were none to count
        return f"没有一项{what}"
    if count == total:
        return f"全部{what}"
    return f"{share_word(count / total)}{what}"


def quoted_list(names) -> str:
    """Names quoted and listed as Chinese prose lists them: '“A”', '“A”和“B”', '“A”、“B”和“C”'."""
    quoted = [f"“{name}”" for name in names]
    if not quoted:
        raise ValueError("no names to list")
    return quoted[0] if len(quoted) == 1 else "、".join(quoted[:-1]) + "和" + quoted[-1]


def odds_direction(low: float, high: float) -> str:
    """What an odds-ratio interval says: '更可能' (all above 1), '更不可能' (all below 1), else '方向不确定'."""
    if math.isnan(low) or math.isnan(high):
        return "无法估计"
    if low > 1:
        return "更可能"
    if high < 1:
        return "更不可能"
    return "方向不确定"


# ---------------------------------------------------------------------------
# Words that hold under uncertainty (issue 22, item 5)
# ---------------------------------------------------------------------------
HALF = 0.5
ABOUT_HALF = "约半数"
NOT_SIGNIFICANT_FROM_HALF = "（与半数的差别不显著）"


def _side(value: float) -> int:
    return 1 if value > HALF else -1 if value < HALF else 0


def _side_word(value: float) -> str:
    return {1: "过半数", -1: "不到半数", 0: "恰好一半"}[_side(value)]


def uncertain_share_word(share: float, low: float, high: float, weighted: float = math.nan) -> str:
    """A quantity word for a share of respondents that holds for its 95 % interval and its weighted estimate.

    Only a majority word needs the interval to clear one half: where the interval [*low*, *high*] contains
    0.5 (touching counts) the word is "约半数（与半数的差别不显著）"; where the weighted estimate falls on
    the other side of one half than the unweighted one, "约半数（未加权过半数，加权后不到半数）" (or the
    reverse). Otherwise: above one half, the strongest majority word the interval's lower limit still
    supports (low > 0.9 绝大多数, > 2/3 大多数, else 过半数); below one half, :func:`share_word` of the
    share (接近半数, 约四成, … 极少数). What is true of every respondent stays so: 0 没有, 1 全部.
    A missing weighted estimate (no weights) is left out of the rule.
    """
    word = share_word(share)  # validates the share
    if word in ("没有", "全部"):
        return word
    if any(_missing(x) for x in (low, high)):
        raise ValueError(f"the interval of share {share!r} is missing: ({low!r}, {high!r})")
    if not low <= share <= high:
        raise ValueError(f"share {share!r} lies outside its interval ({low!r}, {high!r})")
    if low <= HALF <= high:
        return ABOUT_HALF + NOT_SIGNIFICANT_FROM_HALF
    if not _missing(weighted) and _side(weighted) != _side(share):
        return f"{ABOUT_HALF}（未加权{_side_word(share)}，加权后{_side_word(weighted)}）"
    if share > HALF:
        return "绝大多数" if low > 0.9 else "大多数" if low > 2 / 3 else "过半数"
    return word


