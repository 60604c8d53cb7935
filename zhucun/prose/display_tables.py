"""The Chinese display tables the chapters show, built from stats' numbers: the sample's composition with
its small cells hidden (and their shares, which would give them away), the sample's roles against the
population, and the countermeasure ratings in rank order for their chart.

Stats returns numbers; these tables choose the Chinese headers and labels and
print the numbers with :mod:`zhucun.number_format`.
"""

from __future__ import annotations

import pandas as pd

from zhucun.data.cadre_deployment import ROLE_LABELS
from zhucun.number_format import format_share
from zhucun.stats.ratings import ranked
from zhucun.stats.sample_profile import suppressed_counts
from zhucun.stats.weighting import weighted_share

TOTAL_LABEL = "合计"


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


def chart_frame(ratings: pd.DataFrame) -> pd.DataFrame:
    """Chinese-labelled rows for the ranked interval chart: measures in overall rank order, by subgroup."""
    order = list(ranked(ratings)["short_label"])
    frame = ratings.assign(_rank=ratings["short_label"].map({label: i for i, label in enumerate(order)}))
    subgroups = list(dict.fromkeys(ratings["subgroup"]))
    frame = frame.assign(_sub=frame["subgroup"].map({s: i for i, s in enumerate(subgroups)}))
    frame = frame.sort_values(["_sub", "_rank"])
    return pd.DataFrame({
        "对策": frame["short_label"].to_numpy(),
        "对策组": frame["group_name"].to_numpy(),
        "群体": frame["subgroup"].to_numpy(),
        "回答人数": frame["n"].to_numpy(),
        # Exact values: the chart's table and the prose round each once, to the precision they show.
        "认为帮助较大或很大的比例": frame["share"].to_numpy(),
        "95%区间下限": frame["low"].to_numpy(),
        "95%区间上限": frame["high"].to_numpy(),
        "平均评分": frame["mean"].to_numpy(),
    })
