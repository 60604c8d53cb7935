"""Chapter 四's analysis gives every number and word its notebook's prose glues."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

from zhucun.chapters.regional_experience import analyse

NOTEBOOK = Path(__file__).resolve().parents[2] / "chapters" / "04_regional_experience.ipynb"
PROSE_GLUE = re.compile(r"\{glue(?::text)?\}`([^`]+)`|[`:]{3}\{glue:figure\} (\S+)")
GLUED_IN_CODE = re.compile(r"""\bglue\(\s*["']([^"']+)["']""")


def glue_names(notebook: Path) -> tuple[set[str], set[str]]:
    """The glue names the markdown uses, and those the code cells glue themselves (charts)."""
    nb = nbformat.read(notebook, as_version=4)
    prose = {a or b for cell in nb.cells if cell.cell_type == "markdown" for a, b in PROSE_GLUE.findall(cell.source)}
    code = {name for cell in nb.cells if cell.cell_type == "code" for name in GLUED_IN_CODE.findall(cell.source)}
    return prose, code


@pytest.fixture(scope="module")
def result():
    return analyse()


def test_every_prose_glue_name_is_a_text_or_a_glued_chart(result):
    prose, charts = glue_names(NOTEBOOK)
    assert prose, "no glue names found in the markdown"
    assert prose - set(result.texts) - charts == set()
    assert all(isinstance(text, str) and text for text in result.texts.values())


def test_notebook_is_thin():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell.source for cell in nb.cells if cell.cell_type == "code"]
    assert sum(len(source.splitlines()) for source in code) <= 150
    for source in code:
        tree = ast.parse(source)
        assert not any(isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Lambda)) for node in ast.walk(tree))


def test_table_cells_are_text(result):
    assert not any(isinstance(value, float) for value in result.comparison_table.to_numpy().ravel())


def test_counts_agree_with_the_cases(result):
    n_cases = len(result.cases)
    assert sum(result.found.values()) == n_cases
    assert result.checks["案例数"] == n_cases
    assert result.texts["ch4_regions"] == str(n_cases)
    assert result.texts["ch4_region_list"].split("、") == list(result.cases["region"])
    # Every case's main lesson names it first in that lesson's list.
    lessons = list(result.matrix.columns)
    for row in result.cases.itertuples():
        assert row.region in result.texts[f"ch4_l{lessons.index(row.lesson) + 1}_regions"]
    assert set(result.annotations.to_numpy().ravel()) <= {"主要", "兼及", ""}
