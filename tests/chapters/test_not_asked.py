"""A questionnaire that asked less: with any block of the codebook absent, every chapter runs, names what
was not asked, claims no result for it, and still gives every glue name its prose uses."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from tests.chapters.notebook_checks import assert_prose_is_glued, glue_names, notebook_path, pasted_names
from zhucun.chapters import (
    appendix,
    concepts_theory,
    conclusion,
    countermeasures,
    front_page,
    introduction,
    predicaments,
    requirements,
)
from zhucun.chapters.predicaments_inputs import ABSENT
from zhucun.data.codebook import load_codebook
from zhucun.data.survey import load_survey

CODEBOOK = load_codebook()
ALL_BLOCKS = tuple(block.id for block in CODEBOOK.blocks)
SCALE_BLOCKS = ("p1", "p2", "p3", "p4", "c1", "c2", "c3", "c4")
# Each single block, the combination the brief names, all scales, and everything optional at once.
CASES = [(block,) for block in ALL_BLOCKS] + [
    ("p3", "time_use", "countermeasures"), ("p1", "p2", "p3", "p4"), ("c1", "c2", "c3", "c4"),
    ("overall_pressure", "p1", "p2", "p3", "p4"), ALL_BLOCKS]
# chapter module, notebook, and the blocks whose absence it must name
CHAPTERS = {
    "index": (front_page, "index", ALL_BLOCKS),
    "绪论": (introduction, "00_introduction", ALL_BLOCKS),
    "一": (concepts_theory, "01_concepts_theory", SCALE_BLOCKS),
    "二": (requirements, "02_requirements", SCALE_BLOCKS),
    "三": (predicaments, "03_predicaments", predicaments.CHAPTER_BLOCKS),
    "五": (countermeasures, "05_countermeasures", ("countermeasures",)),
    "结论": (conclusion, "06_conclusion", ("p1", "p2", "p3", "p4", "countermeasures")),
    "附录": (appendix, "08_appendix", ALL_BLOCKS),
}


@pytest.fixture(scope="module")
def survey() -> pd.DataFrame:
    return load_survey()


def without(survey: pd.DataFrame, blocks: tuple[str, ...]) -> pd.DataFrame:
    return survey.drop(columns=[name for block in blocks for name in CODEBOOK.block(block).variables])


def run(module, survey: pd.DataFrame):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # small-sample warnings of the statistics are not at issue here
        return module.analyse(survey)


def charts_of(stem: str, result) -> set[str]:
    """The charts the notebook glues in code, the Likert loop's one per asked manifestation."""
    _, glued = glue_names(notebook_path(stem))
    scales = [] if getattr(result, "manifestations", None) is None else result.manifestations.scales
    return ({name for name in glued if "{" not in name}
            | {name.replace("{scale.id}", scale.id) for name in glued if "{" in name for scale in scales})


@pytest.mark.parametrize("blocks", CASES, ids="+".join)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_chapter_runs_names_what_was_not_asked_and_glues_every_name(survey, chapter, blocks):
    module, stem, relevant = CHAPTERS[chapter]
    result = run(module, without(survey, blocks))
    assert_prose_is_glued(result.texts, notebook_path(stem), charts_of(stem, result), allow_empty=True)
    prose = "".join(result.texts.values())
    for block in blocks:
        if block in relevant:
            assert CODEBOOK.block(block).name in prose, f"{chapter} does not say {block} was not asked"
    if set(blocks) & set(relevant):
        assert "无法进行" in prose or "只涉及问卷问到的部分" in prose


def test_with_every_block_asked_no_chapter_speaks_of_one_not_asked(survey):
    for chapter, (module, _, _) in CHAPTERS.items():
        prose = "".join(run(module, survey).texts.values())
        assert "没有问到" not in prose, chapter


@pytest.mark.parametrize("scale", ["p1", "p2", "p3", "p4"])
def test_chapter_three_without_a_manifestation_analyses_the_others(survey, scale):
    result = run(predicaments, without(survey, (scale,)))
    assert [s.id for s in result.manifestations.scales] == [s for s in ("p1", "p2", "p3", "p4") if s != scale]
    # Its heading keeps its name, the interviews (coded on every theme) still count it; every number and word
    # of its evidence reads "—", and the opening says it was not asked.
    own = {key: text for key, text in result.texts.items() if key.startswith(f"ch3_{scale}_")}
    assert {key for key, text in own.items() if text not in (ABSENT, "")} == {
        f"ch3_{scale}_name", f"ch3_{scale}_iv", f"ch3_{scale}_status"}
    assert "这一表现的分析无法进行" in own[f"ch3_{scale}_status"] and ABSENT in own[f"ch3_{scale}_status"]
    assert CODEBOOK.block(scale).name in result.texts["ch3_not_asked"]
    assert f"fig-ch3-likert-{scale}" not in pasted_names(result.texts)
    assert result.texts["ch3_ord_scales"] == "问卷问到的三种表现"
    assert result.causes.rho_matrix.shape == (4, 3)
    assert len(result.ordinal.odds) == len(run(predicaments, survey).ordinal.odds) - 1
    # The cause in the same place has no correlation to state, and says so.
    cause = "c" + scale[1:]
    assert result.texts[f"ch3_{cause}_rho"] == ABSENT
    assert "问卷没有问到" in result.texts[f"ch3_{cause}_elsewhere"]


