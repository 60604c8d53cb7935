"""Chapter 二's figures and derived numbers (zhucun.data.cadre_deployment), checked by hand."""

import pandas as pd
import pytest

from zhucun.data.cadre_deployment import cadre_composition, implied_total, national_in_post, village_coverage
from zhucun.prose.display_tables import role_sample_vs_population, sample_composition


def test_implied_total_of_j_province_by_hand():
    # 2083 / 0.221 = 9425.3; 2083 / 0.2215 = 9404.1 → 9405; 2083 / 0.2205 = 9446.7 → 9446
    implied = implied_total(2083, 22.1)
    assert (implied.estimate, implied.low, implied.high) == (9425, 9405, 9446)


def test_implied_total_exact_share():
    implied = implied_total(50, 50.0)
    assert implied.estimate == 100 and implied.low <= 100 <= implied.high


def test_implied_total_refuses_impossible_share():
    with pytest.raises(ValueError):
        implied_total(10, 0)


def test_cadre_composition_subtracts_first_secretaries():
    table = cadre_composition({"first_secretaries": 2083, "cadres_total": 5471})
    assert table["人数"].tolist() == [2083, 3388]
    assert table["占比"].sum() == pytest.approx(1)


def test_village_coverage_uses_the_implied_total():
    table = village_coverage({"villages_assisted": 2083, "share_of_admin_villages_pct": 22.1},
                             implied_total(2083, 22.1))
    assert table["行政村数"].tolist() == [2083, 9425 - 2083]


def test_national_in_post_in_ten_thousands_and_marks_lower_bounds():
    national = pd.DataFrame({
        "date": ["2016-12", "2016-12", "2020-03-06"],
        "indicator": ["resident_cadres_in_post", "cadres_cumulative", "first_secretaries_in_post"],
        "value": [540000.0, 2900000.0, 206000.0],
        "qualifier": ["at_least", "at_least", "stated"],
        "source": ["a", "b", "c"],
    })
    national["timestamp"] = pd.to_datetime(national["date"], format="mixed")
    table = national_in_post(national)
    assert table["人数（万人）"].tolist() == [54.0, 20.6]
    assert table["时点"].tolist() == ["2016-12", "2020-03"]
    assert table["说明"].iloc[0].startswith("下限")


def test_role_sample_vs_population_by_hand():
    survey = pd.DataFrame({"role": ["first_secretary"] * 6 + ["team_member"] * 4})
    margins = pd.Series({"first_secretary": 2083, "team_member": 3388})
    table = role_sample_vs_population(survey, margins)
    # team members: 4 < 5 → "<5"; then the first secretaries' 6 would follow from the total → "*"
    assert table["样本人数"].tolist() == ["*", "<5"]
    assert table["样本占比"].isna().all()
    assert table["总体占比"].tolist() == pytest.approx([2083 / 5471, 3388 / 5471])


def test_role_sample_vs_population_large_cells_shown():
    survey = pd.DataFrame({"role": ["first_secretary"] * 6 + ["team_member"] * 9})
    table = role_sample_vs_population(survey, pd.Series({"first_secretary": 1, "team_member": 3}))
    assert table["样本人数"].tolist() == ["6", "9"]
    assert table["样本占比"].tolist() == pytest.approx([0.4, 0.6])


def test_sample_composition_keeps_label_order_and_suppresses():
    survey = pd.DataFrame({"t": ["a"] * 7 + ["b"] * 8 + ["c"] * 2})
    table = sample_composition(survey, "t", {"a": "甲", "b": "乙", "c": "丙"})
    assert table["类别"].tolist() == ["甲", "乙", "丙"]
    assert table["样本人数"].tolist() == ["*", "8", "<5"]
