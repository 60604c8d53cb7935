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


def test_a_build_from_a_private_file_lists_it_beside_the_committed_one(tmp_path, monkeypatch, book_root):
    # A copy of the book's data with a private survey whose rows are all marked real: the data dictionary (表19)
    # names the file this build read, with its size, digest prefix and state, beside the committed file it replaces.
    import shutil

    import pandas as pd

    from zhucun.data.provenance import sha256
    from zhucun.data.survey import PRIVATE_FOLDER, SURVEY_FILE

    shutil.copytree(book_root / "data", tmp_path / "data")
    (tmp_path / "_toc.yml").write_text("format: jb-book\n")
    survey = pd.read_csv(tmp_path / "data" / SURVEY_FILE, dtype=str, keep_default_na=False)
    private = tmp_path / "data" / PRIVATE_FOLDER / SURVEY_FILE
    private.parent.mkdir()
    survey.head(100).assign(synthetic="0").to_csv(private, index=False)
    monkeypatch.chdir(tmp_path)

    result = appendix.analyse()
    table = result.data_dictionary.set_index("文件")
    read = table.loc[f"{PRIVATE_FOLDER}/{SURVEY_FILE}"]
    assert read["规模"] == f"100行 × {survey.shape[1]}列"
    assert read["SHA-256（前16位）"] == sha256(private)[:16]
    assert read["来源"].startswith("研究者换入的调查数据（没有合成行）")
    assert "这次构建读取" in read["内容"]
    committed = table.loc[SURVEY_FILE]
    assert committed["规模"] == f"{len(survey)}行 × {survey.shape[1]}列"
    assert committed["来源"].startswith("合成演示数据")
    assert f"这次构建没有读取它，读取的是 data/{PRIVATE_FOLDER}/{SURVEY_FILE}" in committed["内容"]
    assert list(table.index).index(f"{PRIVATE_FOLDER}/{SURVEY_FILE}") == list(table.index).index(SURVEY_FILE) + 1
    assert result.survey_state.kind == "real"
    assert f"data/{PRIVATE_FOLDER}/{SURVEY_FILE}" in result.texts["ch8_survey_file"]
    # The full digests of 附录五 stay those of the committed files: the private file's is not listed there.
    assert f"{PRIVATE_FOLDER}/{SURVEY_FILE}" not in result.data_hashes["文件"].tolist()


def test_the_multi_select_note_takes_number_and_limit_from_the_codebook(result):
    question = next(q for q in load_codebook().questions if q.kind == "multi_select")
    assert result.texts["ch8_multi_question"] == str(question.number)
    assert result.texts["ch8_multi_limit"] == "零一二三四五六七八九十"[question.max_selected]
