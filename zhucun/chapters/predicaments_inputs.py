"""Chapter 三's analysis: what every section reads (:class:`Inputs`) and the helpers the sections share."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from zhucun.data.codebook import Block, Codebook, Scale
from zhucun.data.survey import Coverage, DataState
from zhucun.number_format import format_chinese_count, format_coefficient, format_share
from zhucun.prose.data_description import not_asked_sentence
from zhucun.prose.glue import MystText
from zhucun.stats.headlines import HeadlineResults

ORDINALS = "一二三四五六七八九十"
SAMPLE_TABLE_VARIABLES = ("role", "gender", "age_group", "education", "dispatch_level", "village_type")
GROUP_TEST_SEED = 20240601  # fixed, so every permutation p-value of the chapter is reproducible
SIGNIFICANCE = 0.05
ABSENT = "—"  # what a number of a block the questionnaire did not ask reads as (its passage says why)
# The survey variable of each grouping of （四）, for the generator's group effects.
GROUPING_VARIABLES = {"驻村身份": "role", "派出单位层级": "dispatch_level", "驻村时长": "tenure_months",
                      "驻村类型": "village_type"}


@dataclass
class Inputs:
    """What every section reads: the data, the weights, the scale scores and the source line."""

    codebook: Codebook
    survey: pd.DataFrame
    weights: pd.Series
    scores: pd.DataFrame
    manifestations: tuple[Scale, ...]  # the asked ones (a scale not asked is in no analysis)
    causes: tuple[Scale, ...]
    role_labels: dict
    tenure_band: pd.Series
    source: str
    state: DataState
    cover: Coverage
    headlines: HeadlineResults

    def manifestations_phrase(self) -> str:
        """'四种表现' when all were asked, else '问卷问到的三种表现'."""
        return _scales_phrase(self.manifestations, self.codebook.scales("manifestation"), "种表现")

    def manifestations_missing(self) -> tuple[Block, ...]:
        return self.cover.scales_not_asked("manifestation")

    def labelled(self, column: str) -> pd.Series:
        """A coded survey column as its Chinese labels (the groups' names in tests and charts), categorical in
        the codebook's order: groups are compared and shown in that order, whatever the order of the rows."""
        labels = self.codebook.labels(column)
        return pd.Series(pd.Categorical(self.survey[column].astype("object").map(labels),
                                        categories=list(labels.values())), index=self.survey.index)


def or_dash(value: float) -> str:
    """A table cell holding a test statistic: two decimals, or '—' where there is none."""
    return ABSENT if np.isnan(value) else format_coefficient(value)


def absent(*keys: str) -> dict[str, str]:
    """The texts of a block not asked: each reads '—' where the prose would state it."""
    return dict.fromkeys(keys, ABSENT)


def not_asked_passage(blocks, analysis: str) -> MystText:
    """That *analysis* could not be run because *blocks* were not asked, and that the numbers the prose
    would state read "—" ('' when nothing is missing)."""
    sentence = not_asked_sentence(blocks, analysis)
    return MystText(f"{sentence}下文以“{ABSENT}”代替无法计算的数字。" if sentence else "")


def _scales_phrase(asked: tuple[Scale, ...], all_scales: tuple[Scale, ...], unit: str) -> str:
    count = format_chinese_count(len(asked)) + unit
    return count if len(asked) == len(all_scales) else "问卷问到的" + count


def interval_cells(lows, highs, formatter) -> list[str]:
    return [f"{formatter(low)}–{formatter(high)}" for low, high in zip(lows, highs)]


def points(difference: float) -> str:
    """A difference of two shares in percentage points, one decimal (as the shares are shown)."""
    return format_share(difference).rstrip("%")


def figure_directive(name: str, caption: str) -> MystText:
    """A glued chart's figure directive (pasted with {glue:md} only when the chart exists)."""
    return MystText(f"```{{glue:figure}} {name}\n:name: {name}\n\n{caption}\n```")
