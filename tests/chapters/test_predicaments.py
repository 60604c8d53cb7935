"""Chapter 三's analysis gives every number and word its notebook's prose glues, in words true of the numbers."""

from __future__ import annotations

import math

import pytest

from tests.chapters.notebook_checks import assert_cells_are_text, assert_prose_is_glued, glue_names, notebook_path
from zhucun.chapters.predicaments import analyse
from zhucun.prose.formatting import format_count, format_number, format_p_value, format_percent

NOTEBOOK = notebook_path("03_predicaments")


@pytest.fixture(scope="module")
def result():
    return analyse()


def test_every_prose_glue_name_is_a_text_or_a_glued_chart(result):
    _, glued = glue_names(NOTEBOOK)
    # The four Likert charts are glued in a loop over the manifestations.
    charts = {name.replace("{scale.id}", scale.id) for name in glued for scale in result.manifestations.scales}
    # A phrase may be empty here (ch3_brant_sparse, when no Brant cell is sparse).
    prose = assert_prose_is_glued(result.texts, NOTEBOOK, charts, allow_empty=True)
    assert {"fig-ch3-likert-p1", "fig-ch3-time-use", "fig-ch3-interview-themes"} <= prose
    assert not set(result.texts) & charts


def test_table_cells_are_text(result):
    assert_cells_are_text(result.sample.margins_table, result.sample.profile_table,
                          result.manifestations.agreement_table, result.manifestations.scales_table,
                          result.groups.table, result.ordinal.table, result.ordinal.brant_table)


def test_manifestations(result):
    section = result.manifestations
    assert len(section.scales) == 4
    assert all(1 <= scale.mean <= 5 for scale in section.scales)
    assert section.top_item_share == max(scale.top_share for scale in section.scales)
    for scale in section.scales:
        assert scale.low_share <= scale.top_share
        # Each item's answers are shares of those who answered it.
        assert (scale.shares.sum(axis=1).round(9) == 1).all()
        assert result.texts[f"ch3_{scale.id}_mean"] == format_number(scale.mean)
    # the book's headline is the highest 普遍程度 (share scoring at least 4), not the highest mean
    assert result.texts["ch3_top_scale"] == "”“".join(result.headlines.strongest_manifestation.labels)
    assert ("没有一项" in result.texts["ch3_sum_majority_phrase"]) == (section.majority_items == 0)


def test_counts_and_sentences_agree(result):
    assert result.texts["ch3_n"] == format_count(result.n)
    assert f"n = {result.n}" in result.source
    groups, ordinal, causes = result.groups, result.ordinal, result.causes
    assert 0 <= groups.significant <= groups.tests
    assert result.texts["ch3_tests_n"] == format_count(groups.tests)
    assert f"有{format_count(causes.significant)}对" in result.texts["ch3_rho_sig_phrase"] or causes.significant in (
        0, causes.pairs)
    assert abs(causes.strongest_rho) == pytest.approx(causes.rho_matrix.abs().max().max(), abs=5e-4)
    assert ordinal.n <= result.n
    if ordinal.brant_rejected is not None:
        assert ("没有一个" in result.texts["ch3_brant_rejected_phrase"]) == (not ordinal.brant_rejected)
    # Post-stratification: sample share × weight gives the population share (up to the rounding of a weight
    # shown to two decimals: ±0.005 × a share of at most 100%).
    margins = result.sample.margins_table
    for sample, population, weight in zip(margins["样本占比"], margins["总体占比"], margins["事后分层权重"]):
        assert float(sample.rstrip("%")) * float(weight) == pytest.approx(float(population.rstrip("%")), abs=0.55)


def test_interview_shares_and_time_use(result):
    interviews = result.interviews
    assert 0 <= interviews.top_share <= 1
    assert result.texts["ch3_iv_top_share"] == format_percent(interviews.top_share)
    assert result.time_use.top_share >= result.time_use.second_share
    assert result.time_use.chart_data["选择比例"].between(0, 1).all()


@pytest.mark.parametrize(("p", "text"), [(0.0004, "<0.001"), (0.001, "0.001"), (0.04567, "0.046"), (math.nan, "—")])
def test_format_p_value(p, text):
    assert format_p_value(p) == text
