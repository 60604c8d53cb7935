"""The headline results in words (zhucun.stats.headlines), the same in every chapter that states them.

A leader is said to be ahead only when the paired test of its difference from the runner-up is
significant; a tie at the precision shown is named as a tie; otherwise the sentence says that these
data cannot tell the two apart. The Chinese and the English sentence say the same thing of the same
:class:`~zhucun.stats.headlines.Leader`; names are passed in, so a chapter quotes its own labels.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from zhucun.number_format import format_chinese_count, format_english_count, format_p_clause, format_points
from zhucun.prose.english import english_list
from zhucun.prose.wording import quoted_list
from zhucun.stats.headlines import Leader

# The paired tests of zhucun.stats.headlines, by their key: (Chinese, English).
TEST_NAMES = {
    "wilcoxon": ("Wilcoxon 符号秩检验", "Wilcoxon signed-rank test"),
    "mcnemar-exact": ("McNemar 精确检验", "exact McNemar test"),
    "mcnemar-chi2": ("McNemar χ²检验", "McNemar χ² test"),
}


def _test_clause(leader: Leader, english: bool = False) -> str:
    """'McNemar 精确检验，p = 0.012' / 'exact McNemar test, p = 0.012'."""
    return TEST_NAMES[leader.test][int(english)] + (", " if english else "，") + format_p_clause(leader.p_value)


def difference_clause(leader: Leader) -> str:
    """'相差0.8个百分点，95%区间-9.5至11.1个百分点': the leader's paired difference ('' without one)."""
    if math.isnan(leader.difference):
        return ""
    return (f"相差{format_points(leader.difference)}个百分点，95%区间{format_points(leader.difference_low)}"
            f"至{format_points(leader.difference_high)}个百分点")


def difference_clause_en(leader: Leader) -> str:
    if math.isnan(leader.difference):
        return ""
    return (f"a difference of {format_points(leader.difference)} percentage points, 95% interval "
            f"{format_points(leader.difference_low)} to {format_points(leader.difference_high)}")


def leader_sentence(leader: Leader, ranked_by: str, value: Callable[[float], str] | None = None,
                    label: str = "") -> str:
    """'{ranked_by}最高的是“X”…' and what the paired test allows to say of it (no final 。).

    *value* formats the compared values (e.g. format_share); without it no number is stated, for a chapter
    that states them elsewhere. The paired difference and its Newcombe interval are stated with the test;
    *label* (:func:`zhucun.prose.data_description.generator_label`) says whether the generator set the order.
    """
    def shown(x: float) -> str:
        return f"（{value(x)}）" if value is not None else ""

    if leader.tied:
        names = quoted_list(leader.labels)
        return f"{ranked_by}最高的是{names}，{format_chinese_count(len(leader.ids))}者并列{shown(leader.value)}"
    head = f"{ranked_by}最高的是“{leader.label}”{shown(leader.value)}"
    if leader.runner_up_id is None:
        return head
    runner = f"居第二的“{leader.runner_up_label}”{shown(leader.runner_up_value)}"
    if math.isnan(leader.p_value):
        return f"{head}{label}，它与{runner}在每位受访者身上都没有差别，无从检验"
    evidence = "；".join(part for part in (difference_clause(leader), _test_clause(leader)) if part)
    if leader.ahead:
        return f"{head}{label}；同一批受访者的配对比较（{evidence}）表明它确实高于{runner}"
    return (f"{head}{label}，但它与{runner}的差别在同一批受访者的配对比较中并不显著（{evidence}），"
            "不能说哪一项更高")


def leader_sentence_en(leader: Leader, ranked_by: str, names: Callable[[str], str],
                       value: Callable[[float], str] | None = None, label: str = "") -> str:
    """The English twin of :func:`leader_sentence`: '“X” has the highest {ranked_by}, …' (no final full stop).

    *names* gives the English name of an id (e.g. english_name); *value* formats the compared values.
    """
    def stated(x: float) -> str:
        return f", {value(x)}" if value is not None else ""

    if leader.tied:
        tied = english_list(f"“{names(i)}”" for i in leader.ids)
        return (f"{tied} share the highest {ranked_by}{stated(leader.value)}, "
                f"a tie between {format_english_count(len(leader.ids))}")
    head = f"“{names(leader.id)}” has the highest {ranked_by}{stated(leader.value)}"
    if leader.runner_up_id is None:
        return head
    shown = f" ({value(leader.runner_up_value)})" if value is not None else ""
    runner = f"the second, “{names(leader.runner_up_id)}”{shown}"
    if math.isnan(leader.p_value):
        return f"{head}{label}; no respondent answered it differently from {runner}, so there is nothing to test"
    evidence = "; ".join(part for part in (difference_clause_en(leader), _test_clause(leader, True)) if part)
    if leader.ahead:
        return f"{head}{label}; a paired comparison of the same respondents ({evidence}) shows it above {runner}"
    return (f"{head}{label}, but its lead over {runner}, is not significant in a paired comparison of the same "
            f"respondents ({evidence}), so these data cannot tell which is higher")


