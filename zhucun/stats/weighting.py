"""Post-stratification on role and weighted estimates shown next to unweighted ones.

The sample's share of first secretaries need not match the population's
(2083 of 5471 cadres, ``data/population_margins.csv``), so every estimate is
reported both ways. Weights are w_h = (N_h / N) / (n_h / n) for the stratum h
of each respondent, which makes their sample mean exactly 1.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from zhucun.data.sourced_tables import load_population_margins


def population_margins(variable: str = "role", table: pd.DataFrame | None = None) -> pd.Series:
    """Population count per code of *variable*, from the validated ``data/population_margins.csv``.

    *table* is that file as :func:`zhucun.data.sourced_tables.load_population_margins`
    returns it (read when not given).
    """
    table = load_population_margins() if table is None else table
    rows = table[table["variable"] == variable]
    if rows.empty:
        raise ValueError(f"no population margins for {variable!r}")
    return pd.Series(rows["population"].astype("int64").to_numpy(), index=rows["code"].to_numpy(),
                     name="population")


def poststratification_weights(frame: pd.DataFrame, variable: str = "role",
                               margins: pd.Series | None = None) -> pd.Series:
    """One weight per respondent, post-stratified on *variable*, normalised to mean 1 in the sample."""
    margins = population_margins(variable) if margins is None else margins
    strata = frame[variable].astype("str")
    if frame[variable].isna().any():
        raise ValueError(f"{variable} is missing for some respondents; they cannot be post-stratified")
    unknown = sorted(set(strata) - set(margins.index))
    if unknown:
        raise ValueError(f"codes of {variable} without a population margin: {', '.join(unknown)}")
    sample_share = strata.value_counts(normalize=True)
    population_share = margins / margins.sum()
    empty = sorted(set(margins.index) - set(sample_share.index))
    if empty:
        # An empty stratum's population share would silently go to the others; say so instead.
        raise ValueError(f"no respondents in strata {', '.join(empty)}: post-stratification is not possible")
    factor = population_share / sample_share
    weights = strata.map(factor).astype("float64")
    return (weights / weights.mean()).rename("weight")


def _valid(values: pd.Series, weights: pd.Series) -> tuple[pd.Series, pd.Series]:
    keep = values.notna() & weights.notna()
    return values[keep], weights[keep].astype("float64")


def weighted_share(values: pd.Series, weights: pd.Series, categories=None) -> pd.Series:
    """Weighted share of each category among the answered values (sums to 1)."""
    values, weights = _valid(values, weights)
    totals = weights.groupby(values.astype("object").to_numpy()).sum()
    if categories is not None:
        totals = totals.reindex(list(categories), fill_value=0.0)
    total = totals.sum()
    return (totals / total) if total else totals * np.nan


def kish_effective_n(weights: pd.Series) -> float:
    """Kish's effective sample size (sum w)^2 / sum w^2."""
    weights = pd.Series(weights, dtype="float64").dropna()
    return float(weights.sum() ** 2 / (weights ** 2).sum()) if len(weights) else 0.0


