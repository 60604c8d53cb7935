"""Hand-computed cases for zhucun.stats.group_tests."""

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from zhucun.stats.group_tests import (
    adjust_p_values,
    cliffs_delta,
    cramers_v,
    epsilon_squared,
    group_difference_table,
    group_means,
    group_order,
    independence_test,
    kruskal_test,
    tenure_band,
)


def test_tenure_band_edges():
    bands = tenure_band(pd.Series([0, 11, 12, 23, 24, 60]))
    assert bands.astype(str).tolist() == ["不满12个月", "不满12个月", "12–23个月", "12–23个月",
                                          "24个月及以上", "24个月及以上"]
    assert bands.cat.ordered


def test_kruskal_small_groups_by_hand():
    # ranks 1..5; R_A = 3, R_B = 12: H = 12/30·(9/2 + 144/3) − 18 = 3; ε² = 3/4.
    # Exact permutation p: 2 of the 10 splits ({1,2} and {4,5}) give H ≥ 3, so p = 0.2.
    values = pd.Series([1, 2, 3, 4, 5])
    groups = pd.Series(["A", "A", "B", "B", "B"])
    result = kruskal_test(values, groups, seed=3)
    assert result.statistic == pytest.approx(3.0)
    assert result.effect == pytest.approx(0.75)
    assert result.delta == pytest.approx(-1.0)
    assert "置换" in result.test
    assert result.p_value == pytest.approx(0.2, abs=0.015)
    assert kruskal_test(values, groups, seed=3).p_value == result.p_value  # seeded: deterministic


def test_kruskal_large_groups_match_scipy_with_ties():
    values = pd.Series([1, 2, 2, 3, 3, 3, 4, 4, 5, 5, 1, 1, 2, 2, 3, 4, 5, 5])
    groups = pd.Series(["a"] * 6 + ["b"] * 6 + ["c"] * 6)
    result = kruskal_test(values, groups)
    h, p = stats.kruskal(values[:6], values[6:12], values[12:])
    assert result.statistic == pytest.approx(h)
    assert result.p_value == pytest.approx(p)
    assert "χ²近似" in result.test


def test_cliffs_delta_with_a_tie_by_hand():
    # pairs (x, y): 1v1 tie, 1v2 <, 3v1 >, 3v2 > : (2 − 1)/4
    assert cliffs_delta([1, 3], [1, 2]) == pytest.approx(0.25)


def test_epsilon_squared():
    assert epsilon_squared(6.0, 7) == 1.0


def test_cramers_v_extremes():
    assert cramers_v(np.array([[10, 0], [0, 10]])) == pytest.approx(1.0)
    assert cramers_v(np.array([[5, 5], [5, 5]])) == pytest.approx(0.0)


def test_fisher_when_expected_counts_are_small():
    # margins 4/4/4/4, n 8: P(a) ∝ C(4,a)C(4,4−a) = 1,16,36,16,1 of 70; a=3 → p = 34/70
    outcome = pd.Series([1, 1, 1, 0] + [1, 0, 0, 0])
    groups = pd.Series(["x"] * 4 + ["y"] * 4)
    result = independence_test(outcome, groups)
    assert result.test == "Fisher精确检验"
    assert result.p_value == pytest.approx(34 / 70)


def test_permutation_chi2_is_seeded():
    outcome = pd.Series([1, 0, 1, 0, 1, 1, 0, 0, 1])
    groups = pd.Series(list("aaabbbccc"))
    first = independence_test(outcome, groups, seed=5, n_permutations=499)
    assert "置换" in first.test
    assert independence_test(outcome, groups, seed=5, n_permutations=499).p_value == first.p_value


def test_holm_by_hand_keeps_nan():
    # sorted 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 → 0.06 (monotone)
    adjusted = adjust_p_values([0.01, 0.04, np.nan, 0.03])
    assert adjusted[[0, 1, 3]] == pytest.approx([0.03, 0.06, 0.06])
    assert math.isnan(adjusted[2])


