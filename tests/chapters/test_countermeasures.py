"""Chapter 五's analysis gives every number and word its notebook's prose glues, true on other data too."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from tests.chapters.notebook_checks import assert_cells_are_text, assert_prose_is_glued, notebook_path
from zhucun.chapters.countermeasures import analyse
from zhucun.data.authored_tables import load_measure_basis
from zhucun.data.survey import load_survey
from zhucun.number_format import format_share
from zhucun.stats.headlines import best_measure
from zhucun.stats.paired_comparisons import compare_pairs
from zhucun.stats.ratings import ranked

MEASURES = ["m_duty_list", "m_negative_list", "m_power_list", "m_whistle", "m_informal_training", "m_handover",
            "m_exchange_platform", "m_joint_building", "m_dedicated_team", "m_evaluation", "m_error_tolerance"]


def run(survey):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analyse(survey)


@pytest.fixture(scope="module")
def survey():
    return load_survey()


@pytest.fixture(scope="module")
def result(survey):
    return run(survey)


@pytest.fixture(scope="module")
def perturbed(survey):
    """Other data: 乡村吹哨 rated 5 by everyone (it becomes the best), the rows shuffled."""
    other = survey.assign(m_whistle=5.0).sample(frac=1, random_state=7).reset_index(drop=True)
    return run(other)


def test_every_prose_glue_name_is_a_text_or_a_glued_chart(result):
    prose = assert_prose_is_glued(result.texts, notebook_path("05_countermeasures"))
    assert {"fig-ch5-sankey", "fig-ch5-measure-ratings"} <= prose


def test_table_cells_are_text(result):
    assert_cells_are_text(result.framework_table, result.ratings_table, result.paired_table)


def test_every_measure_has_a_basis_and_a_rating_sentence(result):
    assert set(load_measure_basis()) == {m.id for m in result.framework.measures}
    for measure in load_measure_basis():
        assert f"{{glue}}`ch5_{measure}_share`" in result.texts[f"ch5_{measure}_rating"]
        assert f"{{glue}}`ch5_{measure}_wshare`" in result.texts[f"ch5_{measure}_rating"]


def test_rating_sentences_do_not_repeat_one_frame_more_than_twice(result):
    frames = [result.texts[f"ch5_{m}_rating"].replace(m, "M") for m in MEASURES]
    assert max(frames.count(frame) for frame in frames) <= 2
    groups = [result.texts[f"ch5_g{i}_data"] for i in range(1, 5)]
    assert len({g.split("{glue}")[0] for g in groups}) == 4


def test_best_and_worst_measure(result):
    assert result.top["share"] >= result.bottom["share"]
    assert result.texts["ch5_top_measure"] == result.top["label"]
    assert result.texts["ch5_top_share"] == format_share(result.top["share"])
    assert result.checks["最高对策"][0] == result.top["measure"]
    assert result.checks["对策数"] == result.n_measures == len(result.framework_table)
    # The ratings table lists the measures best first, as the prose names them.
    assert result.ratings_table["对策"].iloc[0] == result.top["label"]
    assert result.ratings_table["对策"].iloc[-1] == result.bottom["label"]
    # No sentence judges a difference by whether two intervals overlap.
    verdicts = ("区间有重叠", "区间不重叠", "区间都有重叠", "互不重叠")
    assert not any(v in text for text in result.texts.values() for v in verdicts)


def test_glued_numbers_are_those_of_the_ratings_and_the_weights(result):
    overall = ranked(result.ratings).set_index("measure")
    weighted = result.weighted.set_index("measure")
    for measure in MEASURES:
        assert result.texts[f"ch5_{measure}_share"] == format_share(overall.loc[measure, "share"])
        assert result.texts[f"ch5_{measure}_wshare"] == format_share(weighted.loc[measure, "share"])
        assert weighted.loc[measure, "low"] <= weighted.loc[measure, "share"] <= weighted.loc[measure, "high"]
    top = result.texts[f"ch5_{result.top['measure']}_standing"]
    assert "最高" in top
    assert result.texts[f"ch5_{result.bottom['measure']}_standing"].endswith("最低")


def test_paired_tests_are_the_best_against_the_others_with_holm(result, survey):
    expected = compare_pairs(survey, [(result.top["measure"], m) for m in MEASURES if m != result.top["measure"]])
    pd.testing.assert_frame_equal(result.paired, expected)
    lower = int(((expected["p_mcnemar_holm"] < 0.05) & (expected["share_a"] > expected["share_b"])).sum())
    assert result.checks["显著低于最高者数"] == lower
    assert result.texts["ch5_pairs"] == str(len(MEASURES) - 1)


def test_other_data_change_the_words_and_numbers(perturbed, result):
    assert perturbed.top["measure"] == "m_whistle" and perturbed.texts["ch5_top_share"] == "100.0%"
    assert perturbed.texts["ch5_m_whistle_standing"] == "在11项对策中获评比例最高"
    assert perturbed.texts["ch5_top_measure"] != result.texts["ch5_top_measure"]
    assert_prose_is_glued(perturbed.texts, notebook_path("05_countermeasures"))
    # Everyone rates it 5, so it is significantly above every other measure.
    assert perturbed.texts["ch5_pairs_phrase"] == "校正后，其余10项的获评比例都显著低于它"


def test_results_do_not_depend_on_row_order(survey, result):
    shuffled = run(survey.sample(frac=1, random_state=3).reset_index(drop=True))
    assert shuffled.texts == result.texts


def test_a_tie_for_best_is_named_as_a_tie(survey):
    tied = run(survey.assign(m_evaluation=survey["m_power_list"], m_handover=5.0, m_whistle=5.0))
    assert set(tied.best.ids) == {"m_handover", "m_whistle"} == set(tied.top_tied) and tied.best.tied
    assert tied.texts["ch5_top_measure"] in ("“建立离任交接制度”和“健全“乡村吹哨，部门报到”机制”",
                                             "“健全“乡村吹哨，部门报到”机制”和“建立离任交接制度”")
    assert "并列" in tied.texts["ch5_ratings_section"]
    assert tied.texts["ch5_m_whistle_standing"] == "与另外1项并列最高"
    assert tied.texts["ch5_m_evaluation_standing"] == tied.texts["ch5_m_power_list_standing"]
    assert "并列" in tied.texts["ch5_m_power_list_standing"]


def test_every_measure_rated_alike_has_no_best(survey):
    same = run(survey.assign(**{m: survey["m_duty_list"] for m in MEASURES}))
    assert len(same.top_tied) == len(MEASURES)
    assert "分不出最高和最低" in same.texts["ch5_ratings_section"]
    assert same.texts["ch5_m_handover_standing"] == "与其余各项对策的获评比例相同"
    assert "ch5_top_bottom_p" not in same.texts


def test_without_question_12_every_measure_sentence_is_empty(survey):
    from zhucun.data.codebook import load_codebook
    data = survey.drop(columns=list(load_codebook().block("countermeasures").variables))
    none = run(data)
    assert all(none.texts[f"ch5_{m}_rating"] == "" for m in MEASURES)
    assert none.paired is None and none.roles is None and none.paired_table is None
    # The data on the manifestations and causes are still there.
    assert "{glue}`ch5_p1_share`" in none.texts["ch5_g1_data"]


def test_the_best_measure_is_the_books_headline(survey, result):
    headline = best_measure(survey)
    assert result.best == headline and result.top_tied == headline.ids
    assert result.top["measure"] == headline.id and result.top["share"] == pytest.approx(headline.value)

