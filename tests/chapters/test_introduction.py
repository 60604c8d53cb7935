"""绪论's analysis gives every number and word its notebook's prose glues."""

from __future__ import annotations

import pytest

from tests.chapters.notebook_checks import assert_cells_are_text, assert_prose_is_glued, notebook_path
from zhucun.chapters.introduction import analyse


@pytest.fixture(scope="module")
def result():
    return analyse()


def test_every_prose_glue_name_is_a_text_or_a_glued_chart(result):
    prose = assert_prose_is_glued(result.texts, notebook_path("00_introduction"))
    assert {"fig-ch0-policy-timeline", "fig-ch0-literature-years", "ch0_data_status"} <= prose


def test_table_cells_are_not_floats(result):
    assert_cells_are_text(result.events)


def test_counts_agree(result):
    assert result.n_foreign + result.n_domestic == result.n_literature
    assert result.texts["ch0_lit_total"] == str(result.n_literature)
    assert result.literature_by_year["文献数"].sum() == result.n_literature
    assert list(result.events["序号"]) == list(range(1, result.n_events + 1))
    # National figures read in 万 above 10 000, as published: 9899万 people, 832 counties.
    assert result.texts["ch0_poor_lifted"].endswith("万")
    assert not result.texts["ch0_poor_counties"].endswith("万")
