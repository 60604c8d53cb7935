"""zhucun.stats.multi_select: ranked option shares by hand."""

import pandas as pd
import pytest

from zhucun.stats.multi_select import option_shares


def test_ranked_overall_and_by_group():
    frame = pd.DataFrame({"x": [1, 0, 1], "y": [1, 1, 1]})
    table = option_shares(frame, ["x", "y"], groups=pd.Series(["g", "g", "h"]))
    overall = table[table["group"] == "全部"]
    assert overall["option"].tolist() == ["y", "x"]
    assert overall["share"].tolist() == pytest.approx([1.0, 2 / 3])
    g = table[table["group"] == "g"].set_index("option")
    assert g.loc["x", "share"] == 0.5 and g.loc["x", "n"] == 2
    assert table.set_index(["option", "group"]).loc[("x", "h"), "rank"] == 2
