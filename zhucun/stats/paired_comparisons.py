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

Effects beside the p-values (a p-value says whether, an effect says how much):

* paired shares: the difference of the two "4–5" shares with Newcombe's (1998, paired data, method 10)
  score interval, built from the two Wilson intervals and the phi coefficient of the 2×2 table;
* paired scores: the mean difference with its Student-t interval. Chosen over the Hodges–Lehmann shift
  because on 1–5 answers the Walsh averages take only a few values (multiples of 0.5), so the HL estimate
  and its limits jump between 0, 0.5 and 1 and say less than a mean a reader reads as 分 (points);
* two groups, shares: the difference with Newcombe's (1998, independent samples, method 10) hybrid score
  interval; scores: Cliff's δ (:func:`zhucun.stats.group_tests.cliffs_delta`), the effect measure that
  goes with Mann–Whitney's U (δ = 2U/(n₁n₂) − 1).

Test variants, named once here and in 五's method text: Wilcoxon's ``zero_method="wilcox"`` drops the
pairs whose difference is zero before ranking; Fisher's test is exact and needs no continuity rule.

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

from zhucun.stats.group_tests import adjust_p_values, cliffs_delta
from zhucun.stats.intervals import mean_interval, wilson_interval
from zhucun.stats.ratings import HELPFUL_LEVELS

