"""Words that hold under uncertainty: the interval and the weighted estimate decide, at every boundary."""

import math

import pytest

from zhucun.prose.wording import uncertain_share_word


@pytest.mark.parametrize("share, low, high, weighted, word", [
    (0.540, 0.453, 0.626, 0.52, "约半数（与半数的差别不显著）"),       # 五's "过半数…54.0%（45.3%至62.6%）"
    (0.524, 0.437, 0.610, math.nan, "约半数（与半数的差别不显著）"),
    (0.56, 0.50, 0.62, 0.55, "约半数（与半数的差别不显著）"),           # the interval touching 0.5 contains it
    (0.44, 0.38, 0.50, 0.45, "约半数（与半数的差别不显著）"),           # touching from below
    (0.5, 0.41, 0.59, 0.5, "约半数（与半数的差别不显著）"),             # exactly one half
    (0.58, 0.51, 0.66, 0.49, "约半数（未加权过半数，加权后不到半数）"),  # weighted on the other side
    (0.42, 0.35, 0.49, 0.51, "约半数（未加权不到半数，加权后过半数）"),
    (0.58, 0.51, 0.66, 0.50, "约半数（未加权过半数，加权后恰好一半）"),
    (0.58, 0.501, 0.66, 0.57, "过半数"),
    (0.58, 0.501, 0.66, math.nan, "过半数"),                              # no weights: the interval decides
    (0.81, 0.73, 0.87, 0.80, "大多数"),                                   # the lower limit clears 2/3
    (0.75, 0.66, 0.82, 0.74, "过半数"),                                   # 大多数 by the point, not by the interval
    (0.97, 0.91, 0.99, 0.96, "绝大多数"),
    (0.95, 0.88, 0.98, 0.95, "大多数"),
    (0.363, 0.284, 0.450, 0.347, "约四成"),                               # below half: the point's tenth word
    (0.47, 0.40, 0.499, 0.46, "接近半数"),
    (0.02, 0.005, 0.07, 0.02, "极少数"),
    (0.0, 0.0, 0.03, 0.0, "没有"),                                       # true of every respondent: as it is
    (1.0, 0.97, 1.0, 1.0, "全部"),
])
def test_uncertain_share_word_at_its_boundaries(share, low, high, weighted, word):
    assert uncertain_share_word(share, low, high, weighted) == word


@pytest.mark.parametrize("args", [(0.6, math.nan, 0.7), (0.6, 0.62, 0.7), (1.2, 0.5, 1.0), (math.nan, 0.1, 0.2)])
def test_uncertain_share_word_refuses_impossible_input(args):
    with pytest.raises(ValueError):
        uncertain_share_word(*args)
