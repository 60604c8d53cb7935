"""The sample's composition, safe to publish: counts per category with small cells hidden, and the sample
against the population margins.

Every count under the disclosure threshold is shown as "<5" (and secondary
suppressions as "*", see zhucun.stats.disclosure); the Chinese tables built from
these counts are in :mod:`zhucun.prose.display_tables`.
"""

from __future__ import annotations

import pandas as pd

from zhucun.stats.disclosure import suppress_small_counts

TOTAL = "total"  # the index label of the total row suppress_small_counts needs last


def suppressed_counts(values: pd.Series, codes: list, threshold: int = 5):
    """Counts of *values* in the order of *codes*, and the disclosure-suppressed display of them with a total row."""
    counts = pd.Series(values).astype("object").value_counts().reindex(codes, fill_value=0).astype("int64")
    with_total = pd.concat([counts, pd.Series({TOTAL: int(counts.sum())})]).astype("int64")
    return counts, suppress_small_counts(with_total, threshold)


def margin_comparison(values: pd.Series, margins: pd.Series, labels: dict, weights: pd.Series) -> pd.DataFrame:
    """Sample vs population per stratum: counts, shares and the post-stratification weight."""
    values = pd.Series(values).astype("object")
    counts = values.value_counts().reindex(list(margins.index), fill_value=0)
    weight_per_stratum = weights.groupby(values.to_numpy()).first().reindex(list(margins.index))
    return pd.DataFrame({
        "code": list(margins.index),
        "label": [labels.get(code, code) for code in margins.index],
        "sample_n": counts.to_numpy(),
        "sample_share": (counts / counts.sum()).to_numpy(),
        "population_n": margins.to_numpy(),
        "population_share": (margins / margins.sum()).to_numpy(),
        "weight": weight_per_stratum.to_numpy(),
    })