EXACT_BELOW = 25  # discordant pairs below which McNemar's exact binomial form is used


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm-adjusted p-values in the given order (NaN stays NaN and is not counted as a test)."""
    return adjust_p_values(list(p_values), method="holm").tolist()


AT_LEAST = min(HELPFUL_LEVELS)  # "rated 4–5" on a 1–5 item, and "scale score ≥ 4" on a mean of items


def _indicator(values: pd.Series, at_least: float = AT_LEAST) -> np.ndarray:
    return values.to_numpy(dtype="float64") >= at_least


def _z(alpha: float) -> float:
    return float(stats.norm.ppf(1 - alpha / 2))


def newcombe_paired_interval(both: int, a_only: int, b_only: int, neither: int,
                             alpha: float = 0.05) -> tuple[float, float, float]:
    """Difference p_a − p_b of two paired proportions and Newcombe's (1998) method-10 score interval.

    The 2×2 table of pairs: *both* (yes on a and b), *a_only*, *b_only*, *neither*. With the Wilson limits
    (l₁, u₁) of p_a and (l₂, u₂) of p_b and φ the table's phi coefficient (0 when a margin is empty):
    lower = d − √((p_a−l₁)² − 2φ(p_a−l₁)(u₂−p_b) + (u₂−p_b)²), upper = d + √((u₁−p_a)² − 2φ(u₁−p_a)(p_b−l₂)
    + (p_b−l₂)²). Returns (difference, low, high); NaNs when there is no pair.
    """
    n = both + a_only + b_only + neither
    if n == 0:
        return (math.nan, math.nan, math.nan)
    p_a, p_b = (both + a_only) / n, (both + b_only) / n
    l1, u1 = wilson_interval(both + a_only, n, alpha)
    l2, u2 = wilson_interval(both + b_only, n, alpha)
    margins = (both + a_only) * (b_only + neither) * (both + b_only) * (a_only + neither)
    phi = (both * neither - a_only * b_only) / math.sqrt(margins) if margins else 0.0
    difference = p_a - p_b
    down = (p_a - l1) ** 2 - 2 * phi * (p_a - l1) * (u2 - p_b) + (u2 - p_b) ** 2
    up = (u1 - p_a) ** 2 - 2 * phi * (u1 - p_a) * (p_b - l2) + (p_b - l2) ** 2
    return (difference, max(-1.0, difference - math.sqrt(max(down, 0.0))),
            min(1.0, difference + math.sqrt(max(up, 0.0))))


def newcombe_independent_interval(hits_a: int, n_a: int, hits_b: int, n_b: int,
                                  alpha: float = 0.05) -> tuple[float, float, float]:
    """Difference p_a − p_b of two independent proportions and Newcombe's (1998) hybrid score interval
    (method 10: the two Wilson intervals combined; statsmodels calls it ``newcomb``). NaNs for an empty group.
    """
    if not n_a or not n_b:
        return (math.nan, math.nan, math.nan)
    p_a, p_b = hits_a / n_a, hits_b / n_b
    l1, u1 = wilson_interval(hits_a, n_a, alpha)
    l2, u2 = wilson_interval(hits_b, n_b, alpha)
    difference = p_a - p_b
    return (difference, difference - math.sqrt((p_a - l1) ** 2 + (u2 - p_b) ** 2),
            difference + math.sqrt((u1 - p_a) ** 2 + (p_b - l2) ** 2))


def mean_difference_interval(a: pd.Series, b: pd.Series, alpha: float = 0.05) -> dict[str, float]:
    """Mean of the paired differences a − b (pairs answered both) with its Student-t interval:
    n, mean_difference, low, high (the interval NaN below two pairs; both limits 0 when every difference is 0)."""
    pairs = pd.concat([a, b], axis=1, keys=["a", "b"]).dropna().astype("float64")
    interval = mean_interval(pairs["a"] - pairs["b"], alpha)  # the book's one mean and t interval
    return {"n": interval["n"], "mean_difference": interval["mean"], "low": interval["low"], "high": interval["high"]}


def mcnemar_test(a: pd.Series, b: pd.Series, at_least: float = AT_LEAST) -> dict[str, object]:
    """McNemar's test of the share rating 4–5 (≥ *at_least*) on item *a* against item *b*, respondents who
    answered both; with a scale score (mean of items) for *a* and *b*, the share whose score reaches *at_least*.

    Returns n (pairs), share_a, share_b, a_only (4–5 on a, not on b), b_only, p and method
    ("exact" or "chi2"); p is 1 when no pair is discordant, NaN when there is no pair; and the effect:
    difference (share_a − share_b) with Newcombe's paired interval difference_low, difference_high.
    """
    pairs = pd.concat([a, b], axis=1, keys=["a", "b"]).dropna()
    n = len(pairs)
    if n == 0:
        return {"n": 0, "share_a": math.nan, "share_b": math.nan, "a_only": 0, "b_only": 0,
                "p": math.nan, "method": "exact", "difference": math.nan, "difference_low": math.nan,
                "difference_high": math.nan}
    hit_a, hit_b = _indicator(pairs["a"], at_least), _indicator(pairs["b"], at_least)
    a_only, b_only = int((hit_a & ~hit_b).sum()), int((~hit_a & hit_b).sum())
    exact = a_only + b_only < EXACT_BELOW
    table = [[int((hit_a & hit_b).sum()), a_only], [b_only, int((~hit_a & ~hit_b).sum())]]
    p = 1.0 if a_only + b_only == 0 else float(mcnemar(table, exact=exact, correction=True).pvalue)
    difference, low, high = newcombe_paired_interval(table[0][0], a_only, b_only, table[1][1])
    return {"n": n, "share_a": float(hit_a.mean()), "share_b": float(hit_b.mean()), "a_only": a_only,
            "b_only": b_only, "p": min(p, 1.0), "method": "exact" if exact else "chi2",
            "difference": difference, "difference_low": low, "difference_high": high}


def wilcoxon_test(a: pd.Series, b: pd.Series) -> dict[str, float]:
    """Wilcoxon signed-rank test of the scores of *a* against *b* (pairs answered both): n, mean difference, p.

    Zero differences are dropped before ranking (``zero_method="wilcox"``). p is 1 when every difference is
    zero, NaN when there is no pair. The effect with its interval: :func:`mean_difference_interval`.
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
    difference, difference_low, difference_high (share_a − share_b, Newcombe's paired interval),
    mean_difference, mean_difference_low, mean_difference_high (t interval), p_wilcoxon, p_wilcoxon_holm.
    """
    rows = []
    for a, b in pairs:
        test = mcnemar_test(survey[a], survey[b])
        signed = wilcoxon_test(survey[a], survey[b])
        mean = mean_difference_interval(survey[a], survey[b])
        rows.append({"a": a, "b": b, **{k: v for k, v in test.items() if k != "p"}, "p_mcnemar": test["p"],
                     "mean_difference": mean["mean_difference"], "mean_difference_low": mean["low"],
                     "mean_difference_high": mean["high"], "p_wilcoxon": signed["p"]})
    frame = pd.DataFrame(rows, columns=["a", "b", "n", "share_a", "share_b", "a_only", "b_only", "method",
                                        "p_mcnemar", "difference", "difference_low", "difference_high",
                                        "mean_difference", "mean_difference_low", "mean_difference_high",
                                        "p_wilcoxon"])
    frame["p_mcnemar_holm"] = holm(frame["p_mcnemar"])
    frame["p_wilcoxon_holm"] = holm(frame["p_wilcoxon"])
    return frame


def two_group_test(a: pd.Series, b: pd.Series) -> dict[str, float]:
    """Group *a* against group *b* on one item: n and share 4–5 of each, Fisher's exact p, Mann–Whitney p,
    and the effects: difference (share_a − share_b) with Newcombe's hybrid score interval (difference_low,
    difference_high) and Cliff's δ of the scores (positive when *a* rates higher)."""
    a, b = a.dropna().astype("float64"), b.dropna().astype("float64")
    hit_a, hit_b = int(_indicator(a).sum()), int(_indicator(b).sum())
    difference, low, high = newcombe_independent_interval(hit_a, len(a), hit_b, len(b))
    row = {"n_a": len(a), "n_b": len(b), "share_a": hit_a / len(a) if len(a) else math.nan,
           "share_b": hit_b / len(b) if len(b) else math.nan, "p_fisher": math.nan, "p_mannwhitney": math.nan,
           "difference": difference, "difference_low": low, "difference_high": high,
           "cliffs_delta": cliffs_delta(a, b)}
    if len(a) and len(b):
        row["p_fisher"] = float(stats.fisher_exact([[hit_a, len(a) - hit_a], [hit_b, len(b) - hit_b]]).pvalue)
        same = a.nunique() == 1 and b.nunique() == 1 and a.iloc[0] == b.iloc[0]
        row["p_mannwhitney"] = 1.0 if same else float(
            stats.mannwhitneyu(a, b, alternative="two-sided").pvalue)
    return row


def compare_groups(survey: pd.DataFrame, items: Sequence[str], by: str, group_a, group_b) -> pd.DataFrame:
    """Per item (in the given order), respondents whose *by* is *group_a* against *group_b*: Fisher's exact test
    on the share 4–5 and Mann–Whitney on the scores, each with Holm's correction across the items.

    Columns: item, n_a, n_b, share_a, share_b, p_fisher, p_fisher_holm, p_mannwhitney, p_mannwhitney_holm,
    difference, difference_low, difference_high (Newcombe), cliffs_delta.
    """
    codes = survey[by].astype("str")
    rows = [{"item": item, **two_group_test(survey.loc[codes == str(group_a), item],
                                             survey.loc[codes == str(group_b), item])} for item in items]
    frame = pd.DataFrame(rows, columns=["item", "n_a", "n_b", "share_a", "share_b", "p_fisher", "p_mannwhitney",
                                        "difference", "difference_low", "difference_high", "cliffs_delta"])
    frame["p_fisher_holm"] = holm(frame["p_fisher"])
    frame["p_mannwhitney_holm"] = holm(frame["p_mannwhitney"])
    return frame
