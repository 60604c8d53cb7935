"""95% intervals of the book: Wilson for shares, Student t for means.

Wilson's interval keeps good coverage at n≈100 and near 0 or 1, unlike the
Wald interval. Every chapter takes its intervals from here.
"""

from __future__ import annotations

import math

import pandas as pd
from scipy import stats
from statsmodels.stats.proportion import proportion_confint


def wilson_interval(successes: int, n: int, alpha: float = 0.05) -> tuple[float, float]:
    """Wilson score interval of a proportion (statsmodels ``proportion_confint(method='wilson')``)."""
    if n == 0:
        return (math.nan, math.nan)
    low, high = proportion_confint(successes, n, alpha=alpha, method="wilson")
    return float(low), float(high)


def mean_interval(values: pd.Series, alpha: float = 0.05) -> dict[str, float]:
    """Mean of the non-missing values with a Student-t interval: {'n', 'mean', 'low', 'high'}.

    The sum is exactly rounded (math.fsum), so the order of the rows cannot change the mean's last digit.
    """
    x = pd.Series(values, dtype="float64").dropna().to_numpy()
    n = len(x)
    if n == 0:
        return {"n": 0, "mean": math.nan, "low": math.nan, "high": math.nan}
    mean = math.fsum(x) / n
    if n == 1:
        return {"n": 1, "mean": mean, "low": math.nan, "high": math.nan}
    half = stats.t.ppf(1 - alpha / 2, n - 1) * x.std(ddof=1) / math.sqrt(n)
    return {"n": n, "mean": mean, "low": mean - half, "high": mean + half}
