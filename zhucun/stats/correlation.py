"""Rank correlations between two sets of scales, with p-values corrected together.

Spearman's ρ on pairwise complete answers (scipy ``spearmanr``); the p-values
of the whole matrix are corrected as one family (Benjamini–Hochberg by
default), and each cell gets a mark for the corrected level it reaches.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from zhucun.number_format import format_coefficient
from zhucun.stats.group_tests import adjust_p_values

MARKS = ((0.001, "***"), (0.01, "**"), (0.05, "*"))


def significance_mark(p_adjusted: float) -> str:
    """'***' below 0.001, '**' below 0.01, '*' below 0.05, '' otherwise (NaN: '')."""
    if p_adjusted is None or np.isnan(p_adjusted):
        return ""
    for level, mark in MARKS:
        if p_adjusted < level:
            return mark
    return ""


def spearman_matrix(rows: pd.DataFrame, columns: pd.DataFrame, method: str = "fdr_bh") -> pd.DataFrame:
    """Long table: one line per (row variable, column variable) with n, ρ, p, corrected p and mark."""
    records = []
    for r in rows.columns:
        for c in columns.columns:
            pair = pd.concat([rows[r].astype("float64"), columns[c].astype("float64")], axis=1).dropna()
            n = len(pair)
            if n < 3 or pair.iloc[:, 0].nunique() < 2 or pair.iloc[:, 1].nunique() < 2:
                rho, p = np.nan, np.nan
            else:
                rho, p = stats.spearmanr(pair.iloc[:, 0], pair.iloc[:, 1])
            records.append({"row": r, "column": c, "n": n, "rho": float(rho), "p_value": float(p)})
    table = pd.DataFrame(records)
    table["p_adjusted"] = adjust_p_values(table["p_value"], method)
    table["mark"] = [significance_mark(p) for p in table["p_adjusted"]]
    return table


def as_matrices(table: pd.DataFrame, row_order, column_order) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The long table as a ρ matrix and a matrix of cell texts ('0.42**')."""
    rho = (table.pivot(index="row", columns="column", values="rho")
           .reindex(index=list(row_order), columns=list(column_order)))
    text = table.assign(text=[("—" if np.isnan(v) else f"{format_coefficient(v)}{m}")
                              for v, m in zip(table["rho"], table["mark"])])
    text = (text.pivot(index="row", columns="column", values="text")
            .reindex(index=list(row_order), columns=list(column_order)))
    return rho, text
