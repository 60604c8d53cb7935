"""Headline survey numbers of the conclusion: how many respondents agree with each scale.

A respondent "agrees" with a scale when the scale score (mean of the items
answered, :func:`zhucun.survey.scale_scores`, missing when fewer than half of
the items were answered) is 4 or more, i.e. at least "比较同意" on average.
Shares come with Wilson 95% intervals.
"""

from __future__ import annotations

import math

import pandas as pd

from zhucun.codebook import Codebook, load_codebook
from zhucun.likert import wilson_interval
from zhucun.survey import scale_scores

AGREE_SCORE = 4.0


def scale_agreement(survey: pd.DataFrame, kind: str = "manifestation", codebook: Codebook | None = None,
                    alpha: float = 0.05) -> pd.DataFrame:
    """Per scale of *kind*: scale, name, n (score not missing), agree, share, low, high."""
    codebook = codebook or load_codebook()
    scores = scale_scores(survey, codebook, kind=kind)
    rows = []
    for scale in codebook.scales(kind):
        values = scores[scale.id].dropna()
        n = int(len(values))
        agree = int((values >= AGREE_SCORE).sum())
        low, high = wilson_interval(agree, n, alpha)
        rows.append({"scale": scale.id, "name": scale.name, "n": n, "agree": agree,
                     "share": agree / n if n else math.nan, "low": low, "high": high})
    return pd.DataFrame(rows)
