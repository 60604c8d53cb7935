"""附录's analysis (zhucun.chapters.appendix): the glue names its notebook uses, table cells as text, real content.

The readers behind it (questionnaire, data dictionary, assumption tables) are tested in tests/data/test_provenance.py
and tests/data/test_synthetic_assumptions.py.
"""

from __future__ import annotations

import re

import nbformat
import pandas as pd
import pytest

from zhucun.chapters import appendix
from zhucun.data.codebook import load_codebook

NOTEBOOK = "chapters/08_appendix.ipynb"
TABLES = ("data_dictionary", "csv_columns", "package_versions", "data_hashes",
          "profile_table", "cause_table", "weight_table", "effect_table")


def glue_names(notebook) -> tuple[set[str], set[str]]:
    """Names the markdown cells use ({glue}`…` and glue:figure), and names the code cells glue themselves."""
    markdown = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    used = set(re.findall(r"\{glue(?::\w+)?\}`([^`]+)`", markdown))
    used |= set(re.findall(r"(?:`{3,}|:{3,})\{glue:figure\}\s+(\S+)", markdown))
    return used, set(re.findall(r"\bglue\(\s*\"([^\"]+)\"", code))


@pytest.fixture(scope="module")
def result():
    return appendix.analyse()


def test_every_glue_name_of_the_prose_is_given(book_root, result):
    used, glued_in_notebook = glue_names(nbformat.read(book_root / NOTEBOOK, as_version=4))
    assert used - set(result.texts) - glued_in_notebook == set()
    assert set(result.texts) - used == set(), "texts that no sentence uses"
    assert all(isinstance(text, str) and text for text in result.texts.values())


@pytest.mark.parametrize("table", TABLES)
def test_table_cells_are_text_not_raw_floats(result, table):
    frame: pd.DataFrame = getattr(result, table)
    assert len(frame)
    assert not any(isinstance(value, float) for value in frame.to_numpy().ravel()), table


def test_content(result):
    codebook = load_codebook()
    assert result.checks["题目数"] == len(codebook.questions)
    assert result.texts["ch8_questions"] == str(len(codebook.questions))
    assert result.checks["数据列数"] == result.items_per_question["变量数"].sum()
    assert result.widest_question["变量数"] == result.items_per_question["变量数"].max()
    # The committed survey is synthetic and made by the documented command, which the text says.
    assert result.synthetic
    assert result.texts["ch8_syn_remake"].startswith("用下面的命令可以逐字节重新生成")
    assert f"--seed {result.texts['ch8_syn_seed']}" in result.demo_command
    assert result.texts["ch8_syn_fs_share"] == "55%"
