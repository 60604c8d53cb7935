"""Paired and two-group tests of ratings, against scipy/statsmodels computed independently, and order-invariant."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from scipy.optimize import brentq
from statsmodels.stats.multitest import multipletests

from zhucun.stats.intervals import wilson_interval
from zhucun.stats.paired_comparisons import (
    EXACT_BELOW,
    compare_groups,
    compare_pairs,
    holm,
    mcnemar_test,
    mean_difference_interval,
    newcombe_independent_interval,
    newcombe_paired_interval,
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


# ---------------------------------------------------------------------------
# Effects beside the p-values, each against a computation made another way
# ---------------------------------------------------------------------------
def _wilson_by_root(x: int, n: int, z: float = stats.norm.ppf(0.975)) -> tuple[float, float]:
    """Wilson's limits found as the roots of (p̂ − p)² = z² p(1 − p)/n, not by the closed form."""
    p_hat = x / n

    def score(p):
        return (p_hat - p) ** 2 - z ** 2 * p * (1 - p) / n

    # the score is 0 at p̂ itself: bracket each limit strictly on its own side of p̂
    low = 0.0 if x == 0 else brentq(score, 1e-15, p_hat - 1e-12)
    high = 1.0 if x == n else brentq(score, p_hat + 1e-12, 1 - 1e-15)
    return low, high


def _newcombe_paired_by_hand(e: int, f: int, g: int, h: int) -> tuple[float, float, float]:
    n = e + f + g + h
    p1, p2 = (e + f) / n, (e + g) / n
    l1, u1 = _wilson_by_root(e + f, n)
    l2, u2 = _wilson_by_root(e + g, n)
    product = (e + f) * (g + h) * (e + g) * (f + h)
    phi = (e * h - f * g) / math.sqrt(product) if product else 0.0
    d = p1 - p2
    return (d, d - math.sqrt((p1 - l1) ** 2 - 2 * phi * (p1 - l1) * (u2 - p2) + (u2 - p2) ** 2),
            d + math.sqrt((u1 - p1) ** 2 - 2 * phi * (u1 - p1) * (p2 - l2) + (p2 - l2) ** 2))


@pytest.mark.parametrize("table", [(12, 9, 2, 21), (40, 30, 10, 40), (5, 0, 3, 2), (50, 3, 3, 44), (0, 1, 0, 9)])
def test_newcombe_paired_interval_against_root_found_wilson_limits(table):
    expected = _newcombe_paired_by_hand(*table)
    assert newcombe_paired_interval(*table) == pytest.approx(expected, abs=1e-9)


def test_newcombe_paired_with_phi_zero_is_the_independent_hybrid_interval_of_statsmodels():
    # ad = bc makes φ = 0: the paired interval then combines the two Wilson intervals as for independent samples
    from statsmodels.stats.proportion import confint_proportions_2indep
    difference, low, high = newcombe_paired_interval(10, 10, 20, 20)
    expected = confint_proportions_2indep(20, 60, 30, 60, method="newcomb", compare="diff")
    assert difference == pytest.approx(20 / 60 - 30 / 60)
    assert (low, high) == pytest.approx(expected, abs=1e-12)


def test_newcombe_paired_edge_cases():
    assert all(math.isnan(v) for v in newcombe_paired_interval(0, 0, 0, 0))
    d, low, high = newcombe_paired_interval(7, 0, 0, 3)  # no discordant pair: difference 0, interval around it
    assert d == 0 and low < 0 < high
    d, low, high = newcombe_paired_interval(0, 10, 0, 0)  # all a, none b
    assert d == 1 and -1 <= low < 1 and high == pytest.approx(1)


@pytest.mark.parametrize("counts", [(30, 50, 20, 60), (0, 10, 5, 12), (12, 12, 0, 9), (61, 67, 40, 55)])
def test_newcombe_independent_interval_matches_statsmodels_newcomb(counts):
    from statsmodels.stats.proportion import confint_proportions_2indep
    x1, n1, x2, n2 = counts
    difference, low, high = newcombe_independent_interval(x1, n1, x2, n2)
    assert difference == pytest.approx(x1 / n1 - x2 / n2)
    assert (low, high) == pytest.approx(confint_proportions_2indep(x1, n1, x2, n2, method="newcomb",
                                                                   compare="diff"), abs=1e-12)
    assert all(math.isnan(v) for v in newcombe_independent_interval(0, 0, 1, 2))


def test_mean_difference_interval_matches_scipy_paired_t():
    frame = _ratings()
    result = mean_difference_interval(frame["x"], frame["y"])
    both = frame[["x", "y"]].dropna()
    expected = stats.ttest_rel(both["x"], both["y"]).confidence_interval()
    assert result["n"] == len(both)
    assert result["mean_difference"] == pytest.approx((both["x"] - both["y"]).mean())
    assert (result["low"], result["high"]) == pytest.approx((expected.low, expected.high))
    same = mean_difference_interval(frame["y"], frame["y"])
    assert same["mean_difference"] == 0 and same["low"] == same["high"] == 0


def test_mcnemar_and_compare_pairs_report_the_difference_with_its_interval():
    frame = _ratings()
    result = mcnemar_test(frame["x"], frame["y"])
    both = frame[["x", "y"]].dropna() >= 4
    e, f = int((both.x & both.y).sum()), int((both.x & ~both.y).sum())
    g, h = int((~both.x & both.y).sum()), int((~both.x & ~both.y).sum())
    assert (result["difference"], result["difference_low"], result["difference_high"]) == pytest.approx(
        _newcombe_paired_by_hand(e, f, g, h))
    table = compare_pairs(frame, [("x", "y"), ("x", "z")])
    assert table.loc[0, "difference"] == pytest.approx(result["difference"])
    t = mean_difference_interval(frame["x"], frame["z"])
    assert table.loc[1, ["mean_difference", "mean_difference_low", "mean_difference_high"]].tolist() == \
        pytest.approx([t["mean_difference"], t["low"], t["high"]])


def test_compare_groups_reports_newcombe_difference_and_cliffs_delta_against_brute_force():
    from statsmodels.stats.proportion import confint_proportions_2indep
    frame = _ratings()
    table = compare_groups(frame, ["x"], "role", "first_secretary", "team_member")
    a = frame.loc[frame.role == "first_secretary", "x"].dropna().to_numpy()
    b = frame.loc[frame.role == "team_member", "x"].dropna().to_numpy()
    brute = np.mean([np.sign(i - j) for i in a for j in b])
    assert table.loc[0, "cliffs_delta"] == pytest.approx(brute)
    u = stats.mannwhitneyu(a, b).statistic
    assert table.loc[0, "cliffs_delta"] == pytest.approx(2 * u / (len(a) * len(b)) - 1)
    low, high = confint_proportions_2indep((a >= 4).sum(), len(a), (b >= 4).sum(), len(b), method="newcomb",
                                           compare="diff")
    assert table.loc[0, ["difference_low", "difference_high"]].tolist() == pytest.approx([low, high])
