"""第二章's analysis gives every number and word its notebook's prose glues."""

from __future__ import annotations

import re

import pytest

from tests.chapters.notebook_checks import assert_cells_are_text, assert_prose_is_glued, notebook_path
from zhucun.chapters.requirements import analyse
from zhucun.number_format import format_share


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
    assert result.texts["ch2_pop_fs_share"] == format_share(result.population_fs_share)
    # Post-stratification cannot give more effective respondents than there are.
    assert 0 < result.kish_n <= result.sample_n
    roles = result.sample[result.sample["变量"] == "驻村身份"]
    assert list(roles["总体人数"]) == [str(figures["first_secretaries"]), str(result.team_members)]


def test_the_sample_is_compared_with_the_population_by_its_gap(result):
    # 52.4% against 38.1%: a 14-point gap is said as such, and the one-point rule (which does not decide
    # here) is not stated.
    text = result.texts["ch2_sample_vs_pop"]
    assert text.startswith("样本比例高于总体") and text.endswith("个百分点") and "持平" not in text


@pytest.mark.parametrize("sample, population, reading", [
    (0.524, 0.381, "样本中第一书记的比例高于总体，所以加权时第一书记的答卷权重小于1、工作队员的权重大于1"),
    (0.2, 0.381, "样本中第一书记的比例低于总体，所以加权时第一书记的答卷权重大于1、工作队员的权重小于1"),
    (0.381, 0.381, "样本与总体的身份构成相同，所以两类答卷的权重都等于1"),
    (float("nan"), 0.381, "样本中第一书记的比例不予公布，加权仍按身份进行"),
])
def test_the_weights_are_read_from_the_sign_of_the_gap(sample, population, reading):
    from zhucun.chapters.requirements import _weight_reading

    assert _weight_reading(sample, population) == reading


def test_weights_and_shares_are_printed_by_their_kind(result):
    assert all(re.fullmatch(r"\d+\.\d{2}", result.texts[name]) for name in ("ch2_weight_fs", "ch2_weight_tm"))
    assert result.texts["ch2_rotated_word"] == "约四成"  # 2200 of 5471 (40.2%), not 接近半数
    assert result.texts["ch2_kish_n"].isdigit()
