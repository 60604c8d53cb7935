"""Chapter 五's analysis gives every number and word its notebook's prose glues."""

from __future__ import annotations

import pytest

from tests.chapters.notebook_checks import assert_cells_are_text, assert_prose_is_glued, notebook_path
from zhucun.chapters.countermeasures import analyse
from zhucun.prose.formatting import format_percent


@pytest.fixture(scope="module")
def result():
    return analyse()


def test_every_prose_glue_name_is_a_text_or_a_glued_chart(result):
    prose = assert_prose_is_glued(result.texts, notebook_path("05_countermeasures"))
    assert {"fig-ch5-sankey", "fig-ch5-measure-ratings"} <= prose


def test_table_cells_are_text(result):
    assert_cells_are_text(result.framework_table, result.ratings_table)


def test_best_and_worst_measure(result):
    assert result.top["share"] >= result.bottom["share"]
    assert result.texts["ch5_top_measure"] == result.top["label"]
    assert result.texts["ch5_top_share"] == format_percent(result.top["share"])
    assert result.checks["最高对策"][0] == result.top["measure"]
    assert result.checks["对策数"] == result.n_measures == len(result.framework_table)
    # The ratings table lists the measures best first, as the prose names them.
    assert result.ratings_table["对策"].iloc[0] == result.top["label"]
    assert result.ratings_table["对策"].iloc[-1] == result.bottom["label"]
    # No sentence judges a difference by whether two intervals overlap.
    verdicts = ("区间有重叠", "区间不重叠", "区间都有重叠", "互不重叠")
    assert not any(v in text for text in result.texts.values() for v in verdicts)
