"""zhucun.stats.correlation: Spearman ρ by hand, marks, matrices."""

import numpy as np
import pandas as pd
import pytest

from zhucun.stats.correlation import as_matrices, significance_mark, spearman_matrix


def test_spearman_by_hand():
    # ranks differ by d = (0, 1, 1, 0): ρ = 1 − 6·2/(4·15) = 0.8
    rows = pd.DataFrame({"c": [1.0, 2.0, 3.0, 4.0]})
    columns = pd.DataFrame({"p": [1.0, 3.0, 2.0, 4.0], "q": [4.0, 3.0, 2.0, 1.0]})
    table = spearman_matrix(rows, columns)
    assert table["rho"].tolist() == pytest.approx([0.8, -1.0])
    assert (table["p_adjusted"] >= table["p_value"] - 1e-12).all()
    rho, text = as_matrices(table, ["c"], ["q", "p"])
    assert rho.loc["c", "q"] == pytest.approx(-1.0)
    assert text.loc["c", "p"].startswith("0.80")


def test_constant_column_gives_nan():
    table = spearman_matrix(pd.DataFrame({"c": [1.0, 2.0, 3.0]}), pd.DataFrame({"p": [2.0, 2.0, 2.0]}))
    assert np.isnan(table.loc[0, "rho"]) and table.loc[0, "mark"] == ""


@pytest.mark.parametrize("p, mark", [(0.0005, "***"), (0.001, "**"), (0.009, "**"), (0.04, "*"), (0.05, ""),
                                     (float("nan"), "")])
def test_marks(p, mark):
    assert significance_mark(p) == mark
