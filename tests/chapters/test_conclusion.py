"""The conclusion's analysis gives every number and word its notebook's prose glues."""

from __future__ import annotations

import pytest

from tests.chapters.notebook_checks import assert_prose_is_glued, notebook_path
from zhucun.chapters import countermeasures
from zhucun.chapters.conclusion import analyse
from zhucun.data.survey import load_survey


@pytest.fixture(scope="module")
def survey():
    return load_survey()


@pytest.fixture(scope="module")
def result(survey):
    return analyse(survey)


def test_every_prose_glue_name_is_a_text_or_a_glued_chart(result):
    prose = assert_prose_is_glued(result.texts, notebook_path("06_conclusion"))
    assert "fig-ch6-manifestation-agreement" in prose


def test_best_measure_is_chapter_five_s(result, survey):
    five = countermeasures.analyse(survey)
    assert result.texts["ch6_best_measure"] == five.texts["ch5_top_measure"]
    assert result.texts["ch6_best_share"] == five.texts["ch5_top_share"]
    assert result.texts["ch6_measures"] == five.texts["ch5_measures"]


def test_highest_and_lowest_manifestation(result):
    assert result.high["share"] >= result.low["share"]
    assert result.agreement_chart_data["同意比例"].max() == round(result.high["share"], 4)
    assert result.texts["ch6_high_scale"] == result.high["name"]


def test_limits_follow_the_kind_of_data(result, survey):
    assert result.texts["ch6_data_kind"] == ("合成演示数据" if result.survey_state.kind == "synthetic" else "问卷数据")
    real = analyse(survey.drop(columns="synthetic", errors="ignore"))
    assert real.texts["ch6_data_kind"] == "问卷数据"
    assert f"问卷结果来自{len(survey)}份答卷" in real.texts["ch6_limit_data"]
