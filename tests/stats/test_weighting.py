"""Post-stratification weights and weighted estimates against small hand-computed cases."""

from __future__ import annotations

import pandas as pd
import pytest

from zhucun.data.survey import load_survey
from zhucun.stats.likert import scale_scores
from zhucun.stats.weighting import (
    compare_means,
    kish_effective_n,
    population_margins,
    poststratification_weights,
    weighted_mean,
    weighted_share,
)

# Sample: 3 first secretaries, 1 team member. Population 25 : 75.
# w_fs = 0.25 / 0.75 = 1/3, w_tm = 0.75 / 0.25 = 3; mean (3·1/3 + 3) / 4 = 1.
SAMPLE = pd.DataFrame({"role": ["first_secretary"] * 3 + ["team_member"], "y": [1, 2, 3, 10]})
MARGINS = pd.Series({"first_secretary": 25, "team_member": 75})


def test_weights_hand_computed():
    weights = poststratification_weights(SAMPLE, margins=MARGINS)
    assert weights.tolist() == pytest.approx([1 / 3, 1 / 3, 1 / 3, 3])
    assert weights.mean() == pytest.approx(1.0)


def test_weighted_mean_share_and_kish():
    weights = poststratification_weights(SAMPLE, margins=MARGINS)
    # (1/3·(1+2+3) + 3·10) / 4 = 32 / 4 = 8
    assert weighted_mean(SAMPLE["y"], weights) == pytest.approx(8.0)
    shares = weighted_share(SAMPLE["role"], weights)
    assert shares["first_secretary"] == pytest.approx(0.25) and shares["team_member"] == pytest.approx(0.75)
    # (sum w)^2 / sum w^2 = 16 / (3/9 + 9) = 12/7
    assert kish_effective_n(weights) == pytest.approx(16 / (1 / 3 + 9))


def test_missing_values_are_left_out_with_their_weights():
    values = pd.Series([1.0, None, 3.0, 10.0])
    weights = pd.Series([1 / 3, 1 / 3, 1 / 3, 3])
    # (1/3·4 + 30) / (2/3 + 3) = (94/3) / (11/3) = 94/11
    assert weighted_mean(values, weights) == pytest.approx(94 / 11)


def test_population_margins_come_from_the_validated_table():
    assert population_margins().to_dict() == {"first_secretary": 2083, "team_member": 3388}
    table = pd.DataFrame({"variable": ["role", "role", "gender"], "code": ["first_secretary", "team_member", "male"],
                          "population": ["10", "30", "7"]})
    assert population_margins("role", table).to_dict() == {"first_secretary": 10, "team_member": 30}
    with pytest.raises(ValueError, match="no population margins"):
        population_margins("education", table)


def test_empty_stratum_or_unknown_code_is_an_error():
    with pytest.raises(ValueError, match="no respondents"):
        poststratification_weights(SAMPLE.iloc[:3], margins=MARGINS)
    with pytest.raises(ValueError, match="without a population margin"):
        poststratification_weights(SAMPLE.assign(role=["x", "first_secretary", "team_member", "x"]), margins=MARGINS)


def test_side_by_side_tables_on_the_committed_data(book_root):
    survey = load_survey(book_root / "data" / "survey_responses.csv")
    weights = poststratification_weights(survey)
    means = compare_means(survey.join(scale_scores(survey)), ["p1_paperwork", "p1"], weights)
    assert means["label"].tolist() == ["填表迎检耗精力", "职能冗杂且碎片化"]
    assert (means["effective_n"] < means["n"]).all()
