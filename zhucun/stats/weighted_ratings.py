"""Weighted shares rating 4–5 with an interval, next to the unweighted ones of :mod:`zhucun.stats.ratings`.

The weighted share is Σ w·hit / Σ w over those who answered. Its 95 % interval
is Wilson's computed at Kish's effective sample size n_eff = (Σw)² / Σw²
(successes p_w · n_eff): the usual design-effect adjustment, which widens the
interval as the weights grow unequal and equals the plain Wilson interval when
every weight is 1.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from zhucun.stats.intervals import wilson_interval
from zhucun.stats.ratings import HELPFUL_LEVELS
from zhucun.stats.weighting import kish_effective_n


def weighted_helpful_share(values: pd.Series, weights: pd.Series, levels=HELPFUL_LEVELS,
                           alpha: float = 0.05) -> dict[str, float]:
    """Weighted share of answers in *levels* with its Kish-adjusted Wilson interval: share, low, high, n_eff."""
    keep = values.notna() & weights.notna()
    w = weights[keep].astype("float64").to_numpy()
    hit = np.isin(values[keep].astype("float64").to_numpy(), levels)
    if not len(w) or w.sum() == 0:
        return {"share": math.nan, "low": math.nan, "high": math.nan, "n_eff": 0.0}
    share = float((w * hit).sum() / w.sum())
    n_eff = kish_effective_n(pd.Series(w))
    low, high = wilson_interval(share * n_eff, n_eff, alpha)
    return {"share": share, "low": low, "high": high, "n_eff": n_eff}


def weighted_rating_table(survey: pd.DataFrame, items, weights: pd.Series) -> pd.DataFrame:
    """Per item (in the given order): the weighted share rating 4–5, its interval and Kish's n_eff."""
    return pd.DataFrame([{"measure": item, **weighted_helpful_share(survey[item], weights)} for item in items])
