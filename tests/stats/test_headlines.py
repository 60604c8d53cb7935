"""One definition of the headline results, with ties and paired tests."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from zhucun.data.survey import load_survey
from zhucun.stats.headlines import (
    Leader,
    _leader,
    best_measure,
    headline_results,
    strongest_manifestation,
    tied_at_extreme,
)
from zhucun.stats.likert import scale_scores
from zhucun.stats.paired_comparisons import mcnemar_test


@pytest.fixture(scope="module")
def survey():
    return load_survey()


def test_most_common_manifestation_is_the_highest_share_scoring_4_tested_against_the_second(survey):
    leader = strongest_manifestation(survey)
    scores = scale_scores(survey, kind="manifestation")
    shares = ((scores >= 4).sum() / scores.notna().sum()).sort_values(ascending=False, kind="stable")
    assert leader.id == shares.index[0] and leader.runner_up_id == shares.index[1]
    assert leader.value == pytest.approx(shares.iloc[0])
    both = scores[[shares.index[0], shares.index[1]]].dropna()
    hits = (both >= 4).astype("float64")
    test = mcnemar_test(hits.iloc[:, 0], hits.iloc[:, 1], at_least=1)
    assert leader.p_value == pytest.approx(test["p"]) and leader.n_pairs == len(both)
    assert leader.difference == pytest.approx(hits.iloc[:, 0].mean() - hits.iloc[:, 1].mean())
    assert leader.difference_low < leader.difference < leader.difference_high


def test_best_measure_is_the_highest_share_rating_4_or_5(survey):
    leader = best_measure(survey)
    items = [c for c in survey.columns if c.startswith("m_")]
    ratings = survey[items].astype("float64")
    helpful = ratings.isin([4, 5]).astype("float64").where(ratings.notna())
    shares = helpful.mean().sort_values(ascending=False, kind="stable")
    assert leader.id == shares.index[0]
    assert leader.value == pytest.approx(shares.iloc[0])
    expected = mcnemar_test(helpful[leader.id], helpful[leader.runner_up_id], at_least=1)["p"]
    assert leader.p_value == pytest.approx(expected)


def test_headlines_do_not_depend_on_row_order(survey):
    shuffled = survey.sample(frac=1, random_state=3)
    assert headline_results(shuffled) == headline_results(survey)


def _columns(values: dict[str, list[float]]) -> pd.DataFrame:
    return pd.DataFrame(values, dtype="float64")


def test_a_tie_at_the_shown_precision_is_a_tie_and_is_not_tested():
    columns = _columns({"a": [4, 4, 3, 5], "b": [4, 4, 3, 5], "c": [1, 2, 1, 2]})
    leader = _leader(columns.mean(), {"a": "甲", "b": "乙", "c": "丙"}, 2, columns, 4)
    assert leader.tied and leader.ids == ("a", "b") and leader.labels == ("甲", "乙")
    assert leader.runner_up_id == "c" and leader.test == "" and math.isnan(leader.p_value) and not leader.ahead


def test_a_single_scale_has_no_runner_up():
    columns = _columns({"a": [4, 3]})
    leader = _leader(columns.mean(), {"a": "甲"}, 2, columns, 4)
    assert leader.runner_up_id is None and not leader.ahead and not leader.tied


def test_ahead_only_below_the_significance_level():
    base = dict(ids=("a",), labels=("甲",), value=0.8, runner_up_id="b", runner_up_label="乙", runner_up_value=0.6,
                test="mcnemar-exact", n_pairs=50)
    assert Leader(**base, p_value=0.049).ahead
    assert not Leader(**base, p_value=0.05).ahead
    assert not Leader(**base, p_value=math.nan).ahead


def test_not_asked_gives_none(survey):
    without = survey.drop(columns=[c for c in survey.columns if c.startswith("m_")])
    assert best_measure(without) is None
    assert np.isfinite(strongest_manifestation(without).value)


def test_tied_at_extreme_is_equality_as_shown():
    shares = pd.Series({"a": 0.80645, "b": 0.8057, "c": 0.8049, "d": math.nan, "e": 0.1})
    assert tied_at_extreme(shares, 3) == ["a", "b"]          # 80.6% and 80.6%: tied as the reader sees them
    assert tied_at_extreme(shares, 4) == ["a"]               # at one more digit they are not
    assert tied_at_extreme(shares, 3, lowest=True) == ["e"]
    assert tied_at_extreme(pd.Series({"x": 0.5, "y": 0.5}), 3) == ["x", "y"]  # all tied
    assert tied_at_extreme(pd.Series({"x": 0.0, "y": 0.0}), 3, lowest=True) == ["x", "y"]  # zero
    assert tied_at_extreme(pd.Series([math.nan], index=["x"]), 3) == []       # nothing to rank
