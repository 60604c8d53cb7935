"""zhucun.stats.ordinal_model: a two-level case solvable by hand, and the Brant test on simulated data."""

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from zhucun.stats.ordinal_model import (
    brant_test,
    dummies,
    fit_ordinal_logit,
    model_frame,
    odds_ratio_table,
)


def test_two_levels_give_the_two_by_two_odds_ratio():
    # x=0: 6 low, 4 high; x=1: 2 low, 8 high → OR of "higher" = (8/2)/(4/6) = 6
    y = pd.Series([1] * 6 + [2] * 4 + [1] * 2 + [2] * 8)
    x = pd.DataFrame({"x": [0] * 10 + [1] * 10})
    table = odds_ratio_table(fit_ordinal_logit(y, x))
    assert table.loc[0, "odds_ratio"] == pytest.approx(6.0, rel=1e-4)
    assert table.loc[0, "low"] < 6 < table.loc[0, "high"]


def test_model_frame_drops_incomplete_rows_and_constant_columns():
    y, X = model_frame(pd.Series([1, 2, None, 3]), pd.DataFrame({"a": [1, 2, 3, 4], "b": [1, 1, 1, 1]}))
    assert len(y) == 3 and list(X.columns) == ["a"]


def test_dummies_leave_out_reference_and_empty_codes():
    values = pd.Series(["u", "v", "u"])
    frame = dummies(values, {"u": "甲", "v": "乙", "w": "丙"}, reference="u", prefix="类型")
    assert list(frame.columns) == ["类型：乙"] and frame["类型：乙"].tolist() == [0, 1, 0]


def _simulate(n, slopes, seed):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=n)
    # cumulative logits: P(Y > j) = logistic(a_j + b_j x); proportional when the b_j are equal
    cuts = [(1.0, slopes[0]), (0.0, slopes[1]), (-1.0, slopes[2])]
    u = rng.random(n)
    y = np.ones(n, dtype=int)
    for a, b in cuts:
        y += (u < 1 / (1 + np.exp(-(a + b * x)))).astype(int)
    return pd.Series(y), pd.DataFrame({"x": x})


def test_brant_does_not_reject_proportional_odds():
    y, X = _simulate(3000, (0.8, 0.8, 0.8), seed=11)
    result = brant_test(y, X)
    assert result.df == 2 and result.p_value > 0.05


def test_brant_rejects_different_slopes_and_reports_cut_odds_ratios():
    y, X = _simulate(3000, (0.2, 0.8, 1.6), seed=12)
    result = brant_test(y, X)
    assert result.p_value < 1e-4
    logit = sm.Logit((y > 1).astype(float), sm.add_constant(X)).fit(disp=False)
    assert result.cut_odds_ratios.loc[0, "> 1"] == pytest.approx(np.exp(logit.params["x"]))


def test_brant_needs_three_levels():
    with pytest.raises(ValueError):
        brant_test(pd.Series([1, 2, 1, 2]), pd.DataFrame({"x": [0.0, 1.0, 1.0, 0.0]}))


def test_brant_flags_an_empty_cell_of_a_dummy():
    y, X = _simulate(400, (0.8, 0.8, 0.8), seed=13)
    X["d"] = 0.0
    X.loc[(y > 1).to_numpy() & (np.arange(len(y)) % 7 == 0), "d"] = 1.0  # d = 1 never at the lowest level
    result = brant_test(y, X)
    assert ("d", 1) in result.sparse
    assert all(predictor == "d" for predictor, _ in result.sparse)


def test_sparse_end_levels_are_merged_by_the_stated_rule():
    from zhucun.stats.ordinal_model import MIN_LEVEL_SHARE, merge_sparse_levels

    assert MIN_LEVEL_SHARE == 0.15
    # 15 of 100 at the lower end is exactly the threshold: kept.
    y = pd.Series([1] * 15 + [2] * 30 + [3] * 30 + [4] * 25)
    merged, merges = merge_sparse_levels(y)
    assert merges == [] and merged.tolist() == y.tolist()
    # 14 of 100 is below it: level 1 joins level 2 and takes its code.
    y = pd.Series([1] * 14 + [2] * 31 + [3] * 30 + [4] * 25)
    merged, merges = merge_sparse_levels(y)
    assert merges == [(1, 2)] and set(merged) == {2, 3, 4} and (merged == 2).sum() == 45
    # Both ends sparse, and a merged end still sparse merges again; never fewer than two levels.
    y = pd.Series([1] * 2 + [2] * 3 + [3] * 80 + [4] * 5 + [5] * 10)
    merged, merges = merge_sparse_levels(y)
    assert merges == [(1, 2, 3), (4, 5)] and set(merged) == {3, 4}
    # Missing answers stay missing and do not count.
    y = pd.Series([1, None, 2, 2, 2, 3, 3, 3])
    merged, _ = merge_sparse_levels(y)
    assert merged.isna().sum() == 1


def test_a_tie_between_two_sparse_ends_merges_the_lower_first():
    from zhucun.stats.ordinal_model import merge_sparse_levels

    y = pd.Series([1] * 10 + [2] * 40 + [3] * 40 + [4] * 10)
    _, merges = merge_sparse_levels(y)
    assert merges[0] == (1, 2)
