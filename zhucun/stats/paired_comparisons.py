"""Tests of a difference between two ratings: paired (same respondents, two items) and two groups (one item).

Whether two estimates differ is decided by a test of their difference, never by
whether their intervals overlap (two 95 % intervals can overlap while the
difference is clearly significant, and ratings by the same people are paired).

* Paired, on the "rated 4–5" indicator: McNemar's test on the discordant pairs,
  exact (two-sided binomial, p = 0.5) when they number fewer than
  :data:`EXACT_BELOW`, else the χ² form with continuity correction
  (statsmodels ``mcnemar``). Paired, on the scores: Wilcoxon signed-rank
  (scipy, zero differences dropped as Wilcoxon's original rule does).
* Two groups, on the indicator: Fisher's exact test on the 2×2 table; on the
  scores: Mann–Whitney U (two-sided).
* Holm's step-down correction across the comparisons a sentence reports.

Every result depends on the responses, not on their order in the file: the
tests are functions of counts and ranks, and the rows of a table come out in
the order the caller gives (codebook order), never in file order.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.contingency_tables import mcnemar

from zhucun.stats.group_tests import adjust_p_values
from zhucun.stats.ratings import HELPFUL_LEVELS

EXACT_BELOW = 25  # discordant pairs below which McNemar's exact binomial form is used


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm-adjusted p-values in the given order (NaN stays NaN and is not counted as a test)."""
    return adjust_p_values(list(p_values), method="holm").tolist()


AT_LEAST = min(HELPFUL_LEVELS)  # "rated 4–5" on a 1–5 item, and "scale score ≥ 4" on a mean of items


def _indicator(values: pd.Series, at_least: float = AT_LEAST) -> np.ndarray:
    return values.to_numpy(dtype="float64") >= at_least


def mcnemar_test(a: pd.Series, b: pd.Series, at_least: float = AT_LEAST) -> dict[str, object]:
    """McNemar's test of the share rating 4–5 (≥ *at_least*) on item *a* against item *b*, respondents who
    answered both; with a scale score (mean of items) for *a* and *b*, the share whose score reaches *at_least*.

    Returns n (pairs), share_a, share_b, a_only (4–5 on a, not on b), b_only, p and method
    ("exact" or "chi2"); p is 1 when no pair is discordant, NaN when there is no pair.
    """
    pairs = pd.concat([a, b], axis=1, keys=["a", "b"]).dropna()
    n = len(pairs)
    if n == 0:
        return {"n": 0, "share_a": math.nan, "share_b": math.nan, "a_only": 0, "b_only": 0,
                "p": math.nan, "method": "exact"}
    hit_a, hit_b = _indicator(pairs["a"], at_least), _indicator(pairs["b"], at_least)
    a_only, b_only = int((hit_a & ~hit_b).sum()), int((~hit_a & hit_b).sum())
    exact = a_only + b_only < EXACT_BELOW
    table = [[int((hit_a & hit_b).sum()), a_only], [b_only, int((~hit_a & ~hit_b).sum())]]
    p = 1.0 if a_only + b_only == 0 else float(mcnemar(table, exact=exact, correction=True).pvalue)
    return {"n": n, "share_a": float(hit_a.mean()), "share_b": float(hit_b.mean()), "a_only": a_only,
            "b_only": b_only, "p": min(p, 1.0), "method": "exact" if exact else "chi2"}


def wilcoxon_test(a: pd.Series, b: pd.Series) -> dict[str, float]:
    """Wilcoxon signed-rank test of the scores of *a* against *b* (pairs answered both): n, mean difference, p.

    p is 1 when every difference is zero, NaN when there is no pair.
    """
    pairs = pd.concat([a, b], axis=1, keys=["a", "b"]).dropna().astype("float64")
    diff = (pairs["a"] - pairs["b"]).to_numpy()
    if len(diff) == 0:
        return {"n": 0, "mean_difference": math.nan, "p": math.nan}
    if not diff.any():
        return {"n": len(diff), "mean_difference": 0.0, "p": 1.0}
    p = float(stats.wilcoxon(pairs["a"], pairs["b"], zero_method="wilcox").pvalue)
    return {"n": len(diff), "mean_difference": float(diff.mean()), "p": p}


def compare_pairs(survey: pd.DataFrame, pairs: Sequence[tuple[str, str]]) -> pd.DataFrame:
    """One row per pair (a, b) of items, in the given order: McNemar on 4–5 and Wilcoxon on the scores,
    each with Holm's correction across the pairs given.

    Columns: a, b, n, share_a, share_b, a_only, b_only, p_mcnemar, method, p_mcnemar_holm,
    mean_difference, p_wilcoxon, p_wilcoxon_holm.
    """
    rows = []
    for a, b in pairs:
        test = mcnemar_test(survey[a], survey[b])
        signed = wilcoxon_test(survey[a], survey[b])
        rows.append({"a": a, "b": b, **{k: v for k, v in test.items() if k != "p"}, "p_mcnemar": test["p"],
                     "mean_difference": signed["mean_difference"], "p_wilcoxon": signed["p"]})
    frame = pd.DataFrame(rows, columns=["a", "b", "n", "share_a", "share_b", "a_only", "b_only", "method",
                                        "p_mcnemar", "mean_difference", "p_wilcoxon"])
    frame["p_mcnemar_holm"] = holm(frame["p_mcnemar"])
    frame["p_wilcoxon_holm"] = holm(frame["p_wilcoxon"])
    return frame


def two_group_test(a: pd.Series, b: pd.Series) -> dict[str, float]:
    """Group *a* against group *b* on one item: n and share 4–5 of each, Fisher's exact p, Mann–Whitney p."""
    a, b = a.dropna().astype("float64"), b.dropna().astype("float64")
    hit_a, hit_b = int(_indicator(a).sum()), int(_indicator(b).sum())
    row = {"n_a": len(a), "n_b": len(b), "share_a": hit_a / len(a) if len(a) else math.nan,
           "share_b": hit_b / len(b) if len(b) else math.nan, "p_fisher": math.nan, "p_mannwhitney": math.nan}
    if len(a) and len(b):
        row["p_fisher"] = float(stats.fisher_exact([[hit_a, len(a) - hit_a], [hit_b, len(b) - hit_b]]).pvalue)
        same = a.nunique() == 1 and b.nunique() == 1 and a.iloc[0] == b.iloc[0]
        row["p_mannwhitney"] = 1.0 if same else float(
            stats.mannwhitneyu(a, b, alternative="two-sided").pvalue)
    return row


def compare_groups(survey: pd.DataFrame, items: Sequence[str], by: str, group_a, group_b) -> pd.DataFrame:
    """Per item (in the given order), respondents whose *by* is *group_a* against *group_b*: Fisher's exact test
    on the share 4–5 and Mann–Whitney on the scores, each with Holm's correction across the items.

    Columns: item, n_a, n_b, share_a, share_b, p_fisher, p_fisher_holm, p_mannwhitney, p_mannwhitney_holm.
    """
    codes = survey[by].astype("str")
    rows = [{"item": item, **two_group_test(survey.loc[codes == str(group_a), item],
                                             survey.loc[codes == str(group_b), item])} for item in items]
    frame = pd.DataFrame(rows, columns=["item", "n_a", "n_b", "share_a", "share_b", "p_fisher", "p_mannwhitney"])
    frame["p_fisher_holm"] = holm(frame["p_fisher"])
    frame["p_mannwhitney_holm"] = holm(frame["p_mannwhitney"])
    return frame
