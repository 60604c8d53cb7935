"""第二章's analysis gives every number and word its notebook's prose glues."""

from __future__ import annotations

import pytest

from tests.chapters.notebook_checks import assert_cells_are_text, assert_prose_is_glued, notebook_path
from zhucun.chapters.requirements import analyse
from zhucun.prose.formatting import format_percent


@pytest.fixture(scope="module")
def result():
    return analyse()


def test_every_prose_glue_name_is_a_text_or_a_glued_chart(result):
    prose = assert_prose_is_glued(result.texts, notebook_path("02_requirements"))
    assert {"fig-ch2-composition", "fig-ch2-sample-vs-population", "ch2_implied_total", "ch2_kish_n"} <= prose


def test_table_cells_are_not_floats(result):
    assert_cells_are_text(result.village_types, result.sample, result.duties, result.periods)


def test_implied_total_and_sample(result):
    implied, figures = result.implied, result.figures
    assert implied.low <= implied.estimate <= implied.high
    assert result.texts["ch2_implied_total"] == str(implied.estimate)
    assert result.team_members == figures["cadres_total"] - figures["first_secretaries"]
    assert result.texts["ch2_pop_fs_share"] == format_percent(result.population_fs_share)
    # Post-stratification cannot give more effective respondents than there are.
    assert 0 < result.kish_n <= result.sample_n
    roles = result.sample[result.sample["变量"] == "驻村身份"]
    assert list(roles["总体人数"]) == [str(figures["first_secretaries"]), str(result.team_members)]
