"""Numbers and words for the prose, through MyST-NB glue.

Every number in a sentence of the book is glued here, so the text follows the
data. Qualitative words ("过半数", "少数", "高于") are chosen from the numbers
by the functions below, never typed into the prose, so a sentence cannot
become false when other data replace the demonstration data.
"""

from __future__ import annotations

import math
from numbers import Real

from myst_nb import glue


class PlainText(str):
    """A string whose repr is itself: glued text shows without quotes."""

    def __repr__(self) -> str:  # glue stores the text/plain repr
        return str(self)


def glue_text(name: str, text: str) -> str:
    """Glue a piece of text for ``{glue}`name``` in the prose; returns it too."""
    glue(name, PlainText(text), display=False)
    return str(text)


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


def glue_count(name: str, n: int | float) -> str:
    return glue_text(name, format_count(n))


def glue_percent(name: str, share: float, digits: int = 1) -> str:
    return glue_text(name, format_percent(share, digits))


def glue_number(name: str, x: float, digits: int = 2) -> str:
    return glue_text(name, format_number(x, digits))


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


def glue_count_phrase(name: str, count: int, total: int, **templates: str) -> str:
    return glue_text(name, count_phrase(count, total, **templates))
