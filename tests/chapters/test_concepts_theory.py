"""第一章's analysis gives every number and word its notebook's prose glues."""

from __future__ import annotations

import pytest

from tests.chapters.notebook_checks import assert_prose_is_glued, notebook_path
from zhucun.chapters.concepts_theory import analyse


@pytest.fixture(scope="module")
def result():
    return analyse()


def test_every_prose_glue_name_is_a_text_or_a_glued_chart(result):
    prose = assert_prose_is_glued(result.texts, notebook_path("01_concepts_theory"))
    assert {"fig-ch1-framework-items", "ch1_items_total"} <= prose


def test_table_cells_are_text(result):
    assert all(isinstance(value, str) for value in result.embedding_types.to_numpy().ravel())


def test_framework_items_add_up(result):
    assert sum(result.items_per_kind.values()) == result.n_items == result.framework_items["题项数"].sum()
    assert result.texts["ch1_items_total"] == str(result.n_items)
    assert len(result.framework_items) == result.n_elements
    fewest = result.framework_items["题项数"].min()
    assert result.texts["ch1_fewest_items"] == str(fewest)
    cadres, secretaries, members = (int(result.texts[f"ch1_{name}"])
                                    for name in ("cadres", "first_secretaries", "team_members"))
    assert secretaries + members == cadres
