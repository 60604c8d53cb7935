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
