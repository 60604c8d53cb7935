"""Numbers as the book prints them: counts, percentages and decimals.

One formatter per kind of number, used by the glue, the tables and the chart
texts alike, so a number reads the same wherever it appears.
"""

from __future__ import annotations

import math


def format_count(n: int | float) -> str:
    """A whole number as Chinese publications write it (no thousands separator below 10 000)."""
    n = int(round(n))
    return f"{n:,}" if abs(n) >= 10_000 else str(n)


def format_percent(share: float, digits: int = 1) -> str:
    """A share (0–1) as a percentage: 0.221 → '22.1%'."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "无数据"
    return f"{share * 100:.{digits}f}%"


def format_number(x: float, digits: int = 2) -> str:
    """A decimal number with a fixed number of digits; NaN → '无数据'."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "无数据"
    return f"{x:.{digits}f}"


def format_wan(x: float) -> str:
    """A large count in 万 as Chinese prose writes it: 98 990 000 → '9899万', 563 000 → '56.3万'; below 10 000 as is."""
    return f"{x / 10_000:g}万" if x >= 10_000 else f"{x:g}"


def format_p_value(p: float) -> str:
    """A p-value as the book's tables print it: three decimals, '<0.001' below that, '—' when there is none."""
    if p is None or math.isnan(p):
        return "—"
    return "<0.001" if p < 0.001 else f"{p:.3f}"


def format_p_clause(p: float) -> str:
    """'p = 0.012' or 'p < 0.001' for prose (format_p_value's '<0.001' cannot follow '='); '无法检验' for none."""
    if p is None or math.isnan(p):
        return "无法检验"
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}"


CHINESE_DIGITS = "零一二三四五六七八九十"


def format_chinese_count(n: int) -> str:
    """A small count in Chinese numerals, as the prose writes "四种表现": 0–10, larger counts in digits."""
    return CHINESE_DIGITS[n] if 0 <= n <= 10 else format_count(n)


ENGLISH_DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def format_english_count(n: int) -> str:
    """A small count in English words, as English prose writes "four manifestations": 0–10, larger counts
    in digits (with a thousands separator from 1,000)."""
    n = int(round(n))
    return ENGLISH_DIGITS[n] if 0 <= n <= 10 else f"{n:,}"
