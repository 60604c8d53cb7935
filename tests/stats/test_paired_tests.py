"""The paired tests agree with scipy and statsmodels and do not depend on the rows' order."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.stats.contingency_tables import mcnemar

from zhucun.stats.paired_tests import mcnemar_exact, wilcoxon_signed_rank

RNG = np.random.default_rng(7)
A = pd.Series(RNG.integers(1, 6, 80), dtype="float64")
B = pd.Series(np.clip(A + RNG.integers(-2, 2, 80), 1, 5), dtype="float64")


def test_wilcoxon_matches_scipy():
    assert wilcoxon_signed_rank(A, B) == pytest.approx(stats.wilcoxon(A, B, zero_method="wilcox").pvalue)


def test_mcnemar_matches_statsmodels_exact():
    x, y = (A >= 4).astype(float), (B >= 4).astype(float)
    table = pd.crosstab(x, y).reindex(index=[0.0, 1.0], columns=[0.0, 1.0], fill_value=0).to_numpy()
    assert mcnemar_exact(x, y) == pytest.approx(mcnemar(table, exact=True).pvalue)


def test_missing_pairs_are_left_out():
    a, b = A.copy(), B.copy()
    a[:5] = np.nan
    b[5:8] = np.nan
    assert wilcoxon_signed_rank(a, b) == pytest.approx(wilcoxon_signed_rank(A[8:], B[8:]))


def test_row_order_does_not_matter():
    order = RNG.permutation(len(A))
    assert wilcoxon_signed_rank(A.iloc[order], B.iloc[order]) == wilcoxon_signed_rank(A, B)
    x, y = (A >= 4).astype(float), (B >= 4).astype(float)
    assert mcnemar_exact(x.iloc[order], y.iloc[order]) == mcnemar_exact(x, y)


def test_no_difference_has_no_test():
    assert math.isnan(wilcoxon_signed_rank(A, A))
    assert math.isnan(mcnemar_exact([1, 0, 1], [1, 0, 1]))


def test_one_sided_discordance():
    # Five respondents say yes to a only, none to b only: p = 2 × 0.5⁵.
    assert mcnemar_exact([1] * 5 + [0] * 3, [0] * 5 + [0] * 3) == pytest.approx(2 * 0.5 ** 5)
