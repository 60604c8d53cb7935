"""Numbers as the book prints them: one formatter per kind of number, each with one fixed precision.

- share (0–1): :func:`format_share`, 0.524194 → 52.4%
- share gap: :func:`format_points`, 0.143459 → 14.3 (个百分点)
- mean score: :func:`format_mean`, 3.9375 → 3.94
- weight: :func:`format_weight`, 0.7263 → 0.73
- coefficient (ρ, δ, OR, α, V): :func:`format_coefficient`, -0.184 → -0.18
- variance share (ε²): :func:`format_variance_share`, 0.0312 → 0.031
- p-value: :func:`format_p_value`, 0.0123 → 0.012, <0.001
- count: :func:`format_count`, 124, 12,345

The prose (through the glue), the numbered tables, the charts' value labels
and their 查看数据 tables all call these, so a number reads the same
wherever it appears. Each rounds once, from the exact value, half away from
zero, as the browser's charts do (d3-format's ``toFixed``): a share drawn as
59.4% on a bar is 59.4% in the sentence. A value that rounds to zero is
printed without a sign ("0.00", never "-0.00").

It sits in the lowest layer, beside :mod:`zhucun.paths`, and imports nothing of
the package, so data, stats, charts and prose all print numbers through it.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

NO_DATA = "无数据"  # what a missing number reads as in prose and tables

SHARE_DIGITS = 1  # 52.4%
MEAN_DIGITS = 2  # 3.94 (on a 1–5 scale)
WEIGHT_DIGITS = 2  # 0.73
COEFFICIENT_DIGITS = 2  # ρ = 0.52, δ = −0.18, OR = 2.79, α = 0.81
VARIANCE_SHARE_DIGITS = 3  # ε² = 0.031
P_DIGITS = 3  # 0.012; below 0.001 as "<0.001"


def _missing(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def format_fixed(x: float, digits: int) -> str:
    """*x* with *digits* decimals, rounded once half away from zero from its exact binary value (as
    JavaScript's ``toFixed``, which the charts use); a result of zero has no sign; ±∞ as '∞'/'-∞'."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    rounded = Decimal(x).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0.00"
    return f"{rounded:f}"


def format_share(share: float | None) -> str:
    """A share (0–1) as a percentage with one decimal: 0.221 → '22.1%'; missing → '无数据'."""
    if _missing(share):
        return NO_DATA
    # share × 100 in floating point, as the charts' ".1%" computes it, so both round the same number.
    return format_fixed(float(share) * 100, SHARE_DIGITS) + "%"


def format_points(difference: float | None) -> str:
    """A difference of two shares in percentage points, with the shares' one decimal: 0.143459 → '14.3'
    (the prose adds 个百分点)."""
    if _missing(difference):
        return NO_DATA
    return format_fixed(float(difference) * 100, SHARE_DIGITS)


def format_mean(x: float | None) -> str:
    """A mean score (of a 1–5 rating, a scale, cadres per village) with two decimals: 3.9375 → '3.94'."""
    return NO_DATA if _missing(x) else format_fixed(float(x), MEAN_DIGITS)


def format_weight(x: float | None) -> str:
    """A survey weight with two decimals: 0.7263 → '0.73'."""
    return NO_DATA if _missing(x) else format_fixed(float(x), WEIGHT_DIGITS)


def format_coefficient(x: float | None) -> str:
    """A coefficient — ρ, Cliff's δ, an odds ratio, Cronbach's α, V — with two decimals: -0.184 → '-0.18'."""
    return NO_DATA if _missing(x) else format_fixed(float(x), COEFFICIENT_DIGITS)


def format_variance_share(x: float | None) -> str:
    """A share of variance explained (ε², η²) with three decimals: these are small, and two decimals would
    print most of them as 0.00: 0.0312 → '0.031'."""
    return NO_DATA if _missing(x) else format_fixed(float(x), VARIANCE_SHARE_DIGITS)


def format_p_value(p: float | None) -> str:
    """A p-value with three decimals, '<0.001' below that, '—' when there is none."""
    if _missing(p):
        return "—"
    return "<0.001" if p < 0.001 else format_fixed(float(p), P_DIGITS)


def format_count(n: int | float | None) -> str:
    """A whole number as Chinese publications write it: no thousands separator below 10 000, half away from
    zero when *n* is not whole (an effective sample size of 114.5 → '115'); missing → '无数据'."""
    if _missing(n):
        return NO_DATA
    n = int(format_fixed(float(n), 0))
    return f"{n:,}" if abs(n) >= 10_000 else str(n)


def format_decimal(x: float | None) -> str:
    """A number of no kind above (a count in 万, a flow of a diagram): at most two decimals, trailing zeros
    dropped: 56.3 → '56.3', 290.0 → '290', 0.524194 → '0.52'. For the charts' data tables."""
    if _missing(x):
        return NO_DATA
    text = format_fixed(float(x), 2)
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_wan(x: float) -> str:
    """A large count in 万 as Chinese prose writes it: 98 990 000 → '9899万', 563 000 → '56.3万'; below 10 000 as is."""
    return f"{x / 10_000:g}万" if x >= 10_000 else f"{x:g}"


def format_p_clause(p: float) -> str:
    """'p = 0.012' or 'p < 0.001' for prose (format_p_value's '<0.001' cannot follow '='); '无法检验' for none."""
    if p is None or math.isnan(p):
        return "无法检验"
    shown = format_p_value(p)
    return f"p < {shown[1:]}" if shown.startswith("<") else f"p = {shown}"


CHINESE_DIGITS = "零一二三四五六七八九十"


def format_chinese_count(n: int) -> str:
    """A small count in Chinese numerals, as the prose writes "四种表现": 0–10, larger counts in digits."""
    return CHINESE_DIGITS[n] if 0 <= n <= 10 else format_count(n)


def format_chinese_amount(n: int) -> str:
    """A small count before a measure word, as "两条启示" (not "二条"): :func:`format_chinese_count`, 2 as 两."""
    return "两" if n == 2 else format_chinese_count(n)


ENGLISH_DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def format_english_count(n: int) -> str:
    """A small count in English words, as English prose writes "four manifestations": 0–10, larger counts
    in digits (with a thousands separator from 1,000)."""
    n = int(round(n))
    return ENGLISH_DIGITS[n] if 0 <= n <= 10 else f"{n:,}"
