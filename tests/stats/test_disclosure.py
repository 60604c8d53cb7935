"""Small-count suppression, checked against tables worked out by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from zhucun.stats.disclosure import suppress_small_counts


def test_one_way_primary_and_secondary():
    table = pd.Series([10, 3, 12, 25], index=["a", "b", "c", "合计"])
    result = suppress_small_counts(table)
    # 3 is small; alone in its line it could be recovered as 25-10-12, so the smallest other (10) goes too.
    assert list(result.display) == ["*", "<5", "12", "25"]
    assert list(result.primary) == [False, True, False, False]
    assert list(result.suppressed) == [True, True, False, False]


def test_zero_is_suppressed():
    result = suppress_small_counts(pd.Series([0, 20, 30, 50]))
    assert list(result.display) == ["<5", "*", "30", "50"]


def test_nothing_small_nothing_hidden():
    table = pd.DataFrame([[6, 7, 13], [8, 9, 17], [14, 16, 30]])
    result = suppress_small_counts(table)
    assert not result.suppressed.to_numpy().any() and result.passes == 1
    assert result.display.iloc[2, 2] == "30"


def test_two_way_needs_iteration():
    #          A   B   C | 合计
    # r1       2  10  20 |  32
    # r2      12   9  30 |  51
    # r3       8  15  40 |  63
    # 合计    22  34  90 | 146
    # Pass 1: row r1 has only A hidden -> hide r1B (10 < 20); column A has only r1A -> hide r3A (8 < 12);
    #         column B has only r1B -> hide r2B (9 < 15).
    # Pass 2: row r2 has only B -> hide r2A (12 < 30); row r3 has only A -> hide r3B (15 < 40).
    # Pass 3: every row and column has 0 or >= 2 hidden cells: stable.
    table = pd.DataFrame([[2, 10, 20, 32], [12, 9, 30, 51], [8, 15, 40, 63], [22, 34, 90, 146]],
                         index=["r1", "r2", "r3", "合计"], columns=["A", "B", "C", "合计"])
    result = suppress_small_counts(table)
    assert result.passes == 3
    expected = [["<5", "*", "20", "32"], ["*", "*", "30", "51"], ["*", "*", "40", "63"], ["22", "34", "90", "146"]]
    assert result.display.values.tolist() == expected
    assert result.primary.values.sum() == 1 and result.suppressed.values.sum() == 6
    # No row or column (totals included) is left with exactly one hidden cell.
    hidden = result.suppressed.values
    assert all(row.sum() != 1 for row in hidden) and all(column.sum() != 1 for column in hidden.T)


def test_small_total_is_suppressed_too():
    table = pd.DataFrame([[1, 2, 3], [10, 20, 30], [11, 22, 33]])
    result = suppress_small_counts(table)
    assert result.display.values.tolist()[0] == ["<5", "<5", "<5"]
    hidden = result.suppressed.values
    assert all(row.sum() != 1 for row in hidden) and all(column.sum() != 1 for column in hidden.T)


def test_threshold_and_crosstab_margins():
    frame = pd.DataFrame({"role": ["a"] * 12 + ["b"] * 4, "sex": ["m"] * 8 + ["f"] * 4 + ["m"] * 4})
    table = pd.crosstab(frame["role"], frame["sex"], margins=True, margins_name="合计")
    #        f   m | 合计
    # a      4   8 |  12
    # b      0   4 |   4      0 < 3 hidden; row b then hides m=4; columns f and m hide a's cells.
    # 合计   4  12 |  16
    result = suppress_small_counts(table, threshold=3)
    assert result.display.values.tolist() == [["*", "*", "12"], ["<3", "*", "4"], ["4", "12", "16"]]
    assert list(result.display.columns) == ["f", "m", "合计"]


def test_inconsistent_totals_rejected():
    with pytest.raises(ValueError):
        suppress_small_counts(pd.Series([1, 2, 4]))
    with pytest.raises(ValueError):
        suppress_small_counts(pd.DataFrame([[1, 2, 3], [1, 2, 4], [2, 4, 7]]))
