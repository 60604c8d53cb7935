"""How respondents rate the eleven countermeasures (question 12, m_* items, 1–5 helpfulness).

For each measure and role (and all respondents): the mean rating with a
Student-t 95% interval, and the share rating 4 or 5 ("帮助较大/很大") with a
Wilson 95% interval (statsmodels ``proportion_confint(method="wilson")``).
Item non-response is left out of both, never counted as a low rating.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from zhucun.data.codebook import Codebook, load_codebook
from zhucun.data.survey import coverage
from zhucun.stats.intervals import mean_interval, wilson_interval

HELPFUL_LEVELS = (4, 5)
ALL_LABEL = "全体"


def rate(values: pd.Series, alpha: float = 0.05) -> dict[str, float]:
    """n, mean with interval, helpful count and share with Wilson interval of one item."""
    x = pd.Series(values, dtype="float64").dropna().to_numpy()
    n = len(x)
    summary = mean_interval(x, alpha)
    mean, mean_low, mean_high = summary["mean"], summary["low"], summary["high"]
    helpful = int(np.isin(x, HELPFUL_LEVELS).sum())
    low, high = wilson_interval(helpful, n, alpha)
    return {"n": n, "mean": mean, "mean_low": mean_low, "mean_high": mean_high,
            "helpful": helpful, "share": helpful / n if n else math.nan, "low": low, "high": high}


def measure_ratings(survey: pd.DataFrame, codebook: Codebook | None = None, by: str = "role",
                    alpha: float = 0.05) -> pd.DataFrame:
    """Long table: one row per measure × group of *by* (plus 全体), in codebook order (none if 12 was not asked).

    Columns: measure, label, group, group_name, subgroup, n, mean, mean_low,
    mean_high, helpful, share, low, high.
    """
    codebook = codebook or load_codebook()
    labels = codebook.labels(by)
    rows = []
    for scale in coverage(survey, codebook).scales("countermeasure"):
        for item in scale.items:
            parts = [(ALL_LABEL, survey[item])]
            parts += [(label, survey.loc[survey[by].astype("str") == str(code), item])
                      for code, label in labels.items()]
            for subgroup, values in parts:
                rows.append({"measure": item, "label": codebook.question_text(item),
                             "short_label": codebook.short_label(item), "group": scale.id,
                             "group_name": scale.name, "subgroup": subgroup, **rate(values, alpha)})
    return pd.DataFrame(rows)


def ranked(ratings: pd.DataFrame, subgroup: str = ALL_LABEL) -> pd.DataFrame:
    """The measures of one subgroup, highest share of 4–5 first (ties: higher mean, then codebook order)."""
    part = ratings[ratings["subgroup"] == subgroup].reset_index(drop=True)
    part = part.assign(_order=range(len(part)))
    return (part.sort_values(["share", "mean", "_order"], ascending=[False, False, True])
            .drop(columns="_order").reset_index(drop=True))
