"""附录's analysis (zhucun.chapters.appendix): the glue names its notebook uses, table cells as text, real content.

The readers behind it (questionnaire, data dictionary, assumption tables) are tested in tests/data/test_provenance.py
and tests/data/test_synthetic_assumptions.py.
"""

from __future__ import annotations

import pytest

from tests.chapters.notebook_checks import assert_cells_are_text, assert_prose_is_glued, notebook_path
from zhucun.chapters import appendix
from zhucun.data.codebook import load_codebook

TABLES = ("data_dictionary", "csv_columns", "package_versions", "data_hashes",
          "profile_table", "cause_table", "weight_table", "effect_table")


@pytest.fixture(scope="module")
def result():
    return appendix.analyse()


def test_every_glue_name_of_the_prose_is_given(result):
    assert_prose_is_glued(result.texts, notebook_path("08_appendix"), all_used=True)


@pytest.mark.parametrize("table", TABLES)
def test_table_cells_are_text_not_raw_floats(result, table):
    assert_cells_are_text(getattr(result, table))


def test_content(result):
    codebook = load_codebook()
    assert result.checks["题目数"] == len(codebook.questions)
    assert result.texts["ch8_questions"] == str(len(codebook.questions))
    assert result.checks["数据列数"] == result.items_per_question["变量数"].sum()
    assert result.widest_question["变量数"] == result.items_per_question["变量数"].max()
    # The committed survey is synthetic and made by the documented command, which the text says.
    assert result.survey_state.kind == "synthetic"
    assert result.texts["ch8_syn_remake"].startswith("用下面的命令可以逐字节重新生成")
    assert f"--seed {result.texts['ch8_syn_seed']}" in result.demo_command
    assert result.texts["ch8_syn_fs_share"] == "55%"


def test_the_multi_select_note_takes_number_and_limit_from_the_codebook(result):
    question = next(q for q in load_codebook().questions if q.kind == "multi_select")
    assert result.texts["ch8_multi_question"] == str(question.number)
    assert result.texts["ch8_multi_limit"] == "零一二三四五六七八九十"[question.max_selected]
