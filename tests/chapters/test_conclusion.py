"""The conclusion's analysis gives every number and word its notebook's prose glues."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

from zhucun.chapters import countermeasures
from zhucun.chapters.conclusion import analyse
from zhucun.data.survey import load_survey

NOTEBOOK = Path(__file__).resolve().parents[2] / "chapters" / "06_conclusion.ipynb"
PROSE_GLUE = re.compile(r"\{glue(?::text)?\}`([^`]+)`|[`:]{3}\{glue:figure\} (\S+)")
GLUED_IN_CODE = re.compile(r"""\bglue\(\s*["']([^"']+)["']""")


def glue_names(notebook: Path) -> tuple[set[str], set[str]]:
    """The glue names the markdown uses, and those the code cells glue themselves (charts)."""
    nb = nbformat.read(notebook, as_version=4)
    prose = {a or b for cell in nb.cells if cell.cell_type == "markdown" for a, b in PROSE_GLUE.findall(cell.source)}
    code = {name for cell in nb.cells if cell.cell_type == "code" for name in GLUED_IN_CODE.findall(cell.source)}
    return prose, code


@pytest.fixture(scope="module")
def survey():
    return load_survey()


@pytest.fixture(scope="module")
def result(survey):
    return analyse(survey)


def test_every_prose_glue_name_is_a_text_or_a_glued_chart(result):
    prose, charts = glue_names(NOTEBOOK)
    assert "fig-ch6-manifestation-agreement" in prose
    assert prose - set(result.texts) - charts == set()
    assert all(isinstance(text, str) and text for text in result.texts.values())


def test_notebook_is_thin():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell.source for cell in nb.cells if cell.cell_type == "code"]
    assert sum(len(source.splitlines()) for source in code) <= 150
    for source in code:
        tree = ast.parse(source)
        assert not any(isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Lambda)) for node in ast.walk(tree))


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
    assert result.texts["ch6_data_kind"] == ("合成演示数据" if result.synthetic else "问卷数据")
    real = analyse(survey.drop(columns="synthetic", errors="ignore"))
    assert real.texts["ch6_data_kind"] == "问卷数据"
    assert f"问卷结果来自{len(survey)}份答卷" in real.texts["ch6_limit_data"]
