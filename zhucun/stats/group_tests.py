"""Differences between groups of respondents, with tests that hold at n≈124.

* Ordered outcomes (scale scores): Kruskal–Wallis H. Its χ² approximation is
  used when every group has at least ``MIN_GROUP_ASYMPTOTIC`` answers; with a
  smaller group the p-value comes from a seeded permutation of the group
  labels instead. Effect size ε² = H/(n−1) (Tomczak & Tomczak 2014); for two
  groups also Cliff's δ (= rank-biserial correlation).
* Yes/no outcomes (e.g. high overall pressure): χ² test of independence when
  every expected count is at least 5; otherwise Fisher's exact test for a 2×2
  table and a seeded permutation χ² test for larger tables. Effect size
  Cramér's V.
* All p-values of one results table are corrected together (Holm by default).

Results never depend on the order of the rows: groups come in the order of
their categories (a pandas Categorical, as the chapters pass them in the
codebook's order) or else sorted, and the rows are put in a canonical order
(by group, then value) before any permutation, whose seed is fixed. So the
same responses give the same page, and Cliff's δ always compares the first
group with the second in that order (``TestResult.delta_groups`` names them).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from zhucun.data.codebook import load_codebook
from zhucun.stats.intervals import mean_interval

MIN_GROUP_ASYMPTOTIC = 5
MIN_EXPECTED = 5
N_PERMUTATIONS = 9999

# Tenure bands (months in the current village post), as (low inclusive, high exclusive, label): defined once,
# in the codebook (``tenure_bands``); an open last band ends at infinity.
TENURE_BANDS = tuple((band.low, math.inf if band.high is None else band.high, band.label)
                     for band in load_codebook().tenure_bands)


def tenure_band(months: pd.Series) -> pd.Series:
    """Ordered categorical band of tenure in months (labels from ``TENURE_BANDS``)."""
    edges = [low for low, _, _ in TENURE_BANDS] + [TENURE_BANDS[-1][1]]
    labels = [label for _, _, label in TENURE_BANDS]
    return pd.cut(pd.Series(months, dtype="float64"), bins=edges, right=False, labels=labels, ordered=True)


def group_order(groups: pd.Series) -> list:
    """The groups present, in their categories' order when *groups* is categorical, else sorted."""
    groups = pd.Series(groups)
    present = set(groups.dropna().astype("object"))
    if isinstance(groups.dtype, pd.CategoricalDtype):
        return [name for name in groups.cat.categories if name in present]
    return sorted(present, key=str)


def _clean(values: pd.Series, groups: pd.Series) -> tuple[np.ndarray, np.ndarray, list]:
    """Values and group codes without missing answers, in canonical order (by group, then value)."""
    names = group_order(groups)
    frame = pd.DataFrame({"v": pd.Series(values, dtype="float64").to_numpy(),
                          "g": pd.Series(groups).astype("object").to_numpy()}).dropna()
    frame["code"] = frame["g"].map({name: i for i, name in enumerate(names)}).astype("int64")
    frame = frame.sort_values(["code", "v"], kind="stable")
    return frame["v"].to_numpy(), frame["code"].to_numpy(dtype="int64"), names


def epsilon_squared(h: float, n: int) -> float:
    """Effect size of a Kruskal–Wallis test: ε² = H / (n − 1)."""
    return h / (n - 1) if n > 1 else math.nan


def cliffs_delta(x, y) -> float:
    """Cliff's δ = P(X > Y) − P(X < Y), ties count half each way (= rank-biserial correlation)."""
    x = np.asarray(pd.Series(x, dtype="float64").dropna())
    y = np.asarray(pd.Series(y, dtype="float64").dropna())
    n1, n2 = len(x), len(y)
    if not n1 or not n2:
        return math.nan
    ranks = stats.rankdata(np.concatenate([x, y]))
    u1 = ranks[:n1].sum() - n1 * (n1 + 1) / 2
    return float(2 * u1 / (n1 * n2) - 1)


def _kruskal_h(ranks: np.ndarray, codes: np.ndarray, k: int, tie_factor: float) -> np.ndarray:
    """H for each row of *codes* (one grouping of the *ranks* per row; group sizes are the first row's, which
    permuted rows share)."""
    n = len(ranks)
    sums = _block_counts(codes, k, ranks)
    sizes = np.bincount(codes[0], minlength=k)
    return (12 / (n * (n + 1)) * np.sum(sums ** 2 / sizes, axis=1) - 3 * (n + 1)) / tie_factor


@dataclass(frozen=True)
class TestResult:
    test: str
    statistic: float
    p_value: float
    n: int
    groups: int
    effect: float          # ε² or Cramér's V
    effect_name: str
    delta: float = math.nan  # Cliff's δ, two groups only: the first group relative to the second
    delta_groups: tuple = ()  # (first, second) group of δ, in group_order


