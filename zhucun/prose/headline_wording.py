"""The headline results in words (zhucun.stats.headlines), the same in every chapter that states them.

A leader is said to be ahead only when the paired test of its difference from the runner-up is
significant; a tie at the precision shown is named as a tie; otherwise the sentence says that these
data cannot tell the two apart.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from zhucun.prose.formatting import format_chinese_count, format_p_value
from zhucun.stats.headlines import Leader


def _p(p: float) -> str:
    shown = format_p_value(p)
    return f"p {shown}" if shown.startswith("<") else f"p = {shown}"


def leader_sentence(leader: Leader, ranked_by: str, value: Callable[[float], str] | None = None) -> str:
    """'{ranked_by}最高的是“X”…' and what the paired test allows to say of it (no final 。).

    *value* formats the compared values (e.g. format_percent); without it no number is stated, for a chapter
    that states them elsewhere.
    """
    def shown(x: float) -> str:
        return f"（{value(x)}）" if value is not None else ""

    if leader.tied:
        names = "、".join(f"“{label}”" for label in leader.labels)
        return f"{ranked_by}最高的是{names}，{format_chinese_count(len(leader.ids))}者并列{shown(leader.value)}"
    head = f"{ranked_by}最高的是“{leader.label}”{shown(leader.value)}"
    if leader.runner_up_id is None:
        return head
    runner = f"居第二的“{leader.runner_up_label}”{shown(leader.runner_up_value)}"
    if math.isnan(leader.p_value):
        return f"{head}，它与{runner}在每位受访者身上都没有差别，无从检验"
    if leader.ahead:
        return f"{head}；同一批受访者的配对比较（{leader.test}，{_p(leader.p_value)}）表明它确实高于{runner}"
    return (f"{head}，但它与{runner}之差在同一批受访者的配对比较中并不显著（{leader.test}，{_p(leader.p_value)}），"
            "两者孰高孰低，这些数据还不能确定")
