"""Post-stratification weights and weighted estimates against small hand-computed cases."""

from __future__ import annotations

import pandas as pd
import pytest

from zhucun.stats.weighting import (
    population_margins,
    poststratification_weights,
)

# Sample: 3 first secretaries, 1 team member. Population 25 : 75.
# w_fs = 0.25 / 0.75 = 1/3, w_tm = 0.75 / 0.25 = 3; mean (3·1/3 + 3) / 4 = 1.
SAMPLE = pd.DataFrame({"role": ["first_secretary"] * 3 + ["team_member"], "y": [1, 2, 3, 10]})
MARGINS = pd.Series({"first_secretary": 25, "team_member": 75})


def test_weights_hand_computed():
    weights = poststratification_weights(SAMPLE, margins=MARGINS)
    assert weights.tolist() == pytest.approx([1 / 3, 1 / 3, 1 / 3, 3])
    assert weights.mean() == pytest.approx(1.0)


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