@pytest.mark.parametrize("method", ["holm", "fdr_bh"])
@pytest.mark.parametrize("seed", range(6))
def test_the_corrections_agree_with_statsmodels(method, seed):
    from statsmodels.stats.multitest import multipletests
    rng = np.random.default_rng(seed)
    p = rng.uniform(0, 0.2, size=int(rng.integers(1, 25)))
    p[rng.integers(0, len(p))] = p[0]  # a tie
    p = np.append(p, [1.0, 0.0])  # the ends
    assert adjust_p_values(p, method) == pytest.approx(multipletests(p, method=method)[1], abs=1e-15)


def test_an_unknown_correction_is_refused():
    with pytest.raises(ValueError, match="holm"):
        adjust_p_values([0.1], "bonferroni")


def test_group_means_and_table():
    frame = pd.DataFrame({"v": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], "g": list("aaabbb")})
    means = group_means(frame["v"], frame["g"], order=["b", "a"])
    assert means["group"].tolist() == ["b", "a"] and means["mean"].tolist() == [5.0, 2.0]
    table = group_difference_table(frame, {"得分": frame["v"]}, {"高": frame["v"] > 3}, {"组": frame["g"]})
    assert table["kind"].tolist() == ["ordered", "categorical"]
    assert (table["p_adjusted"] >= table["p_value"]).all()


def test_permutation_chi2_agrees_with_the_asymptotic_p_roughly():
    # A 3×2 table with one small group: the permutation p must be near the χ² p, not stuck at 1.
    outcome = pd.Series([1] * 20 + [0] * 20 + [1] * 18 + [0] * 22 + [1, 0, 0])
    groups = pd.Series(["a"] * 40 + ["b"] * 40 + ["c"] * 3)
    result = independence_test(outcome, groups, seed=1, n_permutations=1999)
    table = pd.crosstab(groups, outcome).to_numpy()
    asymptotic = stats.chi2_contingency(table, correction=False)[1]
    assert "置换" in result.test
    assert abs(result.p_value - asymptotic) < 0.15
    assert result.statistic == pytest.approx(stats.chi2_contingency(table, correction=False)[0])


def test_results_do_not_depend_on_row_order_and_delta_names_its_groups():
    rng = np.random.default_rng(11)
    values = pd.Series(rng.integers(1, 6, 60), dtype="float64")
    groups = pd.Series(pd.Categorical(rng.choice(["第一书记", "工作队员"], 60), categories=["第一书记", "工作队员"]))
    small = pd.Series(pd.Categorical(["甲"] * 3 + ["乙"] * 57, categories=["乙", "甲"]))  # a permutation test
    order = rng.permutation(60)
    for grouping in (groups, small):
        first = kruskal_test(values, grouping, seed=5)
        again = kruskal_test(values.iloc[order], grouping.iloc[order], seed=5)
        assert first == again
    result = kruskal_test(values, groups)
    assert result.delta_groups == ("第一书记", "工作队员")
    flipped = pd.Series(pd.Categorical(groups.astype(str), categories=["工作队员", "第一书记"]))
    assert kruskal_test(values, flipped).delta == pytest.approx(-result.delta)
    yes = (values >= 4).astype("float64")
    assert independence_test(yes, small, seed=5) == independence_test(yes.iloc[order], small.iloc[order], seed=5)


def test_group_order_follows_categories_else_sorts():
    assert group_order(pd.Series(pd.Categorical(["b", "a", "b"], categories=["b", "c", "a"]))) == ["b", "a"]
    assert group_order(pd.Series(["乙", "甲", None, "乙"])) == sorted(["乙", "甲"])


def test_permutations_drawn_in_blocks_are_those_of_one_draw_at_a_time():
    """The permutation p-values draw their permutations in blocks; the random stream is the loop's."""
    from zhucun.stats.group_tests import _permutations

    codes = np.arange(11) % 3
    one_at_a_time = np.random.default_rng(4)
    expected = np.array([one_at_a_time.permutation(codes) for _ in range(25)])
    in_blocks = np.vstack(list(_permutations(np.random.default_rng(4), codes, 25, per_block=44)))  # blocks of 4 rows
    assert in_blocks.shape == (25, 11) and (in_blocks == expected).all()