def test_chapter_three_skips_the_sections_whose_block_is_absent(survey):
    result = run(predicaments, without(survey, ("overall_pressure", "time_use")))
    assert result.ordinal is None and result.time_use is None
    stated = [key for key, text in result.texts.items()
              if key.startswith(("ch3_or_", "ch3_time_", "ch3_brant_", "ch3_role_"))
              and text not in (ABSENT, "") and not key.endswith("_missing")]
    assert not stated
    assert "有序 logistic 回归无法进行" in result.texts["ch3_ordinal_missing"]
    assert "总体压力" in result.texts["ch3_ordinal_missing"]
    assert "工作时间去向的分析无法进行" in result.texts["ch3_time_missing"]
    assert {"fig-ch3-ordinal-odds", "fig-ch3-time-use"}.isdisjoint(pasted_names(result.texts))
    # Without question 10 the group tests compare the scale scores only.
    assert "总体压力" not in "".join(result.groups.table["结果变量"])
    assert "总体压力" not in result.texts["ch3_groups_outcomes"]
    assert result.checks["p1优势比"] is None and result.checks["Brant拒绝数"] is None


def test_chapter_three_without_any_manifestation_keeps_what_needs_none(survey):
    result = run(predicaments, without(survey, ("p1", "p2", "p3", "p4")))
    assert result.manifestations is None and result.ordinal is None and result.causes is None
    # Overall pressure is still compared between groups, without the chart of scale means.
    assert result.groups is not None and result.groups.top_means is None
    assert "fig-ch3-group-differences" not in pasted_names(result.texts)
    # Each cause still reports its items and 普遍程度; its correlations cannot be computed.
    assert result.texts["ch3_c1_prev"] != ABSENT and result.cause_scales is not None
    assert "无法进行" in result.texts["ch3_causes_missing"]
    assert result.texts["ch3_prev_leader"] == ABSENT


def test_chapter_five_and_the_conclusion_without_question_12(survey):
    data = without(survey, ("countermeasures",))
    measures = run(countermeasures, data)
    assert measures.ratings is None and measures.top is None and measures.ratings_table is None
    assert not {"ch5_top_sentence", "ch5_bottom_sentence", "ch5_majority_phrase"} & set(measures.texts)
    assert not measures.rated  # the notebook pastes the reason instead of its ratings section
    assert "受访者对各项对策的评价无法进行" in measures.texts["ch5_ratings_unavailable"]
    assert "fig-ch5-measure-ratings" not in pasted_names(measures.texts)
    assert measures.texts["ch5_ratings_caveat"] == ""
    summary = run(conclusion, data)
    assert "ch6_best_leader" not in summary.texts and summary.checks["最高对策"] is None
    assert "对策帮助程度评价（第12题）" in summary.texts["ch6_best_sentence"]
    # The manifestations are still compared.
    assert summary.headlines.strongest_manifestation is not None and "ch6_strongest_leader" in summary.texts


def test_the_conclusion_compares_only_the_manifestations_asked(survey):
    result = run(conclusion, without(survey, ("p4", "p2")))
    assert list(result.means["scale"]) == ["p1", "p3"]
    assert result.count_word == "两"
    assert "两种困境表现" in result.texts["ch6_scores_figure"] and "两种表现" in result.texts["ch6_strongest_sentence"]
    alone = run(conclusion, without(survey, ("p1", "p2", "p3")))
    assert "唯一一种表现" in alone.texts["ch6_strongest_sentence"]
    assert "ch6_strongest_leader" not in pasted_names(alone.texts)


def test_the_appendix_does_not_cite_results_chapter_three_did_not_compute(survey):
    result = run(appendix, without(survey, ("overall_pressure",)))
    assert "tbl-ch3-ordinal" not in result.texts["ch8_ordinal_sentence"]
    assert "第三章的有序 logit 回归无法进行" in result.texts["ch8_ordinal_sentence"]
    every = run(appendix, without(survey, ALL_BLOCKS))
    assert "tbl-ch3-groups" not in every.texts["ch8_check_paragraph"]
    assert "ch8_syn_nonresponse_observed" not in every.texts
    assert "Cronbach" in every.texts["ch8_alpha_clause"] and "无法进行" in every.texts["ch8_alpha_clause"]
