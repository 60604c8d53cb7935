"""The book's headline results, defined once: the strongest manifestation and the best-rated measure.

Chapters 三, 五, 结论 and the front matter all state them, so they all take them from here:

* **most common manifestation**: the highest 普遍程度 (:func:`zhucun.stats.likert.scale_prevalence`: the
  share of respondents whose scale score is at least 4, unweighted), among the manifestation scales asked;
* **best-rated measure**: the highest share of respondents rating a measure 4 or 5 ("帮助较大/很大"),
  among the measures of question 12.

Each is a :class:`Leader`: the leader (several when they tie at the precision the book shows, the one
tie rule of the book, :func:`tied_at_extreme`), the
runner-up, and a paired test of the difference between them, since the same respondents answered
both: McNemar's test (exact below 25 discordant pairs) on the two "score ≥ 4" or "rated 4–5"
indicators, with the paired difference and its Newcombe interval. Only a significant test lets a
sentence say that the leader is ahead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from zhucun.data.codebook import Codebook, load_codebook
from zhucun.data.survey import coverage
from zhucun.stats.likert import AGREE_SCORE, scale_prevalence, scale_scores
from zhucun.stats.paired_comparisons import mcnemar_test
from zhucun.stats.ratings import HELPFUL_LEVELS

SIGNIFICANCE = 0.05
MEAN_DIGITS = 2    # scores are shown to two decimals …
SHARE_DIGITS = 3   # … and shares as percentages to one decimal


@dataclass(frozen=True)
class Leader:
    """The first of a ranking, its runner-up and the paired test of their difference."""

    ids: tuple[str, ...]        # the leader's id, or the ids of those tied for first
    labels: tuple[str, ...]
    value: float                # the leading value (a mean score or a share)
    runner_up_id: str | None    # the next after the leader(s); None when nothing else was ranked
    runner_up_label: str | None
    runner_up_value: float
    test: str                   # the paired test: 'mcnemar-exact' or 'mcnemar-chi2' ('' for none)
    p_value: float              # NaN without a test
    n_pairs: int                # respondents who answered both
    difference: float = math.nan       # leader − runner-up among the pairs (NaN without a test)
    difference_low: float = math.nan   # Newcombe's paired 95 % interval of the difference
    difference_high: float = math.nan

    @property
    def tied(self) -> bool:
        return len(self.ids) > 1

    @property
    def id(self) -> str:
        return self.ids[0]

    @property
    def label(self) -> str:
        return self.labels[0]

    @property
    def ahead(self) -> bool:
        """Whether the data show the leader ahead of the runner-up (a single leader and a significant test)."""
        return not self.tied and not math.isnan(self.p_value) and self.p_value < SIGNIFICANCE


@dataclass(frozen=True)
class HeadlineResults:
    strongest_manifestation: Leader | None  # the most common manifestation; None when no scale was asked
    best_measure: Leader | None             # None when question 12 was not asked


def tied_at_extreme(values: pd.Series, digits: int, *, lowest: bool = False) -> list:
    """The labels of *values* sharing its highest (or lowest) value as the book shows it, *digits* decimals.

    THE tie rule of every "最高/最低" the book states: two values a reader sees as equal are tied, whatever
    their later digits. Labels keep *values*' order; missing values never lead.
    """
    shown = values.dropna().round(digits)
    if shown.empty:
        return []
    target = shown.min() if lowest else shown.max()
    return [label for label in shown.index if shown[label] == target]


def _leader(values: pd.Series, labels: dict[str, str], digits: int, columns: pd.DataFrame,
            at_least: float) -> Leader:
    """The leader of *values* (ids in codebook order; ties at *digits* decimals) against its runner-up,
    McNemar on the indicators "≥ *at_least*" of *columns*, as the shares count."""
    leaders = tied_at_extreme(values, digits)
    rest = [i for i in values.sort_values(ascending=False, kind="stable").index if i not in leaders]
    runner = rest[0] if rest else None
    test, p, pairs, effect = "", math.nan, 0, (math.nan, math.nan, math.nan)
    if runner is not None and len(leaders) == 1:
        both = columns[[leaders[0], runner]].dropna()
        pairs = len(both)
        result = mcnemar_test(both[leaders[0]], both[runner], at_least=at_least)
        test, p = f"mcnemar-{'exact' if result['method'] == 'exact' else 'chi2'}", result["p"]
        effect = (result["difference"], result["difference_low"], result["difference_high"])
    return Leader(tuple(leaders), tuple(labels[i] for i in leaders), float(values[leaders[0]]), runner,
                  None if runner is None else labels[runner], math.nan if runner is None else float(values[runner]),
                  test, p, pairs, *effect)


def strongest_manifestation(survey: pd.DataFrame, codebook: Codebook | None = None) -> Leader | None:
    """The most common manifestation (highest 普遍程度) against the runner-up, McNemar on "score ≥ 4"."""
    codebook = codebook or load_codebook()
    scales = coverage(survey, codebook).scales("manifestation")
    if not scales:
        return None
    scores = scale_scores(survey, codebook, kind="manifestation")
    prevalence = scale_prevalence(survey, "manifestation", codebook).set_index("scale")  # ranked unweighted
    return _leader(prevalence["share"], {scale.id: scale.name for scale in scales}, SHARE_DIGITS, scores,
                   AGREE_SCORE)


def best_measure(survey: pd.DataFrame, codebook: Codebook | None = None) -> Leader | None:
    codebook = codebook or load_codebook()
    items = [item for scale in coverage(survey, codebook).scales("countermeasure") for item in scale.items]
    if not items:
        return None
    ratings = survey[items].astype("float64")
    shares = ratings.isin(HELPFUL_LEVELS).sum() / ratings.notna().sum()  # a count over a count: exact in any order
    return _leader(shares, {item: codebook.question_text(item) for item in items}, SHARE_DIGITS, ratings,
                   min(HELPFUL_LEVELS))


def headline_results(survey: pd.DataFrame, codebook: Codebook | None = None) -> HeadlineResults:
    """The headline results of *survey* (what the question or scale not asked leaves out is None)."""
    codebook = codebook or load_codebook()
    return HeadlineResults(strongest_manifestation(survey, codebook), best_measure(survey, codebook))

