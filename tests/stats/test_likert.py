"""Hand-computed cases for zhucun.stats.likert."""

import math

import numpy as np
import pandas as pd
import pingouin
import pytest

from zhucun.stats.intervals import mean_interval
from zhucun.stats.likert import (
    agreement_shares,
    answer_shares,
    cronbach_alpha,
    scale_means,
    scale_scores,
    wilson_interval,
)


def test_answer_shares_leave_out_non_response():
    frame = pd.DataFrame({"a": pd.array([1, 1, 2, None, 5], dtype="Int64")})
    shares = answer_shares(frame, ["a"])
    assert shares.loc["a", "n"] == 4
    assert shares.loc["a", [1, 2, 3, 4, 5]].tolist() == [0.5, 0.25, 0.0, 0.0, 0.25]


def test_wilson_interval_8_of_10_by_hand():
    # centre (p + z²/2n)/(1 + z²/n), half-width z·sqrt(p(1−p)/n + z²/4n²)/(1 + z²/n), z = 1.959964
    low, high = wilson_interval(8, 10)
    assert low == pytest.approx(0.49016, abs=1e-4)
    assert high == pytest.approx(0.94332, abs=1e-4)
    assert all(math.isnan(v) for v in wilson_interval(0, 0))


def test_agreement_shares_unweighted_and_weighted():
    frame = pd.DataFrame({"a": pd.array([4, 5, 3, None, 1], dtype="Int64")})
    weights = pd.Series([1.0, 1.0, 2.0, 9.0, 1.0])
    row = agreement_shares(frame, ["a"], weights=weights).iloc[0]
    assert (row["n"], row["agree"], row["share"]) == (4, 2, 0.5)
    assert row["weighted_share"] == pytest.approx(2 / 5)  # the non-respondent's weight 9 is left out
    assert row["low"] < 0.5 < row["high"]


def test_mean_interval_by_hand():
    # mean 2, sd 1, n 3: half-width t(0.975, 2)·1/√3 = 4.302653/1.732051
    result = mean_interval(pd.Series([1.0, 2.0, 3.0, np.nan]))
    assert result["n"] == 3 and result["mean"] == 2
    assert result["high"] - 2 == pytest.approx(4.302653 / 3 ** 0.5, rel=1e-6)


def test_cronbach_alpha_by_hand():
    # var(a)=var(b)=1, sum = [2, 5, 5] with variance 3: α = 2·(1 − 2/3) = 2/3
    items = pd.DataFrame({"a": [1, 2, 3], "b": [1, 3, 2]})
    assert cronbach_alpha(items)["alpha"] == pytest.approx(2 / 3)


def test_cronbach_interval_matches_pingouin_feldt():
    rng = np.random.default_rng(1)
    base = rng.integers(1, 6, size=40)
    items = pd.DataFrame({f"i{k}": np.clip(base + rng.integers(-1, 2, size=40), 1, 5) for k in range(3)})
    ours = cronbach_alpha(items)
    alpha, (low, high) = pingouin.cronbach_alpha(items)
    assert ours["alpha"] == pytest.approx(alpha, abs=1e-9)
    assert (round(ours["low"], 3), round(ours["high"], 3)) == (low, high)  # pingouin rounds to 3 digits


def test_cronbach_alpha_listwise_and_degenerate():
    items = pd.DataFrame({"a": [1, 2, 3, None], "b": [1, 3, 2, 5]})
    assert cronbach_alpha(items)["n"] == 3
    assert math.isnan(cronbach_alpha(pd.DataFrame({"a": [3, 3], "b": [3, 3]}))["alpha"])


def test_scale_means_are_t_intervals_of_the_scores_of_the_scales_asked():
    from zhucun.data.codebook import load_codebook
    from zhucun.data.survey import load_survey
    survey = load_survey()
    survey = survey.drop(columns=list(load_codebook().scale_items("p2")))
    means = scale_means(survey)
    assert list(means["scale"]) == ["p1", "p3", "p4"]  # codebook order, the scale not asked left out
    scores = scale_scores(survey, kind="manifestation")
    for row in means.itertuples():
        expected = mean_interval(scores[row.scale])
        assert (row.n, row.mean, row.low, row.high) == pytest.approx(
            (expected["n"], expected["mean"], expected["low"], expected["high"]))
        assert row.low < row.mean < row.high


def test_scale_prevalence_is_the_share_scoring_at_least_4_with_wilson_and_weighted_shares():
    from zhucun.data.codebook import load_codebook
    from zhucun.data.survey import load_survey
    from zhucun.stats.likert import scale_prevalence
    from zhucun.stats.weighting import kish_effective_n, poststratification_weights
    survey = load_survey()
    survey = survey.drop(columns=list(load_codebook().scale_items("p2")))
    table = scale_prevalence(survey)
    assert list(table["scale"]) == ["p1", "p3", "p4"]
    scores = scale_scores(survey, kind="manifestation")
    weights = poststratification_weights(survey, "role")
    for row in table.itertuples():
        values = scores[row.scale].dropna()
        assert (row.n, row.agree) == (len(values), int((values >= 4).sum()))
        assert (row.low, row.high) == pytest.approx(wilson_interval(row.agree, row.n))
        w = weights[values.index]
        hit = (values >= 4).to_numpy()
        assert row.weighted_share == pytest.approx((w * hit).sum() / w.sum())
        n_eff = kish_effective_n(w)
        assert (row.weighted_low, row.weighted_high) == pytest.approx(
            wilson_interval(row.weighted_share * n_eff, n_eff))
    # without role no weighted share, the unweighted ones unchanged
    no_role = scale_prevalence(survey.drop(columns=["role"]))
    assert no_role["weighted_share"].isna().all() and no_role["share"].tolist() == table["share"].tolist()
