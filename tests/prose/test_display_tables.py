"""The sample profile tables: small cells and their shares are hidden."""

import pandas as pd
import pytest

from zhucun.prose.display_tables import profile_counts, profile_table
from zhucun.stats.sample_profile import margin_comparison


def test_small_cell_and_its_complement_hidden_with_their_shares():
    # counts 7, 2, 6 (total 15): 2 → "<5"; then 6 is the smallest other cell → "*"
    values = pd.Series(["a"] * 7 + ["b"] * 2 + ["c"] * 6)
    table = profile_counts(values, {"a": "甲", "b": "乙", "c": "丙"})
    assert table["人数"].tolist() == ["7", "<5", "*", "15"]
    assert table["占比"].tolist() == ["46.7%", "<5", "*", "100.0%"]


def test_weighted_shares_and_stacking():
    values = pd.Series(["a"] * 6 + ["b"] * 6)
    weights = pd.Series([0.5] * 6 + [1.5] * 6)
    table = profile_counts(values, {"a": "甲", "b": "乙"}, weights)
    assert table["加权占比"].tolist() == ["25.0%", "75.0%", "100.0%"]
    stacked = profile_table(pd.DataFrame({"v": values}), {"变量": (values, {"a": "甲", "b": "乙"})}, weights)
    assert stacked["变量"].tolist() == ["变量", ""] and len(stacked) == 2


def test_margin_comparison():
    values = pd.Series(["x", "x", "y"])
    weights = pd.Series([0.75, 0.75, 1.5])
    table = margin_comparison(values, pd.Series({"x": 50, "y": 50}), {"x": "甲", "y": "乙"}, weights)
    assert table["sample_share"].tolist() == pytest.approx([2 / 3, 1 / 3])
    assert table["population_share"].tolist() == [0.5, 0.5]
    assert table["weight"].tolist() == [0.75, 1.5]
