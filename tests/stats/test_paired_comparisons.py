"""Paired and two-group tests of ratings, against scipy/statsmodels computed independently, and order-invariant."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.stats.multitest import multipletests

from zhucun.stats.intervals import wilson_interval
from zhucun.stats.paired_comparisons import (
    EXACT_BELOW,
    compare_groups,
    compare_pairs,
    holm,
    mcnemar_test,
    wilcoxon_test,
)
from zhucun.stats.weighted_ratings import weighted_helpful_share


def _ratings(seed: int = 3, n: int = 120) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame({
        "x": rng.integers(1, 6, n).astype("float64"),
        "y": rng.integers(2, 6, n).astype("float64"),
        "z": rng.integers(1, 4, n).astype("float64"),
        "role": rng.choice(["first_secretary", "team_member"], n),
    })
    frame.loc[[0, 5, 9], "x"] = np.nan  # item non-response leaves the pair out
    return frame


def test_mcnemar_exact_is_the_two_sided_binomial_test_on_discordant_pairs():
    a = pd.Series([5, 5, 5, 4, 1, 2, 3, 5, 5, 4], dtype="float64")
    b = pd.Series([1, 2, 5, 4, 1, 2, 3, 3, 5, 2], dtype="float64")
    result = mcnemar_test(a, b)
    assert (result["a_only"], result["b_only"], result["method"]) == (4, 0, "exact")
    assert result["p"] == pytest.approx(stats.binomtest(0, 4, 0.5).pvalue)
    assert result["share_a"] == pytest.approx(0.7) and result["share_b"] == pytest.approx(0.3)


def test_mcnemar_with_many_discordant_pairs_is_the_corrected_chi_square():
    frame = _ratings()
    result = mcnemar_test(frame["x"], frame["z"])
    pairs = frame[["x", "z"]].dropna()
    hx, hz = pairs["x"] >= 4, pairs["z"] >= 4
    b, c = int((hx & ~hz).sum()), int((~hx & hz).sum())
    assert b + c >= EXACT_BELOW and result["method"] == "chi2"
    chi2 = (abs(b - c) - 1) ** 2 / (b + c)
    assert result["p"] == pytest.approx(stats.chi2.sf(chi2, 1))
    assert result["n"] == len(pairs)


def test_mcnemar_edges_no_discordant_pair_and_no_pair():
    same = pd.Series([5, 4, 1, 2], dtype="float64")
    assert mcnemar_test(same, same)["p"] == 1.0
    empty = pd.Series([np.nan, np.nan])
    assert math.isnan(mcnemar_test(empty, empty)["p"]) and mcnemar_test(empty, empty)["n"] == 0


def test_wilcoxon_matches_scipy_and_its_edges():
    frame = _ratings()
    pairs = frame[["x", "y"]].dropna()
    assert wilcoxon_test(frame["x"], frame["y"])["p"] == pytest.approx(stats.wilcoxon(pairs["x"], pairs["y"]).pvalue)
    same = pd.Series([3, 4, 5], dtype="float64")
    assert wilcoxon_test(same, same) == {"n": 3, "mean_difference": 0.0, "p": 1.0}
    assert math.isnan(wilcoxon_test(pd.Series([np.nan]), pd.Series([1.0]))["p"])


def test_holm_matches_statsmodels_and_keeps_nan():
    p = [0.01, 0.04, 0.03, math.nan, 0.5]
    expected = multipletests([0.01, 0.04, 0.03, 0.5], method="holm")[1]
    got = holm(p)
    assert math.isnan(got[3])
    assert [got[i] for i in (0, 1, 2, 4)] == pytest.approx(list(expected))


def test_paired_comparisons_correct_across_the_pairs_given():
    frame = _ratings()
    table = compare_pairs(frame, [("x", "y"), ("x", "z"), ("y", "z")])
    assert list(zip(table["a"], table["b"])) == [("x", "y"), ("x", "z"), ("y", "z")]
    assert list(table["p_mcnemar_holm"]) == pytest.approx(list(multipletests(table["p_mcnemar"], method="holm")[1]))
    assert list(table["p_wilcoxon_holm"]) == pytest.approx(list(multipletests(table["p_wilcoxon"], method="holm")[1]))


def test_group_comparisons_match_fisher_and_mann_whitney():
    frame = _ratings()
    table = compare_groups(frame, ["x", "z"], "role", "first_secretary", "team_member")
    fs, tm = frame[frame["role"] == "first_secretary"], frame[frame["role"] == "team_member"]
    x_fs, x_tm = fs["x"].dropna(), tm["x"].dropna()
    hit_fs, hit_tm = int((x_fs >= 4).sum()), int((x_tm >= 4).sum())
    fisher = stats.fisher_exact([[hit_fs, len(x_fs) - hit_fs], [hit_tm, len(x_tm) - hit_tm]]).pvalue
    assert table.loc[0, "p_fisher"] == pytest.approx(fisher)
    assert table.loc[0, "p_mannwhitney"] == pytest.approx(stats.mannwhitneyu(x_fs, x_tm).pvalue)
    assert list(table["p_fisher_holm"]) == pytest.approx(list(multipletests(table["p_fisher"], method="holm")[1]))
    assert (table.loc[0, "n_a"], table.loc[0, "n_b"]) == (len(x_fs), len(x_tm))


def test_results_do_not_depend_on_row_order():
    frame = _ratings()
    shuffled = frame.sample(frac=1, random_state=11).reset_index(drop=True)
    pairs = [("x", "y"), ("x", "z")]
    pd.testing.assert_frame_equal(compare_pairs(frame, pairs), compare_pairs(shuffled, pairs))
    args = (["x", "y", "z"], "role", "first_secretary", "team_member")
    pd.testing.assert_frame_equal(compare_groups(frame, *args), compare_groups(shuffled, *args))
    weights = pd.Series(np.where(frame["role"] == "first_secretary", 0.8, 1.25), index=frame.index)
    w_shuffled = weights.loc[frame.sample(frac=1, random_state=11).index].reset_index(drop=True)
    first = weighted_helpful_share(frame["x"], weights)
    assert weighted_helpful_share(shuffled["x"], w_shuffled) == pytest.approx(first)


def test_weighted_share_with_equal_weights_is_the_plain_wilson_interval():
    values = pd.Series([5, 4, 1, 2, 3, np.nan, 5], dtype="float64")
    result = weighted_helpful_share(values, pd.Series(1.0, index=values.index))
    assert result["share"] == pytest.approx(3 / 6) and result["n_eff"] == pytest.approx(6)
    assert (result["low"], result["high"]) == pytest.approx(wilson_interval(3, 6))


def test_weighted_share_uses_kish_effective_n():
    values = pd.Series([5, 5, 1, 1], dtype="float64")
    weights = pd.Series([3.0, 1.0, 1.0, 1.0])
    result = weighted_helpful_share(values, weights)
    n_eff = 36 / 12
    assert result["share"] == pytest.approx(4 / 6) and result["n_eff"] == pytest.approx(n_eff)
    assert (result["low"], result["high"]) == pytest.approx(wilson_interval(4 / 6 * n_eff, n_eff))
    none = weighted_helpful_share(pd.Series([np.nan]), pd.Series([1.0]))
    assert math.isnan(none["share"]) and none["n_eff"] == 0.0


def test_mcnemar_on_scale_scores_counts_scores_reaching_four():
    a = pd.Series([4.0, 4.5, 3.67, 5.0, 2.0, 4.0], dtype="float64")
    b = pd.Series([3.5, 4.0, 4.33, 3.0, 2.5, 4.0], dtype="float64")
    result = mcnemar_test(a, b)
    assert (result["a_only"], result["b_only"]) == (2, 1)
    assert result["p"] == pytest.approx(stats.binomtest(1, 3, 0.5).pvalue)
