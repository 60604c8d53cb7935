"""Chapter 四's analysis gives every number and word its notebook's prose glues."""

from __future__ import annotations

import pytest

from tests.chapters.notebook_checks import assert_cells_are_text, assert_prose_is_glued, notebook_path
from zhucun.chapters.regional_experience import analyse


@pytest.fixture(scope="module")
def result():
    return analyse()


def test_every_prose_glue_name_is_a_text_or_a_glued_chart(result):
    assert_prose_is_glued(result.texts, notebook_path("04_regional_experience"))


def test_table_cells_are_text(result):
    assert_cells_are_text(result.comparison_table)


def test_counts_agree_with_the_cases(result):
    n_cases = len(result.cases)
    assert sum(result.found.values()) == n_cases
    assert result.checks["案例数"] == n_cases
    assert result.texts["ch4_regions"] == str(n_cases)
    assert result.texts["ch4_region_list"].split("、") == list(result.cases["region"])
    # Every case's main lesson names it first in that lesson's list.
    lessons = list(result.matrix.columns)
    for row in result.cases.itertuples():
        assert row.region in result.texts[f"ch4_l{lessons.index(row.lesson) + 1}_regions"]
    assert set(result.annotations.to_numpy().ravel()) <= {"主要", "兼及", ""}


@pytest.mark.parametrize("most, fewest, total, sentence", [
    (["甲"], ["丁"], 4, "对应案例最多的启示是甲，最少的是丁"),
    (["甲", "乙", "丙"], ["丁"], 4, "甲、乙、丙三条启示并列对应案例最多，最少的是丁"),
    (["甲"], ["丙", "丁"], 4, "对应案例最多的启示是甲，丙、丁两条启示并列对应案例最少"),
    (["甲", "乙", "丙", "丁"], ["甲", "乙", "丙", "丁"], 4, "四条启示对应的案例一样多"),
])
def test_the_lessons_most_and_fewest_served_name_a_tie_as_a_tie(most, fewest, total, sentence):
    from zhucun.chapters.regional_experience import _extremes_sentence

    assert _extremes_sentence(most, fewest, total) == sentence
