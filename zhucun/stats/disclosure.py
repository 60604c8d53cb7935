"""Small-count suppression for published count tables.

Rules (for a one-way or two-way table given WITH its totals):

* Primary suppression: every cell under the threshold (default 5) is shown
  as "<5". Zeros are suppressed too: with the totals printed, a visible 0
  tells the reader that everyone in that row or column falls in the other
  categories, which is itself a disclosure about a small group; and "<5" is
  still a true statement about a 0. Totals under the threshold are
  suppressed like any other cell.
* Secondary suppression: a row or column (the totals row and column
  included) in which exactly one cell is hidden would let a reader recover
  that cell by subtraction, so its smallest other visible cell is hidden as
  well ("*"), preferring inner cells over the total. This repeats until no
  row or column has exactly one hidden cell.

This is the usual row/column rule, not a full linear-programming audit: in
large tables with many suppressions, combinations of rows and columns may in
principle still narrow a hidden value down; the book's tables are small.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

PRIMARY_MARK = "<{threshold}"
SECONDARY_MARK = "*"


@dataclass(frozen=True)
class SuppressedTable:
    display: pd.DataFrame | pd.Series  # strings to print
    suppressed: pd.DataFrame | pd.Series  # True where hidden (primary or secondary)
    primary: pd.DataFrame | pd.Series  # True where hidden because the count is small
    passes: int  # rounds of secondary suppression until stable (1 = nothing changed after the first)


def _lines(shape: tuple[int, int]) -> list[list[tuple[int, int]]]:
    """Each additive line of a table whose last row and column are totals: every row, then every column."""
    rows, columns = shape
    return ([[(r, c) for c in range(columns)] for r in range(rows)]
            + [[(r, c) for r in range(rows)] for c in range(columns)])


def _check_totals(values: np.ndarray) -> None:
    inner = values[:-1, :-1]
    if values.shape[1] > 1 and not np.array_equal(inner.sum(axis=1), values[:-1, -1]):
        raise ValueError("row totals (last column) do not equal the row sums")
    if values.shape[0] > 1 and not np.array_equal(inner.sum(axis=0), values[-1, :-1]):
        raise ValueError("column totals (last row) do not equal the column sums")
    if values.shape[0] > 1 and values.shape[1] > 1 and values[:-1, -1].sum() != values[-1, -1]:
        raise ValueError("the grand total does not equal the sum of the row totals")


def suppress_small_counts(table: pd.DataFrame | pd.Series, threshold: int = 5) -> SuppressedTable:
    """Hide small counts of a count table whose LAST row and column (or last element) are totals.

    A Series is a one-way table (its last element the total); a DataFrame a
    two-way table with a totals row and column last (as ``pd.crosstab(...,
    margins=True)`` makes). Returns display strings ("<5" for small counts,
    "*" for secondary suppressions) and boolean masks of the same shape.
    """
    one_way = isinstance(table, pd.Series)
    frame = table.to_frame() if one_way else table
    values = frame.to_numpy()
    if not np.issubdtype(values.dtype, np.integer) or (values < 0).any():
        raise ValueError("a count table holds non-negative integers")
    if one_way:
        if values[:-1, 0].sum() != values[-1, 0]:
            raise ValueError("the total (last element) does not equal the sum of the other cells")
        lines = [[(r, 0) for r in range(values.shape[0])]]
    else:
        _check_totals(values)
        lines = _lines(values.shape)

    primary = values < threshold
    hidden = primary.copy()
    passes = 0
    changed = True
    while changed:
        changed, passes = False, passes + 1
        for line in lines:
            if sum(hidden[cell] for cell in line) != 1:
                continue
            candidates = [cell for cell in line[:-1] if not hidden[cell]] or [line[-1]]  # total only if nothing else
            smallest = min(candidates, key=lambda cell: (values[cell], cell))
            hidden[smallest] = True
            changed = True

    display = np.where(primary, PRIMARY_MARK.format(threshold=threshold),
                       np.where(hidden, SECONDARY_MARK, values.astype(str)))
    wrap = (lambda array, dtype: pd.Series(array[:, 0], index=table.index, name=table.name, dtype=dtype)) if one_way \
        else (lambda array, dtype: pd.DataFrame(array, index=table.index, columns=table.columns).astype(dtype))
    return SuppressedTable(wrap(display, "str"), wrap(hidden, bool), wrap(primary, bool), passes)
