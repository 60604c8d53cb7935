"""Tests of a difference between two answers of the same respondents (paired data).

* two scores (e.g. two scale scores): Wilcoxon's signed-rank test, zero differences dropped
  (scipy ``wilcoxon``, exact distribution when it applies);
* two yes/no answers (e.g. rated a measure 4–5 or not): McNemar's exact test, the two-sided
  binomial test on the discordant pairs.

Rows with either answer missing are left out. Neither test depends on the order of the rows.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy import stats


def _pairs(a, b) -> tuple[np.ndarray, np.ndarray]:
    frame = pd.DataFrame({"a": pd.Series(a, dtype="float64").to_numpy(),
                          "b": pd.Series(b, dtype="float64").to_numpy()}).dropna()
    return frame["a"].to_numpy(), frame["b"].to_numpy()


def wilcoxon_signed_rank(a, b) -> float:
    """Two-sided p of Wilcoxon's signed-rank test of a − b; NaN when every pair is equal."""
    x, y = _pairs(a, b)
    differences = np.sort(x - y)  # sorted: the statistic must not depend on the rows' order
    if not np.any(differences != 0):
        return math.nan
    return float(stats.wilcoxon(differences, zero_method="wilcox").pvalue)


def mcnemar_exact(a, b) -> float:
    """Two-sided p of McNemar's exact test of two 0/1 answers; NaN without a discordant pair."""
    x, y = _pairs(a, b)
    only_a = int(((x == 1) & (y == 0)).sum())
    only_b = int(((x == 0) & (y == 1)).sum())
    if only_a + only_b == 0:
        return math.nan
    return float(stats.binomtest(only_a, only_a + only_b, 0.5).pvalue)
