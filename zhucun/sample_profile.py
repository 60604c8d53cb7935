"""The sample's composition, safe to publish: counts and shares per category with small cells hidden.

Every count under the disclosure threshold is shown as "<5" (and secondary
suppressions as "*", see zhucun.disclosure); a share of a hidden count would
reveal it, so the shares of hidden cells are hidden with the same mark.
"""

from __future__ import annotations

import pandas as pd

from zhucun.disclosure import suppress_small_counts
from zhucun.weighting import weighted_share

TOTAL_LABEL = "合计"


def profile_counts(values: pd.Series, categories: dict, weights: pd.Series | None = None,
                   threshold: int = 5) -> pd.DataFrame:
    """One-way table of *values* in the order of *categories* ({code: label}) with a total row.

    Columns: 类别, 人数, 占比 and, with *weights*, 加权占比 — all text, hidden cells marked.
    """
    codes = list(categories)
    counts = pd.Series(values).astype("object").value_counts().reindex(codes, fill_value=0).astype("int64")
    total = int(counts.sum())
    with_total = pd.concat([counts, pd.Series({TOTAL_LABEL: total})]).astype("int64")
    suppressed = suppress_small_counts(with_total, threshold)
    shares = with_total / total if total else with_total * float("nan")
    table = pd.DataFrame({
        "类别": [categories[c] for c in codes] + [TOTAL_LABEL],
        "人数": suppressed.display.to_numpy(),
        "占比": [mark if hidden else f"{share:.1%}" for mark, hidden, share in
                 zip(suppressed.display, suppressed.suppressed, shares)],
    })
    if weights is not None:
        weighted = weighted_share(pd.Series(values).astype("object"), weights, codes)
        weighted = pd.concat([weighted, pd.Series({TOTAL_LABEL: 1.0})])
        table["加权占比"] = [mark if hidden else f"{share:.1%}" for mark, hidden, share in
                          zip(suppressed.display, suppressed.suppressed, weighted)]
    return table


def profile_table(frame: pd.DataFrame, variables: dict, weights: pd.Series | None = None,
                  threshold: int = 5) -> pd.DataFrame:
    """Stacked one-way tables: *variables* is {Chinese variable label: (Series, {code: label})}."""
    parts = []
    for label, (values, categories) in variables.items():
        part = profile_counts(values, categories, weights, threshold)
        part.insert(0, "变量", [label] + [""] * (len(part) - 1))
        parts.append(part[part["类别"] != TOTAL_LABEL])
    return pd.concat(parts, ignore_index=True)


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
