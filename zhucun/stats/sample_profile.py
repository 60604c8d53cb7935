"""The sample's composition, safe to publish: counts and shares per category with small cells hidden.

Every count under the disclosure threshold is shown as "<5" (and secondary
suppressions as "*", see zhucun.stats.disclosure); a share of a hidden count would
reveal it, so the shares of hidden cells are hidden with the same mark.
"""

from __future__ import annotations

import pandas as pd

from zhucun.data.cadre_deployment import ROLE_LABELS
from zhucun.number_format import format_share
from zhucun.stats.disclosure import suppress_small_counts
from zhucun.stats.weighting import weighted_share

TOTAL_LABEL = "合计"


def suppressed_counts(values: pd.Series, codes: list, threshold: int = 5):
    """Counts of *values* in the order of *codes*, and the disclosure-suppressed display of them with a total row."""
    counts = pd.Series(values).astype("object").value_counts().reindex(codes, fill_value=0).astype("int64")
    with_total = pd.concat([counts, pd.Series({TOTAL_LABEL: int(counts.sum())})]).astype("int64")
    return counts, suppress_small_counts(with_total, threshold)


def profile_counts(values: pd.Series, categories: dict, weights: pd.Series | None = None,
                   threshold: int = 5) -> pd.DataFrame:
    """One-way table of *values* in the order of *categories* ({code: label}) with a total row.

    Columns: 类别, 人数, 占比 and, with *weights*, 加权占比 — all text, hidden cells marked.
    """
    codes = list(categories)
    counts, suppressed = suppressed_counts(values, codes, threshold)
    total = int(counts.sum())
    with_total = pd.concat([counts, pd.Series({TOTAL_LABEL: total})]).astype("int64")
    shares = with_total / total if total else with_total * float("nan")
    table = pd.DataFrame({
        "类别": [categories[c] for c in codes] + [TOTAL_LABEL],
        "人数": suppressed.display.to_numpy(),
        "占比": [mark if hidden else format_share(share) for mark, hidden, share in
                 zip(suppressed.display, suppressed.suppressed, shares)],
    })
    if weights is not None:
        weighted = weighted_share(pd.Series(values).astype("object"), weights, codes)
        weighted = pd.concat([weighted, pd.Series({TOTAL_LABEL: 1.0})])
        table["加权占比"] = [mark if hidden else format_share(share) for mark, hidden, share in
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


def role_sample_vs_population(survey: pd.DataFrame, margins: pd.Series, threshold: int = 5) -> pd.DataFrame:
    """Role shares in the sample against the population (published counts suppressed below *threshold*).

    margins: population per role code (``zhucun.stats.weighting.population_margins('role')``).
    Returns 身份, 样本人数 (text, possibly "<5"), 样本占比, 总体人数, 总体占比; a
    suppressed cell's share is left empty, since it would give the count away.
    """
    codes = list(margins.index)
    counts, suppressed = suppressed_counts(survey["role"].astype(str), codes, threshold)
    n = int(counts.sum())
    population_total = int(margins.sum())
    sample_share = (counts / n).where(~suppressed.suppressed.iloc[:-1].to_numpy())
    return pd.DataFrame({
        "身份": [ROLE_LABELS.get(code, code) for code in codes],
        "样本人数": suppressed.display.iloc[:-1].to_numpy(),
        "样本占比": sample_share.to_numpy(),
        "总体人数": margins.to_numpy().astype("int64"),
        "总体占比": (margins / population_total).to_numpy(),
    })


def sample_composition(survey: pd.DataFrame, column: str, labels: dict, threshold: int = 5) -> pd.DataFrame:
    """Sample counts of one profile variable in codebook order, small counts suppressed; shares of shown cells."""
    counts, suppressed = suppressed_counts(survey[column].astype(str), list(labels), threshold)
    share = (counts / counts.sum()).where(~suppressed.suppressed.iloc[:-1].to_numpy())
    return pd.DataFrame({
        "类别": [labels[code] for code in labels],
        "样本人数": suppressed.display.iloc[:-1].to_numpy(),
        "样本占比": share.to_numpy(),
    })
