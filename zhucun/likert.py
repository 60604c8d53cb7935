"""Agreement items (1–5): answer distributions, shares agreeing, scale scores, reliability.

Conventions: "agreeing" means an answer of 4 or 5 among those who answered
the item (item non-response is left out, never counted as disagreement).
Intervals are 95% unless told: Wilson for shares (good coverage at n≈100 and
near 0 or 1, unlike the Wald interval), Student t for means, Feldt for
Cronbach's α.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

LEVELS = (1, 2, 3, 4, 5)
AGREE_LEVELS = (4, 5)


def answer_shares(frame: pd.DataFrame, items, levels=LEVELS) -> pd.DataFrame:
    """Rows: items; columns: levels; values: share of the item's answers at that level (rows sum to 1).

    An item nobody answered gets a row of NaN. Column ``n`` holds the number of answers.
    """
    rows = {}
    for item in items:
        values = frame[item].dropna().astype("int64")
        counts = values.value_counts().reindex(list(levels), fill_value=0)
        total = int(counts.sum())
        row = (counts / total) if total else counts * np.nan
        rows[item] = [*row.astype("float64").tolist(), total]
    return pd.DataFrame.from_dict(rows, orient="index", columns=[*levels, "n"])


def wilson_interval(successes: int, n: int, alpha: float = 0.05) -> tuple[float, float]:
    """Wilson score interval of a proportion (statsmodels ``proportion_confint(method='wilson')``)."""
    if n == 0:
        return (math.nan, math.nan)
    low, high = proportion_confint(successes, n, alpha=alpha, method="wilson")
    return float(low), float(high)


def agreement_shares(frame: pd.DataFrame, items, agree=AGREE_LEVELS, alpha: float = 0.05,
                     weights: pd.Series | None = None) -> pd.DataFrame:
    """Per item: n answered, number and share agreeing, Wilson interval; weighted share when *weights* given."""
    rows = []
    for item in items:
        values = frame[item]
        answered = values.notna()
        n = int(answered.sum())
        agreeing = int(values[answered].astype("int64").isin(agree).sum())
        low, high = wilson_interval(agreeing, n, alpha)
        row = {"item": item, "n": n, "agree": agreeing,
               "share": agreeing / n if n else math.nan, "low": low, "high": high}
        if weights is not None:
            w = weights[answered].astype("float64")
            hit = values[answered].astype("int64").isin(agree).to_numpy()
            row["weighted_share"] = float((w * hit).sum() / w.sum()) if w.sum() else math.nan
        rows.append(row)
    return pd.DataFrame(rows)


def mean_interval(values: pd.Series, alpha: float = 0.05) -> dict[str, float]:
    """Mean of the non-missing values with a Student-t interval: {'n', 'mean', 'low', 'high'}."""
    x = pd.Series(values, dtype="float64").dropna().to_numpy()
    n = len(x)
    if n == 0:
        return {"n": 0, "mean": math.nan, "low": math.nan, "high": math.nan}
    mean = float(x.mean())
    if n == 1:
        return {"n": 1, "mean": mean, "low": math.nan, "high": math.nan}
    half = stats.t.ppf(1 - alpha / 2, n - 1) * x.std(ddof=1) / math.sqrt(n)
    return {"n": n, "mean": mean, "low": mean - half, "high": mean + half}


def cronbach_alpha(items: pd.DataFrame, alpha: float = 0.05) -> dict[str, float]:
    """Cronbach's α of the item columns (listwise deletion) with Feldt's (1965) interval.

    α = k/(k−1) · (1 − Σ var(item) / var(sum)), sample variances (ddof=1).
    Feldt: (1−α̂)/(1−α) follows F((n−1), (n−1)(k−1)), so the interval is
    1 − (1−α̂)·F_{1−a/2} … 1 − (1−α̂)·F_{a/2}. Returns {'n', 'k', 'alpha', 'low', 'high'}.
    """
    data = items.astype("float64").dropna()
    n, k = data.shape
    if k < 2 or n < 2:
        return {"n": n, "k": k, "alpha": math.nan, "low": math.nan, "high": math.nan}
    total_variance = data.sum(axis=1).var(ddof=1)
    if total_variance == 0:
        return {"n": n, "k": k, "alpha": math.nan, "low": math.nan, "high": math.nan}
    value = k / (k - 1) * (1 - data.var(ddof=1).sum() / total_variance)
    df1, df2 = n - 1, (n - 1) * (k - 1)
    low = 1 - (1 - value) * stats.f.ppf(1 - alpha / 2, df1, df2)
    high = 1 - (1 - value) * stats.f.ppf(alpha / 2, df1, df2)
    return {"n": n, "k": k, "alpha": float(value), "low": float(low), "high": float(high)}


RELIABILITY_WORDS = ((0.9, "很高"), (0.8, "良好"), (0.7, "可以接受"), (0.6, "勉强可用"), (-math.inf, "偏低"))


def reliability_word(value: float) -> str:
    """Conventional reading of Cronbach's α: ≥0.9 很高, ≥0.8 良好, ≥0.7 可以接受, ≥0.6 勉强可用, else 偏低."""
    if value is None or math.isnan(value):
        return "无法计算"
    for threshold, word in RELIABILITY_WORDS:
        if value >= threshold:
            return word
    return "偏低"
