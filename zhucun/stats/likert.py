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

from zhucun.data.codebook import Codebook, load_codebook
from zhucun.data.survey import coverage
from zhucun.stats.intervals import mean_interval, wilson_interval
from zhucun.stats.weighted_ratings import weighted_helpful_share
from zhucun.stats.weighting import poststratification_weights

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


def scale_scores(frame: pd.DataFrame, codebook: Codebook | None = None, kind: str | None = None) -> pd.DataFrame:
    """Per-respondent score of each scale: the mean of the items the respondent answered.

    Rule for item non-response: the score is the mean of the answered items
    and is missing (NaN) when fewer than half of the scale's items were
    answered (for a three-item scale at least two answers are needed, for a
    two-item scale at least one). *kind* limits the scales to
    "manifestation", "cause" or "countermeasure". A scale the survey did not
    ask (its block's columns absent) has no column.
    """
    codebook = codebook or load_codebook()
    scores = {}
    for scale in coverage(frame, codebook).scales(kind):
        items = frame[list(scale.items)].astype("float64")
        answered = items.notna().sum(axis=1)
        mean = items.mean(axis=1, skipna=True)
        scores[scale.id] = mean.where(answered >= len(scale.items) / 2, np.nan)
    return pd.DataFrame(scores, index=frame.index)


AGREE_SCORE = 4.0  # 普遍程度: a scale score (mean of its items) of at least 4, 总体上表示同意


def _role_weights(survey: pd.DataFrame) -> pd.Series | None:
    try:
        return poststratification_weights(survey, "role")
    except (KeyError, ValueError):  # role not asked or a stratum empty: no weighted estimate
        return None


def scale_prevalence(survey: pd.DataFrame, kind: str = "manifestation", codebook: Codebook | None = None,
                     weights: pd.Series | None = None, alpha: float = 0.05) -> pd.DataFrame:
    """普遍程度 of each asked scale of *kind* (codebook order): how common the predicament or cause is.

    THE book's measure of how common a manifestation or cause is, used by 三, 五, 结论 and both abstracts:
    the share of respondents whose scale score (:func:`scale_scores`, 1–5) is at least 4, with its Wilson
    interval, and beside it the share post-stratified by role (*weights*; by default
    :func:`zhucun.stats.weighting.poststratification_weights` on role) with Wilson's interval at Kish's
    effective n (:func:`zhucun.stats.weighted_ratings.weighted_helpful_share`). Respondents without a score
    are left out of both denominators. The mean score is the scale's 强度 (:func:`scale_means`), a second
    measure.

    Columns: scale, name, n, agree, share, low, high, weighted_share, weighted_low, weighted_high
    (the weighted ones NaN when no weights can be made).
    """
    codebook = codebook or load_codebook()
    scores = scale_scores(survey, codebook, kind=kind)
    if weights is None:
        weights = _role_weights(survey)
    rows = []
    for scale in coverage(survey, codebook).scales(kind):
        values = scores[scale.id]
        answered = values.dropna()
        n = int(len(answered))
        agree = int((answered >= AGREE_SCORE).sum())
        low, high = wilson_interval(agree, n, alpha)
        weighted = {"share": math.nan, "low": math.nan, "high": math.nan}
        if weights is not None:
            hit = (values >= AGREE_SCORE).astype("float64").where(values.notna())
            weighted = weighted_helpful_share(hit, weights, levels=(1.0,), alpha=alpha)
        rows.append({"scale": scale.id, "name": scale.name, "n": n, "agree": agree,
                     "share": agree / n if n else math.nan, "low": low, "high": high,
                     "weighted_share": weighted["share"], "weighted_low": weighted["low"],
                     "weighted_high": weighted["high"]})
    return pd.DataFrame(rows, columns=["scale", "name", "n", "agree", "share", "low", "high", "weighted_share",
                                       "weighted_low", "weighted_high"])


def scale_means(survey: pd.DataFrame, kind: str = "manifestation", codebook: Codebook | None = None,
                alpha: float = 0.05) -> pd.DataFrame:
    """Per asked scale of *kind* (codebook order): scale, name, n, mean score (1–5) and its Student-t interval."""
    codebook = codebook or load_codebook()
    scores = scale_scores(survey, codebook, kind=kind)
    rows = [{"scale": scale.id, "name": scale.name, **mean_interval(scores[scale.id], alpha)}
            for scale in coverage(survey, codebook).scales(kind)]
    return pd.DataFrame(rows, columns=["scale", "name", "n", "mean", "low", "high"])