def _permutations_for(n: int, requested: int) -> int:
    # Fewer draws on very large files, where a permutation costs O(n) each.
    return requested if n <= 5000 else min(requested, 999)


def _permutations(rng: np.random.Generator, codes: np.ndarray, count: int, per_block: int = 2_000_000):
    """*count* random orders of *codes*, as arrays of rows, a block at a time.

    ``rng.permuted`` of stacked copies draws the same random numbers as *count* calls of ``rng.permutation``
    (tested), so the p-values are those of the loop this replaces; drawn and counted in blocks, the
    permutations cost a few array operations instead of thousands of Python steps.
    """
    block = max(1, per_block // max(len(codes), 1))  # rows per block: about *per_block* numbers in memory
    for start in range(0, count, block):
        yield rng.permuted(np.tile(codes, (min(block, count - start), 1)), axis=1)


def _block_counts(codes: np.ndarray, cells: int, weights: np.ndarray | None = None) -> np.ndarray:
    """Per row of *codes* (each an integer in [0, *cells*)): how many (or the sum of *weights*) fall in each cell."""
    rows = codes.shape[0]
    flat = (codes + cells * np.arange(rows)[:, None]).ravel()
    tiled = None if weights is None else np.tile(weights, rows)
    return np.bincount(flat, weights=tiled, minlength=rows * cells).reshape(rows, cells)


def kruskal_test(values: pd.Series, groups: pd.Series, seed: int = 0,
                 n_permutations: int = N_PERMUTATIONS) -> TestResult:
    """Kruskal–Wallis H with ε²; permutation p-value when a group has fewer than 5 answers."""
    v, codes, names = _clean(values, groups)
    k, n = len(names), len(v)
    if k < 2:
        return TestResult("Kruskal–Wallis", math.nan, math.nan, n, k, math.nan, "ε²")
    ranks = stats.rankdata(v)
    _, tie_counts = np.unique(v, return_counts=True)
    tie_factor = 1 - np.sum(tie_counts ** 3 - tie_counts) / (n ** 3 - n) if n > 1 else 1.0
    if tie_factor == 0:  # every answer identical: nothing to rank
        return TestResult("Kruskal–Wallis", math.nan, math.nan, n, k, math.nan, "ε²")
    h = float(_kruskal_h(ranks, codes[np.newaxis], k, tie_factor)[0])
    sizes = np.bincount(codes, minlength=k)
    if sizes.min() >= MIN_GROUP_ASYMPTOTIC:
        p, test = float(stats.chi2.sf(h, k - 1)), "Kruskal–Wallis（χ²近似）"
    else:
        rng = np.random.default_rng(seed)
        n_permutations = _permutations_for(n, n_permutations)
        exceed = sum(int(np.sum(_kruskal_h(ranks, block, k, tie_factor) >= h - 1e-9))
                     for block in _permutations(rng, codes, n_permutations))
        p, test = (1 + exceed) / (n_permutations + 1), f"Kruskal–Wallis（置换检验，{n_permutations}次）"
    delta, delta_groups = (cliffs_delta(v[codes == 0], v[codes == 1]), tuple(names)) if k == 2 else (math.nan, ())
    return TestResult(test, h, p, n, k, epsilon_squared(h, n), "ε²", delta, delta_groups)


def cramers_v(table: np.ndarray) -> float:
    """Cramér's V of a contingency table (no continuity correction)."""
    table = np.asarray(table, dtype="float64")
    n = table.sum()
    r, c = table.shape
    if n == 0 or min(r, c) < 2:
        return math.nan
    chi2 = stats.chi2_contingency(table, correction=False)[0]
    return float(math.sqrt(chi2 / (n * (min(r, c) - 1))))


def independence_test(outcome: pd.Series, groups: pd.Series, seed: int = 0,
                      n_permutations: int = N_PERMUTATIONS) -> TestResult:
    """Association of a categorical (e.g. yes/no) outcome with groups, valid with small expected counts."""
    frame = pd.DataFrame({"y": pd.Series(outcome).astype("object").to_numpy(),
                          "g": pd.Series(groups).astype("object").to_numpy()}).dropna()
    # One coding for the observed and the permuted tables, so their cells line up; the rows in canonical
    # order (by group, then outcome), so the seeded permutations do not depend on the file's row order.
    g_codes, _ = pd.factorize(frame["g"], sort=True)
    y_codes, _ = pd.factorize(frame["y"], sort=True)
    canonical = np.lexsort((y_codes, g_codes))
    g_codes, y_codes = g_codes[canonical], y_codes[canonical]
    r, c = (g_codes.max() + 1, y_codes.max() + 1) if len(frame) else (0, 0)
    n = len(frame)
    if r < 2 or c < 2:
        return TestResult("χ²", math.nan, math.nan, n, r, math.nan, "Cramér's V")
    table = np.bincount(g_codes * c + y_codes, minlength=r * c).reshape(r, c)
    chi2, p, _, expected = stats.chi2_contingency(table, correction=False)
    v = cramers_v(table)
    if expected.min() >= MIN_EXPECTED:
        return TestResult("χ²独立性检验", float(chi2), float(p), n, r, v, "Cramér's V")
    if table.shape == (2, 2):
        p = stats.fisher_exact(table)[1]
        return TestResult("Fisher精确检验", float(chi2), float(p), n, 2, v, "Cramér's V")
    rng = np.random.default_rng(seed)
    n_permutations = _permutations_for(n, n_permutations)
    # Margins are fixed under permutation, so the expected counts are too.
    exceed = 0
    for block in _permutations(rng, y_codes, n_permutations):
        permuted = _block_counts(g_codes * c + block, r * c).reshape(-1, r, c)
        exceed += int(np.sum(np.sum((permuted - expected) ** 2 / expected, axis=(1, 2)) >= chi2 - 1e-9))
    p = (1 + exceed) / (n_permutations + 1)
    return TestResult(f"χ²置换检验（{n_permutations}次）", float(chi2), float(p), n, r, v, "Cramér's V")


def adjust_p_values(p_values, method: str = "holm") -> np.ndarray:
    """Multiple-testing correction: Holm's step-down (``holm``) or Benjamini–Hochberg (``fdr_bh``), the values
    statsmodels' ``multipletests`` gives (tested against it); NaN p-values stay NaN and are not counted.

    Computed here rather than by ``multipletests``, whose Holm branch forces a full garbage collection on every
    call: the chapters adjust dozens of families, and that alone was a quarter of chapter 三's analysis time.
    """
    if method not in ("holm", "fdr_bh"):
        raise ValueError(f"unknown correction {method!r}: use 'holm' or 'fdr_bh'")
    p = np.asarray(p_values, dtype="float64")
    adjusted = np.full_like(p, np.nan)
    ok = ~np.isnan(p)
    m = int(ok.sum())
    if m:
        values = p[ok]
        order = np.argsort(values, kind="stable")
        ranked = values[order]
        if method == "holm":  # p_(i) × (m − i + 1), made non-decreasing
            corrected = np.maximum.accumulate(ranked * np.arange(m, 0, -1))
        else:  # p_(i) × m / i, made non-increasing from the largest
            corrected = np.minimum.accumulate((ranked * m / np.arange(1, m + 1))[::-1])[::-1]
        back = np.empty(m)
        back[order] = np.minimum(corrected, 1.0)
        adjusted[ok] = back
    return adjusted


def group_means(values: pd.Series, groups: pd.Series, order=None) -> pd.DataFrame:
    """Per group: n, mean and 95% t-interval of *values* (groups in *order* when given, else group_order)."""
    frame = pd.DataFrame({"v": pd.Series(values, dtype="float64"), "g": pd.Series(groups).astype("object")})
    names = list(order) if order is not None else group_order(groups)
    rows = []
    for name in names:
        summary = mean_interval(frame.loc[frame["g"] == name, "v"])
        rows.append({"group": name, **summary})
    return pd.DataFrame(rows)


def group_difference_table(frame: pd.DataFrame, ordered_outcomes: dict, categorical_outcomes: dict,
                           groupings: dict, seed: int = 20240601, method: str = "holm") -> pd.DataFrame:
    """One row per (outcome, grouping) with test, statistic, p, corrected p and effect sizes.

    *ordered_outcomes* / *categorical_outcomes*: {label: Series}; *groupings*: {label: Series}.
    Each test gets its own seed, *seed* plus its position in the table, so every
    permutation p-value is reproducible.
    """
    rows = []
    position = 0
    for outcome_label, values in ordered_outcomes.items():
        for group_label, groups in groupings.items():
            result = kruskal_test(values, groups, seed=seed + position)
            rows.append({"outcome": outcome_label, "grouping": group_label, "kind": "ordered", **result.__dict__})
            position += 1
    for outcome_label, values in categorical_outcomes.items():
        for group_label, groups in groupings.items():
            result = independence_test(values, groups, seed=seed + position)
            rows.append({"outcome": outcome_label, "grouping": group_label, "kind": "categorical", **result.__dict__})
            position += 1
    table = pd.DataFrame(rows)
    table["p_adjusted"] = adjust_p_values(table["p_value"], method)
    return table
